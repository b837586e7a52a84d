"""A compact bar strip of the scenarios' current weights, at the side of the stage."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from argmap.analysis.report import analyze
from argmap.export.card_painter import font
from argmap.export.themes import Theme, mix
from argmap.model import ArgMap, StatementKind
from argmap.model.layer_view import seen_active


@dataclass(frozen=True, slots=True)
class ScenarioWeight:
    """One scenario's share of belief, 0..1."""

    statement_id: str
    label: str
    weight: float


def scenario_weights(doc: ArgMap) -> list[ScenarioWeight]:
    """The strip's single data source: the scenario analysis' live weights, or the
    analyst's priors normalised if the analysis cannot weigh this map."""
    try:
        result = analyze(seen_active(doc))  # the shown analyst layer's, if any
    except Exception:
        return prior_weights(doc)
    return [ScenarioWeight(s.id, s.title, s.weight) for s in result.scenarios]


def prior_weights(doc: ArgMap) -> list[ScenarioWeight]:
    """The scenarios' priors normalised (equal shares when no prior is set)."""
    scenarios = [s for s in doc.statements if s.kind == StatementKind.SCENARIO]
    if not scenarios:
        return []
    priors = [s.prior if s.prior is not None else 0.0 for s in scenarios]
    total = sum(priors)
    if total <= 0:
        priors, total = [1.0] * len(scenarios), float(len(scenarios))
    return [ScenarioWeight(s.id, s.text, p / total) for s, p in zip(scenarios, priors, strict=True)]


class WeightsStrip(QWidget):
    """A quiet panel at the side: each scenario's name, a bar and its percentage."""

    WIDTH_1080 = 330.0  # panel width in 1080p pixels

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._weights: list[ScenarioWeight] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    @property
    def weights(self) -> list[ScenarioWeight]:
        return list(self._weights)

    def set_document(self, doc: ArgMap) -> None:
        self._weights = scenario_weights(doc)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def unit(self) -> float:
        """Pixels per 1080p pixel on this screen."""
        parent = self.parentWidget()
        return (parent.height() if parent is not None else self.height()) / 1080 or 1.0

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        u = self.unit()
        return font(round(17 * u), True), font(round(22 * u), True), font(round(26 * u), True)

    def _label_lines(self, text: str, width: float) -> list[str]:
        """The name wrapped into at most two lines (the second elided)."""
        fm = QFontMetricsF(self._fonts()[1])
        words, lines, line = text.split(), [], ""
        for word in words:
            trial = f"{line} {word}".strip()
            if fm.horizontalAdvance(trial) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
        return [fm.elidedText(x, Qt.TextElideMode.ElideRight, width) for x in lines]

    def _geometry(self) -> tuple[float, float, float, float]:
        """(padding, inner width, title height, row gap) in pixels."""
        u = self.unit()
        return 24 * u, self.WIDTH_1080 * u - 48 * u, 40 * u, 22 * u

    def preferred_size(self) -> tuple[int, int]:
        u = self.unit()
        pad, inner, title_h, gap = self._geometry()
        label_h = QFontMetricsF(self._fonts()[1]).lineSpacing()
        pct_h = QFontMetricsF(self._fonts()[2]).height()
        h = 2 * pad + title_h
        for w in self._weights:
            h += len(self._label_lines(w.label, inner)) * label_h + 6 * u + pct_h + gap
        return round(self.WIDTH_1080 * u), round(h - (gap if self._weights else 0))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        if not self._weights:
            return
        t = self._theme
        u = self.unit()
        pad, inner, title_h, gap = self._geometry()
        title_f, label_f, pct_f = self._fonts()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        panel = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QPen(QColor(mix(t.background, t.text, 0.14)), 1.5 * u))
        p.setBrush(QColor(mix(t.background, t.text, 0.07 if t.dark else 0.035)))
        p.drawRoundedRect(panel, 16 * u, 16 * u)
        muted = QColor(mix(t.text, t.background, 0.4))
        x, y = panel.left() + pad, panel.top() + pad
        p.setFont(title_f)
        p.setPen(muted)
        p.drawText(QRectF(x, y, inner, title_h), Qt.AlignmentFlag.AlignLeft, "SCENARIO WEIGHTS")
        y += title_h
        label_fm, pct_fm = QFontMetricsF(label_f), QFontMetricsF(pct_f)
        pct_w = pct_fm.horizontalAdvance("100 %") + 8 * u
        bar_h = 14 * u
        style = t.kind("scenario")
        track = QColor(mix(t.background, t.text, 0.15))
        bar = QColor(style.border)
        for w in self._weights:
            p.setFont(label_f)
            p.setPen(QColor(t.text))
            for line in self._label_lines(w.label, inner):
                p.drawText(
                    QRectF(x, y, inner, label_fm.lineSpacing()), Qt.AlignmentFlag.AlignLeft, line
                )
                y += label_fm.lineSpacing()
            y += 6 * u
            row = QRectF(x, y, inner, pct_fm.height())
            bar_w = inner - pct_w
            bar_rect = QRectF(x, row.center().y() - bar_h / 2, bar_w, bar_h)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(track)
            p.drawRoundedRect(bar_rect, bar_h / 2, bar_h / 2)
            filled = QRectF(bar_rect)
            filled.setWidth(max(bar_h, bar_w * max(0.0, min(1.0, w.weight))))
            p.setBrush(bar)
            p.drawRoundedRect(filled, bar_h / 2, bar_h / 2)
            p.setFont(pct_f)
            p.setPen(QColor(t.text))
            p.drawText(
                row,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{round(w.weight * 100)} %",
            )
            y += pct_fm.height() + gap
        p.end()
