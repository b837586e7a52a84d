"""Subtrees that moved as one after an edit: their cards shifted, their arrows carried.

Deleting a leaf narrows its parent's subtree, so every card beside the path to the root
shifts; most of them belong to subtrees whose outline did not change. Such a subtree is a
:class:`Block`: its cards keep everything but their place, and an arrow whose cards all
moved by one vector is the same arrow moved by that vector (routing is translation-
invariant), which costs a few new points instead of a route.

A block far from what the user sees may wait: the layouter places its root at once and
walks the rest when asked (:meth:`~argmap.layout.tidy_tree.TreeLayouter.finish`), so an
edit that moves most of a big map shows at once. :class:`WaitingCards` tells which cards
are still at their old place, so no arrow is routed from a stale position.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from argmap.layout.edge_routing import EdgePlan
from argmap.layout.geometry import Box, CardLayout, EdgeLayout
from argmap.layout.subtree_shapes import Shape

Vector = tuple[float, float]
Placed = tuple[float, float, int]  # breadth, depth, outline serial


@dataclass(slots=True)
class Block:
    """A subtree whose outline did not change, placed with its root at ``at`` (breadth,
    depth), which moved its cards by ``move`` (scene coordinates)."""

    root: str
    at: tuple[float, float]
    move: Vector


@dataclass(slots=True)
class BlockWalk:
    """What walking blocks updates: the layouter's tables, and what moved."""

    tb: bool
    shapes: dict[str, tuple[object, Shape]]
    placed: dict[str, Placed]
    cards: dict[str, CardLayout]
    lanes: dict[str, float]
    shifted: dict[str, Vector] = field(default_factory=dict)  # card -> its block's move
    moved: set[str] = field(default_factory=set)

    def walk(self, block: Block, touched: Collection[str], *, root: bool, below: bool) -> int:
        """Place the ``root`` card and/or the cards ``below`` it as the block says, with
        the same arithmetic as a fresh layout (so the same numbers). Touched and pinned
        cards are left alone (the caller places touched ones). Returns the cards walked."""
        tb, shapes, placed, cards, lanes = self.tb, self.shapes, self.placed, self.cards, self.lanes
        shifted, moved, v = self.shifted, self.moved, block.move
        stack = [(block.root, *block.at)]
        n = 0
        while stack:
            sid, b, t = stack.pop()
            shape = shapes[sid][1]
            first = sid == block.root
            if first and not below:
                stack = []
            else:
                kids = shape.kids
                if kids:
                    kid_lanes = shape.lanes
                    for kid, (ob, od) in kids.items():
                        stack.append((kid, b + ob, t + od))
                        lane = kid_lanes.get(kid)
                        if lane is not None:
                            lanes[kid] = b + lane
            if first and not root:
                continue
            n += 1
            placed[sid] = (b, t, shape.serial)
            c = cards[sid]
            if c.pinned or sid in touched:
                continue
            box = c.box
            x, y = (b - box.w / 2, t) if tb else (t, b - box.h / 2)
            cards[sid] = CardLayout(
                sid,
                Box(x, y, box.w, box.h),
                c.lines,
                c.kind,
                c.quote_count,
                c.hidden_count,
                c.depth,
                c.parent,
                False,
            )
            shifted[sid] = v
            moved.add(sid)
        return n


def block_box(shape: Shape, at: tuple[float, float], tb: bool) -> Box:
    """The box of a subtree's outline with its root at ``at``, in scene coordinates."""
    b, t = at
    lo, hi = shape.lo, shape.hi
    b0, b1 = b + lo.reach, b + hi.reach
    depth = max(lo.depth, hi.depth)
    return Box(b0, t, b1 - b0, depth) if tb else Box(t, b0, depth, b1 - b0)


def meets(a: Box, b: Box) -> bool:
    """Whether two boxes overlap."""
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


class WaitingCards:
    """Which cards are inside a waiting block (still where they were), for routing."""

    def __init__(self, roots: Collection[str], parent: dict[str, str | None]) -> None:
        self._roots = roots
        self._parent = parent
        self._under: dict[str, bool] = {}  # card -> it or an ancestor is a waiting root

    def stale(self, sid: str) -> bool:
        """Whether ``sid`` has not been placed yet (a waiting root has been)."""
        if sid in self._roots:
            return False
        parent = self._parent.get(sid)
        return parent is not None and self._is_under(parent)

    def _is_under(self, sid: str) -> bool:
        chain: list[str] = []
        node: str | None = sid
        found = False
        while node is not None:
            known = self._under.get(node)
            if known is not None:
                found = known
                break
            if node in self._roots:
                found = True
                break
            chain.append(node)
            node = self._parent.get(node)
        for c in chain:
            self._under[c] = found
        return found

    def waiting_keys(self, plan: EdgePlan, keys: Collection[str]) -> set[str]:
        """The keys (conclusions, undercut ids) among ``keys`` whose arrows touch a card
        that has not been placed yet."""
        premises_of = {inf.id: visible for inf, visible in plan.undercuts}
        out = set()
        stale = self.stale
        for key in keys:
            incoming = plan.incoming.get(key)
            if incoming is not None:
                if stale(key) or any(stale(p) for _, visible in incoming for p in visible):
                    out.add(key)
            elif any(stale(p) for p in premises_of.get(key, ())):
                out.add(key)
        return out


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
