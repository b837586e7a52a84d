"""The three-way merge on small hand-made maps: what a team member sees after a merge."""

from __future__ import annotations

import json

from pydantic import BaseModel, Field

from argmap.analysis.find_matches import find_matches
from argmap.model import AchRating, ArgMap, Inference, Rating, Statement, StatementKind
from argmap.model.edits import MapIndex, add_inference, add_statement, remove_statement
from argmap.model.three_way import NOTE_MARK, annotate, merge_maps
from argmap.model.three_way.conflicts import ABSENT, Conflict
from argmap.model.three_way.shapes import KeyedList, PlainList, record_shape, shape_of
from argmap.model.three_way.values import merge_value
from argmap.model.validation import errors, validate

S = StatementKind


def _base() -> ArgMap:
    return ArgMap(
        title="Talks",
        statements=[
            Statement(id="s-q", kind=S.QUESTION, text="Will talks resume?"),
            Statement(id="s-yes", kind=S.SCENARIO, text="Yes", prior=0.5),
            Statement(id="s-no", kind=S.SCENARIO, text="No", prior=0.5),
            Statement(id="s-a", kind=S.EVIDENCE, text="Envoys met", credibility=0.7),
            Statement(id="s-b", kind=S.EVIDENCE, text="Shelling went on", credibility=0.6),
        ],
        inferences=[
            Inference(id="i-a", premises=["s-a"], conclusion="s-yes", strength=0.7),
            Inference(id="i-b", premises=["s-b"], conclusion="s-no", strength=0.6),
        ],
        question="s-q",
    )


def _copies() -> tuple[ArgMap, ArgMap, ArgMap]:
    base = _base()
    return base, base.model_copy(deep=True), base.model_copy(deep=True)


def test_different_fields_of_one_statement_both_survive() -> None:
    base, ours, theirs = _copies()
    ours.statement("s-a").text = "Envoys met in Istanbul"
    theirs.statement("s-a").credibility = 0.9
    result = merge_maps(base, ours, theirs)
    assert result.clean
    assert result.doc.statement("s-a").text == "Envoys met in Istanbul"
    assert result.doc.statement("s-a").credibility == 0.9


def test_the_same_text_changed_differently_is_a_conflict_ours_kept_theirs_in_notes() -> None:
    base, ours, theirs = _copies()
    ours.statement("s-a").text = "Envoys met twice"
    theirs.statement("s-a").text = "Envoys never met"
    result = merge_maps(base, ours, theirs)
    [conflict] = result.conflicts
    assert (conflict.where, conflict.what, conflict.kept) == (
        'statements["s-a"].text',
        "edited",
        "ours",
    )
    assert (conflict.base, conflict.ours, conflict.theirs) == (
        "Envoys met",
        "Envoys met twice",
        "Envoys never met",
    )
    assert result.doc.statement("s-a").text == "Envoys met twice"
    assert annotate(result.doc, result.conflicts) == 1
    assert find_matches(result.doc, "merge conflict") == ["s-a"]  # Ctrl+F steps through them
    assert result.doc.statement("s-a").notes == (
        NOTE_MARK + 'statements["s-a"].text: changed on both sides; kept ours "Envoys met twice", '
        'theirs had "Envoys never met" (was "Envoys met")'
    )


def test_both_sides_additions_are_kept_in_order() -> None:
    base, ours, theirs = _copies()
    ix, jx = MapIndex(ours), MapIndex(theirs)
    ix.apply(add_statement(ix, "Ours", S.EVIDENCE, statement_id="s-o", index=1))
    jx.apply(add_statement(jx, "Theirs", S.EVIDENCE, statement_id="s-t", index=4))
    result = merge_maps(base, ours, theirs)
    assert result.clean
    assert [s.id for s in result.doc.statements] == [
        "s-q",
        "s-o",
        "s-yes",
        "s-no",
        "s-a",
        "s-t",
        "s-b",
    ]


def test_a_statement_deleted_on_one_side_and_edited_on_the_other_is_kept_edited() -> None:
    base, ours, theirs = _copies()
    ix = MapIndex(ours)
    ix.apply(remove_statement(ix, "s-b"))
    theirs.statement("s-b").credibility = 0.95
    for merged in (merge_maps(base, ours, theirs), merge_maps(base, theirs, ours)):
        assert merged.doc.statement("s-b").credibility == 0.95
        assert [(c.where, c.what) for c in merged.conflicts] == [('statements["s-b"]', "deleted")]
        assert errors(validate(merged.doc)) == []


def test_a_deleted_statement_still_used_by_the_other_side_comes_back() -> None:
    base, ours, theirs = _copies()
    ix, jx = MapIndex(ours), MapIndex(theirs)
    ix.apply(remove_statement(ix, "s-b"))  # also removes i-b
    jx.apply(add_inference(jx, ["s-b"], "s-yes", inference_id="i-new"))
    result = merge_maps(base, ours, theirs)
    assert result.doc.statement("s-b").text == "Shelling went on"
    assert result.doc.inference("i-new").premises == ["s-b"]
    assert [c.message() for c in result.conflicts] == [
        'statements["s-b"]: deleted in ours, but inferences["i-new"] has it as a premise '
        "uses it; kept it"
    ]
    assert errors(validate(result.doc)) == []


