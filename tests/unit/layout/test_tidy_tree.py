"""Tidy tree layout: order, grouping, no overlaps, pins, collapse, directions."""

from __future__ import annotations

import gc
import itertools

import pytest
from layout_maps import ceasefire_map, synthetic_map

from argmap.layout.geometry import Box, MapLayout
from argmap.layout.layout_state import edge_order
from argmap.layout.tidy_tree import TreeLayouter, layout_map
from argmap.model import ArgMap, Inference, Statement, ViewState


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _assert_no_overlaps(layout: MapLayout) -> None:
    boxes = [c.box for c in layout.cards.values()]
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlap(a, b), (a, b)


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_every_statement_is_placed_without_overlaps(direction: str) -> None:
    doc = ceasefire_map()
    layout = layout_map(doc, direction)
    assert set(layout.cards) == {s.id for s in doc.statements}
    assert set(layout.edges) == {i.id for i in doc.inferences}
    _assert_no_overlaps(layout)
    b = layout.bounds
    for c in layout.cards.values():
        assert b.x <= c.box.x and c.box.right <= b.right + 1e-6
        assert b.y <= c.box.y and c.box.bottom <= b.bottom + 1e-6


def test_question_on_top_and_premises_below_their_conclusion() -> None:
    layout = layout_map(ceasefire_map(), "TB")
    top = layout.cards["s-q"].box
    assert layout.roots == ["s-q"]
    for sid in ("s-a", "s-b", "s-c", "s-d"):
        assert layout.cards[sid].box.y > top.bottom
    assert layout.cards["s-c1"].box.y > layout.cards["s-a"].box.bottom


def test_lr_puts_premises_to_the_right() -> None:
    layout = layout_map(ceasefire_map(), "LR")
    assert layout.cards["s-a"].box.x > layout.cards["s-q"].box.right


def test_children_keep_document_order_and_linked_premises_sit_together() -> None:
    layout = layout_map(ceasefire_map(), "TB")
    xs = [layout.cards[s].box.x for s in ("s-a", "s-b", "s-c", "s-d")]
    assert xs == sorted(xs)
    e1, asm, obj = (layout.cards[s].box for s in ("s-e1", "s-as", "s-o1"))
    assert e1.right < asm.x < obj.x  # the linked pair, then the attack's premise
    assert asm.x - e1.right < obj.x - asm.right  # the pair is closer than the next group
    edge = layout.edges["i-6"]
    assert edge.linked and edge.bar is not None
    assert len(layout.edges["i-5"].premise_points) == 1 and layout.edges["i-5"].bar is None


def test_edges_end_at_their_conclusion_and_undercut_aims_at_the_edge_middle() -> None:
    layout = layout_map(ceasefire_map(), "TB")
    c1 = layout.cards["s-c1"].box
    for iid in ("i-6", "i-7"):
        x, y = layout.edges[iid].points[-1]
        assert y == pytest.approx(c1.bottom) and c1.x <= x <= c1.right
    assert layout.edges["i-7"].kind == "attack"
    assert layout.edges["i-9"].points[-1] == layout.edges["i-8"].marker


def test_shared_premise_stays_under_its_first_parent_with_an_extra_edge() -> None:
    doc = ceasefire_map()
    doc.inferences.append(Inference(id="i-x", premises=["s-e1"], conclusion="s-d"))
    layout = layout_map(doc)
    assert layout.cards["s-e1"].parent == "s-c1"
    assert layout.edges["i-x"].cross_link
    assert layout.edges["i-x"].points[-1][1] == pytest.approx(layout.cards["s-d"].box.bottom)


def test_collapse_hides_the_subtree_and_counts_it() -> None:
    doc = ceasefire_map()
    doc.view = ViewState(collapsed=["s-a"])
    layout = layout_map(doc)
    assert {"s-c1", "s-e1", "s-as", "s-o1"}.isdisjoint(layout.cards)
    assert layout.cards["s-a"].hidden_count == 4
    assert "i-6" not in layout.edges


def test_pins_override_and_others_stay_put() -> None:
    doc = ceasefire_map()
    before = layout_map(doc)
    doc.view = ViewState(pinned={"s-d": (900.0, -300.0)})
    after = layout_map(doc)
    assert (after.cards["s-d"].box.x, after.cards["s-d"].box.y) == (900.0, -300.0)
    assert after.cards["s-d"].pinned
    assert after.cards["s-a"].box == before.cards["s-a"].box
    assert after.bounds.y == -300.0


def test_adding_a_premise_does_not_reorder_the_others() -> None:
    doc = ceasefire_map()
    before = layout_map(doc)
    doc.statements.append(Statement(id="s-new", kind="evidence", text="New report"))
    doc.inferences.append(Inference(id="i-new", premises=["s-new"], conclusion="s-b"))
    after = layout_map(doc)
    order = sorted(before.cards, key=lambda s: (before.cards[s].depth, before.cards[s].box.x))
    again = sorted(before.cards, key=lambda s: (after.cards[s].depth, after.cards[s].box.x))
    assert order == again


def test_cycles_and_dangling_targets_do_not_break_layout() -> None:
    doc = ArgMap(
        statements=[Statement(id=f"s{i}", kind="claim", text=f"claim {i}") for i in range(3)],
        inferences=[
            Inference(id="a", premises=["s0"], conclusion="s1"),
            Inference(id="b", premises=["s1"], conclusion="s0"),
            Inference(id="c", premises=["s2"], conclusion="missing"),
        ],
    )
    layout = layout_map(doc)
    assert set(layout.cards) == {"s0", "s1", "s2"}
    _assert_no_overlaps(layout)


def test_big_tree_has_no_overlaps_and_relayout_reuses_measurements() -> None:
    doc = synthetic_map(400)
    layouter = TreeLayouter()
    first = layouter.layout(doc)
    _assert_no_overlaps(first)
    assert layouter.measure_count == 400
    doc.statements[10].text = "changed text"
    second = layouter.layout(doc)
    assert layouter.measure_count == 401  # only the edited statement was re-measured
    assert second.cards["s-10"].lines == ["changed text"]


def test_empty_map_and_bad_direction() -> None:
    layout = layout_map(ArgMap())
    assert layout.cards == {} and layout.bounds == Box(0, 0, 0, 0)
    with pytest.raises(ValueError, match="direction"):
        layout_map(ArgMap(), "XY")


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_first_layout_lists_arrows_in_plan_order_and_a_relayout_keeps_it(direction: str) -> None:
    doc = ceasefire_map()
    layouter = TreeLayouter()
    first = layouter.layout(doc, direction)
    state = layouter._state
    assert state is not None
    assert list(first.edges) == edge_order(state.plan)  # routed in plan order, none skipped
    assert list(first.cards) == list(state.tree.parent)  # cards in tree order
    doc.statements[1].text = "changed text"
    again = layouter.layout(doc, direction)
    assert list(again.edges) == list(first.edges) and list(again.cards) == list(first.cards)


def test_a_layout_leaves_no_reference_cycles_behind() -> None:
    # Layout runs with the cyclic collector off: a cycle would keep its tables alive.
    doc = synthetic_map(300)
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        layouter = TreeLayouter()
        layouter.layout(doc, "TB")
        layouter.layout(doc, "LR")
        del layouter
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
