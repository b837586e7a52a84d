"""Re-layout after an edit: same result as a fresh layout, work limited to what changed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_maps import ceasefire_map, close, synthetic_map

from argmap.layout.geometry import Box, EdgeLayout, MapLayout
from argmap.layout.tidy_tree import TreeLayouter, layout_map
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind
from argmap.model.edit_steps import DeleteRecord, EditError, InsertRecord
from argmap.model.edits import (
    Edit,
    MapIndex,
    add_inference,
    add_statement,
    remove_statement,
    reparent,
    set_collapsed,
    set_pinned,
    set_statement_field,
)

_Work = tuple[int, int, int, int]


def _work(layouter: TreeLayouter) -> _Work:
    return (
        layouter.measure_count,
        layouter.shape_count,
        layouter.place_count,
        layouter.route_count,
    )


def _spent(layouter: TreeLayouter, before: _Work) -> _Work:
    a, b, c, d = (now - then for now, then in zip(_work(layouter), before, strict=True))
    return a, b, c, d


def _arrows_differing(got: MapLayout, fresh: MapLayout) -> list[str]:
    fields = EdgeLayout.__dataclass_fields__
    return [
        iid
        for iid, e in got.edges.items()
        if not all(close(getattr(e, f), getattr(fresh.edges[iid], f)) for f in fields)
    ]


def _assert_same(got: MapLayout, doc: ArgMap, direction: str | None = None) -> None:
    """Cards exactly as a fresh layout places them; arrows too, to a millionth of a
    pixel (an arrow carried along with its subtree is translated, not routed)."""
    fresh = layout_map(doc, direction)
    assert got.cards == fresh.cards
    assert got.edges.keys() == fresh.edges.keys()
    assert _arrows_differing(got, fresh) == []
    assert got.bounds == fresh.bounds
    assert got.roots == fresh.roots
    assert got.children == fresh.children


class _Session:
    """A map edited through the model's edit API, laid out incrementally after each edit."""

    def __init__(self, doc: ArgMap, direction: str | None = None) -> None:
        self.doc = doc
        self.ix = MapIndex(doc)
        self.direction = direction
        self.layouter = TreeLayouter()
        self.layout = self.layouter.layout(doc, direction)

    def edit(self, edit: Edit) -> _Work:
        ids = [c.id for c in self.ix.apply(edit) if c.id]
        before = _work(self.layouter)
        self.layout = self.layouter.relayout(self.doc, ids, self.direction)
        return _spent(self.layouter, before)


def _leaf(layout: MapLayout) -> str:
    """A card with no children, at the deepest level (last in tree order)."""
    leaves = [s for s, c in layout.cards.items() if s not in layout.children and c.parent]
    return max(leaves, key=lambda s: layout.cards[s].depth)


