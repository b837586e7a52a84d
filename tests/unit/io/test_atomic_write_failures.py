"""A write that fails says why in plain words, leaves the old file and no temporary
file; every temporary lies hidden beside its target, where the next write clears it."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from argmap.io import atomic_write
from argmap.io.atomic_write import (
    WriteFailedError,
    os_reason,
    pdf_is_whole,
    png_is_whole,
    remove_stale_temporaries,
    write_atomically,
    write_file,
)


def _writes(data: bytes) -> atomic_write.Produce:
    def produce(tmp: str) -> None:
        Path(tmp).write_bytes(data)

    return produce


def _oserror(code: int) -> OSError:
    return OSError(code, os.strerror(code))


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EPERM, "permission denied"),
        (errno.EACCES, "permission denied"),
        (errno.EISDIR, "it is a folder"),
        (errno.ENOTDIR, "part of the path is not a folder"),
        (errno.EDQUOT, "the disk quota is exceeded"),
        (errno.EROFS, "the disk is read-only"),
    ],
)
def test_system_errors_are_told_in_plain_words(code: int, words: str) -> None:
    assert os_reason(_oserror(code)) == words


def test_an_error_without_a_number_is_told_as_it_is() -> None:
    assert os_reason(OSError("the network share went away")) == "the network share went away"


def test_a_path_through_a_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    target = tmp_path / "notes.txt" / "m.argmap.json"
    with pytest.raises(WriteFailedError) as caught:
        write_atomically(target, b"{}")
    assert str(caught.value) == (f"{target}: part of the path is not a folder; no file was written")
    assert caught.value.errno == errno.ENOTDIR
    assert caught.value.existed is False
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_folder_in_the_way_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "m.argmap.json"
    target.mkdir()
    with pytest.raises(WriteFailedError) as caught:
        write_atomically(target, b"{}")
    assert str(caught.value) == (
        f"{target}: it is not a regular file; the previous file is unchanged"
    )
    assert caught.value.existed is True
    assert target.is_dir()


def test_write_atomically_keeps_a_backup_unless_told_not_to(tmp_path: Path) -> None:
    target = tmp_path / "m.argmap.json"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert (tmp_path / "m.argmap.json.bak").read_bytes() == b"one"


def test_write_file_keeps_no_backup_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    write_file(target, _writes(b"<svg/>"))
    write_file(target, _writes(b"<svg></svg>"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.svg"]


def test_every_temporary_lies_hidden_beside_the_file_and_is_named_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[Path] = []
    real_mkstemp = tempfile.mkstemp

    def recording_mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        made.append(Path(name))
        return fd, name

    monkeypatch.setattr(atomic_write.tempfile, "mkstemp", recording_mkstemp)
    target = tmp_path / "m.argmap.json"
    write_atomically(target, b"one")
    write_atomically(target, b"two")  # a backup now: a second temporary
    assert len(made) == 3
    for name in made:
        assert name.parent == tmp_path
        assert name.suffix == ".tmp"
    kept_aside = [p.name.startswith(".m.argmap.json.bak.") for p in made]
    assert kept_aside == [False, False, True]  # the new file twice, then the backup
    assert all(p.name.startswith(".m.argmap.json.") for p in made)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap.json", "m.argmap.json.bak"]


def test_a_disk_without_hard_links_still_gets_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.argmap.json"
    write_atomically(target, b"one")

    def no_links(*args: Any, **kwargs: Any) -> None:
        raise _oserror(errno.EPERM)

    monkeypatch.setattr(atomic_write.os, "link", no_links)
    write_atomically(target, b"two")
    assert (tmp_path / "m.argmap.json.bak").read_bytes() == b"one"
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap.json", "m.argmap.json.bak"]


def test_a_backup_that_cannot_be_made_stops_the_write_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "m.argmap.json"
    write_atomically(target, b"one")
    real_replace = os.replace

    def refuse_backup(src: str, dst: Any) -> None:
        if str(dst).endswith(".bak"):
            raise _oserror(errno.EACCES)
        real_replace(src, dst)

    monkeypatch.setattr(atomic_write.os, "replace", refuse_backup)
    with pytest.raises(WriteFailedError) as caught:
        write_atomically(target, b"two")
    assert os_reason(caught.value) == "permission denied; the previous file is unchanged"
    assert target.read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap.json"]


def test_a_folder_that_cannot_be_synced_does_not_fail_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Some network disks refuse fsync on a folder; the file itself was synced.
    real_fsync = os.fsync

    def fsync_files_only(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise _oserror(errno.EINVAL)
        real_fsync(fd)

    monkeypatch.setattr(atomic_write.os, "fsync", fsync_files_only)
    target = tmp_path / "m.argmap.json"
    write_atomically(target, b"saved")
    assert target.read_bytes() == b"saved"


def _stale(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"half")
    old = time.time() - 2 * atomic_write.STALE_TEMP_SECONDS
    os.utime(path, (old, old))
    return path


def test_temporaries_a_killed_save_left_are_counted_and_cleared(tmp_path: Path) -> None:
    target = tmp_path / "m.argmap.json"
    target.write_bytes(b"{}")
    assert remove_stale_temporaries(target) == 0
    _stale(tmp_path, ".m.argmap.json.abc123.tmp")
    _stale(tmp_path, ".m.argmap.json.bak.def456.tmp")
    fresh = tmp_path / ".m.argmap.json.ghi789.tmp"  # another process is saving now
    fresh.write_bytes(b"busy")
    assert remove_stale_temporaries(target) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "m.argmap.json"]


def test_a_dangling_link_named_like_a_temporary_does_not_stop_the_clear_up(
    tmp_path: Path,
) -> None:
    target = tmp_path / "m.argmap.json"
    (tmp_path / ".m.argmap.json.zzz.tmp").symlink_to(tmp_path / "gone")
    _stale(tmp_path, ".m.argmap.json.aaa.tmp")
    write_atomically(target, b"saved")
    assert target.read_bytes() == b"saved"
    assert not (tmp_path / ".m.argmap.json.aaa.tmp").exists()


def test_an_interrupted_producer_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_bytes(b"<svg/>")

    def interrupted(tmp: str) -> None:
        Path(tmp).write_bytes(b"<sv")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_file(target, interrupted)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.svg"]
    assert target.read_bytes() == b"<svg/>"


def test_a_producer_that_removed_its_temporary_fails_cleanly(tmp_path: Path) -> None:
    def vanishing(tmp: str) -> None:
        os.unlink(tmp)
        raise _oserror(errno.EIO)

    with pytest.raises(WriteFailedError) as caught:
        write_file(tmp_path / "map.svg", vanishing)
    assert os_reason(caught.value).endswith("; no file was written")
    assert list(tmp_path.iterdir()) == []


class _Disk:
    def __init__(self, free_blocks: int, block: int = 4096) -> None:
        self.f_bavail, self.f_frsize = free_blocks, block


def _disk_with(monkeypatch: pytest.MonkeyPatch, free_blocks: int) -> None:
    monkeypatch.setattr(atomic_write.os, "statvfs", lambda _path: _Disk(free_blocks))


@pytest.mark.parametrize(
    ("free_blocks", "hint"),
    [(10, " (the disk is full)"), (256, ""), (1000, "")],  # 40 KB; exactly 1 MB; 4 MB
)
def test_a_file_cut_short_says_the_disk_is_full_only_when_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, free_blocks: int, hint: str
) -> None:
    _disk_with(monkeypatch, free_blocks)
    with pytest.raises(WriteFailedError) as caught:
        write_file(tmp_path / "map.svg", _writes(b""))
    assert os_reason(caught.value) == f"nothing was written{hint}; no file was written"


def test_a_full_disk_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _disk_with(monkeypatch, 0)

    def disk_full(tmp: str) -> None:
        raise _oserror(errno.ENOSPC)

    with pytest.raises(WriteFailedError) as caught:
        write_file(tmp_path / "map.svg", disk_full)
    assert os_reason(caught.value) == "the disk is full; no file was written"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"GIF89a", "the PNG writer did not write a PNG"),
        (atomic_write.PNG_SIGNATURE + b"\0" * 8, "the PNG came out incomplete (no end chunk)"),
    ],
)
def test_what_is_wrong_with_a_png_is_said(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "x.png"
    path.write_bytes(data)
    assert png_is_whole(path) == problem


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"<svg/>", "the PDF writer did not write a PDF"),
        (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n", "the PDF came out incomplete (no trailer)"),
        (
            b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n",
            "the PDF came out incomplete (no trailer)",
        ),
        (b"%PDF-1.4\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n", ""),
    ],
)
def test_what_is_wrong_with_a_pdf_is_said(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    assert pdf_is_whole(path) == problem
