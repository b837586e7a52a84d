"""Subtree outlines for the tidy tree: pack children side by side, or stack them in a column.

A :class:`Shape` is a subtree's outline relative to its root card (breadth 0 = the card's
centre, depth 0 = its top): per run of depth, how far it reaches to either side. Depth is
continuous, so a subtree may be deeper in one place than another; that lets short
"twigs" (leaves, or cards whose children are all leaves) stack in a column under their
parent, joined to it by a bus of lanes on the column's left, instead of spreading in a
row. Shapes are immutable once built, so a layouter can keep and reuse them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.layout.card_metrics import CardMetrics
from argmap.layout.profiles import Profile, flat, joined, pack

# A column holds at most this many cards; a longer run of stackable children becomes
# columns side by side (each card's lane runs down the column to it: a column's lanes are
# as long as the square of its length).
MAX_COLUMN = 16
# A column's members: (centre, top) each, lane each, and the middle of its lanes.
_Column = tuple[dict[str, tuple[float, float]], dict[str, float], float]


@dataclass(slots=True, eq=False)
class Shape:
    """A laid-out subtree: its outline, and where its children sit relative to its root.

    ``kids`` maps each child to (breadth offset of its centre, depth offset of its top);
    ``lanes`` maps each child stacked in a column to the breadth offset of its lane.
    ``serial`` is unique per shape built by one layouter (cache keys compare serials).
    """

    lo: Profile
    hi: Profile
    kids: dict[str, tuple[float, float]] = field(default_factory=dict)
    lanes: dict[str, float] = field(default_factory=dict)
    leaf: bool = True  # no children
    twig: bool = False  # children, all of them leaves
    stacks: bool = True  # may join a column: a leaf, or a twig hardly reaching left of its card
    serial: int = 0


@dataclass(frozen=True, slots=True)
class Spacing:
    """Distances used when packing (all in scene units)."""

    child_top: float  # depth offset of the children's tops below the root's top
    sibling_gap: float
    group_gap: float
    lane_step: float  # between neighbouring lanes of a column
    lane_stub: float  # from the innermost lane to the column's cards
    lane_inset: float  # from the parent's left edge to the column's outermost lane
    stack_gap: float  # between stacked cards in a column
    column_rise: float  # a lone column starts this much nearer its parent than a row


def spacing(m: CardMetrics, child_top: float) -> Spacing:
    """The spacing of ``m`` with children starting ``child_top`` below their parent's top."""
    return Spacing(
        child_top=child_top,
        sibling_gap=m.sibling_gap,
        group_gap=m.group_gap,
        lane_step=m.body_px * 1.1,  # wider than an arrowhead: heads side by side stay apart
        lane_stub=m.body_px * 1.3,
        lane_inset=m.body_px * 1.2,
        stack_gap=m.body_px * 1.0,
        column_rise=m.depth_gap * 0.45,
    )


_NONE: dict[str, Any] = {}  # shared by leaves: shapes are never changed once built


def leaf_shape(breadth: float, depth: float, serial: int) -> Shape:
    """A single card."""
    half = breadth / 2
    ends = [depth]
    lo, hi = flat(ends, [-half], -half), flat(ends, [half], half)
    return Shape(lo, hi, _NONE, _NONE, True, False, True, serial)


def _column(
    members: list[tuple[str, Shape]], sp: Spacing
) -> tuple[Profile, Profile, dict[str, tuple[float, float]], dict[str, float], float]:
    """Stack ``members`` top to bottom, cards aligned right of a bus of lanes.

    Returns the column's outline (origin: its outermost lane, depth 0: its top), each
    member's (centre, top), each member's lane, and the breadth middle of the lanes.
    The first member's lane is innermost, so no lane crosses another's stub.
    """
    k = len(members)
    inner = (k - 1) * sp.lane_step
    left = inner + sp.lane_stub
    places: dict[str, tuple[float, float]] = {}
    lanes: dict[str, float] = {}
    top = 0.0
    right = left
    for i, (kid, shape) in enumerate(members):
        centre = left - shape.lo.reach
        places[kid] = (centre, top)
        lanes[kid] = inner - i * sp.lane_step
        right = max(right, centre + shape.hi.reach)
        top += shape.lo.depth + sp.stack_gap
    ends = [top - sp.stack_gap]
    return flat(ends, [0.0], 0.0), flat(ends, [right], right), places, lanes, inner / 2


