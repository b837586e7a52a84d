"""One side of a subtree's outline: how far it reaches along depth, shared where it is deep.

A :class:`Profile` is a sequence of runs along the depth axis, each from the previous run's
end (the first from 0) to ``end``, reaching to breadth ``edge``. A parent's outline is its
card on top of its children's outlines packed side by side, so copying those into every
parent would cost memory and time in the square of the tree's depth (a chain of 10,000
statements: gigabytes). Instead a profile holds a few runs of its own, then refers to the
deep part of a child's profile (its *tail*: from one run on, shifted), as contours are
threaded in Reingold and Tilford's tidy tree; packing copies only the shallower of two
profiles, so a whole layout stays linear. Short profiles (up to :data:`FLAT_RUNS` runs)
are plain lists, as bushy maps have them, and compute exactly as before.

Profiles never change once built, so shapes may share them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

FLAT_RUNS = 64  # a profile of at most this many runs is copied; a longer one is referred to


@dataclass(slots=True, eq=False)
class Profile:
    """Runs ``ends``/``edges`` of its own, then (``tail``) another profile's runs from its
    own run ``skip`` on, shifted by ``tail_b`` along breadth and ``tail_d`` along depth.

    ``reach`` is the furthest edge (the least of a left profile, the greatest of a right
    one), ``depth`` the last run's end and ``count`` the number of runs in all."""

    ends: list[float]
    edges: list[float]
    reach: float
    depth: float
    count: int
    tail: Profile | None = None
    skip: int = 0
    tail_b: float = 0.0
    tail_d: float = 0.0


# A profile's runs from one of its pieces' own run on, shifted: (piece, run, breadth, depth).
Tail = tuple[Profile, int, float, float]


def flat(ends: list[float], edges: list[float], reach: float) -> Profile:
    """A profile of the runs ``ends``/``edges`` alone (not copied: never change them)."""
    return Profile(ends, edges, reach, ends[-1], len(ends))


def runs(
    p: Profile, start: int = 0, db: float = 0.0, dd: float = 0.0
) -> Iterator[tuple[float, float]]:
    """``p``'s runs (end, edge) from its own run ``start`` on, shifted by ``db``, ``dd``."""
    while True:
        ends, edges = p.ends, p.edges
        for k in range(start, len(ends)):
            yield ends[k] + dd, edges[k] + db
        tail = p.tail
        if tail is None:
            return
        start, db, dd, p = p.skip, db + p.tail_b, dd + p.tail_d, tail


def _cut(p: Profile, depth: float) -> Tail:
    """Where ``p``'s runs ending below ``depth`` start: a piece of ``p`` (or of a tail),
    its run, and the piece's shift. ``p`` must reach below ``depth``."""
    db = dd = 0.0
    start = 0
    while True:
        ends = p.ends
        k = bisect_right(ends, depth - dd, start)
        if k < len(ends):
            return p, k, db, dd
        tail = p.tail
        if tail is None:
            raise ValueError("the profile ends above the cut")
        start, db, dd, p = p.skip, db + p.tail_b, dd + p.tail_d, tail


def _copy(p: Profile, db: float) -> tuple[list[float], list[float]]:
    """Fresh lists of all of ``p``'s runs, edges shifted by ``db``."""
    if p.tail is None:
        return list(p.ends), [v + db for v in p.edges]
    ends: list[float] = []
    edges: list[float] = []
    for e, v in runs(p, 0, db):
        ends.append(e)
        edges.append(v)
    return ends, edges


def joined(ends: list[float], edges: list[float], reach: float, tail: Tail) -> Profile:
    """The runs ``ends``/``edges``, then those of ``tail``: copied into ``ends``/``edges``
    (which must be fresh lists) if there are few, else referred to."""
    rest, skip, db, dd = tail
    more = rest.count - skip
    if more <= FLAT_RUNS:
        if rest.tail is None:
            ends.extend([e + dd for e in rest.ends[skip:]])
            edges.extend([v + db for v in rest.edges[skip:]])
        else:
            for e, v in runs(rest, skip, db, dd):
                ends.append(e)
                edges.append(v)
        return Profile(ends, edges, reach, ends[-1], len(ends))
    return Profile(ends, edges, reach, rest.depth + dd, len(ends) + more, rest, skip, db, dd)


def shifted(p: Profile, db: float) -> Profile:
    """``p`` moved ``db`` along breadth (its runs' ends shared)."""
    if p.tail is None and p.count <= FLAT_RUNS:
        return Profile(p.ends, [v + db for v in p.edges], p.reach + db, p.depth, p.count)
    return Profile([], [], p.reach + db, p.depth, p.count, p, 0, db, 0.0)


def clearance(hi: Profile, lo: Profile, first_gap: float, gap: float) -> float:
    """Smallest shift of ``lo``'s owner so it clears ``hi`` at every shared depth,
    ``first_gap`` apart along ``lo``'s first run and ``gap`` below it."""
    if hi.tail is None and lo.tail is None:
        return _flat_clearance(hi.ends, hi.edges, lo.ends, lo.edges, first_gap, gap)
    a, b = runs(hi), runs(lo)
    end_a, edge_a = next(a)
    end_b, edge_b = next(b)
    first_end = end_b
    start = 0.0
    best = float("-inf")
    while True:
        need = edge_a - edge_b + (first_gap if start < first_end else gap)
        best = need if need > best else best
        if end_a < end_b:
            start = end_a
            step = next(a, None)
            if step is None:
                return best
            end_a, edge_a = step
        elif end_b < end_a:
            start = end_b
            step = next(b, None)
            if step is None:
                return best
            end_b, edge_b = step
        else:
            start = end_a
            step, other = next(a, None), next(b, None)
            if step is None or other is None:
                return best
            (end_a, edge_a), (end_b, edge_b) = step, other


