"""`argmap export` from the command line, headless."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from layout_maps import ceasefire_map

ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", "export", *args],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "m.argmap.json"
    path.write_text(ceasefire_map().model_dump_json(), encoding="utf-8")
    return path


def test_svg_and_png_export(map_file: Path, tmp_path: Path) -> None:
    svg = tmp_path / "out.svg"
    done = _run(str(map_file), "-o", str(svg), "--theme", "dark", "--legend")
    assert done.returncode == 0, done.stderr
    assert ET.parse(svg).getroot().find(".//{http://www.w3.org/2000/svg}g[@id='s-q']") is not None
    png = tmp_path / "out.png"
    done = _run(str(map_file), "-o", str(png), "--scale", "0.5", "--subtree", "s-c")
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/x.gif"], "unknown format"),
        (["-o", "{tmp}/x.png", "--subtree", "nope"], "no statement with id 'nope'"),
        (["-o", "{tmp}/x.png", "--scale", "0"], "--scale"),
        (["-o", "{tmp}/missing/x.png"], "does not exist"),
    ],
)
def test_bad_input_exits_non_zero_with_a_message(
    map_file: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    done = _run(str(map_file), *[a.format(tmp=tmp_path) for a in args])
    assert done.returncode != 0
    assert message in done.stderr


def test_unreadable_map_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argmap.json"
    bad.write_text("{not json", encoding="utf-8")
    done = _run(str(bad), "-o", str(tmp_path / "x.svg"))
    assert done.returncode != 0 and "bad.argmap.json" in done.stderr


def test_weights_box_and_expanded_branches_on_the_sample(tmp_path: Path) -> None:
    from argmap.analysis.report import analyze  # noqa: PLC0415
    from argmap.io.map_file import load_map  # noqa: PLC0415
    from argmap.resources import resource  # noqa: PLC0415

    sample = str(resource("sample.argmap.json"))
    doc = load_map(sample)
    folded, full, weighed = tmp_path / "f.svg", tmp_path / "e.svg", tmp_path / "w.svg"
    assert _run(sample, "-o", str(folded)).returncode == 0
    assert _run(sample, "-o", str(full), "--expanded").returncode == 0
    assert _run(sample, "-o", str(weighed), "--weights").returncode == 0

    statement_ids = {s.id for s in doc.statements}

    def groups(path: Path) -> int:
        root = ET.parse(path).getroot()
        ids = {g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g")}
        return len(ids & statement_ids)

    hidden = [s.id for s in doc.statements if s.id in doc.view.collapsed]
    assert hidden and groups(full) == len(doc.statements) > groups(folded)
    leader = analyze(doc).leader
    assert leader is not None
    percent = f"{round(leader.weight * 100)} %"
    assert percent in weighed.read_text(encoding="utf-8")
