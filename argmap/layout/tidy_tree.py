"""Tidy tree layout of a map, top-down ("TB") or left-right ("LR").

Works on an abstract breadth/depth plane: each subtree's contour (its extent on every
level, relative to its root) is packed against its left siblings', parents are centred
over their children, levels are rows as deep as their deepest card. Per-node results
(card sizes, contours, child offsets) are kept by :class:`TreeLayouter` so that later
layouts can reuse what did not change.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from argmap.layout.argument_tree import ArgumentTree, build_tree
from argmap.layout.card_metrics import CardMetrics, measure_card
from argmap.layout.edge_routing import route_edges
from argmap.layout.geometry import Box, CardLayout, MapLayout
from argmap.model import ArgMap

Direction = str  # "TB" | "LR"
_MeasureKey = tuple[str, str, int]


@dataclass(slots=True)
class _Contour:
    """A subtree's extent per level below its root: lo[i]..hi[i] relative to the root."""

    lo: list[float]
    hi: list[float]
    offsets: list[float] = field(default_factory=list)  # children's centres vs. the root


class TreeLayouter:
    """Lays out maps, remembering card measurements between calls (text wrapping is the
    costly part; an edit re-measures only the statements it touched)."""

    def __init__(self, metrics: CardMetrics | None = None) -> None:
        self.metrics = metrics or CardMetrics()
        self._measured: dict[str, tuple[_MeasureKey, tuple[float, float, list[str]]]] = {}
        self.measure_count = 0  # statements measured (not served from the cache)

    def _measure(self, sid: str, key: _MeasureKey) -> tuple[float, float, list[str]]:
        hit = self._measured.get(sid)
        if hit is not None and hit[0] == key:
            return hit[1]
        self.measure_count += 1
        result = measure_card(key[0], key[1], key[2], self.metrics)
        self._measured[sid] = (key, result)
        return result

    def layout(self, doc: ArgMap, direction: Direction | None = None) -> MapLayout:
        """Where every visible card and edge of ``doc`` goes."""
        # Layout allocates many small acyclic objects; with a big map alive the cyclic
        # collector would rescan it again and again (measured: ~35 % of the time).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._layout(doc, direction)
        finally:
            if was_enabled:
                gc.enable()

    def _layout(self, doc: ArgMap, direction: Direction | None) -> MapLayout:
        direction = direction or doc.view.direction
        if direction not in ("TB", "LR"):
            raise ValueError(f"layout direction must be 'TB' or 'LR', not {direction!r}")
        tree = build_tree(doc)
        by_id = {s.id: s for s in doc.statements}
        sizes: dict[str, tuple[float, float, list[str]]] = {}
        for sid in tree.parent:
            s = by_id[sid]
            sizes[sid] = self._measure(sid, (s.kind.value, s.text, len(s.quotes)))
        tb = direction == "TB"
        breadth = {sid: (v[0] if tb else v[1]) for sid, v in sizes.items()}
        deep = {sid: (v[1] if tb else v[0]) for sid, v in sizes.items()}
        centres = _place_breadth(tree, breadth, self.metrics)
        row_top = _row_tops(tree, deep, self.metrics.depth_gap)
        pinned = doc.view.pinned
        cards: dict[str, CardLayout] = {}
        for sid, (w, h, lines) in sizes.items():
            b0 = centres[sid] - breadth[sid] / 2
            d0 = row_top[tree.depth[sid]]
            x, y = (b0, d0) if tb else (d0, b0)
            pin = pinned.get(sid)
            if pin is not None:
                x, y = pin
            s = by_id[sid]
            cards[sid] = CardLayout(
                statement_id=sid,
                box=Box(x, y, w, h),
                lines=lines,
                kind=s.kind.value,
                quote_count=len(s.quotes),
                hidden_count=tree.hidden_count.get(sid, 0),
                depth=tree.depth[sid],
                parent=tree.parent[sid],
                pinned=pin is not None,
            )
        edges = route_edges(doc, tree, cards, direction, self.metrics)
        return MapLayout(
            cards=cards,
            edges=edges,
            bounds=_bounds(cards),
            direction=direction,
            roots=list(tree.roots),
            children={sid: tree.children(sid) for sid in tree.groups},
        )


