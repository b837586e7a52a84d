"""What a :class:`~argmap.layout.tidy_tree.TreeLayouter` keeps between layouts, and the
small whole-map steps around it (tree order, bounds, which arrows changed)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.layout.argument_tree import ArgumentTree
from argmap.layout.edge_routing import EdgePlan
from argmap.layout.geometry import Box, CardLayout, MapLayout
from argmap.layout.tree_patch import (
    InferenceFacts,
    TreeEdit,
    classify,
    inference_facts,
    patch_tree,
)
from argmap.model import ArgMap, Inference

MeasureKey = tuple[str, str, int]  # kind, text, quote count
Measured = tuple[float, float, list[str]]  # width, height, wrapped lines


@dataclass(slots=True)
class LayoutState:
    """What the previous layout was made from, to tell what an edit changed."""

    doc: ArgMap
    direction: str
    tree: ArgumentTree
    plan: EdgePlan
    layout: MapLayout
    positions: dict[str, int]  # statement id -> index in doc.statements
    inferences: dict[str, InferenceFacts]  # what each inference was
    inference_at: dict[str, int]  # inference id -> index in doc.inferences
    collapsed: list[str]
    question: str | None
    rows: list[float]  # LR: depth of each level; TB: unused
    sizes: dict[str, Measured] = field(default_factory=dict)
    facts: dict[str, MeasureKey] = field(default_factory=dict)  # kind, text, quote count


@dataclass(slots=True)
class EditScope:
    """What an edit changed, for a re-layout that redoes only that: the records it
    touched, sorted, and the cards whose children changed (their arrows re-spread)."""

    edit: TreeEdit
    positions: dict[str, int]  # statement id -> index in the edited doc.statements
    parents: set[str]


def edit_scope(st: LayoutState, doc: ArgMap, ids: list[str]) -> EditScope | None:
    """The scope of an edit of ``st.doc`` touching ``ids``, with the drawing tree (and
    ``st``'s tables) patched to match; None when only a fresh layout can tell (records
    reordered, or the tree changes beyond leaves added or removed)."""
    if doc.view.collapsed != st.collapsed or doc.question != st.question:
        return None
    positions = _positions(st.positions, doc, ids)
    unknown = [k for k in ids if k not in positions and k not in st.positions]
    inferences: dict[str, Inference] = {}
    inference_at: dict[str, int] = {}
    if unknown:
        for k, inf in enumerate(doc.inferences):
            inferences[inf.id] = inf
            inference_at[inf.id] = k
    edit = classify(ids, st.positions, positions, st.inferences, inferences)
    # A record deleted and inserted elsewhere (a reorder) may reorder the tree.
    if any(positions[sid] != st.positions[sid] for sid in edit.changed_statements):
        return None
    if any(
        inference_at[k] != st.inference_at[k]
        for k in unknown
        if k in st.inference_at and k in inference_at
    ):
        return None
    if not edit.structural:
        return EditScope(edit, positions, set())
    parents = _patch(st, doc, edit)
    if parents is None:
        return None
    for iid in edit.removed_inferences:
        parents.add(st.inferences.pop(iid)[1])  # its conclusion's arrows re-spread
    for inf in (*edit.added_inferences, *edit.changed_inferences):
        st.inferences[inf.id] = inference_facts(inf)
    st.positions = positions
    if inference_at:
        st.inference_at = inference_at
    return EditScope(edit, positions, parents)


def _positions(before: dict[str, int], doc: ArgMap, ids: list[str]) -> dict[str, int]:
    """Where each statement is in ``doc.statements``: ``before`` if the edit moved none."""
    statements = doc.statements
    if len(statements) == len(before) and all(
        before[k] < len(statements) and statements[before[k]].id == k for k in ids if k in before
    ):
        return before
    return {s.id: k for k, s in enumerate(statements)}


def _patch(st: LayoutState, doc: ArgMap, edit: TreeEdit) -> set[str] | None:
    """Patch the drawing tree for a structural edit: the cards whose children changed, or
    None if the ids do not tell the whole edit or the tree changes beyond leaves."""
    statement_count = len(st.positions) + len(edit.added_statements) - len(edit.removed_statements)
    added, removed = len(edit.added_inferences), len(edit.removed_inferences)
    if len(doc.statements) != statement_count or len(doc.inferences) != len(st.inferences) + (
        added - removed
    ):
        return None  # the ids do not tell the whole edit
    return patch_tree(st.tree, st.plan, edit, doc, st.inferences)


def inference_tables(doc: ArgMap) -> tuple[dict[str, InferenceFacts], dict[str, int]]:
    """What each inference is, and where it is in ``doc.inferences`` (one pass)."""
    facts: dict[str, InferenceFacts] = {}
    at: dict[str, int] = {}
    for k, inf in enumerate(doc.inferences):
        iid = inf.id
        facts[iid] = (tuple(inf.premises), inf.conclusion, inf.kind)
        at[iid] = k
    return facts, at


def changed_routes(old: EdgePlan | None, new: EdgePlan) -> set[str]:
    """Conclusions and undercuts whose set of arrows differs between two plans."""
    if old is None:
        return set(new.incoming) | {inf.id for inf, _ in new.undercuts}
    keys = {
        t
        for t, incoming in new.incoming.items()
        if _arrows(old.incoming.get(t)) != _arrows(incoming)
    }
    old_u = {inf.id: (inf.conclusion, inf.kind, tuple(v)) for inf, v in old.undercuts}
    for inf, visible in new.undercuts:
        if old_u.get(inf.id) != (inf.conclusion, inf.kind, tuple(visible)):
            keys.add(inf.id)
    return keys


def _arrows(incoming: list[tuple[Inference, list[str]]] | None) -> object:
    """What the arrows into one conclusion depend on, comparable between plans."""
    if incoming is None:
        return None
    return tuple((inf.id, inf.kind, tuple(inf.premises), tuple(v)) for inf, v in incoming)


def edge_order(plan: EdgePlan) -> list[str]:
    """The ids of every arrow the plan routes, in routing order."""
    order = [inf.id for incoming in plan.incoming.values() for inf, _ in incoming]
    order.extend(inf.id for inf, _ in plan.undercuts)
    return order


def bounds_of(cards: Iterable[CardLayout]) -> Box:
    """The smallest box holding every card (an empty map: a zero box at the origin)."""
    rest = iter(cards)
    first = next(rest, None)
    if first is None:
        return Box(0.0, 0.0, 0.0, 0.0)
    b = first.box
    x0, y0, x1, y1 = b.x, b.y, b.x + b.w, b.y + b.h
    for c in rest:  # one pass, no builtin call per card (tens of thousands of cards)
        b = c.box
        x, y = b.x, b.y
        x0 = x if x < x0 else x0
        y0 = y if y < y0 else y0
        right, bottom = x + b.w, y + b.h
        x1 = right if right > x1 else x1
        y1 = bottom if bottom > y1 else y1
    return Box(x0, y0, x1 - x0, y1 - y0)


def inside(box: Box, bounds: Box) -> bool:
    """Whether ``box`` lies within ``bounds``."""
    return (
        bounds.x <= box.x
        and bounds.y <= box.y
        and box.x + box.w <= bounds.x + bounds.w
        and box.y + box.h <= bounds.y + bounds.h
    )


def reaches_edge(box: Box, bounds: Box) -> bool:
    """Whether ``box`` touches an edge of ``bounds`` (moving it may shrink them)."""
    return (
        box.x <= bounds.x
        or box.y <= bounds.y
        or box.x + box.w >= bounds.x + bounds.w
        or box.y + box.h >= bounds.y + bounds.h
    )


def _in_order(before: dict[str, int], ids: Iterable[str]) -> bool:
    """Whether the ids that were there before are still in their old relative order."""
    last = -1
    for rid in ids:
        k = before.get(rid)
        if k is not None:
            if k < last:
                return False
            last = k
    return True


def reordered(old: LayoutState, doc: ArgMap) -> bool:
    """Whether a statement or inference moved within its list (e.g. undo of a delete put
    it back mid-list): the cached outlines no longer follow the order, so start afresh."""
    return not (
        _in_order(old.positions, (s.id for s in doc.statements))
        and _in_order(old.inference_at, (i.id for i in doc.inferences))
    )
