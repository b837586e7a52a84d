"""The list of the map's articles: title, publisher, date and how many quotes are in use."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from argmap.model import ArgMap, Source
from argmap.model.display_text import isolate, plain_tooltip
from argmap.ui import pane_colours
from argmap.ui.accessible_names import named
from argmap.ui.panes import typography as ty

_ROLE = Qt.ItemDataRole.UserRole + 1
_PAD = 10
_TITLE_LINES = 2


@dataclass(frozen=True, slots=True)
class SourceRow:
    """What one row shows, all plain text."""

    source_id: str
    title: str
    meta: str
    quotes_used: int


def source_title(source: Source) -> str:
    """The title, else the first non-empty line of the text, else the id."""
    if source.title and source.title.strip():
        return source.title.strip()
    for line in source.text.splitlines():
        if line.strip():
            return line.strip()
    return source.id


def source_rows(doc: ArgMap) -> list[SourceRow]:
    """One row per source in the map's order, counting the quotes statements cite."""
    cited = {qid for s in doc.statements for qid in s.quotes}
    rows = []
    for source in doc.sources:
        used = sum(1 for q in doc.quotes if q.source == source.id and q.id in cited)
        parts = [p.strip() for p in (source.publisher, source.published) if p and p.strip()]
        rows.append(SourceRow(source.id, source_title(source), " · ".join(parts), used))
    return rows


def _wrapped(fm: QFontMetrics, text: str, width: int, max_lines: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if fm.horizontalAdvance(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], fm.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return [fm.elidedText(s, Qt.TextElideMode.ElideRight, width) for s in lines]


class _RowDelegate(QStyledItemDelegate):
    """Paints a row as a bold title (two lines at most), a grey meta line and a count pill."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view
        self._title = ty.ui_font(10.5, bold=True)
        self._meta = ty.ui_font(9.0)

    def _text_width(self) -> int:
        return max(80, self._view.viewport().width() - 2 * _PAD - 64)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        row = index.data(_ROLE)
        if not isinstance(row, SourceRow):
            return super().sizeHint(option, index)
        tfm, mfm = QFontMetrics(self._title), QFontMetrics(self._meta)
        lines = len(_wrapped(tfm, row.title, self._text_width(), _TITLE_LINES))
        height = 2 * _PAD + lines * tfm.lineSpacing() + (mfm.lineSpacing() + 4 if row.meta else 0)
        return QSize(self._text_width(), height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(_ROLE)
        if not isinstance(row, SourceRow):
            super().paint(painter, option, index)
            return
        painter.save()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        c = pane_colours.current()
        if selected:
            painter.fillRect(rect, QColor(c.row_selected))
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), QColor(c.row_marker))
        elif hovered:
            painter.fillRect(rect, QColor(c.row_hover))
        painter.setPen(QPen(QColor(c.rule)))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        tfm, mfm = QFontMetrics(self._title), QFontMetrics(self._meta)
        x, y = rect.left() + _PAD + 4, rect.top() + _PAD
        painter.setFont(self._title)
        painter.setPen(QColor(c.ink))
        for line in _wrapped(tfm, row.title, self._text_width(), _TITLE_LINES):
            painter.drawText(x, y + tfm.ascent(), line)
            y += tfm.lineSpacing()
        if row.meta:
            painter.setFont(self._meta)
            painter.setPen(QColor(c.muted))
            meta = mfm.elidedText(row.meta, Qt.TextElideMode.ElideRight, self._text_width())
            painter.drawText(x, y + 4 + mfm.ascent(), meta)

        label = str(row.quotes_used)
        painter.setFont(self._meta)
        pill_w = max(mfm.horizontalAdvance(label) + 16, 28)
        pill = QRect(rect.right() - _PAD - pill_w, rect.top() + _PAD, pill_w, mfm.height() + 4)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.quote if row.quotes_used else c.pill))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(QColor(c.quote_ink if row.quotes_used else c.muted))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()


class SourceList(QListWidget):
    """The map's articles; choosing one emits ``source_chosen(source_id)``."""

    source_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_RowDelegate(self))
        named(self, "Articles", "The map's articles; the chosen one shows in the reader below")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.currentItemChanged.connect(self._on_current)

    def set_document(self, doc: ArgMap) -> None:
        """Show ``doc``'s sources, keeping the current one when it still exists."""
        current = self.current_source_id()
        self.blockSignals(True)
        self.clear()
        for row in source_rows(doc):
            item = QListWidgetItem()
            item.setData(_ROLE, row)
            noun = "quote" if row.quotes_used == 1 else "quotes"
            lines = [isolate(row.title), row.meta, f"{row.quotes_used} {noun} in use"]
            # Tooltips that look like HTML are rendered as rich text: escape, always.
            tip = plain_tooltip("\n".join(line for line in lines if line))
            item.setData(Qt.ItemDataRole.ToolTipRole, tip)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, row.title)
            self.addItem(item)
            if row.source_id == current:
                self.setCurrentItem(item)
        self.blockSignals(False)

    def rows(self) -> list[SourceRow]:
        """The rows shown, top to bottom."""
        return [self.item(i).data(_ROLE) for i in range(self.count())]

    def current_source_id(self) -> str | None:
        """The id of the chosen source, if any."""
        item = self.currentItem()
        row = item.data(_ROLE) if item else None
        return row.source_id if isinstance(row, SourceRow) else None

    def choose(self, source_id: str) -> None:
        """Make ``source_id`` current (emits ``source_chosen`` when it changes)."""
        for i in range(self.count()):
            if self.item(i).data(_ROLE).source_id == source_id:
                self.setCurrentRow(i)
                return

    def _on_current(self, item: QListWidgetItem | None) -> None:
        row = item.data(_ROLE) if item else None
        if isinstance(row, SourceRow):
            self.source_chosen.emit(row.source_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()
