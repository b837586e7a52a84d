"""Hypothesis strategy: a map changed by a random sequence of real edits.

``edited(base, "o")`` applies up to ``max_edits`` edits through ``argmap.model.edits``
(the same pure edits the GUI's undo commands wrap): statement texts, credibilities,
notes, tags and priors; new statements hung under others; deletions of statements,
inferences and quotes; new supports and attacks (which may close a loop only together
with the other side's); strengths; ACH ratings; quote links; pins; the title; signpost
statuses. New ids carry the side's tag, so two sides never pick the same one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st
from map_strategies import texts

from argmap.model import AchRating, ArgMap, InferenceKind, SignpostStatus, StatementKind
from argmap.model.edits import (
    EditError,
    MapIndex,
    add_inference,
    add_statement,
    link_quote,
    remove_inference,
    remove_quote,
    remove_statement,
    set_inference_field,
    set_pinned,
    set_statement_field,
    unlink_quote,
)
from argmap.model.rating_edits import set_rating

Op = Callable[[st.DrawFn, MapIndex, str], None]
UNIT = st.floats(0.0, 1.0, allow_nan=False)


def _one_of(draw: st.DrawFn, ids: list[str]) -> str | None:
    """Mostly one of the first three, so that the two sides often edit the same record."""
    if not ids:
        return None
    return draw(st.sampled_from(ids[:3]) | st.sampled_from(ids))


def _statement(draw: st.DrawFn, ix: MapIndex) -> str | None:
    return _one_of(draw, [s.id for s in ix.doc.statements])


def _inference(draw: st.DrawFn, ix: MapIndex) -> str | None:
    return _one_of(draw, [i.id for i in ix.doc.inferences])


def _set_statement(name: str, values: st.SearchStrategy[Any]) -> Op:
    def op(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
        sid = _statement(draw, ix)
        if sid is not None:
            ix.apply(set_statement_field(ix, sid, name, draw(values)))

    return op


def _set_prior(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    scenarios = [s.id for s in ix.doc.statements if s.kind == StatementKind.SCENARIO]
    if scenarios:
        sid = draw(st.sampled_from(scenarios))
        ix.apply(set_statement_field(ix, sid, "prior", draw(st.floats(0.0, 10.0))))


def _add_statement(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    parent = _statement(draw, ix)
    kind = draw(st.sampled_from([StatementKind.PREMISE, StatementKind.EVIDENCE]))
    ix.apply(add_statement(ix, draw(texts()), kind, statement_id=f"s-{tag}"))
    if parent is not None:
        relation = draw(st.sampled_from([InferenceKind.SUPPORT, InferenceKind.ATTACK]))
        ix.apply(add_inference(ix, [f"s-{tag}"], parent, relation, inference_id=f"i-{tag}"))


def _remove_statement(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    watched = {sp.scenario for sp in ix.doc.signposts}  # the edit leaves signposts alone
    sid = _statement(draw, ix)
    if sid is not None and sid not in watched:
        ix.apply(remove_statement(ix, sid))


def link(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    a, b = _statement(draw, ix), _statement(draw, ix)
    if a is not None and b is not None and a != b:
        kind = draw(st.sampled_from([InferenceKind.SUPPORT, InferenceKind.ATTACK]))
        ix.apply(add_inference(ix, [a], b, kind, inference_id=f"i-{tag}"))


def _remove_inference(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    iid = _inference(draw, ix)
    if iid is not None:
        ix.apply(remove_inference(ix, iid))


def _set_inference(name: str, values: st.SearchStrategy[Any]) -> Op:
    def op(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
        iid = _inference(draw, ix)
        if iid is not None:
            ix.apply(set_inference_field(ix, iid, name, draw(values)))

    return op


def _rate(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    scenarios = [s.id for s in ix.doc.statements if s.kind == StatementKind.SCENARIO]
    evidence = _statement(draw, ix)
    if scenarios and evidence is not None:
        rating = draw(st.none() | st.sampled_from(AchRating))
        scenario = draw(st.sampled_from(scenarios))
        ix.apply(set_rating(ix, evidence, scenario, rating, relevance=draw(st.none() | UNIT)))


def _quote_link(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    sid = _statement(draw, ix)
    quotes = [q.id for q in ix.doc.quotes]
    if sid is not None and quotes:
        qid = draw(st.sampled_from(quotes))
        edit = link_quote if draw(st.booleans()) else unlink_quote
        ix.apply(edit(ix, sid, qid))


def _remove_quote(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    quotes = [q.id for q in ix.doc.quotes]
    if quotes:
        ix.apply(remove_quote(ix, draw(st.sampled_from(quotes))))


def _pin(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    sid = _statement(draw, ix)
    if sid is not None:
        at = draw(st.none() | st.tuples(st.integers(-500, 500), st.integers(-500, 500)))
        ix.apply(set_pinned(ix, {sid: None if at is None else (float(at[0]), float(at[1]))}))


def _retitle(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    ix.doc.title = draw(texts())


def _signpost(draw: st.DrawFn, ix: MapIndex, tag: str) -> None:
    if ix.doc.signposts:
        signpost = draw(st.sampled_from(ix.doc.signposts))
        signpost.status = draw(st.sampled_from(SignpostStatus))
        signpost.changed = f"2026-12-{draw(st.integers(1, 28)):02d}"


OPS: list[Op] = [
    _set_statement("text", texts()),
    _set_statement("credibility", st.none() | UNIT),
    _set_statement("notes", texts()),
    _set_statement("tags", st.lists(st.sampled_from(["a", "b", "c", "d"]), unique=True)),
    _set_prior,
    _add_statement,
    _remove_statement,
    link,
    _remove_inference,
    _set_inference("strength", st.none() | UNIT),
    _set_inference("notes", texts()),
    _rate,
    _quote_link,
    _remove_quote,
    _pin,
    _retitle,
    _signpost,
]


@st.composite
def edited(
    draw: st.DrawFn, base: ArgMap, tag: str, max_edits: int = 8, ops: list[Op] | None = None
) -> ArgMap:
    """A copy of ``base`` after a random sequence of edits (refused edits are skipped);
    ``ops`` limits the kinds of edit (e.g. ``[link]`` only: loops across the sides)."""
    doc = base.model_copy(deep=True)
    ix = MapIndex(doc)
    for k in range(draw(st.integers(0, max_edits))):
        op = draw(st.sampled_from(ops or OPS))
        try:
            op(draw, ix, f"{tag}{k}")
        except EditError:
            pass  # e.g. a link that would close a loop on this side alone
    return doc
