"""What a :class:`~argmap.layout.tidy_tree.TreeLayouter` keeps between layouts, and the
small whole-map steps around it (tree order, bounds, which arrows changed)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.layout.argument_tree import ArgumentTree
from argmap.layout.edge_routing import EdgePlan
from argmap.layout.geometry import Box, CardLayout, MapLayout
from argmap.layout.tree_patch import InferenceFacts
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
