"""`argmap validate` lists every kind of problem at once, and `argmap doctor --repair`
clamps a number outside its range (both run as a user runs them, in a subprocess).

The map: a credibility of 1.7, a quote citing a missing source, an inference concluding
a missing statement, and an article edited after it was quoted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from argmap.io.map_file import dumps_map, load_map
from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind

TEXT = "Grain exports resumed. Shelling continued."


def _damaged_map_text() -> str:
    doc = ArgMap(
        sources=[Source.from_text("src-1", TEXT)],
        quotes=[
            Quote.from_range("q-1", "src-1", TEXT, 0, 22),
            Quote.from_range("q-2", "src-gone", TEXT, 23, 42),
        ],
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="Trade thaws", credibility=0.5),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Grain", quotes=["q-1"]),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-gone")],
    )
    data = json.loads(dumps_map(doc))
    data["statements"][0]["credibility"] = 1.7
    edited = "Grain imports resumed. Shelling continued."  # the article, edited
    data["sources"][0]["text"] = edited
    return json.dumps(data, indent=2)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.argmap.json"
    path.write_text(_damaged_map_text(), encoding="utf-8")
    return path


def test_validate_lists_the_range_the_dangling_references_and_the_edited_article(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path)
    result = _run("validate", "--json", str(path))
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)[0]["problems"]
    found = {(p["path"], p["code"], p["severity"]) for p in problems}
    assert found == {
        ("statements[0].credibility", "out-of-range", "error"),
        ("quotes[1].source", "dangling-reference", "error"),
        ("inferences[0].conclusion", "dangling-reference", "error"),
        ("sources[0].sha256", "source-checksum", "warning"),
        ("quotes[0].exact", "quote-mismatch", "warning"),
    }
    credibility = next(p for p in problems if p["code"] == "out-of-range")
    assert "1.7" in credibility["message"]


def test_validate_text_names_each_problem(tmp_path: Path) -> None:
    path = _write(tmp_path)
    result = _run("validate", str(path))
    assert result.returncode == 1
    assert "invalid — 3 errors, 2 warnings" in result.stdout
    assert "statements[0].credibility: error:" in result.stdout
    assert "inferences[0].conclusion: error:" in result.stdout


def test_doctor_repair_clamps_the_number_and_says_so(tmp_path: Path) -> None:
    path = _write(tmp_path)
    before = path.read_bytes()
    out = tmp_path / "fixed.argmap.json"
    result = _run("doctor", str(path), "--repair", "-o", str(out), "--json")
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["readable"] is True
    changes = {c["path"]: c for c in report["repair"]["changes"]}
    clamp = changes["statements[0].credibility"]
    assert clamp["code"] == "out-of-range"
    assert "1.7" in clamp["action"] and "1" in clamp["action"]
    repaired = load_map(out)
    assert repaired.statement("s-1").credibility == 1.0
    assert path.read_bytes() == before  # the input is never changed
