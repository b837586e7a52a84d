"""The article reader: plain text, quotes in use highlighted, selections become quotes."""

from __future__ import annotations

import html
import json
import textwrap
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from argmap.model import ArgMap, Source
from argmap.model.display_text import isolate
from argmap.model.quote_anchor import snap_to_words
from argmap.ui import pane_colours
from argmap.ui.accessible_names import named
from argmap.ui.panes import typography as ty
from argmap.ui.panes.text_offsets import TextOffsets

QUOTE_MIME = "application/x-argmap-quote"
_RULES = (
    QTextCharFormat.UnderlineStyle.SingleUnderline,
    QTextCharFormat.UnderlineStyle.DashUnderline,
)
_CLICK_SLOP = 4  # px a click may wander and still count as a click
_FLASH_MS = 1200
_TIP_COLUMNS = 60
_HOW_TO_QUOTE = (
    "Select text with Shift and the arrow keys; Ctrl+Shift+N makes it a premise, "
    "Ctrl+Shift+E evidence, under the selected statement"
)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A quote in use in the shown article, in Python offsets."""

    quote_id: str
    start: int
    end: int
    statement_ids: tuple[str, ...]


def quote_payload(source_id: str, start: int, end: int, exact: str) -> bytes:
    """The ``application/x-argmap-quote`` bytes: UTF-8 JSON {source, start, end, exact}."""
    data = {"source": source_id, "start": start, "end": end, "exact": exact}
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def highlights_for(doc: ArgMap, source_id: str) -> list[Highlight]:
    """The quotes of ``source_id`` that some statement cites, in text order."""
    users: dict[str, list[str]] = {}
    for statement in doc.statements:
        for qid in statement.quotes:
            users.setdefault(qid, []).append(statement.id)
    found = [
        Highlight(q.id, q.start, q.end, tuple(users[q.id]))
        for q in doc.quotes
        if q.source == source_id and q.id in users and q.end > q.start
    ]
    return sorted(found, key=lambda h: (h.start, h.end))


class SourceReader(QTextEdit):
    """A read-only view of one source's text, never interpreted as HTML."""

    statements_requested = Signal(list)  # ids of the statements citing a clicked quote
    new_statement_requested = Signal(str, int, int, str)  # source id, start, end, kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc: ArgMap | None = None
        self._source: Source | None = None
        self._offsets = TextOffsets("")
        self._highlights: list[Highlight] = []
        self._focus_quote: str | None = None
        self._focus_colour = QColor(pane_colours.current().quote_focus)
        self._press_pos: QPoint | None = None
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.viewport().setMouseTracking(True)
        self.setFont(ty.ui_font(10.5))
        self.document().setDocumentMargin(14)
        self._lay_paper()
        pane_colours.switches.switched.connect(self._on_scheme)
        self.setPlaceholderText("Choose an article to read it here.")
        named(self, "Article text", _HOW_TO_QUOTE)

        self.new_premise_action = self._make_action(
            "New premise from selection", "Ctrl+Shift+N", "premise"
        )
        self.new_evidence_action = self._make_action(
            "New evidence from selection", "Ctrl+Shift+E", "evidence"
        )
        self.copyAvailable.connect(self._update_actions)
        self._update_actions(False)

        self._flash = QVariantAnimation(self)
        self._flash.setDuration(_FLASH_MS)
        self._flash.valueChanged.connect(self._on_flash)

    def _make_action(self, text: str, shortcut: str, kind: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: self.request_statement(kind))
        self.addAction(action)
        return action

    # -- content ---------------------------------------------------------------------------

    @property
    def source_id(self) -> str | None:
        """The id of the source shown, if any."""
        return self._source.id if self._source else None

    @property
    def highlights(self) -> list[Highlight]:
        """The quotes highlighted in the shown text."""
        return list(self._highlights)

    def set_document(self, doc: ArgMap) -> None:
        """Follow a (possibly edited) document; keep the article and scroll if unchanged."""
        self._doc = doc
        shown = self._source
        try:
            source = doc.source(shown.id) if shown else None
        except KeyError:
            source = None
        if source is None or shown is None or source.text != shown.text:
            self._show(source)
        else:
            self._source = source
            self._refresh_highlights()

    def show_source(self, source_id: str | None) -> None:
        """Show the article ``source_id`` from the top (None: show nothing)."""
        if self._doc is None:
            return
        try:
            source = self._doc.source(source_id) if source_id else None
        except KeyError:
            source = None
        if source is not None and self._source is not None and source.id == self._source.id:
            return
        self._show(source)

    def _show(self, source: Source | None) -> None:
        self._source = source
        self._focus_quote = None
        self._flash.stop()
        text = source.text if source else ""
        self._offsets = TextOffsets(text)
        self.setPlainText(text)
        block = QTextBlockFormat()
        block.setLineHeight(145, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(10)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(block)
        # Blank lines between paragraphs would double the paragraph gap: fold them.
        blank = QTextBlockFormat()
        blank.setLineHeight(2, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        blank.setBottomMargin(0)
        text_block = self.document().begin()
        while text_block.isValid():
            if not text_block.text().strip():
                QTextCursor(text_block).mergeBlockFormat(blank)
            text_block = text_block.next()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._refresh_highlights()

    def _refresh_highlights(self) -> None:
        doc, source = self._doc, self._source
        self._highlights = highlights_for(doc, source.id) if doc and source else []
        if self._focus_quote not in {h.quote_id for h in self._highlights}:
            self._focus_quote = None
        self._paint_highlights()

    def _paint_highlights(self) -> None:
        colours = pane_colours.current()
        selections = []
        for n, h in enumerate(self._highlights):
            focused = h.quote_id == self._focus_quote
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor_for(h.start, h.end)
            fmt = QTextCharFormat()
            # Alternate two tints so neighbouring quotes stay distinguishable.
            tint = QColor(colours.quote if n % 2 == 0 else colours.quote_alt)
            fmt.setBackground(self._focus_colour if focused else tint)
            # and a rule under each, solid and dashed in turn: where one quote ends and
            # the next begins shows even where the two tints look alike
            fmt.setUnderlineStyle(_RULES[n % 2])
            fmt.setUnderlineColor(tint.darker(170))
            fmt.setForeground(QColor(colours.quote_ink))
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    # -- jumping to a quote ------------------------------------------------------------------

    def show_quote(self, quote_id: str) -> bool:
        """Open the quote's article, centre the quote and flash it; False if unknown."""
        if self._doc is None:
            return False
        try:
            quote = self._doc.quote(quote_id)
        except KeyError:
            return False
        self.show_source(quote.source)
        if self._source is None or self._source.id != quote.source:
            return False
        self._focus_quote = quote_id
        if quote_id not in {h.quote_id for h in self._highlights}:
            # An unused quote still deserves to be seen when asked for.
            self._highlights.append(Highlight(quote_id, quote.start, quote.end, ()))
        cursor = self.textCursor()
        cursor.setPosition(self._offsets.to_qt(quote.start))
        self.setTextCursor(cursor)
        self._centre_on(quote.start, quote.end)
        self._flash.stop()
        colours = pane_colours.current()
        flash, focus = QColor(colours.quote_flash), QColor(colours.quote_focus)
        for at, colour in ((0.0, flash), (0.25, focus), (0.5, flash), (1.0, focus)):
            self._flash.setKeyValueAt(at, colour)
        self._focus_colour = flash
        self._paint_highlights()
        self._flash.start()
        return True

    def show_range(self, source_id: str, start: int, end: int) -> bool:
        """Open an article with ``text[start:end]`` selected and centred (find in articles)."""
        self.show_source(source_id)
        if self._source is None or self._source.id != source_id:
            return False
        self.setTextCursor(self._cursor_for(start, end))
        self._centre_on(start, end)
        return True

    def _centre_on(self, start: int, end: int) -> None:
        self.document().documentLayout().documentSize()  # finish the lazy layout first
        top = self.cursorRect(self._cursor_at(start)).top()
        bottom = self.cursorRect(self._cursor_at(end)).bottom()
        middle = (top + bottom) // 2
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + middle - self.viewport().height() // 2)

    def _cursor_at(self, index: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(index))
        return cursor

    def _lay_paper(self) -> None:
        """The page and ink of the scheme shown (a palette: a style sheet would restyle the
        scroll bars too)."""
        colours = pane_colours.current()
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(colours.paper))
        palette.setColor(QPalette.ColorRole.Text, QColor(colours.ink))
        self.setPalette(palette)

    def _on_scheme(self) -> None:
        """View ▸ Theme switched: the page and the quote tints follow."""
        self._lay_paper()
        self._flash.stop()
        self._focus_colour = QColor(pane_colours.current().quote_focus)
        self._paint_highlights()

    def _on_flash(self, colour: object) -> None:
        if isinstance(colour, QColor) and self._focus_quote is not None:
            self._focus_colour = colour
            self._paint_highlights()

    # -- selection -> new statement ----------------------------------------------------------

    def selected_range(self) -> tuple[int, int] | None:
        """The selection in Python offsets of the source text, or None."""
        cursor = self.textCursor()
        if self._source is None or not cursor.hasSelection():
            return None
        start = self._offsets.to_py(cursor.selectionStart())
        end = self._offsets.to_py(cursor.selectionEnd())
        return (start, end) if end > start else None

    def request_statement(self, kind: str) -> None:
        """Ask for a new ``kind`` statement quoting the selection (ignored without one)."""
        selected = self.selected_range()
        if selected is not None and self._source is not None:
            self.new_statement_requested.emit(self._source.id, selected[0], selected[1], kind)

    def _update_actions(self, available: bool) -> None:
        self.new_premise_action.setEnabled(available)
        self.new_evidence_action.setEnabled(available)

    def createMimeDataFromSelection(self) -> QMimeData:
        """Text/plain plus the quote's anchor, so the canvas can accept a dropped quote."""
        mime = QMimeData()
        selected = self.selected_range()
        if selected is None or self._source is None:
            return mime
        text = self._source.text
        mime.setText(text[selected[0] : selected[1]])  # Copy gives exactly what was selected
        start, end = snap_to_words(text, *selected)
        if end > start:
            mime.setData(QUOTE_MIME, quote_payload(self._source.id, start, end, text[start:end]))
        return mime

    def context_menu(self, viewport_pos: QPoint) -> QMenu:
        """The right-click menu: the new-statement actions above Copy / Select All."""
        menu = self.createStandardContextMenu(viewport_pos)
        first = menu.actions()[0] if menu.actions() else None
        new = [self.new_premise_action, self.new_evidence_action]
        if first is None:
            menu.addActions(new)
        else:
            menu.insertActions(first, new)
            menu.insertSeparator(first)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- hovering and clicking quotes ---------------------------------------------------------

    def highlights_at(self, viewport_pos: QPoint) -> list[Highlight]:
        """The highlighted quotes under a point of the viewport."""
        qt_pos = self.cursorForPosition(viewport_pos).position()
        # cursorForPosition snaps to the nearest gap; check the character under the point.
        rect = self.cursorRect(self.cursorForPosition(viewport_pos))
        if viewport_pos.x() < rect.left():
            qt_pos -= 1
        index = self._offsets.to_py(max(qt_pos, 0))
        return [h for h in self._highlights if h.start <= index < h.end]

    def statements_at(self, viewport_pos: QPoint) -> list[str]:
        """Ids of the statements citing a quote under the point, without repeats."""
        ids: list[str] = []
        for h in self.highlights_at(viewport_pos):
            ids.extend(s for s in h.statement_ids if s not in ids)
        return ids

    def tooltip_at(self, viewport_pos: QPoint) -> str:
        """The rich-text tooltip for a point: the statements using the quote there."""
        ids = self.statements_at(viewport_pos)
        if not ids or self._doc is None:
            return ""
        rows = []
        for sid in ids:
            try:
                statement = self._doc.statement(sid)
            except KeyError:
                continue
            lines = textwrap.wrap(" ".join(statement.text.split()), _TIP_COLUMNS) or [""]
            body = "<br>&nbsp;&nbsp;".join(html.escape(isolate(line)) for line in lines)
            rows.append(f"• <i>{html.escape(str(statement.kind))}</i>: {body}")
        noun = "statement" if len(rows) == 1 else "statements"
        hint = f"<span style='color:{pane_colours.current().muted}'>(click to select)</span>"
        head = f"<b>Quoted by {len(rows)} {noun}</b> {hint}"
        return f"<p style='white-space:pre'>{head}<br>{'<br>'.join(rows)}</p>"

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            over = bool(self.highlights_at(event.position().toPoint()))
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
            self.viewport().setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        press, self._press_pos = self._press_pos, None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and press is not None
            and (pos - press).manhattanLength() <= _CLICK_SLOP
            and not self.textCursor().hasSelection()
        ):
            ids = self.statements_at(pos)
            if ids:
                self.statements_requested.emit(ids)
