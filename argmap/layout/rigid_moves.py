"""Arrows of subtrees that moved as one after an edit: translated, not routed again.

Deleting a leaf narrows its parent's subtree, so every card beside the path to the root
shifts; most of them belong to subtrees whose outline did not change. The layouter moves
those cards as a block and this module carries their arrows along: an arrow whose cards
all moved by one vector is the same arrow moved by that vector (routing is translation-
invariant), which costs a few new points instead of a route.
"""

from __future__ import annotations

from collections.abc import Collection

from argmap.layout.edge_routing import EdgePlan
from argmap.layout.geometry import EdgeLayout

Vector = tuple[float, float]


def shifted_edge(e: EdgeLayout, dx: float, dy: float) -> EdgeLayout:
    """``e`` moved by (dx, dy)."""
    bar = e.bar
    if bar is not None:
        (x0, y0), (x1, y1) = bar
        bar = ((x0 + dx, y0 + dy), (x1 + dx, y1 + dy))
    return EdgeLayout(
        e.inference_id,
        [(x + dx, y + dy) for x, y in e.points],
        [(x + dx, y + dy) for x, y in e.premise_points],
        e.kind,
        e.target,
        e.premises,
        (e.marker[0] + dx, e.marker[1] + dy),
        [[(x + dx, y + dy) for x, y in f] for f in e.feeders],
        bar,
        e.cross_link,
    )


def carry_edges(
    plan: EdgePlan,
    edges: dict[str, EdgeLayout],
    shifted: dict[str, Vector],
    routing: Collection[str],
) -> tuple[list[str], set[str]]:
    """Translate in ``edges`` the arrows whose cards all moved by one vector.

    ``shifted``: cards moved rigidly, with their vector; ``routing``: conclusions and
    undercuts that will be routed anyway. Returns the inference ids translated, and the
    keys (conclusions, undercut ids) whose arrows a shifted card takes part in but which
    cannot be translated, so must be routed.
    """
    touching = plan.touching
    candidates: set[str] = set()
    for sid in shifted:
        candidates.update(touching.get(sid, ()))
    moved: dict[str, Vector] = {}
    rest: set[str] = set()
    incoming_of = plan.incoming
    for key in candidates:
        incoming = incoming_of.get(key)
        if incoming is None or key in routing:
            continue  # an undercut (below), or routed anyway
        v = shifted.get(key)
        if v is None or any(
            shifted.get(p) != v or inf.id not in edges for inf, visible in incoming for p in visible
        ):
            rest.add(key)
            continue
        dx, dy = v
        for inf, _ in incoming:
            edges[inf.id] = shifted_edge(edges[inf.id], dx, dy)
            moved[inf.id] = v
    for inf, visible in plan.undercuts:  # in order: an undercut's target comes first
        if inf.id in routing:
            continue
        v = moved.get(inf.conclusion)
        aimed = [shifted.get(p) for p in visible]
        if v is not None and inf.id in edges and all(a == v for a in aimed):
            edges[inf.id] = shifted_edge(edges[inf.id], *v)
            moved[inf.id] = v
        elif v is not None or any(a is not None for a in aimed):
            rest.add(inf.id)
    return list(moved), rest
