"""Edits leave nothing dangling: no layer judgement, pin or fold naming a record the edit
removed, no judgement of the wrong kind of record; undo puts every one of them back
exactly. (A kind change is left out: it leaves the record's judgements, say a scenario's
prior, for the analyst to redo or change back, and validation reminds them.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from map_strategies import arg_maps

from argmap.model import (
    AchRating,
    ArgMap,
    Inference,
    InferenceKind,
    Layer,
    Outcome,
    RowLevel,
    Statement,
    StatementKind,
    ViewState,
)
from argmap.model.edit_steps import Edit, EditError
from argmap.model.edits import (
    MapIndex,
    add_inference,
    add_statement,
    make_convergent,
    make_linked,
    remove_inference,
    remove_statement,
    remove_statements,
    reparent,
    set_collapsed,
    set_pinned,
)
from argmap.model.layer_edits import set_layer_judgement, set_layer_rating, switch_layer
from argmap.model.map_fragment import copy_fragment, plan_paste
from argmap.model.rating_edits import set_prior_share, set_rating, set_row_level
from argmap.model.validation import validate

Plan = Callable[[st.DataObject, MapIndex], Edit | None]


def _pick(data: st.DataObject, ids: list[str]) -> str | None:
    return data.draw(st.sampled_from(ids)) if ids else None


def _statement(data: st.DataObject, ix: MapIndex) -> str | None:
    return _pick(data, [s.id for s in ix.doc.statements])


def _inference(data: st.DataObject, ix: MapIndex) -> str | None:
    return _pick(data, [i.id for i in ix.doc.inferences])


def _remove_statement(data: st.DataObject, ix: MapIndex) -> Edit | None:
    sid = _statement(data, ix)
    return None if sid is None else remove_statement(ix, sid)


def _remove_statements(data: st.DataObject, ix: MapIndex) -> Edit | None:
    ids = [s.id for s in ix.doc.statements]
    return (
        remove_statements(ix, data.draw(st.lists(st.sampled_from(ids), max_size=3)))
        if ids
        else None
    )


def _remove_inference(data: st.DataObject, ix: MapIndex) -> Edit | None:
    iid = _inference(data, ix)
    return None if iid is None else remove_inference(ix, iid)


def _reparent(data: st.DataObject, ix: MapIndex) -> Edit | None:
    sid, parent = _statement(data, ix), _statement(data, ix)
    if sid is None or parent is None:
        return None
    via = _pick(data, [None, *ix.with_premise(sid)])  # type: ignore[list-item]
    return reparent(ix, sid, parent, via)


def _make_linked(data: st.DataObject, ix: MapIndex) -> Edit | None:
    groups: dict[tuple[str, InferenceKind], list[str]] = {}
    for inf in ix.doc.inferences:
        groups.setdefault((inf.conclusion, inf.kind), []).append(inf.id)
    several = [ids for ids in groups.values() if len(ids) > 1]
    if not several:
        return None
    group = data.draw(st.sampled_from(several))
    chosen = data.draw(st.lists(st.sampled_from(group), min_size=2, unique=True))
    return make_linked(ix, chosen)


def _make_convergent(data: st.DataObject, ix: MapIndex) -> Edit | None:
    iid = _inference(data, ix)
    return None if iid is None else make_convergent(ix, iid)


def _add(data: st.DataObject, ix: MapIndex) -> Edit | None:
    parent = _statement(data, ix)
    return add_statement(ix, "new", StatementKind.EVIDENCE, parent=parent)


def _link(data: st.DataObject, ix: MapIndex) -> Edit | None:
    premise, conclusion = _statement(data, ix), _statement(data, ix)
    if premise is None or conclusion is None:
        return None
    return add_inference(ix, [premise], conclusion, data.draw(st.sampled_from(InferenceKind)))


def _paste(data: st.DataObject, ix: MapIndex) -> Edit | None:
    sid, parent = _statement(data, ix), _statement(data, ix)
    return None if sid is None else plan_paste(ix, copy_fragment(ix.doc, [sid]), parent).edit


def _rate(data: st.DataObject, ix: MapIndex) -> Edit | None:
    evidence, scenario = _statement(data, ix), _statement(data, ix)
    if evidence is None or scenario is None:
        return None
    return set_rating(ix, evidence, scenario, data.draw(st.none() | st.sampled_from(AchRating)))


def _judge(data: st.DataObject, ix: MapIndex) -> Edit | None:
    """A judgement in an analyst's layer: credibility, strength, prior or an ACH cell."""
    if not ix.doc.layers:
        return None
    name = data.draw(st.sampled_from([layer.name for layer in ix.doc.layers]))
    table = data.draw(st.sampled_from(["credibility", "strength", "prior", "rating"]))
    if table == "rating":  # an ACH cell is rated in the layer shown (the test chose it)
        evidence, scenario = _statement(data, ix), _statement(data, ix)
        if evidence is None or scenario is None:
            return None
        return set_layer_rating(ix, evidence, scenario, data.draw(st.sampled_from(AchRating)))
    record = _inference(data, ix) if table == "strength" else _statement(data, ix)
    value = data.draw(st.none() | st.floats(0.0, 1.0))
    return None if record is None else set_layer_judgement(ix, name, table, record, value)


def _row_weight(data: st.DataObject, ix: MapIndex) -> Edit | None:
    sid = _statement(data, ix)
    level = data.draw(st.none() | st.sampled_from(RowLevel))
    return None if sid is None else set_row_level(ix, sid, "relevance", level)


