"""Subtree outlines for the tidy tree: pack children side by side, or stack them in a column.

A :class:`Shape` is a subtree's outline relative to its root card (breadth 0 = the card's
centre, depth 0 = its top): per run of depth, how far it reaches to either side. Depth is
continuous, so a subtree may be deeper in one place than another; that lets short
"twigs" (leaves, or cards whose children are all leaves) stack in a column under their
parent, joined to it by a bus of lanes on the column's left, instead of spreading in a
row. Shapes are immutable once built, so a layouter can keep and reuse them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from argmap.layout.card_metrics import CardMetrics

# A profile: runs along the depth axis, each from the previous run's end (the first from
# 0) to ``ends[i]``, reaching to breadth ``edges[i]``: (ends, edges), never changed once
# built (so shapes may share them).
Profile = tuple[list[float], list[float]]
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
        lane_step=m.body_px * 0.6,
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
    return Shape((ends, [-half]), (ends, [half]), _NONE, _NONE, True, False, True, serial)


def _clearance(hi: Profile, lo: Profile, first_gap: float, gap: float) -> float:
    """Smallest shift of ``lo``'s owner so it clears ``hi`` at every shared depth,
    ``first_gap`` apart along ``lo``'s first run and ``gap`` below it."""
    hi_ends, hi_edges = hi
    lo_ends, lo_edges = lo
    first_end = lo_ends[0]
    i = j = 0
    start = 0.0
    best = float("-inf")
    n_hi, n_lo = len(hi_ends), len(lo_ends)
    while i < n_hi and j < n_lo:
        end_a = hi_ends[i]
        end_b = lo_ends[j]
        need = hi_edges[i] - lo_edges[j] + (first_gap if start < first_end else gap)
        best = need if need > best else best  # (max() would cost a call per run)
        if end_a < end_b:
            start = end_a
            i += 1
        elif end_b < end_a:
            start = end_b
            j += 1
        else:
            start = end_a
            i += 1
            j += 1
    return best


def _pack(
    los: list[Profile], his: list[Profile], gaps: list[float], group_gap: float
) -> tuple[Profile, Profile, list[float]]:
    """Place outlines (left profiles ``los``, right profiles ``his``) left to right as
    close as they allow, ``gaps[k]`` before the k-th; the union and each offset."""
    lo_ends, lo_edges = los[0]
    lo_ends, lo_edges = list(lo_ends), list(lo_edges)
    hi_ends, hi_edges = his[0]
    offsets = [0.0]
    off = 0.0
    for k in range(1, len(los)):
        item_lo = item_lo_ends, item_lo_edges = los[k]
        item_hi_ends, item_hi_edges = his[k]
        gap = gaps[k]
        need = _clearance((hi_ends, hi_edges), item_lo, gap, group_gap if group_gap > gap else gap)
        off = need if need >= off else off  # never left of the previous item
        # Left: what is there, then the new item below it; right: the new item, then
        # what reaches deeper (profiles are sorted by depth).
        below = bisect_right(item_lo_ends, lo_ends[-1])
        if below < len(item_lo_ends):
            lo_ends.extend(item_lo_ends[below:])
            lo_edges.extend([v + off for v in item_lo_edges[below:]])
        deeper = bisect_right(hi_ends, item_hi_ends[-1])
        if deeper < len(hi_ends):
            hi_ends = item_hi_ends + hi_ends[deeper:]
            hi_edges = [v + off for v in item_hi_edges] + hi_edges[deeper:]
        else:  # the new item is the deepest yet: profiles are never changed, share it
            hi_ends = item_hi_ends
            hi_edges = [v + off for v in item_hi_edges]
        offsets.append(off)
    return (lo_ends, lo_edges), (hi_ends, hi_edges), offsets


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
        centre = left - min(shape.lo[1])
        places[kid] = (centre, top)
        lanes[kid] = inner - i * sp.lane_step
        right = max(right, centre + max(shape.hi[1]))
        top += shape.lo[0][-1] + sp.stack_gap
    ends = [top - sp.stack_gap]
    return (ends, [0.0]), (ends, [right]), places, lanes, inner / 2


def _run_item(run: list[tuple[str, Shape]], sp: Spacing) -> tuple[Profile, Profile, str | _Column]:
    """A run of stackable children as one item to pack: a column, or the lone child."""
    if len(run) >= 2:
        lo, hi, places, lanes, mid = _column(run, sp)
        return lo, hi, (places, lanes, mid)
    kid, shape = run[0]
    return shape.lo, shape.hi, kid


def node_shape(  # noqa: C901, PLR0912, PLR0915  runs per card with children; h2-bounded reworks it
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
    # Items to pack, in order: their outlines, the gap before each, and what each is (a
    # child's id or a column's layout).
    los: list[Profile] = []
    his: list[Profile] = []
    whats: list[str | _Column] = []
    gaps: list[float] = []
    run: list[tuple[str, Shape]] = []
    twig = True
    prev_group = -1
    for g, (members, undercut) in enumerate(groups):
        lone = len(members) == 1 and not undercut and stack
        for kid, shape in members:
            if twig and not shape.leaf:
                twig = False
            if lone and shape.stacks:
                run.append((kid, shape))
                continue
            if run:
                lo, hi, what = _run_item(run, sp)
                los.append(lo)
                his.append(hi)
                whats.append(what)
                gaps.append(sp.group_gap)
                run = []
            gaps.append(sp.sibling_gap if g == prev_group else sp.group_gap)
            los.append(shape.lo)
            his.append(shape.hi)
            whats.append(kid)
            prev_group = g
    if run:
        lo, hi, what = _run_item(run, sp)
        los.append(lo)
        his.append(hi)
        whats.append(what)
        gaps.append(sp.group_gap)
    if not whats:
        return leaf_shape(breadth, depth, serial)
    (lo_ends, lo_edges), (hi_ends, hi_edges), offsets = _pack(los, his, gaps, sp.group_gap)
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
    head_ends = [depth, top] if top > depth else [depth]
    out_lo_edges = [-half, link_lo] if top > depth else [-half]
    out_hi_edges = [half, link_hi] if top > depth else [half]
    out_lo_edges.extend([v + shift for v in lo_edges])
    out_hi_edges.extend([v + shift for v in hi_edges])
    out_lo = (head_ends + [e + top for e in lo_ends], out_lo_edges)
    out_hi = (head_ends + [e + top for e in hi_ends], out_hi_edges)
    # A twig may stack if it reaches left of its card by little (a child a bit wider);
    # in a column it then sits that much to the right.
    narrow = min(out_lo_edges) >= -half - sp.lane_stub
    return Shape(out_lo, out_hi, kids, lanes, False, twig, twig and narrow, serial)


def forest(roots: list[Shape], gap: float) -> list[float]:
    """Breadth offsets of separate root trees packed side by side, the map's near edge
    at 0: an edit then moves only what lies beyond it, not everything around the root."""
    if not roots:
        return []
    (_, lo_edges), _, offsets = _pack(
        [s.lo for s in roots], [s.hi for s in roots], [gap] * len(roots), gap
    )
    edge = min(lo_edges)
    return [off - edge for off in offsets]
