"""Placing cards where their subtree outlines put them.

A first layout places every card in one pass over the drawing tree
(:func:`place_every_card`, which runs per card and so keeps its work inline); later
layouts place only what an edit moved (``TreeLayouter._place_changed``), keeping whole
subtrees that only moved as blocks (:mod:`argmap.layout.rigid_moves`).
"""

from __future__ import annotations

from argmap.layout.argument_tree import ArgumentTree
from argmap.layout.geometry import Box, CardLayout
from argmap.layout.layout_state import LayoutState
from argmap.layout.subtree_shapes import Shape


def place_every_card(
    st: LayoutState,
    stack: list[tuple[str, float, float]],
    *,
    shapes: dict[str, tuple[object, Shape]],
    placed: dict[str, tuple[float, float, int]],
    cards: dict[str, CardLayout],
    lanes_now: dict[str, float],
) -> None:
    """A first layout: every card made where its outline puts it, from ``stack`` (the
    roots with their offsets); ``placed``, ``cards`` and ``lanes_now`` are filled in."""
    sizes, facts = st.sizes, st.facts
    pinned, tb = st.doc.view.pinned, st.direction == "TB"
    tree = st.tree
    hidden, depth, parent = tree.hidden_count, tree.depth, tree.parent
    while stack:
        sid, b, t = stack.pop()
        shape = shapes[sid][1]
        placed[sid] = (b, t, shape.serial)
        w, h, lines = sizes[sid]
        if tb:
            x, y = b - w / 2, t
        else:
            x, y = t, b - h / 2
        pin = pinned.get(sid)
        if pin is not None:
            x, y = pin
        kind, _, quotes = facts[sid]
        cards[sid] = CardLayout(
            sid,
            Box(x, y, w, h),
            lines,
            kind,
            quotes,
            hidden.get(sid, 0),
            depth[sid],
            parent[sid],
            pin is not None,
        )
        kids = shape.kids
        if not kids:
            continue
        lanes = shape.lanes
        for kid, (ob, od) in kids.items():
            stack.append((kid, b + ob, t + od))
            lane = lanes.get(kid)
            if lane is None:
                if kid in lanes_now:
                    del lanes_now[kid]
            else:
                lanes_now[kid] = b + lane


def with_ancestors(tree: ArgumentTree, ids: set[str]) -> set[str]:
    """``ids`` and every card above them (the blocks holding them are walked now)."""
    keep: set[str] = set()
    for sid in ids:
        node: str | None = sid
        while node is not None and node not in keep:
            keep.add(node)
            node = tree.parent.get(node)
    return keep
