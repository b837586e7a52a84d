"""The source pane: the article list above the reader, and quotes-to-statements wiring."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QToolBar, QVBoxLayout, QWidget

from argmap.model import ArgMap
from argmap.ui.panes import typography as ty
from argmap.ui.panes.pane_editor import PaneEditor
from argmap.ui.panes.source_list import SourceList, source_title
from argmap.ui.panes.source_reader import SourceReader

try:  # the quote-anchoring module of the `sources` branch, when merged
    from argmap.model.quote_anchor import snap_to_words  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - exercised only before the merge
    _WORD = re.compile(r"\w")

    def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
        """Widen a range to whole words and trim the whitespace around it."""
        while (
            start > 0
            and start < len(text)
            and _WORD.match(text[start - 1])
            and _WORD.match(text[start])
        ):
            start -= 1
        while 0 < end < len(text) and _WORD.match(text[end - 1]) and _WORD.match(text[end]):
            end += 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end


class SourcePane(QWidget):
    """Articles list, the chosen article's header and its reader."""

    statements_requested = Signal(list)  # select these statements on the canvas
    statement_created = Signal(str)  # a statement made from a selection

    def __init__(self, editor: PaneEditor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._doc = ArgMap()
        self._parent_statement: str | None = None
        self.list = SourceList()
        self.reader = SourceReader()
        self.title = QLabel()
        self.meta = QLabel()
        for label, font in (
            (self.title, ty.ui_font(12.5, bold=True)),
            (self.meta, ty.ui_font(9.5)),
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setFont(font)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta.setStyleSheet(f"color: {ty.MUTED.name()};")
        self.meta.setOpenExternalLinks(False)

        bar = QToolBar()
        bar.setIconSize(QSize(16, 16))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.reader.new_premise_action)
        bar.addAction(self.reader.new_evidence_action)
        self.toolbar = bar

        reading = QWidget()
        header = QVBoxLayout(reading)
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(0)
        head = QWidget()
        head.setObjectName("sourceHeader")
        head.setStyleSheet(f"#sourceHeader {{ background: {ty.PAPER.name()}; }}")
        head_layout = QVBoxLayout(head)
        head_layout.setContentsMargins(28, 14, 28, 6)
        head_layout.setSpacing(4)
        head_layout.addWidget(self.title)
        head_layout.addWidget(self.meta)
        header.addWidget(head)
        header.addWidget(bar)
        header.addWidget(self.reader, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(reading)
        split.setStretchFactor(1, 3)
        split.setSizes([180, 600])
        self.splitter = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.list.source_chosen.connect(self._show_source)
        self.reader.statements_requested.connect(self.statements_requested)
        self.reader.new_statement_requested.connect(self._create_statement)

    def set_editor(self, editor: PaneEditor) -> None:
        """Where new statements from selections go."""
        self._editor = editor

    def set_document(self, doc: ArgMap) -> None:
        """Show ``doc`` (also after each edit): list, header and highlights follow it."""
        self._doc = doc
        self.list.set_document(doc)
        self.reader.set_document(doc)
        if self.reader.source_id is None and doc.sources:
            self.list.choose(doc.sources[0].id)
        self._update_header()

    def set_canvas_selection(self, statement_ids: list[str]) -> None:
        """The canvas selection: its single statement becomes the parent of new premises."""
        self._parent_statement = statement_ids[0] if len(statement_ids) == 1 else None

    def show_source(self, source_id: str) -> None:
        """Open an article from the top."""
        self.list.choose(source_id)

    def show_quote(self, quote_id: str) -> bool:
        """Open the quote's article, scrolled to the quote and flashing it."""
        try:
            source_id = self._doc.quote(quote_id).source
        except KeyError:
            return False
        self.list.blockSignals(True)
        self.list.choose(source_id)
        self.list.blockSignals(False)
        shown = self.reader.show_quote(quote_id)
        self._update_header()
        return shown

    def _show_source(self, source_id: str) -> None:
        self.reader.show_source(source_id)
        self._update_header()

    def _update_header(self) -> None:
        sid = self.reader.source_id
        try:
            source = self._doc.source(sid) if sid else None
        except KeyError:
            source = None
        if source is None:
            self.title.setText("No article")
            self.meta.setText("")
            return
        self.title.setText(source_title(source))
        parts = [source.author, source.publisher, source.published, source.url]
        self.meta.setText(" · ".join(p.strip() for p in parts if p and p.strip()))
        self.meta.setVisible(bool(self.meta.text()))

    def _create_statement(self, source_id: str, start: int, end: int, kind: str) -> None:
        if self._editor is None:
            return
        try:
            text = self._doc.source(source_id).text
        except KeyError:
            return
        start, end = snap_to_words(text, start, end)
        if end <= start:
            return
        parent = self._parent_statement
        if parent is not None and parent not in {s.id for s in self._doc.statements}:
            parent = None
        new_id = self._editor.add_quoted_statement(source_id, start, end, kind, parent)
        if new_id:
            self.statement_created.emit(new_id)
            self.statements_requested.emit([new_id])
