"""An inference's arrow on the canvas, painted by the export edge painter."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from argmap.export.card_painter import paint_edge
from argmap.export.themes import Theme
from argmap.layout.geometry import EdgeLayout

_MARGIN = 14.0  # arrowheads and the attack marker reach past the polyline


def _points(edge: EdgeLayout) -> list[tuple[float, float]]:
    pts = list(edge.points) + list(edge.premise_points)
    for feeder in getattr(edge, "feeders", ()):
        pts.extend(feeder)
    bar = getattr(edge, "bar", None)
    if bar:
        pts.extend(bar)
    return pts


class EdgeItem(QGraphicsItem):
    """Shows one inference; drawn under the cards, in scene coordinates."""

    def __init__(self, inference_id: str, theme: Theme) -> None:
        super().__init__()
        self.inference_id = inference_id
        self.theme = theme
        self.layout: EdgeLayout | None = None
        self.dimmed = False
        self._bounds = QRectF()
        self.setZValue(-1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_layout(self, edge: EdgeLayout) -> None:
        pts = _points(edge)
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)).adjusted(
            -_MARGIN, -_MARGIN, _MARGIN, _MARGIN
        )
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.layout = edge
        self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        if self.layout is None or not self.layout.points:
            return path
        first, *rest = self.layout.points
        path.moveTo(QPointF(*first))
        for p in rest:
            path.lineTo(QPointF(*p))
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        return stroker.createStroke(path)

    def paint(
        self,
        painter: QPainter,
        _option: QStyleOptionGraphicsItem,
        _widget: QWidget | None = None,
    ) -> None:
        if self.layout is None:
            return
        paint_edge(painter, self.layout, None, self.theme, dimmed=self.dimmed)
