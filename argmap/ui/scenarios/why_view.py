"""Why a scenario weighs what it does: its lines of evidence as bars on the odds scale.

One row per line of evidence into the scenario (the argument's premises), its bar the
log-odds it counts for: to the right when it raises the scenario's odds, to the left when
it lowers them, labelled with the factor ("x3.3", "/2"). Unrated lines are listed greyed
("rate it to let it count"). Clicking a row selects the line's premises on the map (the
inspector then shows their quotes). Under the bars: what moved the weights since the map
was last saved, what would flip the lead, and the confidence of the lead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from argmap.analysis import weights_text as wt
from argmap.analysis.report import Line, MapAnalysis, ScenarioResult
from argmap.ui import pane_colours
from argmap.ui.panes import typography as ty

ROW_H = 26
MAX_ROWS = 8


@dataclass(frozen=True, slots=True)
class LineRow:
    """One drawn row: the line, its label and what a click selects."""

    line: Line
    label: str
    targets: tuple[str, ...]


class LinesCanvas(QWidget):
    """Paints the lines of evidence of one scenario; click a row to select its premises."""

    row_clicked = Signal(object)  # LineRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LineRow] = []
        self.message = ""
        self._hover = -1
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[LineRow], message: str = "") -> None:
        """Show these rows (or ``message`` when there are none)."""
        self.rows, self.message, self._hover = rows, message, -1
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, ROW_H * max(len(self.rows), 1) + 6)

    def _scale(self) -> float:
        return max([1.0, *(abs(r.line.counted) for r in self.rows)])

    def bar_rect(self, row: int) -> QRectF:
        """Where row ``row``'s bar is drawn (zero width for an unrated line)."""
        label_w = self.width() * 0.55
        mid = label_w + (self.width() - label_w - 44) / 2
        half = (self.width() - label_w - 44) / 2
        amount = self.rows[row].line.counted / self._scale()
        x0, x1 = sorted((mid, mid + amount * half))
        return QRectF(x0, row * ROW_H + 6, max(x1 - x0, 1.5), ROW_H - 12)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = pane_colours.current()
        p.fillRect(self.rect(), QColor(c.card))
        if not self.rows:
            p.setPen(QColor(c.muted))
            p.setFont(ty.ui_font(9))
            p.drawText(
                self.rect().adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, self.message
            )
            p.end()
            return
        label_w = self.width() * 0.55
        mid = label_w + (self.width() - label_w - 44) / 2
        p.setPen(QPen(QColor(c.grid), 1))
        p.drawLine(QPointF(mid, 0), QPointF(mid, self.height()))
        for k, row in enumerate(self.rows):
            top = k * ROW_H
            if k == self._hover:
                p.fillRect(QRectF(0, top, self.width(), ROW_H), QColor(c.highlight))
            line = row.line
            font = ty.ui_font(9)
            p.setFont(font)
            p.setPen(QColor(c.ink if line.rated else c.muted))
            text = QFontMetricsF(font).elidedText(
                row.label, Qt.TextElideMode.ElideRight, label_w - 8
            )
            p.drawText(QRectF(4, top, label_w - 8, ROW_H), Qt.AlignmentFlag.AlignVCenter, text)
            if not line.rated:
                p.drawText(
                    QRectF(mid + 4, top, self.width() - mid - 4, ROW_H),
                    Qt.AlignmentFlag.AlignVCenter,
                    "unrated",
                )
                continue
            rect = self.bar_rect(k)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(c.rises if line.counted >= 0 else c.falls))
            p.drawRect(rect)
            p.setPen(QColor(c.ink))
            p.setFont(ty.ui_font(8.5, bold=True))
            factor = wt.factor_text(line.counted)
            if line.counted >= 0:
                box = QRectF(rect.right() + 3, top, 44, ROW_H)
                align = Qt.AlignmentFlag.AlignLeft
            else:
                box = QRectF(rect.left() - 47, top, 44, ROW_H)
                align = Qt.AlignmentFlag.AlignRight
            p.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, factor)
        p.end()

    def row_at(self, y: float) -> int:
        """The index of the row under ``y`` (-1 if none)."""
        k = int(y // ROW_H)
        return k if 0 <= k < len(self.rows) else -1

    def tooltip(self, k: int) -> str:
        """The row's line in words."""
        line = self.rows[k].line
        head = f"{'Against' if line.attack else 'For'}: {self.rows[k].label}"
        if not line.rated:
            return head + "\nUnrated: give the link a strength to let it count."
        parts = [
            head,
            f"Established {line.established:.0%}; {wt.ratio_text(line.ratio)} when it holds.",
            f"Multiplies the odds by {math.exp(line.counted):.2f} ({line.counted:+.2f} log-odds).",
        ]
        if abs(line.counted - line.full) > 1e-9:
            parts.append(
                f"Alone it would count {math.exp(line.full):.2f}; it shares sources with "
                "other lines, so it counts only for what it adds."
            )
        parts.append("Click to select it on the map.")
        return "\n".join(parts)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            k = self.row_at(event.pos().y())
            if k >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip(k), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        k = self.row_at(event.position().y())
        if k != self._hover:
            self._hover = k
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        k = self.row_at(event.position().y())
        if event.button() == Qt.MouseButton.LeftButton and k >= 0:
            self.row_clicked.emit(self.rows[k])
            return
        super().mousePressEvent(event)


def _label(size: float = 9.0, colour: str = "") -> QLabel:
    """A wrapping plain-text label; ``colour`` names a PaneColours field."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setFont(ty.ui_font(size))
    if colour:
        pane_colours.styled(label, f"color: ${colour};")
    return label


def since_saved(before: MapAnalysis, now: MapAnalysis) -> str:
    """What moved the weights since the map was saved, in one or two sentences."""
    old = {s.id: s for s in before.scenarios}
    moves = [(s, s.weight - old[s.id].weight) for s in now.scenarios if s.id in old]
    moves = [(s, d) for s, d in moves if abs(d) >= 0.005]
    if not moves:
        return ""
    s, d = max(moves, key=lambda m: abs(m[1]))
    text = (
        f"Since the last save: {wt.quoted(s.title)} {wt.pct(old[s.id].weight)} → "
        f"{wt.pct(s.weight)} ({d * 100:+.0f} pts)"
    )
    was = {line.id: line.counted for line in old[s.id].lines}
    now_ids = {ln.id for ln in s.lines}
    changed: list[tuple[Line | None, float]] = [
        (line, line.counted - was.get(line.id, 0.0)) for line in s.lines
    ]
    changed += [(None, -x) for lid, x in was.items() if lid not in now_ids]
    changed = [(line, x) for line, x in changed if abs(x) > 1e-6]
    if changed:
        line, x = max(changed, key=lambda c: abs(c[1]))
        what = "a removed line" if line is None else "the line " + line.id
        text += f", mostly from {what} (odds {wt.factor_text(x)})"
    return text + "."


class WhyView(QWidget):
    """The selected (or leading) scenario's lines, the change since saving, what would flip
    the lead and the confidence."""

    select = Signal(list)  # statement ids to select on the map

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = _label(9.5)
        self.heading.setFont(ty.ui_font(9.5, bold=True))
        self.canvas = LinesCanvas()
        self.canvas.row_clicked.connect(self._on_row)
        self.since = _label(9, "ink")
        self.flip = _label(9, "ink")
        self.confidence = _label(9, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        for w in (self.heading, self.canvas, self.since, self.flip, self.confidence):
            layout.addWidget(w)

    def show_scenario(self, result: ScenarioResult | None, texts: dict[str, str]) -> None:
        """Show one scenario's lines (None: nothing to explain)."""
        if result is None:
            self.heading.setText("")
            self.canvas.set_rows([], "")
            return
        self.heading.setText(
            f"Why {wt.quoted(result.title, 40)} is at {wt.pct(result.weight)} "
            f"(prior {wt.pct(result.prior)}): its lines of evidence"
        )
        rows = [
            LineRow(
                line,
                " + ".join(" ".join(texts.get(p, p).split()) for p in line.premises),
                line.premises,
            )
            for line in result.lines[:MAX_ROWS]
        ]
        self.canvas.set_rows(rows, "No line of evidence reaches this scenario yet.")

    def show_context(self, since: str, flip: str, confidence: str) -> None:
        """The sentences under the bars (empty ones are hidden)."""
        for label, text in ((self.since, since), (self.flip, flip), (self.confidence, confidence)):
            label.setText(text)
            label.setVisible(bool(text))

    def _on_row(self, row: LineRow) -> None:
        if row.targets:
            self.select.emit(list(row.targets))