def layout_map(
    doc: ArgMap, direction: Direction | None = None, metrics: CardMetrics | None = None
) -> MapLayout:
    """Lay out ``doc`` (direction defaults to the map's saved ``view.direction``)."""
    return TreeLayouter(metrics).layout(doc, direction)


def _place_breadth(
    tree: ArgumentTree, breadth: dict[str, float], m: CardMetrics
) -> dict[str, float]:
    """Absolute breadth centre of every placed card."""
    if not tree.roots:
        return {}
    contours: dict[str, _Contour] = {}
    # Post-order without recursion: reversed pre-order visits children before parents.
    preorder: list[str] = []
    stack = list(reversed(tree.roots))
    while stack:
        node = stack.pop()
        preorder.append(node)
        stack.extend(reversed(tree.children(node)))
    for node in reversed(preorder):
        contours[node] = _contour(node, tree, breadth[node], contours, m)
    # Pack the root trees side by side like siblings, then walk down the offsets.
    forest = _pack([contours[r] for r in tree.roots], [m.tree_gap] * len(tree.roots), m)
    centres: dict[str, float] = {}
    for root, off in zip(tree.roots, forest.offsets, strict=True):
        centres[root] = off
    for node in preorder:
        base = centres[node]
        for kid, off in zip(tree.children(node), contours[node].offsets, strict=True):
            centres[kid] = base + off
    return centres


def _contour(
    node: str, tree: ArgumentTree, size: float, done: dict[str, _Contour], m: CardMetrics
) -> _Contour:
    """``node``'s subtree contour, its children packed in order and centred below it."""
    half = size / 2
    kids: list[_Contour] = []
    gaps: list[float] = []
    for g, (_, members) in enumerate(tree.groups.get(node, ())):
        for i, kid in enumerate(members):
            kids.append(done[kid])
            gaps.append(m.sibling_gap if i > 0 else (m.group_gap if g else 0.0))
    if not kids:
        return _Contour([-half], [half])
    packed = _pack(kids, gaps, m)
    mid = (packed.offsets[0] + packed.offsets[-1]) / 2
    lo = [-half] + [v - mid for v in packed.lo]
    hi = [half] + [v - mid for v in packed.hi]
    return _Contour(lo, hi, [o - mid for o in packed.offsets])


def _pack(items: list[_Contour], gaps: list[float], m: CardMetrics) -> _Contour:
    """Place contours left to right as close as their levels allow; offsets of each."""
    first = items[0]
    lo, hi = list(first.lo), list(first.hi)
    offsets = [0.0]
    for item, gap in zip(items[1:], gaps[1:], strict=True):
        shared = min(len(hi), len(item.lo))
        off = hi[0] - item.lo[0] + gap
        for lvl in range(1, shared):
            need = hi[lvl] - item.lo[lvl] + m.group_gap
            off = max(off, need)
        off = max(off, offsets[-1])
        for lvl in range(shared):
            hi[lvl] = item.hi[lvl] + off
            lo[lvl] = min(lo[lvl], item.lo[lvl] + off)
        for lvl in range(shared, len(item.lo)):
            lo.append(item.lo[lvl] + off)
            hi.append(item.hi[lvl] + off)
        offsets.append(off)
    return _Contour(lo, hi, offsets)


def _row_tops(tree: ArgumentTree, deep: dict[str, float], gap: float) -> list[float]:
    """Start of each level along the depth axis: rows as deep as their deepest card."""
    rows: list[float] = []
    for sid, d in tree.depth.items():
        while len(rows) <= d:
            rows.append(0.0)
        rows[d] = max(rows[d], deep[sid])
    tops = [0.0]
    for size in rows[:-1]:
        tops.append(tops[-1] + size + gap)
    return tops


def _bounds(cards: dict[str, CardLayout]) -> Box:
    """The smallest box holding every card (an empty map: a zero box at the origin)."""
    if not cards:
        return Box(0.0, 0.0, 0.0, 0.0)
    x0 = min(c.box.x for c in cards.values())
    y0 = min(c.box.y for c in cards.values())
    x1 = max(c.box.right for c in cards.values())
    y1 = max(c.box.bottom for c in cards.values())
    return Box(x0, y0, x1 - x0, y1 - y0)
