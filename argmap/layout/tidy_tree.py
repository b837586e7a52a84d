"""Tidy tree layout of a map, top-down ("TB") or left-right ("LR").

Each subtree's outline (see :mod:`argmap.layout.subtree_shapes`) is packed against its
left siblings', parents are centred over their children. Top-down, children start just
below their own parent and runs of short premises stack in a column, so bushy maps stay
compact; left-right, levels are columns as wide as their widest card.

:class:`TreeLayouter` keeps every intermediate result (card sizes, subtree outlines,
positions, arrows) between calls and redoes only what an edit invalidated: the edited
cards, the outlines on their path to the root, the cards that moved and their arrows.
``measure_count``, ``shape_count``, ``place_count`` and ``route_count`` count that work;
``shift_count``, ``walk_count`` and ``carry_count`` count subtrees moved as one, their cards
and their arrows.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

from argmap.layout.argument_tree import ArgumentTree, build_tree
from argmap.layout.card_metrics import KIND_VALUES, CardMeasurer, CardMetrics
from argmap.layout.edge_routing import EdgePlan
from argmap.layout.geometry import Box, CardLayout, EdgeLayout, LayoutDelta, MapLayout
from argmap.layout.layout_state import (
    EditScope,
    LayoutState,
    Measured,
    MeasureKey,
    bounds_of,
    changed_routes,
    edge_order,
    edit_scope,
    inference_tables,
    inside,
    reaches_edge,
    reordered,
)
from argmap.layout.outline_cache import OutlineCache, level_widths
from argmap.layout.placement import place_every_card, with_ancestors
from argmap.layout.rigid_moves import (
    Block,
    BlockWalk,
    WaitingCards,
    block_box,
    carry_edges,
    meets,
)
from argmap.layout.subtree_shapes import Shape, forest
from argmap.model import ArgMap

Direction = Literal["TB", "LR"]
_T = TypeVar("_T")


class TreeLayouter:
    """Lays out maps, reusing between calls whatever an edit left valid."""

    def __init__(self, metrics: CardMetrics | None = None) -> None:
        self.metrics = metrics or CardMetrics()
        self._measurer = CardMeasurer(self.metrics)
        self._measured: dict[str, tuple[MeasureKey, Measured]] = {}
        self.measure_count = 0  # statements measured (not served from the cache)
        self.place_count = 0  # cards whose position was computed
        self.route_count = 0  # arrows routed
        self.shift_count = 0  # subtrees moved as one (their cards and arrows translated)
        self.carry_count = 0  # arrows translated with their subtree instead of routed
        self.walk_count = 0  # cards moved with their subtree (not placed one by one)
        self._shifted: dict[str, tuple[float, float]] = {}  # by the last _place
        self._waiting: list[Block] = []  # blocks left for finish(), far from the view
        self._waiting_keys: set[str] = set()  # arrows that touch their cards
        self.last_delta = LayoutDelta()
        self._outlines = OutlineCache(self.metrics)
        self._clear()

    def _clear(self) -> None:
        self._outlines.forget()
        self._shapes = self._outlines.shapes
        self._placed: dict[str, tuple[float, float, int]] = {}
        self._cards: dict[str, CardLayout] = {}
        self._lanes: dict[str, float] = {}
        self._forest: tuple[object, list[float]] = ((), [])
        self._state: LayoutState | None = None

    # --- public --------------------------------------------------------------------------

    def layout(self, doc: ArgMap, direction: Direction | None = None) -> MapLayout:
        """Where every visible card and edge of ``doc`` goes (``last_delta``: what moved)."""
        earlier = self.finish()
        result = _without_gc(lambda: self._full(doc, _check(direction or doc.view.direction)))
        self._fold(earlier, result)
        return result

    def relayout(
        self,
        doc: ArgMap,
        changed_ids: Iterable[str],
        direction: Direction | None = None,
        *,
        near: Box | None = None,
    ) -> MapLayout:
        """:meth:`layout` after an edit of ``doc`` touching ``changed_ids`` (statements
        whose text, kind, quotes or pin changed; any inference id, or an unknown id, means
        the structure changed). Without tree changes only the edited cards, their path to
        the root and what moved are redone; otherwise this is :meth:`layout`.

        With ``near`` (the area the user sees), subtrees that moved as one and lie wholly
        outside it wait: their roots are placed, the rest of their cards keep their old
        places until :meth:`finish` (``pending`` says whether anything waits)."""
        earlier = self.finish()
        d = _check(direction or doc.view.direction)
        ids = list(changed_ids)
        result = _without_gc(lambda: self._fast(doc, ids, d, near) or self._full(doc, d))
        self._fold(earlier, result)
        return result

    def _fold(self, earlier: LayoutDelta, layout: MapLayout) -> None:
        """Add to ``last_delta`` what finishing the previous layout's waiting work moved
        (a caller applies only ``last_delta``: the work must not be lost)."""
        delta = self.last_delta
        if delta.full:
            return
        cards, edges = layout.cards, layout.edges
        delta.moved.update(s for s in earlier.moved if s in cards and s not in delta.added)
        delta.edges_changed.update(i for i in earlier.edges_changed if i in edges)

    @property
    def shape_count(self) -> int:
        """Subtree outlines built (not served from the cache)."""
        return self._outlines.built

    @property
    def pending(self) -> bool:
        """Whether the last layout left blocks of cards (and their arrows) for later."""
        return bool(self._waiting or self._waiting_keys)

    def finish(self, limit: int | None = None) -> LayoutDelta:
        """Do work the last :meth:`relayout` left for later: at most about ``limit``
        cards (all if None); once every card is placed, their arrows. Updates the last
        layout in place and returns what this step changed."""
        delta = LayoutDelta(full=False)
        st = self._state
        if st is None or not self.pending:
            self._waiting, self._waiting_keys = [], set()
            return delta
        return _without_gc(lambda: self._finish_some(st, limit, delta))

    def _finish_some(self, st: LayoutState, limit: int | None, delta: LayoutDelta) -> LayoutDelta:
        walker = self._walker(st, delta)
        done = 0
        while self._waiting and (limit is None or done < limit):
            done += walker.walk(self._waiting.pop(), (), root=False, below=True)
        layout = st.layout
        for sid in delta.moved:
            layout.cards[sid] = self._cards[sid]
        self.walk_count += done
        if self._waiting:
            return delta
        keys, self._waiting_keys = self._waiting_keys, set()
        edges = layout.edges
        carried = self._carry(st.plan, edges, keys)
        routed = st.plan.route(self._cards, self._lanes, edges, keys)
        self.route_count += len(routed)
        delta.edges_changed = set(routed) | set(carried)
        layout.bounds = bounds_of(layout.cards.values())
        return delta

    # --- full layout (reusing caches) --------------------------------------------------

    def _full(self, doc: ArgMap, direction: str) -> MapLayout:
        old = self._state
        if old is None or old.direction != direction or reordered(old, doc):
            self._clear()
            old = None
        tree = build_tree(doc)
        visible = tree.parent
        positions: dict[str, int] = {}
        sizes: dict[str, Measured] = {}
        facts: dict[str, MeasureKey] = {}
        measured = self._measured
        measurer = self._measurer
        kinds = KIND_VALUES
        fresh: list[str] = []  # the cards measured afresh
        # One pass over the statements: where each is, and (_measure inlined, as a first
        # layout measures every card) each visible card's size.
        for k, s in enumerate(doc.statements):
            sid = s.id
            positions[sid] = k
            if sid not in visible:
                continue
            key = facts[sid] = (kinds[s.kind], s.text, len(s.quotes))
            hit = measured.get(sid)
            if hit is None or hit[0] != key:
                hit = measured[sid] = (key, measurer(*key))
                fresh.append(sid)
            sizes[sid] = hit[1]
        self.measure_count += len(fresh)
        rows = level_widths(tree, sizes, direction)
        if old is not None and rows != old.rows:
            self._shapes.clear()  # every level moved: rebuild outlines, keep cards to compare
        touched = set(visible if old is None else fresh)  # a first layout: everything is new
        if old is not None:
            self._touch_tree_changes(doc, tree, touched, sizes, facts)
        # tree.parent lists every card after its parent: reversed, children come first.
        self._outlines.build(tree, sizes, rows, direction, order=list(visible))
        plan = EdgePlan.build(doc, tree, direction, self.metrics)
        state = LayoutState(
            doc,
            direction,
            tree,
            plan,
            MapLayout({}, {}, Box(0, 0, 0, 0), direction),
            positions,
            *inference_tables(doc),
            list(doc.view.collapsed),
            doc.question,
            rows,
            sizes,
            facts,
        )
        delta = LayoutDelta(full=old is None)
        self._place(state, touched, delta)
        edges: dict[str, EdgeLayout] = dict(old.layout.edges) if old else {}
        keys: set[str] | None = None  # the first layout routes every arrow
        carried: list[str] = []
        if old is not None:
            keys = changed_routes(old.plan, plan)
            self._touching_keys(plan, delta, keys)
            carried = self._carry(plan, edges, keys)
        routed = plan.route(self._cards, self._lanes, edges, keys)
        self.route_count += len(routed)
        routed.extend(carried)
        delta.edges_changed = set(routed)
        cards = dict(zip(visible, map(self._cards.__getitem__, visible), strict=True))
        if old is not None:  # (a first layout routed every arrow afresh, in plan order)
            ordered = edge_order(plan)
            kept = set(ordered)
            delta.edges_removed = {iid for iid in edges if iid not in kept}
            edges = {iid: edges[iid] for iid in ordered}
            delta.removed = {sid for sid in self._cards if sid not in visible}
            for sid in delta.removed:
                for table in (self._cards, self._placed, self._shapes, self._lanes, self._measured):
                    table.pop(sid, None)
        state.layout = MapLayout(
            cards=cards,
            edges=edges,
            bounds=bounds_of(cards.values()),
            direction=direction,
            roots=list(tree.roots),
            children=tree.kids,
        )
        self._state = state
        self.last_delta = delta
        return state.layout

    def _touch_tree_changes(
        self,
        doc: ArgMap,
        tree: ArgumentTree,
        touched: set[str],
        sizes: dict[str, Measured],
        facts: dict[str, MeasureKey],
    ) -> None:
        """Add the cards whose text, parent, depth, hidden count or pin changed."""
        cards = self._cards
        pinned = doc.view.pinned
        hidden = tree.hidden_count
        depth = tree.depth
        for sid, parent in tree.parent.items():
            c = cards.get(sid)
            if (
                c is None
                or c.lines is not sizes[sid][2]
                or c.kind != facts[sid][0]
                or c.quote_count != facts[sid][2]
                or c.parent != parent
                or c.depth != depth[sid]
                or c.hidden_count != hidden.get(sid, 0)
                or c.pinned != (sid in pinned)
                or (c.pinned and (c.box.x, c.box.y) != tuple(pinned[sid]))
            ):
                touched.add(sid)

    # --- fast path: edits that change the tree only locally -----------------------------

    def _fast(
        self, doc: ArgMap, ids: list[str], direction: str, near: Box | None = None
    ) -> MapLayout | None:
        st = self._state
        if st is None or st.doc is not doc or st.direction != direction:
            return None
        scope = edit_scope(st, doc, ids)
        if scope is None:
            return None
        edit = scope.edit
        touched, grown = self._remeasure(st, scope, doc)
        delta = LayoutDelta(full=False)
        for sid in edit.removed_statements:
            for table in (st.sizes, st.facts, self._cards, self._placed, self._shapes):
                table.pop(sid, None)
            self._lanes.pop(sid, None)
            delta.removed.add(sid)
        if grown and not self._reshape(st, grown):
            return None
        prev = st.layout
        self._place(st, touched, delta, near)
        changed = delta.moved | delta.added
        cards = dict(prev.cards)
        for sid in delta.removed:
            del cards[sid]
        for sid in changed:
            cards[sid] = self._cards[sid]
        edges = self._reroute(st, scope, prev.edges, delta)
        bounds = prev.bounds
        if any(reaches_edge(prev.cards[s].box, bounds) for s in delta.moved | delta.removed) or any(
            not inside(cards[s].box, bounds) for s in changed
        ):
            bounds = bounds_of(cards.values())
        tree = st.tree
        st.layout = MapLayout(cards, edges, bounds, direction, list(tree.roots), tree.kids)
        self.last_delta = delta
        return st.layout

    def _remeasure(
        self, st: LayoutState, scope: EditScope, doc: ArgMap
    ) -> tuple[set[str], list[str]]:
        """Measure the edited and added cards again: the cards to place afresh, and those
        whose outline may have changed (size changed, or children changed)."""
        tree = st.tree
        statements, positions = doc.statements, scope.positions
        touched: set[str] = set()
        grown: list[str] = list(scope.parents)
        for sid in (*scope.edit.changed_statements, *scope.edit.added_statements):
            if sid not in tree.parent:
                continue  # hidden under a collapsed card
            s = statements[positions[sid]]
            before = st.sizes.get(sid)
            key = st.facts[sid] = (KIND_VALUES[s.kind], s.text, len(s.quotes))
            size = st.sizes[sid] = self._measure(sid, key)[0]
            touched.add(sid)
            if before is None or size[:2] != before[:2]:
                grown.append(sid)
        return touched, grown

    def _reshape(self, st: LayoutState, grown: list[str]) -> bool:
        """Rebuild the outlines on the paths from ``grown`` to the root; False (and the
        state dropped) when the level widths changed, so every level moved."""
        tree = st.tree
        if level_widths(tree, st.sizes, st.direction) != st.rows:
            self._state = None  # every level moved: start afresh
            return False
        dirty: set[str] = set()
        for sid in (s for s in grown if s in tree.parent):
            node: str | None = sid
            while node is not None and node not in dirty:
                dirty.add(node)
                node = tree.parent[node]
        chain = sorted(dirty, key=lambda n: -tree.depth[n])
        self._outlines.build(tree, st.sizes, st.rows, st.direction, order=chain, reuse=True)
        return True

    def _reroute(
        self,
        st: LayoutState,
        scope: EditScope,
        before: dict[str, EdgeLayout],
        delta: LayoutDelta,
    ) -> dict[str, EdgeLayout]:
        """The arrows after an edit: those of moved cards carried or routed again, those of
        cards still waiting left for :meth:`finish`."""
        edit, tree = scope.edit, st.tree
        keys: set[str] = set()
        self._touching_keys(st.plan, delta, keys)
        for inf in (*edit.added_inferences, *edit.changed_inferences):
            keys.update((inf.conclusion, inf.id))
        keys.update(p for p in scope.parents if p in tree.parent)
        edges = dict(before)
        for iid in edit.removed_inferences:
            if edges.pop(iid, None) is not None:
                delta.edges_removed.add(iid)
        carried = self._carry(st.plan, edges, keys)
        if self._waiting:  # arrows touching cards not placed yet wait for them
            waiting = WaitingCards({b.root for b in self._waiting}, tree.parent)
            self._waiting_keys = waiting.waiting_keys(st.plan, keys)
            keys -= self._waiting_keys
            self._shifted = {}  # finish() carries the arrows of the cards it walks
        routed = st.plan.route(self._cards, self._lanes, edges, keys)
        self.route_count += len(routed)
        routed.extend(carried)
        delta.edges_changed = set(routed)
        return edges

    # --- the steps ---------------------------------------------------------------------------

    def _touching_keys(self, plan: EdgePlan, delta: LayoutDelta, keys: set[str]) -> None:
        """Add to ``keys`` the arrows of cards placed afresh (not moved as a subtree)."""
        touching, shifted = plan.touching, self._shifted
        for sid in delta.moved | delta.added:
            if sid not in shifted:
                keys.update(touching.get(sid, ()))

    def _carry(self, plan: EdgePlan, edges: dict[str, EdgeLayout], keys: set[str]) -> list[str]:
        """Translate the arrows of subtrees moved as one; add to ``keys`` the arrows of
        shifted cards that must be routed instead. Returns the arrows translated."""
        if not self._shifted:
            return []
        carried, rest = carry_edges(plan, edges, self._shifted, keys)
        keys |= rest
        self.carry_count += len(carried)
        return carried

    def _measure(self, sid: str, key: MeasureKey) -> tuple[Measured, bool]:
        hit = self._measured.get(sid)
        if hit is not None and hit[0] == key:
            return hit[1], False
        self.measure_count += 1
        result = self._measurer(*key)
        self._measured[sid] = (key, result)
        return result, True

    def _walker(self, st: LayoutState, delta: LayoutDelta) -> BlockWalk:
        return BlockWalk(
            st.direction == "TB",
            self._shapes,
            self._placed,
            self._cards,
            self._lanes,
            self._shifted,
            delta.moved,
        )

    def _place(
        self, st: LayoutState, touched: set[str], delta: LayoutDelta, near: Box | None = None
    ) -> None:
        """Position every card whose place or look may have changed (top-down, skipping
        subtrees that are where they were and as they were; those only moved walk as
        blocks, and with ``near``, blocks outside it wait)."""
        roots = st.tree.roots
        cache = self._shapes
        self._shifted = {}
        root_shapes = [cache[r][1] for r in roots]
        sig = tuple(s.serial for s in root_shapes)
        if self._forest[0] != sig:
            self._forest = (sig, forest(root_shapes, self.metrics.tree_gap))
        stack = [
            (r, off, 0.0) for r, off in zip(reversed(roots), reversed(self._forest[1]), strict=True)
        ]
        if not self._cards:  # nothing to compare with: place every card
            place_every_card(
                st,
                stack,
                shapes=self._shapes,
                placed=self._placed,
                cards=self._cards,
                lanes_now=self._lanes,
            )
            self.place_count += len(self._cards)
            delta.added.update(self._cards)
            return
        self._place_changed(st, stack, touched, delta, near)

    def _place_changed(
        self,
        st: LayoutState,
        stack: list[tuple[str, float, float]],
        touched: set[str],
        delta: LayoutDelta,
        near: Box | None,
    ) -> None:
        """A later layout: skip subtrees that are where and as they were, move those with
        the same outline elsewhere as blocks (waiting when out of view), place the rest."""
        tree = st.tree
        cache, placed, lanes_now = self._shapes, self._placed, self._lanes
        walker = self._walker(st, delta)
        keep = with_ancestors(tree, touched) if near is not None else set()
        visited: set[str] = set()
        while stack:
            sid, b, t = stack.pop()
            shape = cache[sid][1]
            key = (b, t, shape.serial)
            was = placed.get(sid)
            if was == key and sid not in touched:
                continue
            if was is not None and was[2] == shape.serial:
                self._move_block(
                    sid, shape, (b, t), was, touched=touched, keep=keep, near=near, walker=walker
                )
                continue
            placed[sid] = key
            visited.add(sid)
            self._card(st, sid, b, t, delta)
            lanes = shape.lanes
            for kid, (ob, od) in shape.kids.items():
                stack.append((kid, b + ob, t + od))
                lane = lanes.get(kid)
                if lane is None:
                    lanes_now.pop(kid, None)
                else:
                    lanes_now[kid] = b + lane
        for sid in touched - visited:
            b, t, _ = placed[sid]
            self._card(st, sid, b, t, delta)

    def _move_block(
        self,
        sid: str,
        shape: Shape,
        at: tuple[float, float],
        was: tuple[float, float, int],
        *,
        touched: set[str],
        keep: set[str],
        near: Box | None,
        walker: BlockWalk,
    ) -> None:
        """The same outline elsewhere: the whole subtree under ``sid`` moves as one."""
        tb = walker.tb
        b, t = at
        db, dt = b - was[0], t - was[1]
        block = Block(sid, at, (db, dt) if tb else (dt, db))
        # Waits only if out of view both where it was and where it goes.
        later = (
            near is not None
            and sid not in keep
            and not meets(block_box(shape, at, tb), near)
            and not meets(block_box(shape, was[:2], tb), near)
        )
        if later:
            self._waiting.append(block)
        self.walk_count += walker.walk(block, touched, root=True, below=not later)
        self.shift_count += 1

    def _card(
        self, st: LayoutState, sid: str, b: float, t: float, delta: LayoutDelta | None
    ) -> None:
        self.place_count += 1
        tree = st.tree
        w, h, lines = st.sizes[sid]
        if st.direction == "TB":
            x, y = b - w / 2, t
        else:
            x, y = t, b - h / 2
        pin = st.doc.view.pinned.get(sid)
        if pin is not None:
            x, y = pin
        kind, _, quotes = st.facts[sid]
        new = CardLayout(
            sid,
            Box(x, y, w, h),
            lines,
            kind,
            quotes,
            tree.hidden_count.get(sid, 0),
            tree.depth[sid],
            tree.parent[sid],
            pin is not None,
        )
        if delta is None:  # the first layout: nothing to compare with
            self._cards[sid] = new
            return
        old = self._cards.get(sid)
        if old is None:
            self._cards[sid] = new
            delta.added.add(sid)
        elif old != new:
            self._cards[sid] = new
            delta.moved.add(sid)


def _check(direction: str) -> str:
    if direction not in ("TB", "LR"):
        raise ValueError(f"layout direction must be 'TB' or 'LR', not {direction!r}")
    return direction


def _without_gc(work: Callable[[], _T]) -> _T:
    # Layout allocates many small acyclic objects; with a big map alive the cyclic
    # collector would rescan it again and again (measured: ~35 % of the time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return work()
    finally:
        if was_enabled:
            gc.enable()


def layout_map(
    doc: ArgMap, direction: Direction | None = None, metrics: CardMetrics | None = None
) -> MapLayout:
    """Lay out ``doc`` (direction defaults to the map's saved ``view.direction``)."""
    return TreeLayouter(metrics).layout(doc, direction)
