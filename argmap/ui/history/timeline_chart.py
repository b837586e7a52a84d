"""A chart of each scenario's weight across the snapshots, with the events between them.

The x axis is time (the dates the snapshots speak for; snapshots of one day stand side
by side), the y axis the weight, 0–100 %. Each scenario is a line with its own colour,
dash and marker, so the lines read in greyscale too. Under the axis, events: a new
source (◆), changed judgements (●), a signpost's status (▲); hovering shows them.
Clicking a snapshot selects it; the two selected are marked by vertical rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QToolTip, QWidget

from argmap.ui import pane_colours

DASHES = [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine]
MARKERS = ["circle", "square", "triangle", "diamond"]
EVENT_MARKS = {"source": "diamond", "judgement": "circle", "signpost": "triangle"}
EVENT_SERIES = {"source": 0, "signpost": 3}  # which series colour; judgements: muted
LEFT, TOP, RIGHT_MIN, BOTTOM = 52.0, 18.0, 200.0, 72.0
PICK_PIXELS = 14.0


@dataclass
class TimelineData:
    """What the chart shows: snapshots (id, date, weights), scenario names, events
    (date, kind, text) and the outcome (date, scenario), if any."""

    snapshots: list[tuple[str, str, dict[str, float]]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    events: list[tuple[str, str, str]] = field(default_factory=list)
    outcome: tuple[str, str] | None = None

    def scenarios(self) -> list[str]:
        """Scenario ids in order of first appearance."""
        seen: dict[str, None] = {}
        for _, _, weights in self.snapshots:
            seen.update(dict.fromkeys(weights))
        return list(seen)


def _day(text: str) -> float:
    try:
        return float(date.fromisoformat(text).toordinal())
    except ValueError:
        return 0.0


class TimelineChart(QWidget):
    """The weights over time; ``snapshot_clicked(id)`` when a snapshot is clicked."""

    snapshot_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = TimelineData()
        self.selected: list[str] = []
        self.setMouseTracking(True)
        self.setMinimumSize(520, 260)

    def sizeHint(self) -> QSize:
        return QSize(860, 360)

    def set_data(self, data: TimelineData) -> None:
        """Show other snapshots and events."""
        self.data = data
        self.selected = [s for s in self.selected if s in {x[0] for x in data.snapshots}]
        self.update()

    def set_selected(self, ids: list[str]) -> None:
        """Mark these snapshots (at most two are meant)."""
        self.selected = list(ids)
        self.update()

    # --- geometry ---------------------------------------------------------------------

    def _plot(self) -> QRectF:
        right = max(RIGHT_MIN, self.width() * 0.24)
        return QRectF(
            LEFT,
            TOP,
            max(10.0, self.width() - LEFT - right),
            max(10.0, self.height() - TOP - BOTTOM),
        )

    def _days(self) -> list[float]:
        """Each snapshot's position in days; snapshots of one day spread within it."""
        days = [_day(d) for _, d, _ in self.data.snapshots]
        out = []
        for k, day in enumerate(days):
            same = [j for j, d in enumerate(days) if d == day]
            out.append(day + 0.8 * same.index(k) / max(1, len(same)))
        return out

    def _first_day(self) -> float:
        """The first snapshot's day: the axis starts there (0 with no snapshot)."""
        return min((d for d in self._days() if d > 0), default=0.0)

    def _span(self) -> tuple[float, float]:
        """From the first snapshot to the last snapshot, event or outcome. Events before
        the first snapshot are counted at the left, not placed: a signpost changed a year
        earlier squeezed a month of snapshots into the axis's last 45 px."""
        days = self._days() + [_day(d) for d, _, _ in self.data.events]
        if self.data.outcome:
            days.append(_day(self.data.outcome[0]))
        first = self._first_day()
        days = [d for d in days if d > 0 and d >= first] or [0.0]
        low, high = min(days), max(days)
        pad = max(1.0, (high - low) * 0.04)
        return low - pad, high + pad

    def earlier_events(self) -> list[tuple[str, str, str]]:
        """The events (date, kind, text) before the first snapshot."""
        first = self._first_day()
        return [e for e in self.data.events if 0 < _day(e[0]) < first]

    def earlier_note_rect(self) -> QRectF:
        """Where "◂ N earlier" is written, under the row of events."""
        metrics = QFontMetricsF(self.font())
        text = self._earlier_note()
        top = self._plot().bottom() + 40 + 12
        return QRectF(4, top, metrics.horizontalAdvance(text), metrics.height())

    def _earlier_note(self) -> str:
        n = len(self.earlier_events())
        return f"◂ {n} earlier" if n else ""

    def date_labels(self) -> list[str]:
        """The snapshot dates the time axis writes (one that would overlap the previous
        is left out)."""
        return [when for _, when, _ in self._date_marks()]

    def _date_marks(self) -> list[tuple[str, str, float]]:
        """(snapshot id, date, x) of each date the axis writes, centred under its tick."""
        metrics = QFontMetricsF(self.font())
        shown: list[tuple[str, str, float]] = []
        last_right = -1e9
        for (sid, when, _), (_, at) in zip(
            self.data.snapshots, self.snapshot_positions(), strict=True
        ):
            width = metrics.horizontalAdvance(when)
            if at.x() - width / 2 > last_right + 6:
                shown.append((sid, when, at.x()))
                last_right = at.x() + width / 2
        return shown

    def _x(self, day: float, plot: QRectF, span: tuple[float, float]) -> float:
        low, high = span
        return plot.left() + (day - low) / (high - low) * plot.width()

    def _y(self, weight: float, plot: QRectF) -> float:
        return plot.bottom() - weight * plot.height()

    def snapshot_positions(self) -> list[tuple[str, QPointF]]:
        """Where each snapshot sits on the time axis (at the bottom of the plot)."""
        plot, span = self._plot(), self._span()
        return [
            (sid, QPointF(self._x(day, plot, span), plot.bottom()))
            for (sid, _, _), day in zip(self.data.snapshots, self._days(), strict=True)
        ]

    # --- painting ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), _colour("card"))
        plot = self._plot()
        if not self.data.snapshots:
            painter.setPen(_colour("muted"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                "No snapshots yet: Estimates ▸ Record estimate… keeps today's weights",
            )
            painter.end()
            return
        span = self._span()
        self._paint_axes(painter, plot, span)
        self._paint_selection(painter, plot)
        self._paint_series(painter, plot)
        self._paint_events(painter, plot, span)
        self._paint_legend(painter, plot)
        painter.end()

    def _paint_axes(self, painter: QPainter, plot: QRectF, span: tuple[float, float]) -> None:
        metrics = QFontMetricsF(self.font())
        for pct in (0, 25, 50, 75, 100):
            y = self._y(pct / 100, plot)
            painter.setPen(QPen(_colour("grid"), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(_colour("muted"))
            label = f"{pct} %"
            painter.drawText(
                QPointF(
                    plot.left() - metrics.horizontalAdvance(label) - 6, y + metrics.ascent() / 2 - 1
                ),
                label,
            )
        painter.setPen(QPen(_colour("muted"), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for _, at in self.snapshot_positions():
            painter.drawLine(QPointF(at.x(), plot.bottom()), QPointF(at.x(), plot.bottom() + 4))
        for sid, when, x in self._date_marks():
            width = metrics.horizontalAdvance(when)
            painter.setPen(_colour("ink" if sid in self.selected else "muted"))
            painter.drawText(QPointF(x - width / 2, plot.bottom() + 4 + metrics.ascent()), when)
        painter.setPen(QPen(_colour("muted"), 1))
        if self.data.outcome:
            x = self._x(_day(self.data.outcome[0]), plot, span)
            painter.setPen(QPen(_colour("ink"), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(_colour("ink"))
            named = self.outcome_label()
            if named is not None:
                text, box = named
                painter.drawText(QPointF(box.left(), box.top() + metrics.ascent()), text)

    def outcome_label(self) -> tuple[str, QRectF] | None:
        """ "resolved: <scenario>" and where it is written: beside the outcome's rule, on
        the side with room (pushed left of the plot's end, it was drawn across the rule),
        shortened with … to fit."""
        if not self.data.outcome:
            return None
        when, scenario = self.data.outcome
        plot, metrics = self._plot(), QFontMetricsF(self.font())
        x = self._x(_day(when), plot, self._span())
        text = f"resolved: {self.data.names.get(scenario, scenario)}"
        right, left = plot.right() - x - 4, x - 4 - plot.left()
        room = right if metrics.horizontalAdvance(text) <= right or right >= left else left
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        width = metrics.horizontalAdvance(text)
        start = x + 4 if room == right else x - 4 - width
        return text, QRectF(start, plot.top(), width, metrics.height())

    def _paint_selection(self, painter: QPainter, plot: QRectF) -> None:
        for sid, pos in self.snapshot_positions():
            if sid in self.selected:
                painter.setPen(QPen(_colour("ink"), 2))
                painter.drawLine(QPointF(pos.x(), plot.top()), QPointF(pos.x(), plot.bottom()))

    def _paint_series(self, painter: QPainter, plot: QRectF) -> None:
        xs = [p.x() for _, p in self.snapshot_positions()]
        for k, scenario in enumerate(self.data.scenarios()):
            colour = _series(k)
            path = QPainterPath()
            points: list[QPointF] = []
            for x, (_, _, weights) in zip(xs, self.data.snapshots, strict=True):
                if scenario not in weights:
                    continue
                point = QPointF(x, self._y(weights[scenario], plot))
                if points:
                    path.lineTo(point)
                else:
                    path.moveTo(point)
                points.append(point)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colour, 2.2, DASHES[k % len(DASHES)]))
            painter.drawPath(path)
            for point in points:
                _mark(painter, point, MARKERS[k % len(MARKERS)], colour, 4.5)

    def _paint_events(self, painter: QPainter, plot: QRectF, span: tuple[float, float]) -> None:
        """One row of marks under the axis; marks of one day stand side by side."""
        y = plot.bottom() + 40
        painter.setPen(_colour("muted"))
        painter.drawText(QPointF(4, y + 4), "events")
        if text := self._earlier_note():
            note = self.earlier_note_rect()
            painter.drawText(QPointF(note.left(), note.top() + note.height() - 4), text)
        earlier = set(self.earlier_events())
        per_day: dict[str, int] = {}
        for event in self.data.events:
            if event in earlier:
                continue
            when, kind, _ = event
            x = self._x(_day(when), plot, span)
            level = per_day.get(when, 0)
            per_day[when] = level + 1
            at = QPointF(x + level * 12, y)
            _mark(
                painter,
                at,
                EVENT_MARKS.get(kind, "circle"),
                _event_colour(kind),
                5.0,
            )

    def _paint_legend(self, painter: QPainter, plot: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        x, y = plot.right() + 18, plot.top() + 4
        width = self.width() - x - 6
        for k, scenario in enumerate(self.data.scenarios()):
            colour = _series(k)
            painter.setPen(QPen(colour, 2.2, DASHES[k % len(DASHES)]))
            painter.drawLine(QPointF(x, y + 6), QPointF(x + 26, y + 6))
            _mark(painter, QPointF(x + 13, y + 6), MARKERS[k % len(MARKERS)], colour, 4.0)
            painter.setPen(_colour("ink"))
            name = metrics.elidedText(
                self.data.names.get(scenario, scenario), Qt.TextElideMode.ElideRight, width - 34
            )
            painter.drawText(QPointF(x + 32, y + 6 + metrics.ascent() / 2 - 1), name)
            y += metrics.height() + 8
        y += 8
        for kind, label in (
            ("source", "new source"),
            ("judgement", "judgements changed"),
            ("signpost", "signpost status"),
        ):
            _mark(
                painter,
                QPointF(x + 13, y + 6),
                EVENT_MARKS[kind],
                _event_colour(kind),
                5.0,
            )
            painter.setPen(_colour("muted"))
            painter.drawText(QPointF(x + 32, y + 6 + metrics.ascent() / 2 - 1), label)
            y += metrics.height() + 6

    # --- interaction ------------------------------------------------------------------

    def snapshot_at(self, x: float) -> str | None:
        """The snapshot nearest the x position, within a few pixels."""
        best = None
        for sid, pos in self.snapshot_positions():
            distance = abs(pos.x() - x)
            if distance <= PICK_PIXELS and (best is None or distance < best[0]):
                best = (distance, sid)
        return best[1] if best else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        sid = self.snapshot_at(event.position().x())
        if sid is not None:
            self.snapshot_clicked.emit(sid)
        super().mousePressEvent(event)

    def event(self, e: object) -> bool:
        if isinstance(e, QHelpEvent):
            text = self._tooltip(e.pos().x(), e.pos().y())
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)  # type: ignore[arg-type]

    def _tooltip(self, x: float, y: float) -> str:
        plot, span = self._plot(), self._span()
        if self._earlier_note() and self.earlier_note_rect().contains(QPointF(x, y)):
            return "\n".join(f"{when}: {text}" for when, _, text in self.earlier_events())
        if y > plot.bottom() + 20:
            near = [
                t
                for when, _, t in self.data.events
                if abs(self._x(_day(when), plot, span) - x) <= PICK_PIXELS
            ]
            return "\n".join(near)
        sid = self.snapshot_at(x)
        for snap_id, when, weights in self.data.snapshots:
            if snap_id == sid:
                rows = sorted(weights.items(), key=lambda kv: -kv[1])
                return (
                    when
                    + "\n"
                    + "\n".join(f"{self.data.names.get(s, s)}: {w * 100:.0f} %" for s, w in rows)
                )
        return ""


def _colour(role: Literal["ink", "muted", "grid", "card"]) -> QColor:
    """A colour of the scheme shown (View ▸ Theme), read as the chart paints."""
    c = pane_colours.current()
    return QColor({"ink": c.ink, "muted": c.muted, "grid": c.grid, "card": c.card}[role])


def _series(k: int) -> QColor:
    """The colour of the ``k``-th scenario's line, 3:1 on the chart in the scheme shown."""
    colours = pane_colours.series()
    return QColor(colours[k % len(colours)])


def _event_colour(kind: str) -> QColor:
    at = EVENT_SERIES.get(kind)
    return _series(at) if at is not None else _colour("muted")


def _mark(painter: QPainter, at: QPointF, shape: str, colour: QColor, r: float) -> None:
    painter.setPen(QPen(_colour("card"), 1.2))
    painter.setBrush(colour)
    if shape == "square":
        painter.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r))
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - r * 1.2),
                    QPointF(at.x() + r * 1.1, at.y() + r),
                    QPointF(at.x() - r * 1.1, at.y() + r),
                ]
            )
        )
    elif shape == "diamond":
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(at.x(), at.y() - r * 1.3),
                    QPointF(at.x() + r * 1.3, at.y()),
                    QPointF(at.x(), at.y() + r * 1.3),
                    QPointF(at.x() - r * 1.3, at.y()),
                ]
            )
        )
    else:
        painter.drawEllipse(at, r, r)
    painter.setBrush(Qt.BrushStyle.NoBrush)
