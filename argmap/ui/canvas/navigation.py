"""Arrow-key moves between visible cards: to the parent, the children and the siblings."""

from __future__ import annotations

from typing import Literal

from argmap.layout.geometry import MapLayout

Move = Literal["parent", "child", "previous", "next"]
Arrow = Literal["up", "down", "left", "right"]

# Which tree move an arrow key means: conclusions sit above (TB) or left of (LR) premises.
_ARROWS: dict[str, dict[str, Move]] = {
    "TB": {"up": "parent", "down": "child", "left": "previous", "right": "next"},
    "LR": {"left": "parent", "right": "child", "up": "previous", "down": "next"},
}


def move_for_arrow(arrow: Arrow, direction: str) -> Move:
    """The tree move an arrow key makes in a layout direction."""
    return _ARROWS.get(direction, _ARROWS["TB"])[arrow]


def siblings(layout: MapLayout, statement_id: str) -> list[str]:
    """The visible cards sharing this card's parent (the roots, for a root), in order."""
    card = layout.cards.get(statement_id)
    if card is None:
        return []
    if card.parent is None:
        return [r for r in layout.roots if r in layout.cards]
    return [c for c in layout.children.get(card.parent, []) if c in layout.cards]


def neighbour(layout: MapLayout, statement_id: str, move: Move) -> str | None:
    """The card a move lands on from ``statement_id``, or None if there is none."""
    card = layout.cards.get(statement_id)
    if card is None:
        return layout.roots[0] if layout.roots else None
    if move == "parent":
        return card.parent
    if move == "child":
        kids = [c for c in layout.children.get(statement_id, []) if c in layout.cards]
        return kids[(len(kids) - 1) // 2] if kids else None  # the middle one: nearest
    row = siblings(layout, statement_id)
    at = row.index(statement_id)
    step = -1 if move == "previous" else 1
    if 0 <= at + step < len(row):
        return row[at + step]
    return None
