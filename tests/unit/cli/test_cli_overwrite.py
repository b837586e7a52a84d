"""The command line never replaces a map or a write-protected file unless told to (--force),
keeps the old version as .bak when it does, and follows links as saving does."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from layout_maps import ceasefire_map

from argmap.io.map_file import load_map, save_map

ROOT = Path(__file__).resolve().parents[3]
OVA = ROOT / "tests" / "fixtures" / "aif" / "ova3_save.json"
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "ceasefire_notes.md"


def _argmap(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )


@pytest.fixture
def mine(tmp_path: Path) -> Path:
    """The user's own map, bigger than what a small AIF file converts to."""
    path = tmp_path / "mine.argmap.json"
    save_map(ceasefire_map(), path)
    return path


def _bak(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def test_convert_does_not_replace_a_map_unless_forced(mine: Path) -> None:
    before = mine.read_bytes()

    done = _argmap("convert", OVA, mine)

    assert done.returncode == 1
    assert "is an existing argmap map; nothing was written. Pass --force" in done.stderr
    assert mine.read_bytes() == before and not _bak(mine).exists()

    done = _argmap("convert", OVA, mine, "--force")
    assert done.returncode == 0, done.stderr
    assert _bak(mine).read_bytes() == before
    assert load_map(mine).statements != load_map(_bak(mine)).statements


def test_a_json_map_under_another_name_is_recognised(mine: Path, tmp_path: Path) -> None:
    disguised = tmp_path / "notes.json"
    disguised.write_bytes(mine.read_bytes())
    done = _argmap("convert", mine, disguised, "--to", "aif")
    assert done.returncode == 1 and "is an existing argmap map" in done.stderr
    assert disguised.read_bytes() == mine.read_bytes()


def test_convert_onto_a_write_protected_file(mine: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("my notes")
    out.chmod(0o444)

    done = _argmap("convert", mine, out)
    assert done.returncode == 1 and "report.md is write-protected" in done.stderr
    assert out.read_text() == "my notes"

    assert _argmap("convert", mine, out, "--force").returncode == 0
    assert out.read_text().startswith("#") and _bak(out).read_text() == "my notes"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444  # still protected


def test_an_ordinary_output_is_replaced_as_usual(mine: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("last run")
    assert _argmap("convert", mine, out).returncode == 0
    assert out.read_text() != "last run" and not _bak(out).exists()


def test_convert_follows_a_link_as_saving_does(mine: Path, tmp_path: Path) -> None:
    real = tmp_path / "real" / "out.aif.json"
    real.parent.mkdir()
    real.write_text("{}")
    link = tmp_path / "out.aif.json"
    link.symlink_to(real)

    assert _argmap("convert", mine, link).returncode == 0

    assert link.is_symlink() and link.resolve() == real
    assert '"nodes"' in real.read_text()

    map_link = tmp_path / "link.argmap.json"
    map_link.symlink_to(mine)
    done = _argmap("convert", OVA, map_link)
    assert done.returncode == 1 and f"(a link to {mine})" in done.stderr


def test_export_onto_a_write_protected_file(mine: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.svg"
    out.write_text("<svg>kept</svg>")
    out.chmod(0o444)
    done = _argmap("export", mine, "-o", out)
    assert done.returncode == 2 and "map.svg is write-protected" in done.stderr
    assert out.read_text() == "<svg>kept</svg>"
    assert _argmap("export", mine, "-o", out, "--force").returncode == 0
    assert "<g" in out.read_text() and _bak(out).read_text() == "<svg>kept</svg>"


def test_export_onto_a_link_replaces_the_target(mine: Path, tmp_path: Path) -> None:
    real = tmp_path / "figures" / "map.png"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "map.png"
    link.symlink_to(real)
    assert _argmap("export", mine, "-o", link, "--scale", "0.3").returncode == 0
    assert link.is_symlink() and real.read_bytes().startswith(b"\x89PNG")


def test_import_into_a_write_protected_map(mine: Path) -> None:
    before = mine.read_bytes()
    mine.chmod(0o444)
    done = _argmap("import", ARTICLE, "--into", mine)
    assert done.returncode == 1 and "mine.argmap.json is write-protected" in done.stderr
    assert mine.read_bytes() == before

    done = _argmap("import", ARTICLE, "--into", mine, "--force")
    assert done.returncode == 0, done.stderr
    assert len(load_map(mine).sources) == len(load_map(_bak(mine)).sources) + 1


def test_import_into_a_map_keeps_a_bak(mine: Path) -> None:
    before = mine.read_bytes()
    assert _argmap("import", ARTICLE, "--into", mine).returncode == 0
    assert _bak(mine).read_bytes() == before


def test_doctor_does_not_replace_another_map_unless_forced(mine: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.argmap.json"
    doc = ceasefire_map()
    doc.view.collapsed = ["s-gone"]  # a warning: repairable
    save_map(doc, broken)
    before = mine.read_bytes()

    done = _argmap("doctor", broken, "--repair", "-o", mine)
    assert done.returncode == 2 and "is an existing argmap map" in done.stdout
    assert mine.read_bytes() == before

    done = _argmap("doctor", broken, "--repair", "-o", mine, "--force")
    assert done.returncode == 1 and "repaired copy written" in done.stdout
    assert _bak(mine).read_bytes() == before


def test_a_killed_converts_empty_temporary_file_is_cleared(mine: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.aif.json"
    left = tmp_path / ".out.aif.json.k1ll3d.tmp"  # what a convert killed mid-write leaves
    left.touch()
    hour_ago = time.time() - 3600
    os.utime(left, (hour_ago, hour_ago))

    assert _argmap("convert", mine, out).returncode == 0

    assert not left.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.argmap.json", "out.aif.json"]