def _leaf_in_widest_row(layout: MapLayout) -> str:
    """A leaf in the row of side-by-side leaves with the most cards."""

    def row(parent: str) -> list[str]:
        kids = layout.children[parent]
        if any(k in layout.children for k in kids):
            return []
        breadth = {
            (c.box.x if layout.direction == "TB" else c.box.y): k
            for k in kids
            for c in (layout.cards[k],)
        }
        return list(breadth.values())

    widest = max((row(p) for p in layout.children), key=len)
    return widest[len(widest) // 2]


def _height(layout: MapLayout, sid: str) -> int:
    return layout.cards[sid].depth + 1


def test_moving_a_card_places_one_card_and_reroutes_only_its_arrows() -> None:
    s = _Session(synthetic_map(1500))
    sid = _leaf(s.layout)
    parent = s.layout.cards[sid].parent
    measured, shaped, placed, _ = s.edit(set_pinned(s.ix, {sid: (-5000.0, 40.0)}))
    assert (measured, shaped, placed) == (0, 0, 1)
    delta = s.layouter.last_delta
    assert delta.moved == {sid} and not (delta.added or delta.removed or delta.full)
    into_parent = {iid for iid, e in s.layout.edges.items() if e.target == parent}
    assert delta.edges_changed == into_parent  # its arrow, and its siblings' (they spread)
    _assert_same(s.layout, s.doc)


def test_changing_a_text_remeasures_one_card_and_rebuilds_only_its_path() -> None:
    s = _Session(synthetic_map(1500))
    sid = _leaf(s.layout)
    text = "A much longer statement now, which wraps over several more lines of its card"
    measured, shaped, placed, _ = s.edit(set_statement_field(s.ix, sid, "text", text))
    assert measured == 1
    assert shaped == _height(s.layout, sid)  # the card and each ancestor, nothing else
    delta = s.layouter.last_delta
    assert sid in delta.moved
    assert placed <= len(delta.moved) + shaped
    _assert_same(s.layout, s.doc)


def test_adding_a_child_measures_only_the_new_card() -> None:
    s = _Session(synthetic_map(1500))
    parent = _leaf(s.layout)
    measured, shaped, _, _ = s.edit(add_statement(s.ix, "A new premise", parent=parent))
    delta = s.layouter.last_delta
    (new,) = delta.added
    assert s.layout.cards[new].parent == parent
    assert measured == 1
    assert shaped == _height(s.layout, new)
    _assert_same(s.layout, s.doc)


def test_deleting_a_leaf_measures_nothing_and_reports_what_went() -> None:
    s = _Session(synthetic_map(1500))
    sid = _leaf(s.layout)
    arrows = {iid for iid, e in s.layout.edges.items() if sid in e.premises}
    measured, shaped, _, _ = s.edit(remove_statement(s.ix, sid))
    delta = s.layouter.last_delta
    assert measured == 0 and shaped < _height(s.layout, s.layout.roots[0]) + 10
    assert delta.removed == {sid} and sid not in s.layout.cards
    assert delta.edges_removed == arrows
    _assert_same(s.layout, s.doc)


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_deleting_a_leaf_moves_the_other_subtrees_as_blocks(direction: str) -> None:
    # Deleting a leaf narrows every subtree on its path to the root, so nearly every
    # card shifts; the subtrees beside that path keep their shape and move as one.
    s = _Session(synthetic_map(1500), direction)
    sid = _leaf_in_widest_row(s.layout)
    shifts, carried = s.layouter.shift_count, s.layouter.carry_count
    _, _, placed, routed = s.edit(remove_statement(s.ix, sid))
    delta = s.layouter.last_delta
    assert len(delta.moved) > 500  # the map closed up around the gap
    assert placed < 50 and routed < 50  # only the path to the root was laid out afresh
    assert s.layouter.shift_count > shifts
    assert s.layouter.carry_count - carried > 300  # the rest of the arrows came along
    assert delta.edges_changed >= {i for i, e in s.layout.edges.items() if e.target in delta.moved}
    _assert_same(s.layout, s.doc, direction)


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_blocks_far_from_the_view_wait_and_finish_as_a_fresh_layout(direction: str) -> None:
    s = _Session(synthetic_map(1500), direction)
    sid = _leaf_in_widest_row(s.layout)
    box = s.layout.cards[sid].box
    near = Box(box.x - 600, box.y - 400, 1200 + box.w, 800 + box.h)  # a view around it
    shown = dict(s.layout.cards)
    edit = remove_statement(s.ix, sid)
    ids = [c.id for c in s.ix.apply(edit) if c.id]
    layout = s.layouter.relayout(s.doc, ids, direction, near=near)
    now = s.layouter.last_delta
    fresh = layout_map(s.doc, direction)
    assert s.layouter.pending
    assert 0 < len(now.moved) < 300  # the path, the blocks' roots, the blocks in view
    # In view now, or shown there before the edit: none may be left at its old place.
    in_view = [
        k
        for k, c in fresh.cards.items()
        if _meets(c.box, near) or (k in shown and _meets(shown[k].box, near))
    ]
    assert in_view and all(layout.cards[k] == fresh.cards[k] for k in in_view)
    arrows = [
        i
        for i, e in fresh.edges.items()
        if all(_meets(fresh.cards[k].box, near) for k in e.premises)
        and e.target in fresh.cards
        and _meets(fresh.cards[e.target].box, near)
    ]
    assert arrows and all(close(layout.edges[i].points, fresh.edges[i].points) for i in arrows)
    first = s.layouter.finish(limit=100)  # idle time: a step at a time
    assert first.moved and not first.edges_changed and s.layouter.pending
    rest = s.layouter.finish()
    assert not s.layouter.pending and rest.edges_changed
    assert len(now.moved | first.moved | rest.moved) > 500
    _assert_same(layout, s.doc, direction)


def test_a_new_edit_finishes_the_waiting_work_first() -> None:
    s = _Session(synthetic_map(1500))
    sid = _leaf_in_widest_row(s.layout)
    box = s.layout.cards[sid].box
    edit = remove_statement(s.ix, sid)
    ids = [c.id for c in s.ix.apply(edit) if c.id]
    s.layouter.relayout(s.doc, ids, near=Box(box.x, box.y, box.w, box.h))
    assert s.layouter.pending
    s.edit(set_statement_field(s.ix, _leaf(s.layout), "text", "Shorter."))
    assert not s.layouter.pending
    _assert_same(s.layout, s.doc)


def _meets(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def test_the_same_layout_again_does_no_work() -> None:
    doc = synthetic_map(800)
    layouter = TreeLayouter()
    first = layouter.layout(doc)
    before = _work(layouter)
    again = layouter.layout(doc)
    assert _spent(layouter, before) == (0, 0, 0, 0)
    assert layouter.last_delta.empty and again == first


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_structural_edits_fall_back_to_a_full_layout_with_the_same_result(direction: str) -> None:
    s = _Session(ceasefire_map(), direction)
    s.edit(reparent(s.ix, "s-e1", "s-d"))
    _assert_same(s.layout, s.doc, direction)
    s.edit(set_collapsed(s.ix, "s-c", collapsed=True))
    _assert_same(s.layout, s.doc, direction)
    s.edit(remove_statement(s.ix, "s-c1"))  # an inner card: its children hang elsewhere now
    _assert_same(s.layout, s.doc, direction)


_EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            ["text", "pin", "add", "loose", "delete", "link", "collapse", "move", "reorder"]
        ),
        st.integers(min_value=0, max_value=10_000),
        st.integers(min_value=0, max_value=10_000),
    ),
    min_size=1,
    max_size=8,
)


