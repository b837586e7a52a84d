"""ACH row weights and NA (version 2, optional): checked, repaired, removed with their
statement, kept through AIF, and named by the formats that cannot hold them."""

from __future__ import annotations

from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import dumps_aif
from argmap.interop.format_losses import losses
from argmap.model import (
    AchRating,
    AchRow,
    ArgMap,
    Inference,
    Rating,
    RowLevel,
    Signpost,
    Statement,
    StatementKind,
)
from argmap.model.edits import index_of, remove_statement
from argmap.model.repair import repair_map
from argmap.model.validation import validate


def _map(*rows: AchRow) -> ArgMap:
    return ArgMap(
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Ceasefire by 2027?"),
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="Ceasefire deal", prior=1),
            Statement(id="s-e", kind=StatementKind.EVIDENCE, text="Envoys met"),
        ],
        inferences=[Inference(id="i-1", premises=["s-e"], conclusion="s-a")],
        ratings=[Rating(evidence="s-e", scenario="s-a", rating=AchRating.NA)],
        ach_rows=list(rows),
        signposts=[Signpost(id="sp-1", scenario="s-a", text="Talks announced")],
    )


def test_row_weights_and_na_validate() -> None:
    assert validate(_map(AchRow(evidence="s-e", credibility=RowLevel.HIGH))) == []


def test_dangling_wrong_target_and_repeated_rows_are_reported() -> None:
    doc = _map(
        AchRow(evidence="s-gone", relevance=RowLevel.LOW),
        AchRow(evidence="s-a"),
        AchRow(evidence="s-e"),
        AchRow(evidence="s-e", credibility=RowLevel.LOW),
    )
    found = {(p.path, p.code, p.severity) for p in validate(doc)}
    assert found == {
        ("ach_rows[0].evidence", "dangling-reference", "error"),
        ("ach_rows[1].evidence", "wrong-target", "warning"),
        ("ach_rows[3]", "repeated-reference", "warning"),
    }


def test_repair_drops_dangling_and_repeated_rows_and_says_so() -> None:
    doc = _map(
        AchRow(evidence="s-gone"),
        AchRow(evidence="s-e", credibility=RowLevel.HIGH),
        AchRow(evidence="s-e", credibility=RowLevel.LOW),
    )
    report = repair_map(doc)
    assert report.doc.ach_rows == [AchRow(evidence="s-e", credibility=RowLevel.HIGH)]
    actions = [r.action for r in report.repairs]
    assert "ACH row weights dropped: 's-gone' does not exist" in actions
    assert "repeated row weights of 's-e' dropped (the first are kept)" in actions


def test_removing_a_statement_removes_its_row_weights_and_undo_restores_them() -> None:
    doc = _map(AchRow(evidence="s-e", relevance=RowLevel.HIGH))
    before = doc.model_dump()
    ix = index_of(doc)
    edit = remove_statement(ix, "s-e")
    ix.apply(edit)
    assert doc.ach_rows == [] and doc.ratings == []
    ix.apply(edit.inverse())
    assert doc.model_dump() == before


def test_removing_a_scenario_removes_its_signposts_and_undo_restores_them() -> None:
    doc = _map()
    before = doc.model_dump()
    ix = index_of(doc)
    edit = remove_statement(ix, "s-a")
    ix.apply(edit)
    assert doc.signposts == []
    assert [p for p in validate(doc) if p.severity == "error"] == []
    ix.apply(edit.inverse())
    assert doc.model_dump() == before


def test_row_weights_survive_aif() -> None:
    doc = _map(AchRow(evidence="s-e", credibility=RowLevel.LOW, relevance=RowLevel.HIGH))
    back = loads_aif(dumps_aif(doc)).doc
    assert back.ach_rows == doc.ach_rows
    assert back.ratings[0].rating is AchRating.NA


def test_formats_that_cannot_hold_row_weights_or_signposts_say_so() -> None:
    doc = _map(AchRow(evidence="s-e", credibility=RowLevel.LOW))
    assert "1 ACH row weights not written" in losses("argdown", doc)
    assert "1 signposts not written" in losses("argdown", doc)
    assert "1 ACH row weights not written" in losses("graphml", doc)
    assert "1 ACH row weights not written" not in losses("ach-csv", doc)
