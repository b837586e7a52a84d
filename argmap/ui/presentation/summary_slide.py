"""The deck's closing slide: the question, the scenarios with their weights, what would
flip the lead (the scenario analysis' own sentence) and the sources."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from argmap.analysis import weights_text as wt
from argmap.analysis.report import analyze
from argmap.export.card_painter import font
from argmap.export.themes import Theme, mix
from argmap.model import ArgMap
from argmap.model.display_text import isolate
from argmap.ui.presentation.quote_callout import source_line

_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
MAX_SOURCES = 12  # more are counted, not listed


@dataclass(frozen=True, slots=True)
class Summary:
    """What the closing slide says."""

    question: str
    scenarios: tuple[tuple[str, float], ...]  # title, weight (0..1), largest first
    flip: str
    sources: tuple[str, ...]


def deck_summary(doc: ArgMap) -> Summary:
    """The summary of ``doc``'s analysis (no weights or flip when it cannot be weighed)."""
    question = ""
    if doc.question:
        try:
            question = doc.statement(doc.question).text
        except KeyError:
            question = ""
    question = question or doc.title or "Summary"
    scenarios: tuple[tuple[str, float], ...] = ()
    flip = ""
    try:
        result = analyze(doc, with_sensitivity=True)
    except Exception:  # a map the analysis cannot weigh still gets its closing slide
        result = None
    if result is not None:
        ranked = sorted(result.scenarios, key=lambda s: -s.weight)
        scenarios = tuple((s.title, s.weight) for s in ranked)
        if result.flips is not None:
            flip = wt.flip_summary(
                result.flips, wt.Labels(doc), [s.title for s in result.scenarios]
            )
    sources = tuple(source_line(doc, s.id) for s in doc.sources)
    return Summary(question, scenarios, flip, sources)


def summary_texts(summary: Summary) -> list[str]:
    """Every text the slide shows, in order (for tests and the presenter's notes)."""
    texts = [summary.question]
    for title, w in summary.scenarios:
        texts += [title, f"{round(w * 100)} %"]
    if summary.flip:
        texts.append(summary.flip)
    texts += list(_listed_sources(summary))
    return texts


def fit_words(text: str, f: QFont, width: float) -> str:
    """``text`` with any word wider than ``width`` broken into pieces that fit (word wrap
    alone would let it run past the edge of the slide)."""
    fm = QFontMetricsF(f)
    out = []
    for whole in text.split(" "):
        word = whole
        while fm.horizontalAdvance(word) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and fm.horizontalAdvance(word[:cut]) > width:
                cut -= 1
            out.append(word[:cut])
            word = word[cut:]
        out.append(word)
    return " ".join(out)


def _listed_sources(summary: Summary) -> list[str]:
    listed = list(summary.sources[:MAX_SOURCES])
    extra = len(summary.sources) - len(listed)
    if extra:
        listed.append(f"and {extra} more")
    return listed


def paint_summary(p: QPainter, rect: QRectF, summary: Summary, theme: Theme) -> None:
    """Paint the slide into ``rect``, shrinking the type until everything fits."""
    unit = rect.height() / 1080
    for _ in range(12):
        if _blocks(None, rect, summary, theme, unit) <= rect.height() - 80 * unit:
            break
        unit *= 0.88
    _blocks(p, rect, summary, theme, unit)


def _blocks(p: QPainter | None, rect: QRectF, summary: Summary, theme: Theme, u: float) -> float:
    """Lay out (and with a painter, paint) the slide at ``u`` pixels per 1080p pixel;
    returns the height used."""
    side = rect.height() / 1080 * 110
    x, w = rect.left() + side, rect.width() - 2 * side
    y = rect.top() + 70 * u
    text, muted = QColor(theme.text), QColor(mix(theme.text, theme.background, 0.4))

    def block(f: QFont, s: str, colour: QColor, gap: float, indent: float = 0.0) -> None:
        nonlocal y
        box = QRectF(x + indent, y, w - indent, 1e6)
        s = fit_words(s, f, w - indent)
        h = QFontMetricsF(f).boundingRect(box, _WRAP, s).height()
        if p is not None:
            p.setFont(f)
            p.setPen(colour)
            p.drawText(QRectF(x + indent, y, w - indent, h + 2), _WRAP, s)
        y += h + gap

    block(font(round(24 * u), True), "SUMMARY", muted, 18 * u)
    block(font(round(46 * u), True), isolate(summary.question), text, 40 * u)
    if summary.scenarios:
        y = _scenario_rows(p, x, y, w, summary=summary, theme=theme, u=u) + 24 * u
    if summary.flip:
        block(font(round(22 * u), True), "WHAT WOULD FLIP IT", muted, 8 * u)
        block(font(round(28 * u)), summary.flip, text, 36 * u)
    if summary.sources:
        block(font(round(22 * u), True), "SOURCES", muted, 8 * u)
        for line in _listed_sources(summary):
            block(font(round(22 * u)), line, text, 6 * u)
    return y - rect.top()


def _scenario_rows(
    p: QPainter | None, x: float, y: float, w: float, *, summary: Summary, theme: Theme, u: float
) -> float:
    """One row per scenario: its title, a bar and its weight."""
    label_f, pct_f = font(round(30 * u), True), font(round(30 * u), True)
    fm = QFontMetricsF(label_f)
    label_w = w * 0.55
    bar_x, bar_w = x + label_w + 24 * u, w - label_w - 24 * u - 130 * u
    style = theme.kind("scenario")
    for title, weight in summary.scenarios:
        shown = fit_words(isolate(title), label_f, label_w)
        label_h = fm.boundingRect(QRectF(0, 0, label_w, 1e6), _WRAP, shown).height()
        row_h = max(label_h, fm.height()) + 14 * u
        if p is not None:
            p.setFont(label_f)
            p.setPen(QColor(theme.text))
            p.drawText(QRectF(x, y + 7 * u, label_w, label_h + 2), _WRAP, shown)
            bar_h = 16 * u
            track = QRectF(bar_x, y + (row_h - bar_h) / 2, bar_w, bar_h)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(mix(theme.background, theme.text, 0.15)))
            p.drawRoundedRect(track, bar_h / 2, bar_h / 2)
            filled = QRectF(track)
            filled.setWidth(max(bar_h, bar_w * max(0.0, min(1.0, weight))))
            p.setBrush(QColor(style.border))
            p.drawRoundedRect(filled, bar_h / 2, bar_h / 2)
            p.setFont(pct_f)
            p.setPen(QColor(theme.text))
            p.drawText(
                QRectF(bar_x + bar_w, y, 130 * u, row_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{round(weight * 100)} %",
            )
        y += row_h
    return y
