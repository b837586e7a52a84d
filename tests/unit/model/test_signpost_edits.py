"""Signpost edits and ACH row weight edits: they do what the analyst asked and undo exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from argmap.model import (
    AchRow,
    ArgMap,
    RowLevel,
    Signpost,
    SignpostStatus,
    Statement,
    StatementKind,
)
from argmap.model.edit_steps import Edit, EditError
from argmap.model.map_index import MapIndex
from argmap.model.rating_edits import row_of, set_row_level
from argmap.model.signpost_edits import (
    add_signpost,
    remove_signpost,
    set_signpost_status,
    set_signpost_text,
)

DAY = dt.date(2026, 12, 3)


def _map() -> ArgMap:
    return ArgMap(
        statements=[
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="Deal"),
            Statement(id="s-b", kind=StatementKind.SCENARIO, text="War"),
            Statement(id="s-e", kind=StatementKind.EVIDENCE, text="Envoys met"),
        ],
        signposts=[
            Signpost(id="sp-1", scenario="s-a", text="Talks announced"),
            Signpost(id="sp-2", scenario="s-b", text="Mobilisation"),
        ],
    )


def _apply_undo_redo(ix: MapIndex, edit: Edit) -> None:
    before = ix.doc.model_dump()
    ix.apply(edit)
    after = ix.doc.model_dump()
    assert after != before
    ix.apply(edit.inverse())
    assert ix.doc.model_dump() == before
    ix.apply(edit)
    assert ix.doc.model_dump() == after


def test_a_new_signpost_goes_after_its_scenarios_last_one() -> None:
    ix = MapIndex(_map())
    _apply_undo_redo(ix, add_signpost(ix, "s-a", "Envoys named"))
    assert [(s.scenario, s.text) for s in ix.doc.signposts] == [
        ("s-a", "Talks announced"),
        ("s-a", "Envoys named"),
        ("s-b", "Mobilisation"),
    ]
    assert ix.doc.signposts[1].status is SignpostStatus.NOT_SEEN
    assert ix.doc.signposts[1].id not in {"sp-1", "sp-2"}


def test_a_signpost_belongs_to_a_scenario() -> None:
    ix = MapIndex(_map())
    with pytest.raises(EditError, match="not a scenario"):
        add_signpost(ix, "s-e", "x")


def test_status_is_stamped_with_the_day_and_undone() -> None:
    ix = MapIndex(_map())
    _apply_undo_redo(ix, set_signpost_status(ix, "sp-2", SignpostStatus.EMERGING, DAY))
    assert ix.doc.signposts[1].status is SignpostStatus.EMERGING
    assert ix.doc.signposts[1].changed == "2026-12-03"
    assert not set_signpost_status(ix, "sp-2", SignpostStatus.EMERGING, DAY)


def test_text_and_delete_undo_exactly() -> None:
    ix = MapIndex(_map())
    _apply_undo_redo(ix, set_signpost_text(ix, "sp-1", "Talks held in Istanbul"))
    assert ix.doc.signposts[0].text == "Talks held in Istanbul"
    _apply_undo_redo(ix, remove_signpost(ix, "sp-1"))
    assert [s.id for s in ix.doc.signposts] == ["sp-2"]
    with pytest.raises(EditError):
        remove_signpost(ix, "sp-gone")


def test_row_levels_are_set_kept_apart_and_cleared() -> None:
    ix = MapIndex(_map())
    _apply_undo_redo(ix, set_row_level(ix, "s-e", "credibility", RowLevel.HIGH))
    _apply_undo_redo(ix, set_row_level(ix, "s-e", "relevance", RowLevel.LOW))
    assert row_of(ix, "s-e") == AchRow(
        evidence="s-e", credibility=RowLevel.HIGH, relevance=RowLevel.LOW
    )
    _apply_undo_redo(ix, set_row_level(ix, "s-e", "credibility", None))
    assert row_of(ix, "s-e") == AchRow(evidence="s-e", relevance=RowLevel.LOW)
    _apply_undo_redo(ix, set_row_level(ix, "s-e", "relevance", None))
    assert ix.doc.ach_rows == []
    assert not set_row_level(ix, "s-e", "relevance", None)
    with pytest.raises(EditError, match="scenario"):
        set_row_level(ix, "s-a", "relevance", RowLevel.HIGH)