def _plan(ix: MapIndex, what: str, a: int, b: int) -> Edit:
    ids = [s.id for s in ix.doc.statements]
    one, two = ids[a % len(ids)], ids[b % len(ids)]
    if what == "text":
        return set_statement_field(ix, one, "text", " ".join(["word"] * (1 + b % 40)))
    if what == "pin":
        return set_pinned(ix, {one: (float(a % 900), float(b % 700)) if b % 3 else None})
    if what == "add":
        kind = InferenceKind.ATTACK if b % 2 else InferenceKind.SUPPORT
        return add_statement(ix, f"premise {a}", parent=one, relation=kind)
    if what == "loose":
        return add_statement(ix, f"loose statement {a}")
    if what == "delete":
        return remove_statement(ix, one)
    if what == "link":
        return add_inference(ix, [two], one)
    if what == "collapse":
        return set_collapsed(ix, one, collapsed=one not in ix.doc.view.collapsed)
    if what == "reorder":  # a record taken out and put back elsewhere in its list
        kind, records = (
            ("inference", ix.doc.inferences)
            if b % 2 and ix.doc.inferences
            else ("statement", ix.doc.statements)
        )
        at, to = a % len(records), b % len(records)
        record = records[at]
        return Edit("Reorder", (DeleteRecord(kind, at, record), InsertRecord(kind, to, record)))
    return reparent(ix, one, two)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_EDITS, st.sampled_from(["TB", "LR"]))
