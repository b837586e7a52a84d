"""`argmap analyze`: the table for people, the JSON for scripts, messages for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis.report import analyze
from argmap.cli import main
from argmap.model import ArgMap, Inference, Statement, StatementKind

DOC = ArgMap(
    title="Ceasefire talks",
    question="q",
    statements=[
        Statement(id="q", kind=StatementKind.QUESTION, text="Will the Kremlin accept a ceasefire?"),
        Statement(
            id="h1", kind=StatementKind.SCENARIO, text="Ceasefire deal within a year", prior=1.0
        ),
        Statement(
            id="h2", kind=StatementKind.SCENARIO, text="War of attrition continues", prior=1.0
        ),
        Statement(
            id="e1",
            kind=StatementKind.EVIDENCE,
            text="Russia's economy is degrading",
            credibility=0.9,
        ),
        Statement(
            id="e2", kind=StatementKind.EVIDENCE, text="Recruitment keeps pace", credibility=0.5
        ),
    ],
    inferences=[
        Inference(id="i1", premises=["e1"], conclusion="h1", strength=0.8),
        Inference(id="i2", premises=["e2"], conclusion="h2", strength=0.5),
        Inference(id="i3", premises=["e2"], conclusion="h1", kind="attack", strength=0.5),
    ],
)


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "talks.argmap.json"
    path.write_text(DOC.model_dump_json(indent=2), encoding="utf-8")
    return path


def test_text_table_lists_scenarios_with_weights_lines_and_flips(
    map_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(map_file), "--top", "2"]) == 0
    out = capsys.readouterr().out
    expected = analyze(DOC, with_sensitivity=True)
    lines = out.splitlines()
    assert "Question: Will the Kremlin accept a ceasefire?" in lines
    rows = [line for line in lines if line.startswith(("Ceasefire deal", "War of attrition"))]
    assert rows[0].startswith("Ceasefire deal")  # sorted by weight, leader first
    for row, s in zip(rows, sorted(expected.scenarios, key=lambda s: s.weight_rank), strict=True):
        assert f"{s.prior:.0%}" in row
        assert f"{s.weight:.1%}" in row
        assert f"{s.inconsistency:.2f}" in row
    leader = expected.leader
    assert leader is not None and leader.id == "h1"
    assert f"leads at {leader.weight:.0%}" in out
    assert "Why " in out and "Russia's economy is degrading" in out
    # The line from e1 (credibility 0.9, strength 0.8 = 5:1) multiplies h1's odds by 5^0.9.
    assert f"x{5**0.9:.2g}" in out
    assert "Confidence: " in out
    assert expected.flips is not None
    assert "flip" in out


def test_json_has_the_documented_keys(map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(map_file), "--json", "--top", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    expected = analyze(DOC, with_sensitivity=True)
    assert [s["id"] for s in data["scenarios"]] == ["h1", "h2"]
    for got, s in zip(data["scenarios"], expected.scenarios, strict=True):
        assert {"id", "title", "prior", "weight", "inconsistency", "lines"} <= got.keys()
        assert got["title"] == s.title
        assert got["weight"] == pytest.approx(s.weight, abs=1e-6)
        assert got["inconsistency"] == pytest.approx(s.inconsistency, abs=1e-6)
        total = sum(c["log_odds"] for c in got["contributions"])
        assert total == pytest.approx(got["evidence_log_odds"], abs=1e-5)
    assert sum(s["weight"] for s in data["scenarios"]) == pytest.approx(1.0, abs=1e-5)
    assert data["leader"] == "h1" and data["tied"] == []
    assert data["ach_leader"] == (expected.ach_leader.id if expected.ach_leader else None)
    assert data["confidence"]["level"] in {"low", "moderate", "high"}
    assert len(data["flips"]["judgements"]) == 1
    assert data["flips"]["sentence"]


def test_a_tie_is_reported_as_a_tie(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = DOC.model_copy(deep=True)
    doc.inferences = []
    path = tmp_path / "tie.argmap.json"
    path.write_text(doc.model_dump_json(indent=2), encoding="utf-8")
    assert main(["analyze", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["leader"] is None and sorted(data["tied"]) == ["h1", "h2"]
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert "No scenario leads" in out and "favour" not in out.split("No scenario leads")[1][:80]


def test_top_zero_skips_flips(map_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(map_file), "--json", "--top", "0"]) == 0
    assert json.loads(capsys.readouterr().out)["flips"] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "not valid JSON"),
        (b'{"format": "argmap", "version": 1, "statements": [{"id": 3}]}', "statements[0].id"),
        (b"\xff\xfe\x00binary\x00", "binary"),
        (b'{"format": "argmap", "version": 1, "statements": [', "truncated"),
        (b'{"title": "no format"}', "not an argmap map"),
    ],
)
def test_bad_input_exits_1_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.argmap.json"
    path.write_bytes(content)
    assert main(["analyze", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bad.argmap.json" in captured.err
    assert message in captured.err
    assert "Traceback" not in captured.err


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / "nope.json")]) == 1
    assert main(["analyze", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "nope.json" in err
    assert str(tmp_path) in err


def test_a_map_without_scenarios_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.argmap.json"
    path.write_text(ArgMap(title="Empty").model_dump_json(), encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    assert "No scenarios to weigh" in capsys.readouterr().out


def test_terminal_escapes_in_titles_are_printed_harmlessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = DOC.model_copy(deep=True)
    doc.statements[1].text = "Deal\x1b[2J\x1b]0;pwned\x07 within a year"
    path = tmp_path / "esc.argmap.json"
    path.write_text(doc.model_dump_json(indent=2), encoding="utf-8")
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out


def test_validate_warns_about_what_the_weights_leave_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = DOC.model_copy(deep=True)
    doc.inferences.append(
        Inference(id="x", premises=["h1"], conclusion="h2", kind="attack", strength=0.9)
    )
    doc.inferences.append(Inference(id="u", premises=["e1"], conclusion="h2"))
    path = tmp_path / "w.argmap.json"
    path.write_text(doc.model_dump_json(indent=2), encoding="utf-8")
    assert main(["validate", str(path)]) == 0  # warnings only
    out = capsys.readouterr().out
    assert "inference 'x' is not counted: a scenario is among its premises" in out
    assert "unrated" in out and "(u)" in out
    assert "something else" in out
    assert main(["validate", "--strict", str(path)]) == 1