def _run_item(run: list[tuple[str, Shape]], sp: Spacing) -> tuple[Profile, Profile, str | _Column]:
    """A run of stackable children as one item to pack: a column, or the lone child."""
    if len(run) >= 2:
        lo, hi, places, lanes, mid = _column(run, sp)
        return lo, hi, (places, lanes, mid)
    kid, shape = run[0]
    return shape.lo, shape.hi, kid


def node_shape(  # noqa: C901, PLR0912  runs per card with children; h2-bounded reworks it
    breadth: float,
    depth: float,
    groups: list[tuple[list[tuple[str, Shape]], bool]],
    sp: Spacing,
    *,
    stack: bool,
    serial: int,
) -> Shape:
    """The shape of a card of ``breadth`` x ``depth`` over its groups of child shapes.

    ``groups`` are (children, held-apart) per inference in drawing order; an undercut's
    premises, or premises linked with others, are held apart. With ``stack``, runs of two
    or more consecutive stackable children form a column: a child alone in its inference
    (and not held apart) that is a leaf, or a twig hardly reaching left of its own card.
    """
    # Items to pack, in order: their outlines, what each is (a child's id or a column's
    # layout) and the gap before it.
    items: list[tuple[Profile, Profile, str | _Column, float]] = []
    run: list[tuple[str, Shape]] = []
    twig = True
    prev_group = -1
    for g, (members, undercut) in enumerate(groups):
        lone = len(members) == 1 and not undercut and stack
        for kid, shape in members:
            if twig and not shape.leaf:
                twig = False
            if lone and shape.stacks and len(run) < MAX_COLUMN:
                run.append((kid, shape))
                continue
            if run:
                items.append((*_run_item(run, sp), sp.group_gap))
                run = []
            if lone and shape.stacks:  # the column was full: this card starts the next
                run.append((kid, shape))
                continue
            gap = sp.sibling_gap if g == prev_group else sp.group_gap
            items.append((shape.lo, shape.hi, kid, gap))
            prev_group = g
    if run:
        items.append((*_run_item(run, sp), sp.group_gap))
    if not items:
        return leaf_shape(breadth, depth, serial)
    los, his, whats, gaps = zip(*items, strict=True)
    lo, hi, offsets = pack(los, his, gaps, sp.group_gap)
    half = breadth / 2
    first, last = offsets[0], offsets[-1]
    head, tail = whats[0], whats[-1]
    if not isinstance(head, str):
        first += head[2]
    if not isinstance(tail, str):
        last += tail[2]
    lone_column = len(whats) == 1 and not isinstance(head, str)
    if lone_column:
        shift = -half + sp.lane_inset  # the column's lanes start under the parent's left
        top = sp.child_top - sp.column_rise
    else:
        shift = -(first + last) / 2
        top = sp.child_top
    kids: dict[str, tuple[float, float]] = {}
    lanes: dict[str, float] = {}
    for what, off in zip(whats, offsets, strict=True):
        base = off + shift
        if isinstance(what, str):
            kids[what] = (base, top)
            continue
        places, col_lanes, _ = what
        for kid, (centre, t) in places.items():
            kids[kid] = (base + centre, top + t)
            lanes[kid] = base + col_lanes[kid]
    link_lo = min(-half, first + shift)
    link_hi = max(half, last + shift)
    linked = top > depth
    reach_lo = min(-half, link_lo, lo.reach + shift)
    reach_hi = max(half, link_hi, hi.reach + shift)
    out_lo = joined(
        [depth, top] if linked else [depth],
        [-half, link_lo] if linked else [-half],
        reach_lo,
        (lo, 0, shift, top),
    )
    out_hi = joined(
        [depth, top] if linked else [depth],
        [half, link_hi] if linked else [half],
        reach_hi,
        (hi, 0, shift, top),
    )
    # A twig may stack if it reaches left of its card by little (a child a bit wider);
    # in a column it then sits that much to the right.
    narrow = reach_lo >= -half - sp.lane_stub
    return Shape(out_lo, out_hi, kids, lanes, False, twig, twig and narrow, serial)


def forest(roots: list[Shape], gap: float) -> list[float]:
    """Breadth offsets of separate root trees packed side by side, the map's near edge
    at 0: an edit then moves only what lies beyond it, not everything around the root."""
    if not roots:
        return []
    lo, _, offsets = pack([s.lo for s in roots], [s.hi for s in roots], [gap] * len(roots), gap)
    edge = lo.reach
    return [off - edge for off in offsets]
