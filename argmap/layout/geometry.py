"""The laid-out map: where each card and arrow goes. Shared by the canvas and exporters."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle in scene units (1 unit = 1 px at 100 % zoom)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(slots=True)
class CardLayout:
    """A statement's card: its box and its text already wrapped into lines."""

    statement_id: str
    box: Box
    lines: list[str]


@dataclass(slots=True)
class EdgeLayout:
    """An inference drawn as a polyline from its premises' join to its target.

    ``points`` run from the premise side to the conclusion side (arrowhead at the end).
    ``premise_points`` are the attachment points on each premise (linked premises are
    joined by a bar through them).
    """

    inference_id: str
    points: list[tuple[float, float]]
    premise_points: list[tuple[float, float]] = field(default_factory=list)


@dataclass(slots=True)
class MapLayout:
    """Every visible card and edge, and the bounds that contain them."""

    cards: dict[str, CardLayout]
    edges: dict[str, EdgeLayout]
    bounds: Box