def _flat_clearance(  # noqa: PLR0917 (four lists: no tuple to unpack on a hot path)
    hi_ends: list[float],
    hi_edges: list[float],
    lo_ends: list[float],
    lo_edges: list[float],
    first_gap: float,
    gap: float,
) -> float:
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


def pack(
    los: Sequence[Profile], his: Sequence[Profile], gaps: Sequence[float], group_gap: float
) -> tuple[Profile, Profile, list[float]]:
    """Place outlines (left profiles ``los``, right profiles ``his``) left to right as
    close as they allow, ``gaps[k]`` before the k-th; the union and each offset.

    Left, the union is what is there, then each new item below it; right, the new item,
    then what reaches deeper. Only the shallower side is copied."""
    packed = _pack_flat(los, his, gaps, group_gap)
    if packed is not None:
        return packed
    lo, hi = los[0], his[0]
    own: tuple[list[float], list[float]] | None = None  # lo's runs, if this call made them
    offsets = [0.0]
    off = 0.0
    for k in range(1, len(los)):
        item_lo, item_hi = los[k], his[k]
        gap = gaps[k]
        need = clearance(hi, item_lo, gap, group_gap if group_gap > gap else gap)
        off = need if need >= off else off  # never left of the previous item
        # The furthest edges: an item's parts hidden behind the others reach less far
        # than what hides them (they clear it), so they are the items' own, shifted.
        if item_lo.depth > lo.depth:
            reach = item_lo.reach + off
            reach = lo.reach if lo.reach < reach else reach
            piece, run, db, dd = _cut(item_lo, lo.depth)
            if own is None or lo.tail is not None:
                own = _copy(lo, 0.0)
            lo = joined(*own, reach, (piece, run, db + off, dd))
            own = None if lo.tail is not None else (lo.ends, lo.edges)
        if hi.depth > item_hi.depth:
            reach = item_hi.reach + off
            reach = hi.reach if hi.reach > reach else reach
            hi = joined(*_copy(item_hi, off), reach, _cut(hi, item_hi.depth))
        else:  # the new item is the deepest yet: profiles are never changed, share it
            hi = shifted(item_hi, off)
        offsets.append(off)
    return lo, hi, offsets


_LONG = 4 * FLAT_RUNS  # a union of short plain profiles copied as lists grows to this


def _pack_flat(
    los: Sequence[Profile], his: Sequence[Profile], gaps: Sequence[float], group_gap: float
) -> tuple[Profile, Profile, list[float]] | None:
    """:func:`pack` of short plain profiles (a bushy map's) as lists throughout, as long
    as the union stays short (None: a profile or the union is long or shared; each step
    copies part of the union)."""
    first, top = los[0], his[0]
    if first.tail is not None or top.tail is not None or first.count > FLAT_RUNS:
        return None
    lo_ends, lo_edges = list(first.ends), list(first.edges)
    lo_reach = first.reach
    hi_ends, hi_edges, hi_reach = top.ends, top.edges, top.reach
    offsets = [0.0]
    off = 0.0
    for k in range(1, len(los)):
        item_lo, item_hi = los[k], his[k]
        if item_lo.tail is not None or item_hi.tail is not None or item_lo.count > FLAT_RUNS:
            return None
        item_lo_ends, item_lo_edges = item_lo.ends, item_lo.edges
        item_hi_ends, item_hi_edges = item_hi.ends, item_hi.edges
        gap = gaps[k]
        need = _flat_clearance(
            hi_ends,
            hi_edges,
            item_lo_ends,
            item_lo_edges,
            gap,
            group_gap if group_gap > gap else gap,
        )
        off = need if need >= off else off  # never left of the previous item
        # Left: what is there, then the new item below it; right: the new item, then
        # what reaches deeper (profiles are sorted by depth).
        below = bisect_right(item_lo_ends, lo_ends[-1])
        if below < len(item_lo_ends):
            lo_ends.extend(item_lo_ends[below:])
            lo_edges.extend([v + off for v in item_lo_edges[below:]])
            reach = item_lo.reach + off
            lo_reach = reach if reach < lo_reach else lo_reach
            if len(lo_ends) > _LONG:
                return None
        reach = item_hi.reach + off
        deeper = bisect_right(hi_ends, item_hi_ends[-1])
        if deeper < len(hi_ends):
            hi_ends = item_hi_ends + hi_ends[deeper:]
            hi_edges = [v + off for v in item_hi_edges] + hi_edges[deeper:]
            hi_reach = reach if reach > hi_reach else hi_reach
            if len(hi_ends) > _LONG:
                return None
        else:  # the new item is the deepest yet: profiles are never changed, share it
            hi_ends = item_hi_ends
            hi_edges = [v + off for v in item_hi_edges]
            hi_reach = reach
        offsets.append(off)
    return flat(lo_ends, lo_edges, lo_reach), flat(hi_ends, hi_edges, hi_reach), offsets
