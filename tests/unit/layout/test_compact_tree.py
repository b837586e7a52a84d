"""Top-down maps stay compact: short premises stack in columns, arrows stay clear of cards."""

from __future__ import annotations

import itertools

import pytest
from layout_maps import synthetic_map

from argmap.io.map_file import load_map
from argmap.layout.geometry import Box, MapLayout
from argmap.layout.tidy_tree import layout_map
from argmap.model import ArgMap, Inference, InferenceKind, Statement
from argmap.resources import resource

Point = tuple[float, float]


@pytest.fixture(scope="module")
def sample() -> ArgMap:
    """The whole sample tree, every branch expanded (the file opens with some folded)."""
    doc = load_map(str(resource("sample.argmap.json")))
    doc.view.collapsed = []
    return doc


def _bushy() -> ArgMap:
    """A claim with five lone premises (two of them objections) and a linked pair."""
    statements = [Statement(id="c", kind="claim", text="Talks will resume before summer")]
    inferences = []
    for n in range(5):
        statements.append(Statement(id=f"p{n}", kind="evidence", text=f"Report number {n}"))
        kind = InferenceKind.ATTACK if n in (1, 3) else InferenceKind.SUPPORT
        inferences.append(Inference(id=f"i{n}", premises=[f"p{n}"], conclusion="c", kind=kind))
    statements += [
        Statement(id="a", kind="premise", text="Both sides need a pause"),
        Statement(id="b", kind="assumption", text="A pause helps talks"),
    ]
    inferences.append(Inference(id="ilinked", premises=["a", "b"], conclusion="c"))
    return ArgMap(statements=statements, inferences=inferences)


def _crosses(a: Point, b: Point, box: Box) -> bool:
    """Whether the axis-parallel or slanted segment a-b passes through the box's inside."""
    x0, y0, x1, y1 = box.x + 1, box.y + 1, box.right - 1, box.bottom - 1
    steps = 40
    for k in range(steps + 1):
        t = k / steps
        x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        if x0 < x < x1 and y0 < y < y1:
            return True
    return False


def _arrows_clear_of_cards(layout: MapLayout) -> list[tuple[str, str]]:
    hits = []
    for iid, edge in layout.edges.items():
        if edge.cross_link or edge.kind == "undercut":
            continue
        own = {*edge.premises, edge.target}
        lines = [edge.points, *edge.feeders]
        for sid, card in layout.cards.items():
            if sid in own:
                continue
            for line in lines:
                if any(_crosses(a, b, card.box) for a, b in itertools.pairwise(line)):
                    hits.append((iid, sid))
    return hits


def test_lone_premises_stack_in_a_column_and_linked_ones_stay_side_by_side() -> None:
    layout = layout_map(_bushy(), "TB")
    column = [layout.cards[f"p{n}"].box for n in range(5)]
    assert len({round(b.x, 3) for b in column}) == 1  # left-aligned, one under another
    assert all(a.bottom < b.y for a, b in itertools.pairwise(column))  # in document order
    a, b = layout.cards["a"].box, layout.cards["b"].box
    assert a.y == b.y and a.right < b.x  # the linked pair shares a row
    assert layout.edges["ilinked"].bar is not None
    claim = layout.cards["c"].box
    for n in range(5):  # each premise's arrow ends on the claim's bottom edge
        x, y = layout.edges[f"i{n}"].points[-1]
        assert y == pytest.approx(claim.bottom) and claim.x < x < claim.right
    assert _arrows_clear_of_cards(layout) == []


def test_left_to_right_keeps_premises_in_one_level_column() -> None:
    layout = layout_map(_bushy(), "LR")
    xs = {round(layout.cards[s].box.x, 3) for s in ("p0", "p1", "p2", "p3", "p4", "a", "b")}
    assert len(xs) == 1


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_sample_map_has_no_overlaps(sample: ArgMap, direction: str) -> None:
    layout = layout_map(sample, direction)
    boxes = list(layout.cards.values())
    for c, d in itertools.combinations(boxes, 2):
        a, b = c.box, d.box
        assert not (a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom)


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_sample_map_arrows_clear_of_cards(sample: ArgMap, direction: str) -> None:
    assert _arrows_clear_of_cards(layout_map(sample, direction)) == []


def test_sample_map_top_down_stacks_its_premises(sample: ArgMap) -> None:
    layout = layout_map(sample, "TB")
    concluding = {i.conclusion for i in sample.inferences}
    leaves = [s.id for s in sample.statements if s.id not in concluding]
    side_by_side = sum(layout.cards[s].box.w for s in leaves)
    # every premise side by side made the old four-scenario sample 17:1; stacked, it was
    # 3:1, at 38 % of that width. The seven-scenario sample is at 55 %.
    assert layout.bounds.w <= 0.6 * side_by_side


def test_big_top_down_map_has_no_overlaps() -> None:
    layout = layout_map(synthetic_map(600, seed=5), "TB")
    boxes = sorted((c.box for c in layout.cards.values()), key=lambda b: b.x)
    for i, a in enumerate(boxes):  # sweep: only boxes starting before a's right can overlap
        for b in boxes[i + 1 :]:
            if b.x >= a.right:
                break
            assert not (a.y < b.bottom and b.y < a.bottom), (a, b)