def test_any_sequence_of_edits_lays_out_as_a_fresh_layout_would(
    edits: list[tuple[str, int, int]], direction: str
) -> None:
    s = _Session(synthetic_map(60, seed=3), direction)
    for what, a, b in edits:
        if len(s.doc.statements) < 3:
            break
        before = s.layout
        try:
            edit = _plan(s.ix, what, a, b)
        except EditError:
            continue  # e.g. a link that would close a cycle
        s.edit(edit)
        _assert_same(s.layout, s.doc, direction)
        delta = s.layouter.last_delta
        if not delta.full:
            assert delta.added == set(s.layout.cards) - set(before.cards)
            assert delta.removed == set(before.cards) - set(s.layout.cards)
            changed = {k for k, c in s.layout.cards.items() if before.cards.get(k, c) != c}
            assert changed <= delta.moved
            rerouted = {k for k, e in s.layout.edges.items() if before.edges.get(k) != e}
            assert rerouted <= delta.edges_changed
            assert delta.edges_removed == set(before.edges) - set(s.layout.edges)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    _EDITS,
    st.sampled_from(["TB", "LR"]),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.integers(1, 30),
)
def test_edits_seen_through_a_small_view_finish_as_a_fresh_layout(
    edits: list[tuple[str, int, int]], direction: str, fx: float, fy: float, step: int
) -> None:
    # Each edit is laid out for a view of 500 x 300 somewhere on the map, and what waits
    # is finished a few cards at a time: the result, and what the deltas said, add up.
    s = _Session(synthetic_map(60, seed=3), direction)
    for what, a, b in edits:
        if len(s.doc.statements) < 3:
            break
        before = s.layout
        try:
            edit = _plan(s.ix, what, a, b)
        except EditError:
            continue
        ids = [c.id for c in s.ix.apply(edit) if c.id]
        bounds = before.bounds
        near = Box(bounds.x + fx * bounds.w, bounds.y + fy * bounds.h, 500.0, 300.0)
        layout = s.layouter.relayout(s.doc, ids, direction, near=near)
        deltas = [s.layouter.last_delta]
        while s.layouter.pending:
            deltas.append(s.layouter.finish(step))
        s.layout = layout
        _assert_same(layout, s.doc, direction)
        if deltas[0].full:
            continue
        moved = set().union(*(d.moved for d in deltas))
        rerouted = set().union(*(d.edges_changed for d in deltas))
        assert {k for k, c in layout.cards.items() if before.cards.get(k, c) != c} <= moved
        assert {k for k, e in layout.edges.items() if before.edges.get(k) != e} <= rerouted


def test_no_card_is_left_at_its_old_place_in_view() -> None:
    # A view just right of a deleted leaf: the cards there shift left, some out of it.
    # A block waits only if it is out of view both before and after the edit.
    stale_views = 0
    for trial in (15, 43):  # leaves whose deletion moved a block out of this view
        s = _Session(synthetic_map(1500))
        leaves = sorted(
            k for k, c in s.layout.cards.items() if k not in s.layout.children and c.parent
        )
        box = s.layout.cards[leaves[(trial * 37) % len(leaves)]].box
        w, h = 800 / 3, 500 / 3  # a 800 x 500 view at 300 %
        view = Box(box.x + box.w + 150, box.y - 40, w, h)
        near = Box(view.x - w / 2, view.y - h / 2, 2 * w, 2 * h)
        leaf = leaves[(trial * 37) % len(leaves)]
        ids = [c.id for c in s.ix.apply(remove_statement(s.ix, leaf)) if c.id]
        layout = s.layouter.relayout(s.doc, ids, near=near)
        fresh = layout_map(s.doc)
        stale = [k for k, c in layout.cards.items() if _meets(c.box, view) and c != fresh.cards[k]]
        stale_views += bool(stale)
    assert stale_views == 0


def test_undoing_an_undercut_from_a_claim_into_its_own_tree_puts_the_roots_back() -> None:
    # s-1 undercutting a step inside its own tree makes it start after the other roots;
    # removing the undercut (undo) must put it back first.
    doc = ArgMap(
        statements=[
            Statement(id=f"s-{k}", kind=StatementKind.PREMISE, text=f"Statement {k}")
            for k in range(1, 6)
        ],
        inferences=[
            Inference(id="i-1", premises=["s-2"], conclusion="s-1"),
            Inference(id="i-2", premises=["s-3"], conclusion="s-2"),
            Inference(id="i-3", premises=["s-5"], conclusion="s-4"),
        ],
    )
    s = _Session(doc)
    assert s.layout.roots == ["s-1", "s-4"]
    edit = add_inference(s.ix, ["s-1"], "i-2", InferenceKind.UNDERCUT)
    s.edit(edit)
    assert s.layout.roots == ["s-4", "s-1"]
    s.edit(edit.inverse())
    assert s.layout.roots == ["s-1", "s-4"]
    _assert_same(s.layout, s.doc)
