"""A tornado chart of what a scenario's weight hinges on: one bar per judgement.

Each bar spans the weights the scenario takes when one judgement (a credibility, a
strength or a prior) moves across its plausible range (its ICD 203 band, or its band on
the strength scale), everything else kept; the longest bars come first. A judgement
whose range holds a break-even value, where another scenario would take the lead, is
flagged. The explanation is computed on a worker thread (see ``LiveAnalysis``) only while
the chart is shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis import weights_text as wt
from argmap.analysis.flips import Flip
from argmap.analysis.judgements import JudgementKind
from argmap.analysis.report import MapAnalysis
from argmap.model import InferenceKind
from argmap.ui import pane_colours
from argmap.ui.accessible_names import bars_in_words, named
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty
from argmap.ui.scenarios.live_analysis import LiveAnalysis, live_analysis_for
from argmap.ui.scenarios.panel import percent

TOP_N = 12
ROW_H = 30
BAR_H = 18
AXIS_H = 34
HEAD_H = 24
_LEADING = "__leading__"
_KIND_WORDS = {
    InferenceKind.SUPPORT: "Argument from",
    InferenceKind.ATTACK: "Objection from",
    InferenceKind.UNDERCUT: "Undercut by",
}


@dataclass(frozen=True, slots=True)
class SwingItem:
    """One judgement's effect on the charted scenario across its plausible range."""

    id: str
    kind: JudgementKind
    low: float
    high: float
    base: float
    changes_leader: bool
    sentence: str
    band: str

    @property
    def swing(self) -> float:
        """high - low: the width of the bar."""
        return self.high - self.low


@dataclass(frozen=True, slots=True)
class TornadoBar:
    """One drawn bar: its item, label and the statements a click selects."""

    item: SwingItem
    label: str
    targets: tuple[str, ...]


