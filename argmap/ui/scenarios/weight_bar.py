"""A scenario's weight as a horizontal bar, its prior as a ghost bar with a draggable tick."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from argmap.ui import pane_colours

HANDLE_PX = 7  # how near the prior tick a press starts a drag
BAR_H = 16
TOP = 7  # room above the bar for the tick's handle


class WeightBar(QWidget):
    """Paints ``weight`` over a ghost bar of ``prior`` (both 0..1).

    Dragging the prior tick previews the new prior and emits ``prior_dropped(share)`` on
    release; a press elsewhere is left to the parent (the row selects its scenario).
    """

    prior_dropped = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weight = 0.0
        self.prior = 0.0
        self.leader = False
        self._drag: float | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        self.setToolTip("Bar: weight after the evidence. Grey bar and tick: the prior.")

    def set_values(self, weight: float, prior: float, leader: bool) -> None:
        """Show new values (repaints only if something changed)."""
        values = (min(max(weight, 0.0), 1.0), min(max(prior, 0.0), 1.0), leader)
        if values != (self.weight, self.prior, self.leader):
            self.weight, self.prior, self.leader = values
            self.update()

    @property
    def shown_prior(self) -> float:
        """The prior as drawn: the dragged value while a drag is under way."""
        return self._drag if self._drag is not None else self.prior

    def sizeHint(self) -> QSize:
        return QSize(240, TOP + BAR_H + 3)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, TOP + BAR_H + 3)

    def _track(self) -> QRectF:
        return QRectF(1.5, TOP + 0.5, self.width() - 3.0, BAR_H)

    def _x(self, value: float) -> float:
        track = self._track()
        return track.left() + value * track.width()

    def _value_at(self, x: float) -> float:
        track = self._track()
        return min(max((x - track.left()) / max(track.width(), 1.0), 0.0), 1.0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = self._track()
        c = pane_colours.current()
        p.setPen(QPen(QColor(c.grid), 1))
        p.setBrush(QColor(c.track))
        p.drawRoundedRect(track, 3, 3)
        prior = self.shown_prior
        if prior > 0:
            ghost = QRectF(track.left(), track.top(), prior * track.width(), track.height())
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(c.prior_ghost))
            p.drawRoundedRect(ghost, 3, 3)
        if self.weight > 0:
            inner = track.adjusted(0, 3, 0, -3)
            bar = QRectF(inner.left(), inner.top(), self.weight * inner.width(), inner.height())
            # a gap of the track's colour round it: the bar and the grey prior are alike in
            # lightness, and the gap stands 3:1 against both
            p.setBrush(QColor(c.track))
            p.drawRoundedRect(bar.adjusted(-2, -2, 2, 2), 3, 3)
            p.setBrush(QColor(c.leader if self.leader else c.other))
            p.drawRoundedRect(bar, 2, 2)
        self._paint_tick(p, self._x(prior), track)
        p.end()

    def _paint_tick(self, p: QPainter, x: float, track: QRectF) -> None:
        colour = QColor(pane_colours.current().prior)
        p.setPen(QPen(colour, 2))
        p.drawLine(QPointF(x, track.top() - 1), QPointF(x, track.bottom() + 1))
        handle = QPainterPath()
        handle.moveTo(x - 5, 0.5)
        handle.lineTo(x + 5, 0.5)
        handle.lineTo(x, TOP - 0.5)
        handle.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPath(handle)

    def _near_tick(self, x: float) -> bool:
        return abs(x - self._x(self.prior)) <= HANDLE_PX

    def mousePressEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if event.button() == Qt.MouseButton.LeftButton and self._near_tick(x):
            self._drag = self._value_at(x)
            self.update()
            event.accept()
            return
        event.ignore()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._drag is not None:
            self._drag = self._value_at(x)
            self.setToolTip(f"Prior {self._drag:.0%}")
            self.update()
            return
        cursor = (
            Qt.CursorShape.SizeHorCursor
            if self._near_tick(x)
            else Qt.CursorShape.PointingHandCursor
        )
        self.setCursor(cursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            event.ignore()
            return
        share = round(self._value_at(event.position().x()), 2)
        self._drag = None
        self.update()
        self.prior_dropped.emit(share)
