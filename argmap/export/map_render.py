"""Paint a whole map, a subtree or a selection with QPainter, with optional legend and
scenario-weight summary. Used by the PNG/PDF exporters and by a GUI export preview."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from argmap.export import card_painter, map_extras
from argmap.export.map_subset import restrict, subtree_map
from argmap.export.themes import Theme, theme
from argmap.layout.geometry import Box, MapLayout
from argmap.layout.tidy_tree import layout_map
from argmap.model import ArgMap

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
    direction: str | None = None,
) -> MapScene:
    """Cut the map down (subtree or selection), lay it out, and place the extras below."""
    th = theme(theme_name) if isinstance(theme_name, str) else theme_name
    part = doc
    if subtree is not None:
        part = subtree_map(doc, subtree)
    elif selection is not None:
        part = restrict(doc, selection)
    layout = layout_map(part, direction, th.metrics)
    b = layout.bounds
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
    return MapScene(part, layout, th, extras, rect, dict(weights or {}))


def paint_map(painter: QPainter, scene: MapScene, *, transparent: bool = False) -> None:
    """Paint ``scene`` in scene coordinates (the caller maps ``scene.rect`` to its device)."""
    th = scene.theme
    r = scene.rect
    if not transparent:
        painter.fillRect(QRectF(r.x, r.y, r.w, r.h), QColor(th.background))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    inferences = {i.id: i for i in scene.doc.inferences}
    statements = {s.id: s for s in scene.doc.statements}
    for edge in scene.layout.edges.values():
        card_painter.paint_edge(painter, edge, inferences.get(edge.inference_id), th)
    for card in scene.layout.cards.values():
        weight = scene.weights.get(card.statement_id)
        state = card_painter.CardState(weight=weight)
        card_painter.paint_card(painter, card, statements.get(card.statement_id), th, state)
    paint_items(painter, scene.extras)


def paint_items(painter: QPainter, items: list[map_extras.Item]) -> None:
    """Draw a legend / summary display list."""
    for item in items:
        if isinstance(item, map_extras.Label):
            painter.setFont(card_painter.font(item.px, item.bold))
            painter.setPen(card_painter.color(item.color))
            painter.drawText(QPointF(item.x, item.y), item.text)
            continue
        path = card_painter.qpath(item.path)
        if item.fill is not None:
            painter.fillPath(path, card_painter.color(item.fill))
        if item.stroke is not None:
            pen = QPen(card_painter.color(item.stroke), item.width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            if item.dash is not None:
                pen.setStyle(Qt.PenStyle.CustomDashLine)
                pen.setDashPattern(list(item.dash))
                if item.dash[0] > 1:
                    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.strokePath(path, pen)
