"""Find in articles (Ctrl+Shift+F): a phrase in every article of the map, each hit one
click from the reader, and one click from a new premise or evidence quoting its sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from argmap.model import StatementKind
from argmap.model.display_text import isolate
from argmap.model.edit_steps import EditError
from argmap.model.source_search import MAX_HITS, Hit, find_in_sources, sentence_around
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes.source_list import source_title

_TYPING_PAUSE_MS = 250
_TITLE_CHARS = 90


def _short(title: str) -> str:
    """One line of a title (an untitled article's title is its first paragraph)."""
    flat = " ".join(title.split())
    return flat if len(flat) <= _TITLE_CHARS else flat[: _TITLE_CHARS - 1] + "…"


class ArticleSearch(QDialog):
    """A tool window listing every hit of a phrase in the map's articles."""

    hit_chosen = Signal(str, int, int)  # source id, start, end: show it in the reader
    statement_created = Signal(str)  # a premise or evidence made from a hit
    status_message = Signal(str)

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Find in articles")
        self.setWindowFlag(Qt.WindowType.Tool)
        self.resize(620, 480)
        self.query = QLineEdit()
        self.query.setPlaceholderText("Find in every article of the map")
        self.query.setClearButtonEnabled(True)
        self.count = QLabel("")
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.premise_button = QPushButton("New &premise from this hit")
        self.evidence_button = QPushButton("New &evidence from this hit")
        for button in (self.premise_button, self.evidence_button):
            button.setAutoDefault(False)  # Enter in the phrase field searches, nothing else
            button.setToolTip(
                "Quote the hit's sentence and add a statement citing it under the selected "
                "card (a top-level card when none is selected); Ctrl+Z undoes it"
            )
        self.hits: list[Hit] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(self._timer.start)
        self.query.returnPressed.connect(self.search)
        self.results.currentRowChanged.connect(self._on_row)
        self.premise_button.clicked.connect(self.new_premise)
        self.evidence_button.clicked.connect(self.new_evidence)
        buttons = QHBoxLayout()
        buttons.addWidget(self.premise_button)
        buttons.addWidget(self.evidence_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.query)
        column.addWidget(self.count)
        column.addWidget(self.results, 1)
        column.addLayout(buttons)
        controller.document_reset.connect(self.search)
        self._update_buttons()

    def activate(self, phrase: str = "") -> None:
        """Show the window with the phrase field focused (and ``phrase`` searched)."""
        if phrase:
            self.query.setText(phrase)
            self.search()
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()

    def search(self) -> None:
        """List every hit of the phrase typed."""
        self._timer.stop()
        doc = self.controller.doc
        self.hits = find_in_sources(doc, self.query.text())
        titles = {s.id: _short(source_title(s)) for s in doc.sources}
        self.results.clear()
        for hit in self.hits:
            item = QListWidgetItem(
                f"{isolate(titles.get(hit.source_id, hit.source_id))}\n"
                f"…{hit.before} [{hit.match}] {hit.after}…"
            )
            item.setToolTip(f"{hit.before} {hit.match} {hit.after}")
            self.results.addItem(item)
        articles = len({h.source_id for h in self.hits})
        phrase = self.query.text().strip()
        if not phrase:
            self.count.setText("")
        elif not self.hits:
            self.count.setText(f"No hit in the map's {len(doc.sources)} articles")
        else:
            more = " (the first ones)" if len(self.hits) >= MAX_HITS else ""
            self.count.setText(
                f"{len(self.hits)} hit{'s' * (len(self.hits) != 1)}{more} "
                f"in {articles} article{'s' * (articles != 1)}"
            )
        if self.hits:
            self.results.setCurrentRow(0)
        self._update_buttons()

    def current_hit(self) -> Hit | None:
        row = self.results.currentRow()
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def _on_row(self, _row: int) -> None:
        hit = self.current_hit()
        self._update_buttons()
        if hit is not None:
            self.hit_chosen.emit(hit.source_id, hit.start, hit.end)

    def _update_buttons(self) -> None:
        has = self.current_hit() is not None
        self.premise_button.setEnabled(has)
        self.evidence_button.setEnabled(has)

    def new_premise(self) -> str | None:
        return self._new_statement(StatementKind.PREMISE)

    def new_evidence(self) -> str | None:
        return self._new_statement(StatementKind.EVIDENCE)

    def _new_statement(self, kind: StatementKind) -> str | None:
        """Quote the current hit's sentence in a new statement under the current card."""
        hit = self.current_hit()
        if hit is None:
            return None
        controller = self.controller
        try:
            text = controller.doc.source(hit.source_id).text
            start, end = sentence_around(text, hit.start, hit.end)
            sid, _qid = controller.add_premise_from_quote(
                hit.source_id, start, end, parent=controller.current, kind=kind
            )
        except (EditError, KeyError) as exc:
            self.status_message.emit(f"Could not quote the hit: {exc}")
            return None
        self.status_message.emit(f"New {kind} quoting the hit's sentence; Ctrl+Z undoes it")
        self.statement_created.emit(sid)
        return sid
