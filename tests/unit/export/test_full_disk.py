"""Writing onto a full disk: the command fails, says so, and the previous file is unchanged.

Qt's PDF and PNG writers do not report a write that ran out of room: the PDF used to be
cut at 8,192 bytes, renamed over a good one, and reported as written (exit 0). Two real
ways to run out of room, through the installed command in a fresh process:

- a tiny tmpfs filled up (needs root and mount; skipped where mount is refused);
- a file-size limit (RLIMIT_FSIZE, any user): writes past it fail with EFBIG.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from layout_maps import ceasefire_map

from argmap.io.map_file import save_map

FORMATS = ("pdf", "png", "svg")


def _argmap(*args: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def limited() -> None:
        if limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        preexec_fn=limited if limit is not None else None,
    )


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.argmap.json"
    save_map(ceasefire_map(), path)
    return path


def _tmpfs(folder: Path, kib: int) -> bool:
    folder.mkdir()
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    if not _tmpfs(disk, 512):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def _fill(disk: Path, leave: int) -> None:
    """Fill ``disk`` up, then free ``leave`` bytes (room for a start, not for a whole file)."""
    filler = disk / "filler"
    with contextlib.suppress(OSError), open(filler, "wb", buffering=0) as handle:
        while True:
            handle.write(b"\0" * 4096)
    os.truncate(filler, max(0, filler.stat().st_size - leave))


def _only_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _assert_refused(done: subprocess.CompletedProcess[str], out: Path, before: bytes) -> None:
    assert done.returncode != 0, done.stdout
    assert "wrote" not in done.stdout
    assert "Traceback" not in done.stderr
    assert f"{out.name}: cannot write:" in done.stderr
    assert "the previous file is unchanged" in done.stderr
    assert out.read_bytes() == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_onto_a_full_disk_keeps_the_previous_file(
    map_file: Path, tiny_disk: Path, fmt: str
) -> None:
    out = tiny_disk / f"out.{fmt}"
    assert _argmap("export", str(map_file), "-o", str(out)).returncode == 0
    before = out.read_bytes()
    _fill(tiny_disk, leave=len(before) // 3)

    done = _argmap("export", str(map_file), "-o", str(out), "--theme", "dark")

    _assert_refused(done, out, before)
    assert "the disk is full" in done.stderr
    assert _only_files(tiny_disk) == ["filler", out.name]  # no temporary file left


def test_convert_onto_a_full_disk_keeps_the_previous_file(map_file: Path, tiny_disk: Path) -> None:
    out = tiny_disk / "out.aif.json"
    assert _argmap("convert", str(map_file), str(out)).returncode == 0
    before = out.read_bytes()
    _fill(tiny_disk, leave=len(before) // 3)

    done = _argmap("convert", str(map_file), str(out))

    assert done.returncode != 0
    assert "the disk is full" in done.stderr and "the previous file is unchanged" in done.stderr
    assert out.read_bytes() == before
    assert _only_files(tiny_disk) == ["filler", out.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_cut_short_by_a_file_size_limit_keeps_the_previous_file(
    map_file: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"out.{fmt}"
    assert _argmap("export", str(map_file), "-o", str(out)).returncode == 0
    before = out.read_bytes()
    assert len(before) > 8192

    done = _argmap("export", str(map_file), "-o", str(out), "--theme", "dark", limit=8192)

    _assert_refused(done, out, before)
    assert _only_files(tmp_path) == ["m.argmap.json", out.name]


WHOLE: dict[str, Callable[[bytes], bool]] = {
    "pdf": lambda data: data.startswith(b"%PDF-") and b"%%EOF" in data[-64:],
    "png": lambda data: data.startswith(b"\x89PNG") and data.endswith(b"IEND\xaeB`\x82"),
    "svg": lambda data: data.rstrip().endswith(b"</svg>"),
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_new_export_cut_short_leaves_no_file(map_file: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"new.{fmt}"
    done = _argmap("export", str(map_file), "-o", str(out), limit=8192)
    assert done.returncode != 0
    assert "no file was written" in done.stderr
    assert not out.exists()
    assert _only_files(tmp_path) == ["m.argmap.json"]
    done = _argmap("export", str(map_file), "-o", str(out))
    assert done.returncode == 0 and WHOLE[fmt](out.read_bytes())


def test_every_export_format_follows_the_umask(map_file: Path, tmp_path: Path) -> None:
    """PNG and PDF came out 0600 (a private temporary file renamed), SVG 0644."""
    modes = {}
    for fmt in FORMATS:
        out = tmp_path / f"out.{fmt}"
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "export", str(map_file), "-o", str(out)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
            preexec_fn=lambda: os.umask(0o027),
        )
        assert done.returncode == 0, done.stderr
        modes[fmt] = stat.S_IMODE(out.stat().st_mode)
    assert modes == {"pdf": 0o640, "png": 0o640, "svg": 0o640}
