"""Arrows of a laid-out map: support/attack into their conclusion, undercuts into the
middle of the arrow they undercut, linked premises joined by a bar."""

from __future__ import annotations

from argmap.layout.argument_tree import ArgumentTree
from argmap.layout.card_metrics import CardMetrics
from argmap.layout.geometry import CardLayout, EdgeLayout
from argmap.model import ArgMap, Inference, InferenceKind

Point = tuple[float, float]
# A card on the abstract plane: breadth start, breadth size, depth start, depth size.
_Span = tuple[float, float, float, float]


def route_edges(
    doc: ArgMap,
    tree: ArgumentTree,
    cards: dict[str, CardLayout],
    direction: str,
    m: CardMetrics,
) -> dict[str, EdgeLayout]:
    """An :class:`EdgeLayout` for every inference with a visible premise and target."""
    tb = direction == "TB"
    spans: dict[str, _Span] = {}
    for sid, c in cards.items():
        b = c.box
        spans[sid] = (b.x, b.w, b.y, b.h) if tb else (b.y, b.h, b.x, b.w)

    by_id = {i.id: i for i in doc.inferences}
    bar_off = m.depth_gap * 0.3
    stub = m.depth_gap * 0.3
    edges: dict[str, EdgeLayout] = {}
    starts: dict[str, tuple[Point, list[list[Point]], tuple[Point, Point] | None]] = {}
    by_target: dict[str, list[str]] = {}
    undercuts: list[Inference] = []
    for inf in doc.inferences:
        visible = [p for p in inf.premises if p in spans]
        if not visible:
            continue
        if inf.kind == InferenceKind.UNDERCUT:
            undercuts.append(inf)
            continue
        if inf.conclusion not in spans:
            continue
        starts[inf.id] = _join(inf, visible, tree, spans, bar_off)
        by_target.setdefault(inf.conclusion, []).append(inf.id)

    for target, incoming in by_target.items():
        tb0, tbs, td0, tds = spans[target]
        incoming.sort(key=lambda i: starts[i][0][0])
        k = len(incoming)
        span = min(tbs * 0.6, (k - 1) * m.body_px * 2.0)
        bottom = td0 + tds
        for n, iid in enumerate(incoming):
            ab = tb0 + tbs / 2 + (n * span / (k - 1) - span / 2 if k > 1 else 0.0)
            start, feeders, bar = starts[iid]
            knee = (ab, bottom + stub)
            points = [start, knee, (ab, bottom)]
            if start[1] < bottom + stub:  # premise not below: leave it on its far side
                points = [start, (start[0], start[1] - stub), knee, (ab, bottom)]
            edges[iid] = _edge(
                by_id[iid], target, points, feeders=feeders, bar=bar, tree=tree, spans=spans, tb=tb
            )

    pending = undercuts
    while pending:  # an undercut of an undercut needs its target routed first
        waiting = []
        for inf in pending:
            target_edge = edges.get(inf.conclusion)
            if target_edge is None:
                waiting.append(inf)
                continue
            visible = [p for p in inf.premises if p in spans]
            start, feeders, bar = _join(inf, visible, tree, spans, bar_off)
            aim = _flip(target_edge.marker, tb)
            edges[inf.id] = _edge(
                inf,
                inf.conclusion,
                [start, aim],
                feeders=feeders,
                bar=bar,
                tree=tree,
                spans=spans,
                tb=tb,
            )
        if len(waiting) == len(pending):
            break
        pending = waiting
    return edges


def _flip(p: Point, tb: bool) -> Point:
    """Between the abstract (breadth, depth) plane and scene (x, y): a swap for "LR"."""
    return p if tb else (p[1], p[0])


def _join(
    inf: Inference,
    visible: list[str],
    tree: ArgumentTree,
    spans: dict[str, _Span],
    bar_off: float,
) -> tuple[Point, list[list[Point]], tuple[Point, Point] | None]:
    """Where an inference's line starts, with feeders and bar for linked premises."""
    tops = {p: (spans[p][0] + spans[p][1] / 2, spans[p][2]) for p in visible}
    if len(visible) == 1:
        return tops[visible[0]], [], None
    anchor = tree.anchor.get(inf.id)
    grouped = [p for p in visible if anchor is not None and tree.parent.get(p) == anchor]
    members = grouped if len(grouped) >= 2 else visible
    bar_d = min(tops[p][1] for p in members) - bar_off
    left = min(tops[p][0] for p in members)
    right = max(tops[p][0] for p in members)
    join = ((left + right) / 2, bar_d)
    feeders: list[list[Point]] = []
    for p in visible:
        b, d = tops[p]
        feeders.append([(b, d), (b, bar_d)] if p in members else [(b, d), join])
    return join, feeders, ((left, bar_d), (right, bar_d))


def _edge(
    inf: Inference,
    target: str,
    points: list[Point],
    *,
    feeders: list[list[Point]],
    bar: tuple[Point, Point] | None,
    tree: ArgumentTree,
    spans: dict[str, _Span],
    tb: bool,
) -> EdgeLayout:
    """Assemble an edge, mapping abstract points back to scene coordinates."""
    visible = [p for p in inf.premises if p in spans]
    anchor = tree.anchor.get(inf.id)
    a, b = (points[-3], points[-2]) if len(points) >= 3 else (points[0], points[1])
    return EdgeLayout(
        inference_id=inf.id,
        points=[_flip(p, tb) for p in points],
        premise_points=[_flip((spans[p][0] + spans[p][1] / 2, spans[p][2]), tb) for p in visible],
        kind=inf.kind.value,
        target=target,
        premises=visible,
        marker=_flip(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), tb),
        cross_link=any(tree.parent.get(p) != anchor for p in visible),
        feeders=[[_flip(p, tb) for p in f] for f in feeders],
        bar=(_flip(bar[0], tb), _flip(bar[1], tb)) if bar else None,
    )