class TornadoCanvas(QWidget):
    """Paints the bars around the base weight; click a bar to select its statement."""

    bar_clicked = Signal(object)  # TornadoBar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[TornadoBar] = []
        self.base = 0.0
        self.message = ""
        self._hover = -1
        self.setMouseTracking(True)
        # at least its rows' height, and the rest of the scroll area's, painted as one card
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)

    def set_bars(self, bars: list[TornadoBar], base: float, message: str = "") -> None:
        """Show these bars around ``base`` (or ``message`` when there are none)."""
        self.bars, self.base, self.message = bars, base, message
        lines = [f"{b.label}: {percent(b.item.low)} to {percent(b.item.high)}" for b in bars]
        named(self, "Sensitivity chart", bars_in_words(lines, message))
        self._hover = -1
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(720, HEAD_H + AXIS_H + ROW_H * max(len(self.bars), 3) + 8)

    # --- geometry ----------------------------------------------------------------------------

    def _label_width(self) -> float:
        return min(max(self.width() * 0.45, 170.0), 480.0)

    def _scale(self) -> tuple[float, float]:
        """The weights at the chart's left and right edges: the bars' span, padded."""
        lo = min([self.base, *(b.item.low for b in self.bars)])
        hi = max([self.base, *(b.item.high for b in self.bars)])
        # Out to the next 5 % step, a quarter step clear of the longest bar at each end.
        lo = max(0.0, math.floor(lo * 20 - 0.25) / 20)
        hi = min(1.0, math.ceil(hi * 20 + 0.25) / 20)
        if hi - lo < 0.1:
            lo, hi = max(0.0, lo - 0.05), min(1.0, hi + 0.05)
        return lo, hi

    def _plot(self) -> QRectF:
        left = self._label_width() + 48
        return QRectF(left, HEAD_H, max(self.width() - left - 52, 40), ROW_H * len(self.bars))

    def _x(self, value: float, plot: QRectF, scale: tuple[float, float]) -> float:
        lo, hi = scale
        return plot.left() + (value - lo) / max(hi - lo, 1e-9) * plot.width()

    def bar_at(self, y: float) -> int:
        """The index of the bar row under ``y`` (-1 if none)."""
        row = int((y - HEAD_H) // ROW_H)
        return row if 0 <= row < len(self.bars) and y >= HEAD_H else -1

    def bar_rect(self, row: int) -> QRectF:
        """Where bar ``row`` is drawn (for tests and hit testing)."""
        plot, scale = self._plot(), self._scale()
        item = self.bars[row].item
        x0, x1 = self._x(item.low, plot, scale), self._x(item.high, plot, scale)
        top = HEAD_H + row * ROW_H + (ROW_H - BAR_H) / 2
        return QRectF(x0, top, max(x1 - x0, 2.0), BAR_H)

    # --- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = pane_colours.current()
        p.fillRect(self.rect(), QColor(c.card))
        if not self.bars:
            p.setPen(QColor(c.muted))
            p.setFont(ty.ui_font(10))
            p.drawText(
                self.rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.message,
            )
            p.end()
            return
        plot, scale = self._plot(), self._scale()
        self._paint_axis(p, plot, scale)
        for row, bar in enumerate(self.bars):
            self._paint_row(p, row, bar, plot, scale)
        base_x = self._x(self.base, plot, scale)
        p.setPen(QPen(QColor(c.ink), 1.6, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(base_x, plot.top() - 4), QPointF(base_x, plot.bottom() + 4))
        p.setFont(ty.ui_font(9, bold=True))
        p.setPen(QColor(c.ink))
        p.drawText(
            QRectF(base_x - 60, 2, 120, HEAD_H - 6),
            Qt.AlignmentFlag.AlignCenter,
            f"now {percent(self.base)}",
        )
        p.end()

    def _paint_axis(self, p: QPainter, plot: QRectF, scale: tuple[float, float]) -> None:
        lo, hi = scale
        c = pane_colours.current()
        step = 0.05 if hi - lo <= 0.4 else 0.1
        p.setFont(ty.ui_font(8.5))
        k = round(lo / step)
        while k * step <= hi + 1e-9:
            value = k * step
            x = self._x(value, plot, scale)
            p.setPen(QPen(QColor(c.grid), 1))
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            p.setPen(QColor(c.muted))
            p.drawText(
                QRectF(x - 30, plot.bottom() + 4, 60, 16), Qt.AlignmentFlag.AlignCenter,
                f"{value:.0%}",
            )  # fmt: skip
            k += 1
        p.setPen(QColor(c.muted))
        p.drawText(
            QRectF(plot.left(), plot.bottom() + 18, plot.width(), 16),
            Qt.AlignmentFlag.AlignCenter,
            "weight of the scenario across each judgement's plausible range",
        )

    def _paint_row(
        self, p: QPainter, row: int, bar: TornadoBar, plot: QRectF, scale: tuple[float, float]
    ) -> None:
        item = bar.item
        c = pane_colours.current()
        top = HEAD_H + row * ROW_H
        if row == self._hover:
            p.fillRect(QRectF(0, top, self.width(), ROW_H), QColor(c.highlight))
        flag = item.changes_leader
        font = ty.ui_font(9.5, bold=flag)
        p.setFont(font)
        label_w = self._label_width()
        text = QFontMetricsF(font).elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 22)
        p.setPen(QColor(c.ink))
        label_box = QRectF(22, top, label_w - 22, ROW_H)
        p.drawText(label_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        if flag:
            p.setPen(QColor(c.ink))
            p.drawText(QRectF(4, top, 18, ROW_H), Qt.AlignmentFlag.AlignCenter, "⚑")
        rect = self.bar_rect(row)
        base_x = self._x(self.base, plot, scale)
        p.setPen(Qt.PenStyle.NoPen)
        if base_x > rect.left():
            p.setBrush(QColor(c.falls))
            p.drawRect(QRectF(rect.left(), rect.top(), base_x - rect.left(), rect.height()))
        if rect.right() > base_x:
            p.setBrush(QColor(c.rises))
            p.drawRect(QRectF(base_x, rect.top(), rect.right() - base_x, rect.height()))
        if flag:
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(QPen(QColor(c.ink), 2))
            p.drawRect(rect.adjusted(-1, -1, 1, 1))
        p.setFont(ty.ui_font(8.5))
        p.setPen(QColor(c.muted))
        if item.low < self.base - 1e-9:
            p.drawText(
                QRectF(rect.left() - 56, top, 52, ROW_H),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                percent(item.low),
            )
        if item.high > self.base + 1e-9:
            p.drawText(
                QRectF(rect.right() + 4, top, 52, ROW_H),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                percent(item.high),
            )

    # --- interaction -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.bar_at(event.pos().y())
            if row >= 0:
                QToolTip.showText(event.globalPos(), self.tooltip(row), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip(self, row: int) -> str:
        """What hovering bar ``row`` explains: the move in words, the range, the flag."""
        return _tooltip(self.bars[row])

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.bar_at(event.position().y())
        if row != self._hover:
            self._hover = row
            cursor = Qt.CursorShape.PointingHandCursor if row >= 0 else Qt.CursorShape.ArrowCursor
            self.setCursor(cursor)
            self.update()

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.bar_at(event.position().y())
        if event.button() == Qt.MouseButton.LeftButton and row >= 0:
            self.bar_clicked.emit(self.bars[row])
            return
        super().mousePressEvent(event)


def _tooltip(bar: TornadoBar) -> str:
    item = bar.item
    lines = [f"{item.kind.value.capitalize()} ({item.band})."]
    lines.append(
        f"Across its plausible range: {percent(item.low)} – {percent(item.high)}, now "
        f"{percent(item.base)}."
    )
    lines.append(item.sentence[0].upper() + item.sentence[1:] + ".")
    if item.changes_leader:
        lines.append("⚑ Within its plausible range another scenario would lead.")
    lines.append("Click to select it on the map.")
    return "\n".join(lines)


class TornadoChart(QWidget):
    """The tornado chart with a scenario chooser; computes sensitivity while shown."""

    def __init__(
        self,
        controller: DocumentController,
        live: LiveAnalysis | None = None,
        parent: QWidget | None = None,
        top_n: int = TOP_N,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.live = live if live is not None else live_analysis_for(controller)
        self.top_n = top_n
        self._wanting = False
        self.combo = named(QComboBox(), "Scenario to chart")
        self.combo.setFont(ty.ui_font(9.5))
        self.combo.setMinimumContentsLength(28)
        self.combo.currentIndexChanged.connect(self._on_combo)
        self.title = QLabel()
        self.title.setFont(ty.ui_font(11, bold=True))
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setFont(ty.ui_font(9))
        pane_colours.styled(self.status, "color: $muted;")
        self.canvas = TornadoCanvas()
        self.canvas.bar_clicked.connect(self._on_bar)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        label = QLabel("Scenario:")
        label.setFont(ty.ui_font(9.5))
        head.addWidget(label)
        head.addWidget(self.combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.canvas)
        layout.addWidget(scroll, 1)
        layout.addLayout(_legend(self.status))
        self.live.updated.connect(self._on_analysis)
        self.live.explained.connect(self._on_explained)
        self._on_analysis(self.live.analysis)

    def _on_combo(self, _index: int) -> None:
        self._redraw()

    def _on_explained(self, _analysis: MapAnalysis) -> None:
        self._redraw()

    # --- reading the chart --------------------------------------------------------------------

    def scenario(self) -> str | None:
        """The scenario charted: the chosen one, or the leader."""
        data = self.combo.currentData()
        if data == _LEADING or data is None:
            leader = self.live.analysis.leader
            return leader.id if leader is not None else None
        return str(data)

    def items(self) -> list[SwingItem]:
        """The items drawn, top to bottom."""
        return [b.item for b in self.canvas.bars]

    def choose_scenario(self, scenario_id: str | None) -> None:
        """Chart one scenario (None: follow the leader)."""
        at = self.combo.findData(scenario_id if scenario_id is not None else _LEADING)
        if at >= 0:
            self.combo.setCurrentIndex(at)

    # --- visibility: compute only while shown ---------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._wanting:
            self._wanting = True
            self.live.want_sensitivity(True)
        self._redraw()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self._wanting:
            self._wanting = False
            self.live.want_sensitivity(False)

    # --- updates ----------------------------------------------------------------------------

    def _on_analysis(self, analysis: MapAnalysis) -> None:
        wanted = [(_LEADING, "Leading scenario")] + [
            (s.id, _short(s.title, 48)) for s in analysis.scenarios
        ]
        have = [(self.combo.itemData(i), self.combo.itemText(i)) for i in range(self.combo.count())]
        if have != wanted:
            chosen = self.combo.currentData()
            self.combo.blockSignals(True)
            self.combo.clear()
            for data, text in wanted:
                self.combo.addItem(text, data)
            at = self.combo.findData(chosen)
            self.combo.setCurrentIndex(at if at >= 0 else 0)
            self.combo.blockSignals(False)
        self._redraw()

    def _redraw(self) -> None:
        analysis = self.live.analysis
        sid = self.scenario()
        explained = self.live.explanation
        self.status.setText("" if self.live.sensitivity_current else "updating…")
        if sid is None or len(analysis.scenarios) < 2:
            self.title.setText("Sensitivity")
            self.canvas.set_bars([], 0.0, "Sensitivity needs at least two scenarios.")
            return
        result = analysis.scenario(sid)
        now = percent(result.weight)
        self.title.setText(f"What moves “{_short(result.title, 60)}” (now {now})")
        if explained is None or explained.flips is None:
            self.canvas.set_bars([], result.weight, "Computing what moves the weights…")
            return
        flips = explained.flips
        if sid not in flips.scenario_ids:
            self.canvas.set_bars([], result.weight, "Computing what moves the weights…")
            return
        j = flips.scenario_ids.index(sid)
        labels = wt.Labels(self.controller.doc)
        titles = [s.title for s in explained.scenarios]
        items = [self._item(f, j, flips.weights[j], labels, titles) for f in flips.by_swing(j)]
        bars = [self._bar(item) for item in items[: self.top_n]]
        self.canvas.set_bars(
            bars, flips.weights[j], "No judgement on the map moves this scenario yet."
        )

    @staticmethod
    def _item(flip: Flip, j: int, base: float, labels: wt.Labels, titles: list[str]) -> SwingItem:
        low, high = sorted((flip.weights_low[j], flip.weights_high[j]))
        return SwingItem(
            id=flip.judgement.id,
            kind=flip.judgement.kind,
            low=min(low, base),
            high=max(high, base),
            base=base,
            changes_leader=flip.in_range,
            sentence=wt.flip_line(flip, labels, titles).replace(wt.FSI, "").replace(wt.PDI, ""),
            band=flip.judgement.band,
        )

    def _bar(self, item: SwingItem) -> TornadoBar:
        ix = self.controller.index
        if item.id in ix.statements:
            text = " ".join(ix.statements[item.id].text.split())
            if item.kind is JudgementKind.PRIOR:
                return TornadoBar(item, f"Prior of {text}", (item.id,))
            return TornadoBar(item, text, (item.id,))
        if item.id in ix.inferences:
            inf = ix.inferences[item.id]
            premises = [p for p in inf.premises if p in ix.statements]
            texts = " + ".join(" ".join(ix.statements[p].text.split()) for p in premises)
            return TornadoBar(item, f"{_KIND_WORDS[inf.kind]}: {texts}", tuple(premises))
        return TornadoBar(item, item.id, ())

    def _on_bar(self, bar: TornadoBar) -> None:
        if bar.targets:
            self.controller.set_selection(list(bar.targets))


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _legend(status: QLabel) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(6)
    for colour, words in (("$falls", "lower than now"), ("$rises", "higher than now")):
        swatch = QLabel()
        swatch.setFixedSize(22, 12)
        pane_colours.styled(swatch, f"background: {colour};")
        text = QLabel(words)
        text.setFont(ty.ui_font(9))
        row.addWidget(swatch)
        row.addWidget(text)
        row.addSpacing(10)
    flag = QLabel("⚑ bold, outlined: could change the leading scenario · hover a bar for details")
    flag.setFont(ty.ui_font(9))
    flag.setWordWrap(True)  # a narrow window wraps it rather than widening
    row.addWidget(flag, 1)
    row.addWidget(status)
    return row
