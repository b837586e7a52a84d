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
    """A statement's card: its box and its text already wrapped into lines.

    ``kind`` is the statement kind's value ("claim", ...); ``quote_count`` feeds the quote
    badge; ``hidden_count`` > 0 marks a collapsed card hiding that many statements;
    ``depth`` is the tree level (0 for roots); ``parent`` the card it hangs under.
    """

    statement_id: str
    box: Box
    lines: list[str]
    kind: str = "claim"
    quote_count: int = 0
    hidden_count: int = 0
    depth: int = 0
    parent: str | None = None
    pinned: bool = False


@dataclass(slots=True)
class EdgeLayout:
    """An inference drawn as a polyline from its premises' join to its target.

    ``points`` run from the premise side to the conclusion side (arrowhead at the end;
    for an undercut the end is the ``marker`` of the edge it undercuts).
    ``premise_points`` are the attachment points on each premise (linked premises are
    joined by a bar through them: ``feeders`` run from each premise to ``bar``, and
    ``points[0]`` is the bar's middle).
    """

    inference_id: str
    points: list[tuple[float, float]]
    premise_points: list[tuple[float, float]] = field(default_factory=list)
    kind: str = "support"  # "support" | "attack" | "undercut"
    target: str = ""  # conclusion statement id, or the undercut inference's id
    premises: list[str] = field(default_factory=list)  # the visible premises' ids
    marker: tuple[float, float] = (0.0, 0.0)  # middle of the edge: "−" sign, undercut aim
    # Linked premises: a line from each premise to the bar that joins them.
    feeders: list[list[tuple[float, float]]] = field(default_factory=list)
    bar: tuple[tuple[float, float], tuple[float, float]] | None = None
    cross_link: bool = False  # drawn to a card that hangs under another parent

    @property
    def linked(self) -> bool:
        """Several premises that hold only together (joined by a bar)."""
        return len(self.premise_points) > 1


@dataclass(slots=True)
class MapLayout:
    """Every visible card and edge, and the bounds that contain them."""

    cards: dict[str, CardLayout]
    edges: dict[str, EdgeLayout]
    bounds: Box
    direction: str = "TB"  # "TB": conclusions above premises; "LR": left of them
    roots: list[str] = field(default_factory=list)
    children: dict[str, list[str]] = field(default_factory=dict)  # tree children in order


@dataclass(slots=True)
class LayoutDelta:
    """What a layout changed against the same layouter's previous one, so a scene can
    update only those items. ``full`` means there is nothing to compare with (first
    layout, or another direction or metrics): redraw everything."""

    moved: set[str] = field(default_factory=set)  # kept cards with a new CardLayout
    added: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    edges_changed: set[str] = field(default_factory=set)  # new or re-routed edges
    edges_removed: set[str] = field(default_factory=set)
    full: bool = True

    @property
    def empty(self) -> bool:
        """Whether nothing at all changed."""
        return not (
            self.full
            or self.moved
            or self.added
            or self.removed
            or self.edges_changed
            or self.edges_removed
        )