def test_links_that_close_a_loop_only_together_put_one_back_to_base() -> None:
    base, ours, theirs = _copies()
    ix, jx = MapIndex(ours), MapIndex(theirs)
    ix.apply(add_inference(ix, ["s-a"], "s-b", inference_id="i-ab"))
    jx.apply(add_inference(jx, ["s-b"], "s-a", inference_id="i-ba"))
    for merged in (merge_maps(base, ours, theirs), merge_maps(base, theirs, ours)):
        assert errors(validate(merged.doc)) == []
        # whichever side is "ours", the same link goes back to base (absent): the least id
        assert [i.id for i in merged.doc.inferences] == ["i-a", "i-b", "i-ba"]
        [conflict] = merged.conflicts
        assert (conflict.where, conflict.what) == ('inferences["i-ab"]', "loop")
        assert "'s-a' → 's-b' → 's-a'" in conflict.message()


def test_ratings_merge_by_evidence_and_scenario() -> None:
    base, ours, theirs = _copies()
    ours.ratings.append(Rating(evidence="s-a", scenario="s-yes", rating=AchRating.C))
    theirs.ratings.append(Rating(evidence="s-b", scenario="s-yes", rating=AchRating.I))
    theirs.ratings.append(Rating(evidence="s-a", scenario="s-yes", rating=AchRating.CC))
    result = merge_maps(base, ours, theirs)
    # theirs' new rating came before the pair both rated, so it does in the merge too
    assert [(r.evidence, r.rating) for r in result.doc.ratings] == [("s-b", "I"), ("s-a", "C")]
    [conflict] = result.conflicts
    assert conflict.where == 'ratings["s-a", "s-yes"].rating'
    assert conflict.base is ABSENT
    annotate(result.doc, result.conflicts)
    assert NOTE_MARK in result.doc.statement("s-a").notes  # a rating's conflict: its evidence


def test_tags_merge_as_sets_and_positions_whole() -> None:
    base, ours, theirs = _copies()
    base.statement("s-a").tags = ["old", "shared"]
    base.view.pinned["s-a"] = (0.0, 0.0)
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.statement("s-a").tags = ["shared", "mine"]  # removed "old"
    theirs.statement("s-a").tags = ["old", "shared", "yours"]
    ours.view.pinned["s-a"] = (10.0, 0.0)
    theirs.view.pinned["s-a"] = (0.0, 20.0)
    result = merge_maps(base, ours, theirs)
    assert result.doc.statement("s-a").tags == ["shared", "mine", "yours"]
    assert result.doc.view.pinned["s-a"] == (10.0, 0.0)  # never (10, 20): nobody put it there
    assert [c.where for c in result.conflicts] == ['view.pinned["s-a"]']


def test_a_merge_that_would_leave_an_inference_without_premises_keeps_ours() -> None:
    base, ours, theirs = _copies()
    base.inferences[0].premises = ["s-a", "s-b"]
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.inferences[0].premises = ["s-a"]
    theirs.inferences[0].premises = ["s-b"]
    result = merge_maps(base, ours, theirs)
    assert result.doc.inference("i-a").premises == ["s-a"]
    assert [(c.where, c.what) for c in result.conflicts] == [('inferences["i-a"]', "invalid")]


class _Judgement(BaseModel):
    id: str
    value: float
    note: str = ""


class _Layer(BaseModel):
    name: str
    judgements: list[_Judgement] = Field(default_factory=list)


def test_a_record_list_added_to_the_model_later_merges_by_key_without_changes() -> None:
    shape = shape_of(list[_Layer])
    assert isinstance(shape, KeyedList) and shape.key == ("name",)
    base = [{"name": "ann", "judgements": [{"id": "s-a", "value": 0.5, "note": ""}]}]
    ours = [{"name": "ann", "judgements": [{"id": "s-a", "value": 0.7, "note": ""}]}]
    theirs = [
        {"name": "ann", "judgements": [{"id": "s-a", "value": 0.5, "note": "checked"}]},
        {"name": "bob", "judgements": []},
    ]
    found: list[Conflict] = []
    merged = merge_value(shape, base, ours, theirs, path=("layers",), report=found.append)
    assert merged == [
        {"name": "ann", "judgements": [{"id": "s-a", "value": 0.7, "note": "checked"}]},
        {"name": "bob", "judgements": []},
    ]
    assert found == []


def test_every_list_of_the_map_has_a_merge_shape() -> None:
    fields = dict(record_shape(ArgMap).fields)
    for name in ("sources", "quotes", "statements", "inferences", "ratings", "signposts"):
        assert isinstance(fields[name], KeyedList), name
    assert fields["ratings"].key == ("evidence", "scenario")  # type: ignore[union-attr]
    statement = dict(record_shape(Statement).fields)
    assert isinstance(statement["tags"], PlainList) and isinstance(statement["quotes"], PlainList)


def test_a_long_wording_from_the_other_side_is_kept_whole_in_the_note() -> None:
    base, ours, theirs = _copies()
    long_text = "Envoys met in Istanbul on Tuesday; " * 10
    ours.statement("s-a").text = "Envoys met"[::-1]
    theirs.statement("s-a").text = long_text
    result = merge_maps(base, ours, theirs)
    [conflict] = result.conflicts
    assert "…" in conflict.message()  # the terminal line is cut
    annotate(result.doc, result.conflicts)
    assert json.dumps(long_text, ensure_ascii=False) in result.doc.statement("s-a").notes
