"""A large callout with a statement's source quotes, their article, publisher and date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from argmap.export.card_painter import font
from argmap.export.themes import Theme, mix
from argmap.model import ArgMap

_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """One quote as the callout shows it."""

    statement_id: str
    statement_text: str
    exact: str
    source_line: str  # "Title — Author, Publisher, 3 March 2025"


def readable_date(published: str | None) -> str:
    """An ISO date as "3 March 2025"; anything else as found."""
    if not published:
        return ""
    try:
        d = dt.date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{d.day} {d.strftime('%B')} {d.year}"


def source_line(doc: ArgMap, source_id: str) -> str:
    """The article's title, publisher and date, as much as is known."""
    try:
        src = doc.source(source_id)
    except KeyError:
        return "Unknown source"
    title = src.title or src.url or "Untitled article"
    rest = ", ".join(x for x in (src.author, src.publisher, readable_date(src.published)) if x)
    return f"{title} \u2014 {rest}" if rest else title


def quote_entries(doc: ArgMap, statement_ids: Iterable[str]) -> list[QuoteEntry]:
    """The quotes of these statements, in their order (missing quotes are skipped)."""
    quotes = {q.id: q for q in doc.quotes}
    entries: list[QuoteEntry] = []
    for sid in statement_ids:
        try:
            st = doc.statement(sid)
        except KeyError:
            continue
        for qid in st.quotes:
            q = quotes.get(qid)
            if q is not None:
                entries.append(QuoteEntry(sid, st.text, q.exact, source_line(doc, q.source)))
    return entries


class QuoteCallout(QWidget):
    """Covers the stage with a scrim and shows quotes in a centred panel, a page at a time.

    ``advance()`` moves to the next page and returns False when there is none left.
    """

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = theme
        self._entries: list[QuoteEntry] = []
        self._heading = ""
        self._pages: list[list[QuoteEntry]] = []
        self._page = 0

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def show_quotes(self, heading: str, entries: list[QuoteEntry]) -> None:
        """Show these quotes under ``heading`` (the statement they back)."""
        self._heading = heading
        self._entries = entries
        self._page = 0
        self._pages = self._paginate()
        self.show()
        self.raise_()
        self.update()

    @property
    def page(self) -> int:
        return self._page

    def visible_entries(self) -> list[QuoteEntry]:
        """The quotes on the page being shown."""
        return list(self._pages[self._page]) if self._pages else []

    def advance(self) -> bool:
        if self._page + 1 < len(self._pages):
            self._page += 1
            self.update()
            return True
        return False

    # --- geometry --------------------------------------------------------------------------

    def _unit(self) -> float:
        return self.height() / 1080 or 1.0

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        u = self._unit()
        return font(round(24 * u), True), font(round(40 * u)), font(round(26 * u), True)

    def _panel(self, content_h: float) -> QRectF:
        u = self._unit()
        w = min(self.width() * 0.78, 1500 * u)
        h = min(content_h, self.height() * 0.86)
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def _pad(self) -> float:
        return 48 * self._unit()

    def _text_width(self) -> float:
        return self._panel(0).width() - 2 * self._pad() - 40 * self._unit()

    def _entry_height(self, e: QuoteEntry) -> float:
        _, quote_f, source_f = self._fonts()
        w = self._text_width()
        u = self._unit()
        qh = QFontMetricsF(quote_f).boundingRect(QRectF(0, 0, w, 1e6), _WRAP, _quoted(e)).height()
        sh = QFontMetricsF(source_f).boundingRect(QRectF(0, 0, w, 1e6), _WRAP, e.source_line)
        return qh + 14 * u + sh.height() + 36 * u

    def _heading_height(self) -> float:
        if not self._heading:
            return 0.0
        head_f = self._fonts()[0]
        w = self._text_width()
        r = QFontMetricsF(head_f).boundingRect(QRectF(0, 0, w, 1e6), _WRAP, self._heading)
        return r.height() + 30 * self._unit()

    def _paginate(self) -> list[list[QuoteEntry]]:
        if not self._entries:
            return [[]]
        room = self.height() * 0.86 - 2 * self._pad() - self._heading_height() - 40 * self._unit()
        pages: list[list[QuoteEntry]] = [[]]
        used = 0.0
        for e in self._entries:
            h = self._entry_height(e)
            if pages[-1] and used + h > room:
                pages.append([])
                used = 0.0
            pages[-1].append(e)
            used += h
        return pages

    def resizeEvent(self, event: object) -> None:  # noqa: ARG002
        if self._entries:
            self._pages = self._paginate()
            self._page = min(self._page, len(self._pages) - 1)

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        t = self._theme
        u = self._unit()
        head_f, quote_f, source_f = self._fonts()
        entries = self.visible_entries()
        pad = self._pad()
        content = 2 * pad + self._heading_height() + sum(self._entry_height(e) for e in entries)
        content -= 36 * u if entries else 0.0
        if not entries:
            content = 2 * pad + self._heading_height() + 80 * u
        if len(self._pages) > 1:
            content += 40 * u
        panel = self._panel(content)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.fillRect(self.rect(), QColor(0, 0, 0, 165 if not t.dark else 200))
        p.setPen(QPen(QColor(mix(t.background, t.text, 0.3)), 2 * u))
        p.setBrush(QColor(mix(t.background, t.text, 0.07 if t.dark else 0.0)))
        p.drawRoundedRect(panel, 22 * u, 22 * u)
        p.setPen(Qt.PenStyle.NoPen)
        accent = QColor(t.kind("evidence").border)
        p.setBrush(accent)
        p.drawRoundedRect(QRectF(panel.left(), panel.top(), 12 * u, panel.height()), 6 * u, 6 * u)
        x = panel.left() + pad + 20 * u
        w = self._text_width()
        y = panel.top() + pad
        muted = QColor(mix(t.text, t.background, 0.35))
        if self._heading:
            p.setFont(head_f)
            p.setPen(muted)
            r = p.boundingRect(QRectF(x, y, w, 1e6), _WRAP, self._heading)
            p.drawText(QRectF(x, y, w, r.height()), _WRAP, self._heading)
            y += r.height() + 30 * u
        if not entries:
            p.setFont(quote_f)
            p.setPen(muted)
            p.drawText(QRectF(x, y, w, 80 * u), _WRAP, "No source quote for this statement.")
        for e in entries:
            p.setFont(quote_f)
            p.setPen(QColor(t.text))
            r = p.boundingRect(QRectF(x, y, w, 1e6), _WRAP, _quoted(e))
            p.drawText(QRectF(x, y, w, r.height()), _WRAP, _quoted(e))
            y += r.height() + 14 * u
            p.setFont(source_f)
            p.setPen(accent if not t.dark else QColor(t.kind("evidence").label))
            r = p.boundingRect(QRectF(x, y, w, 1e6), _WRAP, e.source_line)
            p.drawText(QRectF(x, y, w, r.height()), _WRAP, e.source_line)
            y += r.height() + 40 * u
        if len(self._pages) > 1:
            p.setFont(font(round(20 * u)))
            p.setPen(muted)
            more = f"{self._page + 1} / {len(self._pages)}   Q: next quotes"
            p.drawText(
                QRectF(x, panel.bottom() - pad * 0.5 - 30 * u, w, 30 * u),
                Qt.AlignmentFlag.AlignRight,
                more,
            )
        p.end()


def _quoted(e: QuoteEntry) -> str:
    return f"\u201c{e.exact.strip()}\u201d"
