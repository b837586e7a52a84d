"""Arrows of a laid-out map: support/attack into their conclusion, undercuts into the
middle of the arrow they undercut, linked premises joined by a bar, stacked premises
joined to their conclusion through their own lane of a bus.

An :class:`EdgePlan` is built once per drawing tree; it can route every arrow, or only the
arrows into some conclusions (and the undercuts that aim at them) after an edit.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter

from argmap.layout.argument_tree import ArgumentTree
from argmap.layout.card_metrics import CardMetrics
from argmap.layout.geometry import CardLayout, EdgeLayout
from argmap.model import ArgMap, Inference, InferenceKind

Point = tuple[float, float]
_KIND_VALUES: dict[str, str] = {k: k.value for k in InferenceKind}
# A card on the abstract plane: breadth start, breadth size, depth start, depth size.
_Span = tuple[float, float, float, float]
# Where an arrow leaves its premises: start point, feeders, bar (linked premises), and
# where it touches each premise.
_Join = tuple[Point, list[list[Point]], tuple[Point, Point] | None, list[Point]]
_BOX = attrgetter("box")
_FIRST = itemgetter(0)


@dataclass(slots=True)
class EdgePlan:
    """Which arrows exist in a drawing tree, grouped by conclusion, and who depends on whom."""

    tree: ArgumentTree
    direction: str
    metrics: CardMetrics
    incoming: dict[str, list[tuple[Inference, list[str]]]] = field(default_factory=dict)
    undercuts: list[tuple[Inference, list[str]]] = field(default_factory=list)
    _touching: dict[str, set[str]] | None = None
    undercuts_of: dict[str, list[str]] = field(default_factory=dict)  # inference -> undercuts

    @classmethod
    def build(cls, doc: ArgMap, tree: ArgumentTree, direction: str, m: CardMetrics) -> EdgePlan:
        """The plan of every arrow with a visible premise and a visible target."""
        plan = cls(tree, direction, m)
        visible_ids = tree.parent
        incoming = plan.incoming
        routed: set[str] = set()
        pending: list[tuple[Inference, list[str]]] = []
        undercut = InferenceKind.UNDERCUT
        for inf in doc.inferences:
            visible = [p for p in inf.premises if p in visible_ids]
            if not visible:
                continue
            if inf.kind == undercut:
                pending.append((inf, visible))
                continue
            target = inf.conclusion
            if target not in visible_ids:
                continue
            into = incoming.get(target)
            if into is None:
                incoming[target] = [(inf, visible)]
            else:
                into.append((inf, visible))
            routed.add(inf.id)
        while pending:  # an undercut of an undercut needs its target routed first
            waiting = []
            for inf, visible in pending:
                if inf.conclusion not in routed:
                    waiting.append((inf, visible))
                    continue
                routed.add(inf.id)
                plan.undercuts.append((inf, visible))
                plan.undercuts_of.setdefault(inf.conclusion, []).append(inf.id)
            if len(waiting) == len(pending):
                break
            pending = waiting
        return plan

    @property
    def touching(self) -> dict[str, set[str]]:
        """Statement id -> the conclusions (and undercut ids) whose arrows it takes part
        in; worked out on first use (a first layout routes everything without it)."""
        if self._touching is None:
            touching: dict[str, set[str]] = {}
            for target, incoming in self.incoming.items():
                touching.setdefault(target, set()).add(target)
                for _, visible in incoming:
                    for p in visible:
                        touching.setdefault(p, set()).add(target)
            for inf, visible in self.undercuts:
                for p in visible:
                    touching.setdefault(p, set()).add(inf.id)
            self._touching = touching
        return self._touching

    def route(
        self,
        cards: dict[str, CardLayout],
        lanes: dict[str, float],
        edges: dict[str, EdgeLayout],
        keys: Iterable[str] | None = None,
    ) -> list[str]:
        """Route into ``edges`` the arrows of ``keys`` (conclusion or undercut ids; all if
        None) and the undercuts aiming at them; returns the inference ids routed."""
        tb = self.direction == "TB"
        spans: _Spans = _Spans(cards, tb)
        if keys is None:
            spans.fill()  # every card takes part: one pass instead of a miss per card
        routed: list[str] = []
        wanted = None if keys is None else set(keys)
        targets = self.incoming if wanted is None else [t for t in wanted if t in self.incoming]
        for target in targets:
            for _, iid, edge in self._route_target(target, spans, lanes):
                edges[iid] = edge
                routed.append(iid)
        changed = set(routed) if wanted is not None else None
        bar_off = self.metrics.depth_gap * 0.3
        anchors, parent = self.tree.anchor, self.tree.parent
        for inf, visible in self.undercuts:
            if changed is not None:
                if inf.conclusion not in changed and inf.id not in wanted:  # type: ignore[operator]
                    continue
                changed.add(inf.id)
            target_edge = edges.get(inf.conclusion)
            if target_edge is None:
                continue
            anchor = anchors.get(inf.id)
            join = _join(visible, anchor, parent, spans, bar_off)
            aim = _flip(target_edge.marker, tb)
            if target_edge.kind == "attack":  # stop at the rim of the attack's disc
                aim = _towards(aim, join[0], self.metrics.body_px * 0.65)
            edges[inf.id] = _edge(
                inf,
                inf.conclusion,
                visible,
                [join[0], aim],
                join,
                anchor=anchor,
                parent=parent,
                tb=tb,
            )
            routed.append(inf.id)
        return routed

    def _route_target(
        self, target: str, spans: _Spans, lanes: dict[str, float]
    ) -> list[tuple[int, str, EdgeLayout]]:
        """The arrows into ``target``, in plan order (so a full route fills ``edges`` in
        the order :func:`~argmap.layout.layout_state.edge_order` gives): (index, id, edge)."""
        tb = self.direction == "TB"
        m = self.metrics
        anchors, parent = self.tree.anchor, self.tree.parent
        bar_off = m.depth_gap * 0.3
        stub = m.depth_gap * 0.3
        tb0, tbs, td0, tds = spans[target]
        bottom = td0 + tds
        knee_d = bottom + stub  # where arrows turn up into the target
        starts: list[tuple[float, int, Inference, list[str], float | _Join]] = []
        direct = True  # every arrow comes up its own lane: one column right below
        for inf, visible in self.incoming[target]:
            if len(visible) == 1:
                # A lone premise stacked in a column under its conclusion: its lane.
                p = visible[0]
                lane = lanes.get(p)
                if lane is not None and len(inf.premises) == 1 and parent.get(p) == target:
                    starts.append((lane, len(starts), inf, visible, lane))
                    continue
            joined = _join(visible, anchors.get(inf.id), parent, spans, bar_off)
            starts.append((joined[0][0], len(starts), inf, visible, joined))
            direct = False
        starts.sort(key=_FIRST)
        k = len(starts)
        ports = _ports([s[0] for s in starts], tb0, tbs, m)
        tracks = _tracks([s[0] for s in starts], ports, bottom, m)
        out = []
        for n, (_, index, inf, visible, how) in enumerate(starts):
            ab = ports[n]
            if isinstance(how, float):
                pb0, _, pd0, pds = spans[visible[0]]
                mid = pd0 + pds / 2
                start = (pb0, mid)
                if direct and tb0 + 2 < how < tb0 + tbs - 2:
                    points = [start, (how, mid), (how, bottom)]
                else:  # up its lane to its own track, across to its own port
                    t = tracks[n]
                    points = [start, (how, mid), (how, t), (ab, t), (ab, bottom)]
                join: _Join = (start, [], None, [start])
            else:
                join = how
                start = join[0]
                t = tracks[n]
                if start[1] < knee_d:  # premise not below: leave it on its far side
                    points = [start, (start[0], start[1] - stub), (ab, knee_d), (ab, bottom)]
                elif abs(start[0] - ab) <= 0.5:
                    points = [start, (ab, bottom)]
                else:  # up to its own track, across to its own port
                    points = [start, (start[0], t), (ab, t), (ab, bottom)]
            anchor = anchors.get(inf.id)
            edge = _edge(inf, target, visible, points, join, anchor=anchor, parent=parent, tb=tb)
            out.append((index, inf.id, edge))
        if k > 1:
            _spread_markers([e for _, _, e in out], self.undercuts_of, m)
        out.sort(key=_FIRST)
        return out


def _ports(rises: list[float], b0: float, size: float, m: CardMetrics) -> list[float]:
    """Where each arrow into one card meets its side (arrows sorted by where they rise):
    spread over the side, two body-text heights apart where it has room; a lone arrow
    that can come straight up does."""
    k = len(rises)
    if k == 1 and b0 + m.body_px < rises[0] < b0 + size - m.body_px:
        return [rises[0]]
    span = min(size * 0.95, (k - 1) * m.body_px * 2.0)
    return [b0 + size / 2 + (n * span / (k - 1) - span / 2 if k > 1 else 0.0) for n in range(k)]


def _tracks(rises: list[float], ports: list[float], bottom: float, m: CardMetrics) -> list[float]:
    """The depth at which each arrow into one card turns towards its port: arrows coming
    from the left and from the right each nest, the outermost nearest the card, so no two
    share a track and none crosses another (as a layered drawing's channel routing)."""
    k = len(rises)
    if k == 1:
        return [bottom + m.depth_gap * 0.2]
    left = [n for n in range(k) if rises[n] < ports[n] - 0.5]
    right = [n for n in reversed(range(k)) if rises[n] > ports[n] + 0.5]
    lo, hi = bottom + m.depth_gap * 0.2, bottom + m.depth_gap * 0.6
    most = max(len(left), len(right), 1)
    step = min(m.body_px * 0.6, (hi - lo) / (most - 1)) if most > 1 else 0.0
    tracks = [lo] * k
    for group in (left, right):
        for i, n in enumerate(group):
            tracks[n] = lo + i * step
    return tracks


# Arrows into one card beyond this many keep their markers in the middle (the search
# for a clear spot costs the square of the count).
MOST_SPREAD = 48


def _spread_markers(
    edges: list[EdgeLayout], undercuts_of: dict[str, list[str]], m: CardMetrics
) -> None:
    """Move the marker (an attack's disc, where undercuts aim) of each arrow into one card
    that needs one to the spot of its own line nearest the card that is clear of the other
    arrows and markers, so discs do not overlap and an undercut visibly meets the one
    arrow it targets (the farthest from the others where no spot is clear)."""
    needy = [e for e in edges if e.kind == "attack" or e.inference_id in undercuts_of]
    if not needy or len(edges) > MOST_SPREAD:
        return
    radius = m.body_px * 0.65  # an attack disc's radius at the default theme, and some
    head = m.body_px * 1.2  # keep clear of the arrowhead (and the card's edge)
    placed: list[Point] = []
    for edge in needy:
        disc = edge.kind == "attack"
        want = radius + 3 if disc else m.body_px * 0.45  # an undercut's head is narrower
        others = [e.points for e in edges if e is not edge]
        best, best_score = edge.marker, -math.inf
        for point, from_tip in _candidates(edge.points, radius + 3 if disc else head):
            clear = min((_distance_to_line(point, line) for line in others), default=want)
            for q in placed:
                clear = min(clear, math.dist(q, point) - radius)
            score = (1e6 - from_tip) if clear >= want else clear
            if score > best_score:
                best, best_score = point, score
        edge.marker = best
        placed.append(best)


def _candidates(points: list[Point], keep_off: float) -> list[tuple[Point, float]]:
    """Points along a line every few units, not within ``keep_off`` of its ends, each with
    its distance along the line from its end (the tip)."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    total = sum(lengths)
    out: list[tuple[Point, float]] = []
    if total <= 2 * keep_off:
        return out
    step = max(2.0, total / 200)
    along = 0.0
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        s = max(0.0, keep_off - along)
        while s <= length and along + s <= total - keep_off:
            f = s / length if length else 0.0
            out.append(((a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f), total - along - s))
            s += step
        along += length
    return out


def _distance_to_line(p: Point, line: list[Point]) -> float:
    """The shortest distance from ``p`` to the polyline ``line``."""
    best = float("inf")
    px, py = p
    for (ax, ay), (bx, by) in itertools.pairwise(line):
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        f = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
        cx, cy = ax + dx * f - px, ay + dy * f - py
        d = cx * cx + cy * cy
        best = min(best, d)
    return math.sqrt(best)


class _Spans(dict[str, _Span]):
    """Cards as abstract (breadth start, breadth size, depth start, depth size) spans,
    worked out on first use (or all at once by :meth:`fill`)."""

    __slots__ = ("_cards", "_get")

    def __init__(self, cards: dict[str, CardLayout], tb: bool) -> None:
        super().__init__()
        self._cards = cards
        self._get: Callable[[object], _Span] = (
            attrgetter("x", "w", "y", "h") if tb else attrgetter("y", "h", "x", "w")
        )

    def fill(self) -> None:
        """Every card's span."""
        cards = self._cards
        self.update(zip(cards, map(self._get, map(_BOX, cards.values())), strict=True))

    def __missing__(self, sid: str) -> _Span:
        span = self[sid] = self._get(self._cards[sid].box)
        return span


def _towards(p: Point, q: Point, by: float) -> Point:
    """``p`` moved ``by`` units towards ``q`` (not past it)."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length <= by:
        return p
    return (p[0] + dx * by / length, p[1] + dy * by / length)


def _flip(p: Point, tb: bool) -> Point:
    """Between the abstract (breadth, depth) plane and scene (x, y): a swap for "LR"."""
    return p if tb else (p[1], p[0])


def _join(
    visible: list[str],
    anchor: str | None,
    parent: dict[str, str | None],
    spans: _Spans,
    bar_off: float,
) -> _Join:
    """Where an inference's line starts, with feeders and bar for linked premises, and
    its attachment point on each premise (``anchor``: the card its premises hang under)."""
    if len(visible) == 1:
        s = spans[visible[0]]
        start = (s[0] + s[1] / 2, s[2])
        return start, [], None, [start]
    tops = {}
    for p in visible:
        s = spans[p]
        tops[p] = (s[0] + s[1] / 2, s[2])
    grouped = [p for p in visible if anchor is not None and parent.get(p) == anchor]
    members = grouped if len(grouped) >= 2 else visible
    bar_d = min(tops[p][1] for p in members) - bar_off
    left = min(tops[p][0] for p in members)
    right = max(tops[p][0] for p in members)
    join = ((left + right) / 2, bar_d)
    feeders: list[list[Point]] = []
    for p in visible:
        b, d = tops[p]
        feeders.append([(b, d), (b, bar_d)] if p in members else [(b, d), join])
    return join, feeders, ((left, bar_d), (right, bar_d)), [tops[p] for p in visible]


def _edge(
    inf: Inference,
    target: str,
    visible: list[str],
    points: list[Point],
    join: _Join,
    *,
    anchor: str | None,
    parent: dict[str, str | None],
    tb: bool,
) -> EdgeLayout:
    """Assemble an edge, mapping abstract points back to scene coordinates."""
    _, feeders, bar, attach = join
    a, b = (points[-3], points[-2]) if len(points) >= 3 else (points[0], points[1])
    marker = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    cross = False
    for p in visible:
        if parent.get(p) != anchor:
            cross = True
            break
    if not tb:
        points = [(d, b_) for b_, d in points]
        attach = [(d, b_) for b_, d in attach]
        feeders = [[(d, b_) for b_, d in f] for f in feeders]
        marker = (marker[1], marker[0])
        if bar is not None:
            bar = ((bar[0][1], bar[0][0]), (bar[1][1], bar[1][0]))
    return EdgeLayout(
        inf.id, points, attach, _KIND_VALUES[inf.kind], target, visible, marker, feeders, bar, cross
    )


def route_edges(
    doc: ArgMap,
    tree: ArgumentTree,
    cards: dict[str, CardLayout],
    direction: str,
    m: CardMetrics,
    *,
    lanes: dict[str, float] | None = None,
) -> dict[str, EdgeLayout]:
    """An :class:`EdgeLayout` for every inference with a visible premise and target."""
    edges: dict[str, EdgeLayout] = {}
    EdgePlan.build(doc, tree, direction, m).route(cards, lanes or {}, edges)
    return edges
