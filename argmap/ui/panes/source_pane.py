"""The source pane: the article list above the reader, and quotes-to-statements wiring."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QToolBar, QVBoxLayout, QWidget

from argmap.model import ArgMap, StatementKind
from argmap.model.display_text import isolate
from argmap.model.edit_steps import EditError
from argmap.model.quote_anchor import snap_to_words
from argmap.ui import pane_colours
from argmap.ui.accessible_names import name_toolbar
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty
from argmap.ui.panes.source_list import SourceList, source_title
from argmap.ui.panes.source_reader import SourceReader

_HEADER = "#sourceHeader { background: $paper; } #sourceHeader QLabel { color: $ink; }"


class SourcePane(QWidget):
    """Articles list, the chosen article's header and its reader."""

    statements_requested = Signal(list)  # ids the user asked to select on the canvas
    statement_created = Signal(str)  # a statement made from a selection
    status_message = Signal(str)  # something the status bar should say

    def __init__(
        self, controller: DocumentController | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._controller: DocumentController | None = None
        self._doc = ArgMap()
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
        pane_colours.styled(self.meta, "color: $muted;")
        self.meta.setOpenExternalLinks(False)

        bar = QToolBar()
        bar.setIconSize(QSize(16, 16))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.reader.new_premise_action)
        bar.addAction(self.reader.new_evidence_action)
        self.toolbar = name_toolbar(bar, "Quote")

        reading = QWidget()
        header = QVBoxLayout(reading)
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(0)
        head = QWidget()
        head.setObjectName("sourceHeader")
        pane_colours.styled(head, _HEADER)
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
        if controller is not None:
            self.bind(controller)

    def bind(self, controller: DocumentController) -> None:
        """Follow ``controller``'s document and selection; make edits through it."""
        self._controller = controller
        controller.edited.connect(self._follow)
        controller.document_reset.connect(self._reset)
        controller.quote_requested.connect(self.show_quote)
        self.statements_requested.connect(controller.set_selection)
        self._reset()

    def _follow(self) -> None:
        if self._controller is not None:
            self.set_document(self._controller.doc)

    def _reset(self) -> None:
        if self._controller is not None:
            self.reader.show_source(None)
            self.set_document(self._controller.doc)

    def set_document(self, doc: ArgMap) -> None:
        """Show ``doc`` (also after each edit): list, header and highlights follow it."""
        self._doc = doc
        self.list.set_document(doc)
        self.reader.set_document(doc)
        if self.reader.source_id is None and doc.sources:
            chosen = self.list.current_source_id() or doc.sources[0].id
            self.list.blockSignals(True)
            self.list.choose(chosen)
            self.list.blockSignals(False)
            self.reader.show_source(chosen)
        self._update_header()

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

    def show_range(self, source_id: str, start: int, end: int) -> bool:
        """Open an article with a passage selected (a hit of Find in articles)."""
        self.list.blockSignals(True)
        self.list.choose(source_id)
        self.list.blockSignals(False)
        shown = self.reader.show_range(source_id, start, end)
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
        self.meta.setText(" · ".join(isolate(p.strip()) for p in parts if p and p.strip()))
        self.meta.setVisible(bool(self.meta.text()))

    def _create_statement(self, source_id: str, start: int, end: int, kind: str) -> None:
        """One undoable step: the quote and a statement citing it, under the current card."""
        controller = self._controller
        if controller is None:
            return
        try:
            start, end = snap_to_words(controller.doc.source(source_id).text, start, end)
            new_id, _quote_id = controller.add_premise_from_quote(
                source_id, start, end, parent=controller.current, kind=StatementKind(kind)
            )
        except (EditError, KeyError, ValueError) as exc:
            self.status_message.emit(f"Could not quote the selection: {exc}")
            return
        self.status_message.emit(f"New {kind} from the selection; Ctrl+Z undoes it")
        self.statement_created.emit(new_id)
        self.statements_requested.emit([new_id])
