"""Deep maps cost memory and work in proportion to their size, not to its square.

A chain of 10,000 statements once needed 9 GB to export: every subtree outline copied its
children's. These tests count (bytes allocated, lookups made) at two sizes, never time.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import pytest
from layout_maps import close, synthetic_map
from map_shapes import chain_map, dag_map, fan_map, undercut_chain_map

from argmap.export.svg_writer import map_svg
from argmap.layout import argument_tree, profiles
from argmap.layout.geometry import MapLayout
from argmap.layout.reveal_steps import reveal_steps
from argmap.layout.subtree_shapes import MAX_COLUMN
from argmap.layout.tidy_tree import TreeLayouter
from argmap.model import ArgMap, Inference
from argmap.model.edits import MapIndex, add_statement, set_statement_field

SMALL, LARGE = 800, 1600  # twice the statements may take at most 2.5 times the memory


def _peak(work: Callable[[], object]) -> int:
    """Bytes allocated by Python at the peak of ``work`` (what it returns is dropped)."""
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        work()
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    ("shape", "direction"),
    [
        (chain_map, "TB"),
        (chain_map, "LR"),
        (undercut_chain_map, "TB"),
        (fan_map, "TB"),
        (dag_map, "LR"),
    ],
)
def test_layout_memory_grows_in_proportion_to_the_map(
    shape: Callable[[int], ArgMap], direction: str
) -> None:
    small, large = shape(SMALL), shape(LARGE)
    peaks = [_peak(lambda d=doc: TreeLayouter().layout(d, direction)) for doc in (small, large)]
    assert peaks[1] < 2.5 * peaks[0], f"{peaks[0]:,} -> {peaks[1]:,} bytes"


def test_a_kept_layout_of_a_chain_holds_memory_in_proportion_to_its_depth() -> None:
    """The app keeps its layouter (outlines included) while the map is open."""
    held = []
    for n in (SMALL, LARGE):
        doc = chain_map(n)
        tracemalloc.start()
        try:
            base = tracemalloc.get_traced_memory()[0]
            layouter = TreeLayouter()
            layouter.layout(doc)
            held.append(tracemalloc.get_traced_memory()[0] - base)
            del layouter
        finally:
            tracemalloc.stop()
    assert held[1] < 2.5 * held[0], f"{held[0]:,} -> {held[1]:,} bytes"


def test_svg_export_of_a_chain_grows_in_proportion_to_its_depth() -> None:
    peaks = [_peak(lambda d=doc: map_svg(d)) for doc in (chain_map(SMALL), chain_map(LARGE))]
    assert peaks[1] < 2.5 * peaks[0], f"{peaks[0]:,} -> {peaks[1]:,} bytes"


def test_a_chain_of_undercuts_is_followed_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each undercut's premises hang under the conclusion its chain ends at; finding it
    must not walk the whole chain again for every undercut in it."""
    lookups = []

    class Counting(dict[str, Inference]):
        def __getitem__(self, key: str) -> Inference:
            lookups[-1] += 1
            return super().__getitem__(key)

    original = argument_tree._undercut_anchors

    def counted(undercuts: list[Inference], ids: set[str], by_id: dict[str, Inference], *rest):  # type: ignore[no-untyped-def]
        return original(undercuts, ids, Counting(by_id), *rest)

    monkeypatch.setattr(argument_tree, "_undercut_anchors", counted)
    for n in (SMALL, LARGE):
        lookups.append(0)
        tree = argument_tree.build_tree(undercut_chain_map(n))
        assert tree.anchor[f"i-{n - 1}"] == "s-0"  # the last undercut still hangs at the top
    assert lookups[1] < 2.5 * lookups[0], lookups


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("seed", range(4))
def test_outlines_referred_to_lay_out_as_outlines_copied(
    monkeypatch: pytest.MonkeyPatch, direction: str, seed: int
) -> None:
    """Deep outlines refer to their children's; bushy ones copy them. Referring to every
    outline (no copy at all) places every card where copying does."""
    doc = synthetic_map(500, seed)
    copied = TreeLayouter().layout(doc, direction)
    monkeypatch.setattr(profiles, "FLAT_RUNS", 0)
    referred = TreeLayouter().layout(doc, direction)
    assert close(_places(referred), _places(copied))
    assert referred.bounds.w == pytest.approx(copied.bounds.w)


def test_editing_deep_in_a_chain_lays_out_as_a_fresh_layout() -> None:
    doc = chain_map(600)
    ix = MapIndex(doc)
    layouter = TreeLayouter()
    layouter.layout(doc)
    for sid in ("s-599", "s-300", "s-1"):
        edit = set_statement_field(ix, sid, "text", "A much longer text now " * 4)
        changed = [c.id for c in ix.apply(edit) if c.id]
        got = layouter.relayout(doc, changed)
        assert close(_places(got), _places(TreeLayouter().layout(doc)))
    edit = add_statement(ix, "A second reason, halfway down", parent="s-300")
    got = layouter.relayout(doc, [c.id for c in ix.apply(edit) if c.id])
    assert close(_places(got), _places(TreeLayouter().layout(doc)))


def _places(layout: MapLayout) -> dict[str, tuple[float, float]]:
    return {sid: (c.box.x, c.box.y) for sid, c in layout.cards.items()}


def test_a_wide_fan_of_lone_premises_stacks_in_columns_of_at_most_sixteen() -> None:
    """Each card in a column has its own lane down the column's side: a column of n cards
    draws lanes as long as n squared cards, so a long run is cut into several."""
    layout = TreeLayouter().layout(fan_map(101), "TB")
    columns: dict[float, list[float]] = {}
    for sid, card in layout.cards.items():
        if sid != "s-0":
            columns.setdefault(round(card.box.x, 3), []).append(card.box.y)
    assert len(columns) == 7  # 100 premises: 6 columns of 16 and one of 4
    assert max(len(ys) for ys in columns.values()) == MAX_COLUMN == 16
    tops = {min(ys) for ys in columns.values()}
    assert len(tops) == 1  # side by side, in one row under the claim


@pytest.mark.parametrize("shape", [chain_map, dag_map])
def test_presentation_steps_hold_memory_in_proportion_to_the_map(
    shape: Callable[[int], ArgMap],
) -> None:
    """Each step once kept every statement shown so far: n steps, n squared ids (twice
    the statements took 4 times the memory; its tables, grown by doubling, allow 3)."""
    held = []
    for n in (1500, 3000):
        doc = shape(n)
        tracemalloc.start()
        try:
            base = tracemalloc.get_traced_memory()[0]
            steps = reveal_steps(doc)
            held.append(tracemalloc.get_traced_memory()[0] - base)
        finally:
            tracemalloc.stop()
        assert steps[-1].statements == {s.id for s in doc.statements}
    assert held[1] < 3 * held[0], f"{held[0]:,} -> {held[1]:,} bytes"


def test_an_inference_naming_a_premise_twice_lays_out_every_card() -> None:
    """Found by fuzzing: the premise's own reasons were left out, and routing failed."""
    doc = chain_map(6)
    doc.inferences[2].premises = ["s-3", "s-3"]
    for direction in ("TB", "LR"):
        layout = TreeLayouter().layout(doc, direction)
        assert set(layout.cards) == {s.id for s in doc.statements}
        assert set(layout.edges) == {i.id for i in doc.inferences}
