"""``argmap snapshot``, ``history``, ``resolve`` and ``score`` as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from argmap.analysis.report import analyze
from argmap.io.map_file import load_map, save_map
from argmap.model import ArgMap, Outcome, Snapshot, Statement, StatementKind
from argmap.resources import resource


def _argmap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip


def test_snapshots_history_resolution_and_scores_of_the_sample(tmp_path: Path) -> None:
    path = tmp_path / "kremlin.argmap.json"
    shutil.copyfile(str(resource("sample.argmap.json")), path)
    first = _argmap("snapshot", str(path), "--as-of", "2026-11-01", "--note", "first look")
    assert first.returncode == 0, first.stderr
    doc = load_map(path)
    leader = max(analyze(doc).scenarios, key=lambda s: s.weight)
    assert f"as of 2026-11-01: {leader.title} {round(100 * leader.weight)} %" in first.stdout
    frozen = doc.statement("s-sc-frozen")
    old_prior = frozen.prior
    assert old_prior is not None and old_prior < 0.4
    doc.statement("s-sc-frozen").prior = 0.4  # the analyst now thinks a freeze likelier
    save_map(doc, path)
    assert _argmap("snapshot", str(path), "--as-of", "2026-12-03").returncode == 0
    listed = _argmap("history", str(path))
    assert [line[:10] for line in listed.stdout.splitlines()] == ["2026-11-01", "2026-12-03"]
    compared = _argmap("history", str(path), "--compare", "first", "last")
    lines = compared.stdout.splitlines()
    assert "1 changes, largest effect first:" in lines
    assert any(
        line.startswith(f"  prior of '{frozen.text}': {old_prior:.2f} → 0.40: {frozen.text} +")
        for line in lines
    ), lines
    resolved = _argmap("resolve", str(path), "s-sc-frozen", "--date", "2026-12-31")
    assert resolved.returncode == 0, resolved.stderr
    assert "mean over 2 snapshots: Brier" in resolved.stdout
    scored = _argmap("score", str(tmp_path), "--json")
    report = json.loads(scored.stdout)
    [entry] = report["maps"]
    assert entry["resolved"] and len(entry["scores"]) == 2
    assert report["calibration"]["questions"] == 1 and not report["calibration"]["enough"]
    text = _argmap("score", str(tmp_path)).stdout
    assert "too few resolved questions for a reliability diagram (1 of the 10 needed)" in text


def test_bad_dates_and_unknown_scenarios_are_refused_and_the_map_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kremlin.argmap.json"
    shutil.copyfile(str(resource("sample.argmap.json")), path)
    before = path.read_bytes()
    bad = _argmap("snapshot", str(path), "--as-of", "3 December")
    assert bad.returncode == 2 and "'3 December' is not a date (YYYY-MM-DD)" in bad.stderr
    unknown = _argmap("resolve", str(path), "Peace", "--date", "2026-12-31")
    assert unknown.returncode == 2 and "no single scenario 'Peace'" in unknown.stderr
    assert path.read_bytes() == before


def test_score_draws_the_reliability_diagram_once_ten_questions_resolved(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    for k in range(10):  # each gives "a" 70 %, 20 % and 10 % to the others; "a" happens 7 times
        doc = ArgMap(
            statements=[Statement(id=s, kind=StatementKind.SCENARIO, text=s) for s in "abc"],
            snapshots=[Snapshot(id="snap-1", as_of="2026-11-01",
                                weights={"a": 0.7, "b": 0.2, "c": 0.1})],
            outcome=Outcome(scenario="a" if k < 7 else "b", resolved="2026-12-01"),
        )  # fmt: skip
        save_map(doc, folder / f"q{k}.argmap.json")
    svg = tmp_path / "reliability.svg"
    done = _argmap("score", str(folder), "--svg", str(svg))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert (
        "calibration: 10 questions, 30 forecasts (each scenario of each map's last snapshot)"
        in lines
    )
    row = next(line for line in lines if line.startswith("   70– 80 %"))
    assert row.startswith("   70– 80 %  10    70 %    70 %  [") and "X" in row  # on the diagonal
    ns = {"svg": "http://www.w3.org/2000/svg"}
    circles = ET.parse(svg).getroot().findall("svg:circle", ns)
    assert len(circles) == 3  # bins 10-20 %, 20-30 %, 70-80 %
    assert all(c.get("fill") == "#0072B2" for c in circles)  # each holds 10 forecasts
