"""Every card's subtree outline, kept between layouts and rebuilt only when what it is
made of changed (the card's size, its children's outlines, the level depths left-right).

Outlines are immutable and carry a ``serial``: one number naming one outline, so a parent's
cache key lists its children's serials instead of their ids and sizes, and a placement
remembers which outline it was made from (see :mod:`argmap.layout.rigid_moves`).
"""

from __future__ import annotations

from argmap.layout.argument_tree import ArgumentTree
from argmap.layout.card_metrics import CardMetrics
from argmap.layout.layout_state import Measured
from argmap.layout.subtree_shapes import Shape, Spacing, leaf_shape, node_shape, spacing


def level_widths(tree: ArgumentTree, sizes: dict[str, Measured], direction: str) -> list[float]:
    """LR: the width of each level (the deepest card in it); TB: no levels."""
    if direction == "TB":
        return []
    rows: list[float] = []
    for sid, d in tree.depth.items():
        size = sizes.get(sid)
        if size is None:
            continue
        while len(rows) <= d:
            rows.append(0.0)
        w, widest = size[0], rows[d]
        rows[d] = w if w > widest else widest  # max() without a call per card
    return rows


class OutlineCache:
    """The outline of every card's subtree, by card id (``shapes``: id -> (cache key,
    outline)); ``built`` counts the outlines built, not served from the cache."""

    def __init__(self, metrics: CardMetrics) -> None:
        self.metrics = metrics
        self.built = 0
        self._serial = 0  # never reset: placements remember the serial of their shape
        self.forget()

    def forget(self) -> None:
        """Start afresh (serials keep counting, so old placements never match)."""
        self.shapes: dict[str, tuple[object, Shape]] = {}
        self._leaves: dict[tuple[float, float], Shape] = {}

    def build(
        self,
        tree: ArgumentTree,
        sizes: dict[str, Measured],
        rows: list[float],
        direction: str,
        *,
        order: list[str],
        reuse: bool = False,
    ) -> None:
        """Outlines of ``order``'s subtrees (children first: ``order`` reversed, where it
        lists parents before children, or with ``reuse`` an order that already puts
        children first), from cache if valid."""
        tb = direction == "TB"
        m = self.metrics
        gap = m.depth_gap
        cache = self.shapes
        undercuts = tree.undercuts
        linked = tree.linked
        spacings: dict[float, Spacing] = {}
        kids_of = tree.kids
        leaves = self._leaves
        built = 0
        for node in reversed(order) if not reuse else order:
            size = sizes[node]  # (not unpacked: its lines list, not needed here, is cold)
            w, h = size[0], size[1]
            if node not in kids_of:  # a leaf: its outline is its card
                bd = (w, h) if tb else (h, w)
                hit = cache.get(node)
                if hit is None or hit[0] != bd:
                    built += 1
                    leaf = leaves.get(bd)  # cards of one size share one outline
                    if leaf is None:
                        self._serial += 1
                        leaf = leaves[bd] = leaf_shape(*bd, self._serial)
                    cache[node] = (bd, leaf)
                continue
            b, d = (w, h) if tb else (h, w)
            groups = tree.groups.get(node)
            if groups:
                ct = d + gap if tb else rows[tree.depth[node]] + gap
                # The signature: sizes, then per group a marker and its children's serials
                # (a serial names one outline of one card, so ids need not be repeated).
                flat: list[float] = [b, d, ct]
                shaped = []
                for iid, kids in groups:
                    apart = iid in undercuts or iid in linked
                    flat.append(-1.0 if apart else -2.0)
                    members = []
                    for k in kids:
                        kid_shape = cache[k][1]
                        members.append((k, kid_shape))
                        flat.append(kid_shape.serial)
                    shaped.append((members, apart))
                sig: object = tuple(flat)
            else:
                ct = 0.0
                shaped = []
                sig = (b, d)
            hit = cache.get(node)
            if hit is not None and hit[0] == sig:
                continue
            self._serial += 1
            built += 1
            sp = spacings.get(ct)
            if sp is None:
                sp = spacings[ct] = spacing(m, ct)
            shape = node_shape(b, d, shaped, sp, stack=tb, serial=self._serial)
            cache[node] = (sig, shape)
        self.built += built