def _prior_share(data: st.DataObject, ix: MapIndex) -> Edit | None:
    sid = _statement(data, ix)
    return None if sid is None else set_prior_share(ix, sid, data.draw(st.floats(0.0, 1.0)))


def _pin_or_fold(data: st.DataObject, ix: MapIndex) -> Edit | None:
    sid = _statement(data, ix)
    if sid is None:
        return None
    if data.draw(st.booleans()):
        return set_pinned(ix, {sid: data.draw(st.none() | st.just((10.0, -20.0)))})
    return set_collapsed(ix, sid, data.draw(st.booleans()))


PLANS: list[Plan] = [
    _remove_statement,
    _remove_statements,
    _remove_inference,
    _reparent,
    _make_linked,
    _make_convergent,
    _add,
    _link,
    _paste,
    _rate,
    _judge,
    _row_weight,
    _prior_share,
    _pin_or_fold,
]


def _findings(doc: ArgMap) -> set[tuple[str, str]]:
    """What validation says, without the JSON paths (list positions move in an edit)."""
    return {(p.code, p.message) for p in validate(doc)}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arg_maps(max_statements=8), st.data())
def test_an_edit_leaves_nothing_new_for_validation_and_undo_restores_the_map(
    doc: ArgMap, data: st.DataObject
) -> None:
    ix = MapIndex(doc)
    plan = data.draw(st.sampled_from(PLANS))
    if plan is _judge and doc.layers:  # show one analyst's layer before the map is kept
        ix.apply(switch_layer(ix, data.draw(st.sampled_from([x.name for x in doc.layers]))))
    before, found = doc.model_dump(), _findings(doc)
    try:
        edit = plan(data, ix)
    except EditError:
        return  # refused: the map is untouched (checked by the edits' own tests)
    if edit is None:
        return
    ix.apply(edit)
    assert _findings(ix.doc) - found == set(), edit.label
    ix.apply(edit.inverse())
    assert ix.doc.model_dump() == before


# --- the cases the property found, as examples ----------------------------------------


def _two_reasons() -> ArgMap:
    """A claim with two separate reasons, judged in one analyst's layer; the second
    reason's link pinned and folded (an OVA import pins links)."""
    return ArgMap(
        statements=[
            Statement(id="s-c", kind=StatementKind.CLAIM, text="Talks start"),
            Statement(id="s-1", kind=StatementKind.EVIDENCE, text="Envoys met"),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Leaders spoke"),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-1"], conclusion="s-c", strength=0.6),
            Inference(id="i-2", premises=["s-2"], conclusion="s-c"),
        ],
        layers=[Layer(name="Ana", strength={"i-1": 0.9, "i-2": 0.4}, credibility={"s-2": 0.7})],
        view=ViewState(pinned={"i-2": (10.0, 20.0)}, collapsed=["i-2"]),
    )


def _apply_and_undo(doc: ArgMap, plan: Callable[[MapIndex], Edit]) -> ArgMap:
    """The map after the edit; undo is checked to restore ``doc`` exactly."""
    ix = MapIndex(doc)
    before = doc.model_dump()
    edit = plan(ix)
    ix.apply(edit)
    after = ix.doc.model_copy(deep=True)
    ix.apply(edit.inverse())
    assert ix.doc.model_dump() == before
    return after


def test_linking_premises_drops_the_merged_away_links_judgements_pin_and_fold() -> None:
    after = _apply_and_undo(_two_reasons(), lambda ix: make_linked(ix, ["i-1", "i-2"]))
    assert after.layers[0].strength == {"i-1": 0.9}
    assert after.view.pinned == {} and after.view.collapsed == []
    assert validate(after) == []


def test_separating_premises_gives_each_new_link_the_analysts_strength() -> None:
    doc = _two_reasons()
    doc = _apply_and_undo(doc, lambda ix: make_linked(ix, ["i-1", "i-2"]))
    after = _apply_and_undo(doc, lambda ix: make_convergent(ix, "i-1"))
    (split,) = [i.id for i in after.inferences if i.id != "i-1"]
    assert after.inference(split).strength == 0.6  # the map's own, as before
    assert after.layers[0].strength == {"i-1": 0.9, split: 0.9}  # and the analyst's


def test_deleting_a_statement_unfolds_and_unpins_the_links_that_go_with_it() -> None:
    after = _apply_and_undo(_two_reasons(), lambda ix: remove_statement(ix, "s-2"))
    assert after.view.pinned == {} and after.view.collapsed == []
    assert after.layers[0].strength == {"i-1": 0.9} and after.layers[0].credibility == {}
    assert validate(after) == []


def test_deleting_the_scenario_that_came_true_clears_the_outcome_until_undone() -> None:
    doc = ArgMap(
        statements=[Statement(id="s-a", kind=StatementKind.SCENARIO, text="Deal")],
        outcome=Outcome(scenario="s-a", resolved="2026-12-31"),
    )
    after = _apply_and_undo(doc, lambda ix: remove_statement(ix, "s-a"))
    assert after.outcome is None and validate(after) == []


def test_moving_a_statement_by_its_undercut_is_refused() -> None:
    doc = _two_reasons()
    doc.inferences.append(
        Inference(id="i-u", premises=["s-1"], conclusion="i-2", kind=InferenceKind.UNDERCUT)
    )
    ix = MapIndex(doc)
    with pytest.raises(EditError, match="an undercut opposes a link"):
        reparent(ix, "s-1", "s-2", via="i-u")
