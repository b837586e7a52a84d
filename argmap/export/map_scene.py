"""What an export shows: the map or a part of it, laid out, with legend and weights. No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.export import map_extras
from argmap.export.themes import Theme, theme
from argmap.layout.geometry import Box, MapLayout
from argmap.layout.tidy_tree import Direction, layout_map
from argmap.model import ArgMap
from argmap.model.map_subset import restrict, subtree_map

MARGIN = 32.0  # scene units around the map, times the theme's scale


@dataclass(slots=True)
class MapScene:
    """A map ready to paint: the (part of the) document, its layout and extras."""

    doc: ArgMap
    layout: MapLayout
    theme: Theme
    extras: list[map_extras.Item] = field(default_factory=list)
    rect: Box = field(default_factory=lambda: Box(0, 0, 0, 0))  # everything, with margin
    weights: dict[str, float] = field(default_factory=dict)


def prepare(
    doc: ArgMap,
    theme_name: str | Theme = "light",
    *,
    subtree: str | None = None,
    selection: list[str] | None = None,
    show_legend: bool = False,
    weights: dict[str, float] | None = None,
    direction: Direction | None = None,
) -> MapScene:
    """Cut the map down (subtree or selection), lay it out, and place the extras below."""
    th = theme(theme_name) if isinstance(theme_name, str) else theme_name
    part = doc
    if subtree is not None:
        part = subtree_map(doc, subtree)
    elif selection is not None:
        part = restrict(doc, selection)
    layout = layout_map(part, direction, th.metrics)
    b = _with_arrows(layout)
    gap = 28 * th.scale
    extras: list[map_extras.Item] = []
    right, bottom = b.right, b.bottom
    y = b.bottom + gap
    x = b.x
    if show_legend:
        items, box = map_extras.legend(th, x, y)
        extras += items
        x = box.right + gap
        right, bottom = max(right, box.right), max(bottom, box.bottom)
    if weights:
        items, box = map_extras.weights_summary(part, weights, th, x, y)
        extras += items
        right, bottom = max(right, box.right), max(bottom, box.bottom)
    margin = MARGIN * th.scale
    rect = Box(b.x - margin, b.y - margin, right - b.x + 2 * margin, bottom - b.y + 2 * margin)
    card_weights = dict(weights or {})
    if not card_weights and th.name.startswith("projector"):
        card_weights = _live_weights(doc)  # a projector card keeps its badge and bar
    return MapScene(part, layout, th, extras, rect, card_weights)


def _live_weights(doc: ArgMap) -> dict[str, float]:
    """The scenarios' current weights (none when the map has no scenario to weigh)."""
    from argmap.analysis.report import analyze  # noqa: PLC0415 (only for projector themes)

    if not any(s.kind.value == "scenario" for s in doc.statements):
        return {}
    try:
        return {s.id: s.weight for s in analyze(doc).scenarios}
    except Exception:  # a map the analysis cannot weigh is still exported
        return {}


def _with_arrows(layout: MapLayout) -> Box:
    """The cards' bounds grown to every arrow's line (a column's lanes run beside its
    cards: a row's first column has them outside every card)."""
    b = layout.bounds
    x0, y0, x1, y1 = b.x, b.y, b.right, b.bottom
    for edge in layout.edges.values():
        for x, y in edge.points:
            x0, x1 = (x if x < x0 else x0), (x if x > x1 else x1)
            y0, y1 = (y if y < y0 else y0), (y if y > y1 else y1)
    return Box(x0, y0, x1 - x0, y1 - y0)
