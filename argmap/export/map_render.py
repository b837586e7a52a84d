"""Paint a whole map, a subtree or a selection with QPainter, with optional legend and
scenario-weight summary. Used by the PNG/PDF exporters and by a GUI export preview."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from argmap.export import card_painter, map_extras
from argmap.export.map_scene import MapScene, prepare

__all__ = ["MapScene", "paint_items", "paint_map", "prepare"]


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
