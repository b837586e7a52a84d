"""An inference's arrow on the canvas, painted by the export edge painter.

The item sits at its line's first point. When a layout only shifts an arrow (its cards
moved together, as most do when a sibling is added or removed), the item just moves:
its bounds and its prepared drawing stay valid.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from argmap.export.card_painter import EdgeDrawing, draw_edge, edge_drawing, theme_scale
from argmap.export.line_clip import crosses
from argmap.export.themes import Theme
from argmap.layout.geometry import EdgeLayout

_MARGIN = 14.0  # arrowheads and the attack marker reach past the polyline (default theme)
_EMPTY = QRectF()
_EXPOSED = QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
_CLIP_MARGIN = 8.0  # round caps and joins of a clipped line stay outside the view
Point = tuple[float, float]


def _points(edge: EdgeLayout) -> list[Point]:
    """Every point the arrow is drawn from (line, premise ends, feeders, bar, marker)."""
    pts = edge.points + edge.premise_points
    for feeder in edge.feeders:
        pts += feeder
    if edge.bar is not None:
        pts += edge.bar
    pts.append(edge.marker)
    return pts


def _margin(theme: Theme) -> float:
    """How far heads and markers reach past the line: they grow with the theme (twice
    as far in the projector themes)."""
    return _MARGIN * max(1.0, theme_scale(theme)) + theme.edge_width


def _bounds(edge: EdgeLayout, ox: float, oy: float, m: float) -> QRectF:
    """The arrow's bounds relative to (ox, oy), with ``m`` of room for heads and markers."""
    # A single premise's arrow starts at it and has its marker on the line: the points do.
    pts = edge.points if not (edge.feeders or edge.bar) else _points(edge)
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, y0 = min(xs), min(ys)
    return QRectF(x0 - ox - m, y0 - oy - m, max(xs) - x0 + 2 * m, max(ys) - y0 + 2 * m)


def _seen(edge: EdgeLayout, exposed: QRectF, m: float) -> bool:
    """Whether any part of the arrow (heads and markers, reaching ``m`` past the line)
    meets ``exposed`` (scene coordinates)."""
    rect = (exposed.left() - m, exposed.top() - m, exposed.right() + m, exposed.bottom() + m)
    if crosses(edge.points, rect) or any(crosses(f, rect) for f in edge.feeders):
        return True
    return edge.bar is not None and crosses(list(edge.bar), rect)


def _shift(old: EdgeLayout, new: EdgeLayout) -> bool:
    """Whether ``new`` is ``old`` moved as a whole (same kind, same shape)."""
    a, b = old.points, new.points
    if old.kind != new.kind or len(a) != len(b) or len(old.feeders) != len(new.feeders):
        return False
    if old.feeders or old.bar is not None or new.bar is not None:
        a, b = _points(old), _points(new)  # linked premises: compare every part
        if len(a) != len(b):
            return False
    dx, dy = b[0][0] - a[0][0], b[0][1] - a[0][1]
    for (ax, ay), (bx, by) in zip(a, b, strict=True):
        if abs(bx - ax - dx) > 1e-6 or abs(by - ay - dy) > 1e-6:
            return False
    return True


class EdgeItem(QGraphicsItem):
    """Shows one inference; drawn under the cards."""

    __slots__ = ("inference_id", "theme", "layout", "dimmed", "_bounds", "_drawing", "_anchor")

    def __init__(self, inference_id: str, theme: Theme) -> None:
        super().__init__()
        self.inference_id = inference_id
        self.theme = theme
        self.layout: EdgeLayout | None = None
        self.dimmed = False
        self._bounds = _EMPTY  # item coordinates
        self._drawing: EdgeDrawing | None = None  # built on the first paint after a change
        self._anchor: Point = (0.0, 0.0)  # the first point of the layout drawn from
        self.setZValue(-1)
        self.setFlag(_EXPOSED)  # paint gets the exposed part: long arrows draw only that

    def set_layout(self, edge: EdgeLayout) -> None:
        """Route the arrow as the layout says (scene units)."""
        old = self.layout
        self.layout = edge
        if old is not None and _shift(old, edge):
            self.setPos(*edge.points[0])
            return
        anchor = self._anchor = edge.points[0]
        bounds = _bounds(edge, *anchor, _margin(self.theme))
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._drawing = None
        self.setPos(*anchor)
        self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._drawing = None
        if self.layout is not None:  # heads and markers may reach further now
            self.prepareGeometryChange()
            self._bounds = _bounds(self.layout, *self.layout.points[0], _margin(theme))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        if self.layout is None or not self.layout.points:
            return path
        ox, oy = self.layout.points[0]
        first, *rest = self.layout.points
        path.moveTo(first[0] - ox, first[1] - oy)
        for x, y in rest:
            path.lineTo(x - ox, y - oy)
        stroker = QPainterPathStroker()
        stroker.setWidth(8)
        return stroker.createStroke(path)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        _widget: QWidget | None = None,
    ) -> None:
        edge = self.layout
        if edge is None:
            return
        exposed = option.exposedRect.translated(*edge.points[0])  # the item is at points[0]
        if not _seen(edge, exposed, _margin(self.theme)):
            return  # a long arrow whose box, not its line, meets the view: nothing to draw
        drawing = self._drawing
        if drawing is None:
            self._anchor = edge.points[0]
            drawing = self._drawing = edge_drawing(edge, None, self.theme)
        ax, ay = self._anchor
        m = _CLIP_MARGIN
        clip = option.exposedRect.adjusted(-m, -m, m, m).translated(ax, ay)
        painter.translate(-ax, -ay)
        draw_edge(painter, drawing, self.theme, dimmed=self.dimmed, clip=clip)
        painter.translate(ax, ay)
