"""``argmap doctor`` as a user runs it: every problem listed, a repaired copy, input untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.cli.doctor_cmd import default_output
from argmap.io.map_file import load_map, load_map_with_report, save_map
from argmap.model import (
    AchRating,
    ArgMap,
    Inference,
    Quote,
    Rating,
    Source,
    Statement,
    StatementKind,
)

TEXT = "Talks may resume in Istanbul next month. Both sides are exhausted after three years."


def _damaged(path: Path) -> Path:
    """A map whose source text changed (quote drifted, checksum stale) with two dangling ids."""
    source = Source.from_text("src-1", TEXT)
    doc = ArgMap(
        title="Damaged",
        sources=[source],
        quotes=[Quote.from_range("q-1", "src-1", TEXT, 41, 83)],
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="A ceasefire holds"),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Fatigue", quotes=["q-1", "q-9"]),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-2"], conclusion="s-1"),
            Inference(id="i-2", premises=["s-404"], conclusion="s-1"),
        ],
    )
    save_map(doc, path, check=False)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["sources"][0]["text"] = "Update: " + TEXT
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def test_healthy_map_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.argmap.json"
    save_map(ArgMap(statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="x")]), path)

    assert main(["doctor", str(path)]) == 0
    assert "healthy" in capsys.readouterr().out


def test_report_lists_every_problem_and_the_drifted_quote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged(tmp_path / "talks.argmap.json")
    before = path.read_bytes()

    assert main(["doctor", str(path)]) == 1

    out = capsys.readouterr().out
    assert "statements[1].quotes[1]" in out and "'q-9'" in out
    assert "inferences[1].premises[0]" in out and "'s-404'" in out
    assert "sources[0].sha256" in out
    assert "q-1 moved at 49..91" in out
    assert path.read_bytes() == before
    assert not default_output(path).exists()


def test_repair_writes_a_new_file_that_loads_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _damaged(tmp_path / "talks.argmap.json")
    before = path.read_bytes()

    assert main(["doctor", str(path), "--repair"]) == 1

    out_path = tmp_path / "talks.repaired.argmap.json"
    report = capsys.readouterr().out
    assert f"repaired copy written to {out_path}" in report
    assert path.read_bytes() == before
    repaired = load_map_with_report(out_path)
    assert repaired.problems == []
    doc = repaired.doc
    assert doc.quote("q-1").exact == TEXT[41:83]
    assert doc.statement("s-2").quotes == ["q-1"]
    assert [i.id for i in doc.inferences] == ["i-1"]
    assert main(["doctor", str(out_path)]) == 0


def test_repair_over_the_input_only_when_named_and_forced(tmp_path: Path) -> None:
    path = _damaged(tmp_path / "talks.argmap.json")
    before = path.read_bytes()

    assert main(["doctor", str(path), "--repair", "-o", str(path)]) == 2
    assert path.read_bytes() == before and not (tmp_path / "talks.argmap.json.bak").exists()
    assert main(["doctor", str(path), "--repair", "-o", str(path), "--force"]) == 1

    assert load_map(path).statement("s-2").quotes == ["q-1"]
    assert (tmp_path / "talks.argmap.json.bak").read_bytes() == before


def test_json_report_names_each_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _damaged(tmp_path / "talks.argmap.json")
    out = tmp_path / "fixed.argmap.json"

    assert main(["doctor", str(path), "--repair", "-o", str(out), "--json"]) == 1

    report = json.loads(capsys.readouterr().out)
    assert report["repair"]["output"] == str(out)
    codes = sorted(c["code"] for c in report["repair"]["changes"])
    assert codes == sorted(
        ["source-checksum", "quote-mismatch", "dangling-reference", "dangling-reference",
         "dangling-reference"]
    )  # fmt: skip
    assert report["repair"]["remaining"] == []
    assert report["drifted_quotes"][0]["quote"] == "q-1"


@pytest.mark.parametrize(
    "content", [b"", b"\x89PNG\r\n\x1a\n", b'{"format": "argmap", "version": 99}', b"[1, 2"]
)
def test_unreadable_map_exits_2_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "bad.argmap.json"
    path.write_bytes(content)

    assert main(["doctor", str(path), "--repair"]) == 2

    out = capsys.readouterr().out
    assert str(path) in out and "cannot be read" in out
    assert not default_output(path).exists()


def test_support_cycle_is_reported_as_still_needing_a_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "loop.argmap.json"
    doc = ArgMap(
        statements=[Statement(id=s, kind=StatementKind.CLAIM, text=s) for s in ("s-1", "s-2")],
        inferences=[
            Inference(id="i-1", premises=["s-1"], conclusion="s-2"),
            Inference(id="i-2", premises=["s-2"], conclusion="s-1"),
        ],
    )
    save_map(doc, path, check=False)

    assert main(["doctor", str(path), "--repair"]) == 1

    out = capsys.readouterr().out
    assert "still needs a hand" in out and "support cycle" in out
    assert default_output(path).exists()


def test_default_output_name() -> None:
    assert default_output("maps/talks.argmap.json") == Path("maps/talks.repaired.argmap.json")
    assert default_output("notes.json") == Path("notes.repaired.argmap.json")


def test_a_rating_of_a_scenario_as_evidence_is_listed_and_dropped_from_the_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ach.argmap.json"
    doc = ArgMap(
        statements=[
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="Deal"),
            Statement(id="s-b", kind=StatementKind.SCENARIO, text="No deal"),
        ],
        ratings=[Rating(evidence="s-b", scenario="s-a", rating=AchRating.II)],
    )
    save_map(doc, path, check=False)
    before = path.read_bytes()

    assert main(["doctor", str(path), "--repair"]) == 1

    out = capsys.readouterr().out
    assert "ratings[0].evidence" in out and "'s-b'" in out and "not evidence" in out
    assert load_map(default_output(path)).ratings == []
    assert path.read_bytes() == before
