"""Edit ▸ Merge conflicts…: the conflicts a merge wrote into the map's notes, one per row.

For each: show its statement on the map (where the inspector has both wordings), and mark
it settled once the record says what it should (the note's line goes, one undoable
step). The notes are where the conflicts live (see :mod:`argmap.model.three_way`), so
they travel with the map, through git, and this list is only a view of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from argmap.model.three_way import NOTE_MARK, NotedConflict, noted_conflicts
from argmap.ui.editing.commands import SetInferenceFieldCommand, SetStatementFieldCommand

if TYPE_CHECKING:
    from argmap.ui.editing.controller import DocumentController

ROLE = Qt.ItemDataRole.UserRole


class ConflictsDialog(QDialog):
    """The map's merge conflicts; follows edits while open."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge conflicts")
        self.controller = controller
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.show_button = QPushButton("Show on map")
        self.settle_button = QPushButton("Settled")
        self.settle_button.setToolTip("The record now says what it should: remove this note line")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.settle_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.show_button.clicked.connect(self.show_selected)
        self.settle_button.clicked.connect(self.settle_selected)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self.show_selected)
        controller.edited.connect(self.refresh)
        controller.document_reset.connect(self.refresh)
        self.resize(760, 420)
        self.refresh()

    def conflicts(self) -> list[NotedConflict]:
        """The conflicts listed, in order."""
        return [self.list.item(k).data(ROLE) for k in range(self.list.count())]

    def refresh(self) -> None:
        """List the conflicts the map's notes hold now."""
        row = max(0, self.list.currentRow())
        found = noted_conflicts(self.controller.doc)
        self.list.clear()
        for conflict in found:
            item = QListWidgetItem(self._label(conflict))
            item.setData(ROLE, conflict)
            self.list.addItem(item)
        n = len(found)
        self.summary.setText(
            "No merge conflicts wait in this map's notes."
            if not n
            else f"{n} merge conflict{'s' * (n != 1)} to settle: the merge kept one side's "
            "value and wrote the other's into the record's notes. Make the record say what "
            "it should, then mark the conflict settled."
        )
        if n:
            self.list.setCurrentRow(min(row, n - 1))
        self._update_buttons()

    def _label(self, conflict: NotedConflict) -> str:
        """The record by its text, then the conflict (its path cut to the field)."""
        doc = self.controller.doc
        name = conflict.record
        if conflict.kind == "statement":
            name = f"'{doc.statement(conflict.record).text}'"
        path, _, rest = conflict.line.removeprefix(NOTE_MARK).partition(": ")
        field = path.rpartition("].")[2] if "]." in path else path
        return f"{conflict.kind} {name} — {field}: {rest}"

    def _current(self) -> NotedConflict | None:
        item = self.list.currentItem()
        conflict = None if item is None else item.data(ROLE)
        return conflict if isinstance(conflict, NotedConflict) else None

    def _update_buttons(self) -> None:
        conflict = self._current()
        self.show_button.setEnabled(conflict is not None and conflict.kind == "statement")
        self.settle_button.setEnabled(
            conflict is not None and conflict.kind in ("statement", "inference")
        )

    def show_selected(self) -> None:
        """Select the conflict's statement on the map."""
        conflict = self._current()
        if conflict is not None and conflict.kind == "statement":
            self.controller.set_selection([conflict.record])

    def settle_selected(self) -> None:
        """Remove the conflict's note line (undoable)."""
        conflict = self._current()
        if conflict is None:
            return
        c = self.controller
        if conflict.kind == "statement":
            notes = conflict.notes_without(c.doc.statement(conflict.record).notes)
            c.push(SetStatementFieldCommand(c, conflict.record, "notes", notes))
        elif conflict.kind == "inference":
            notes = conflict.notes_without(c.doc.inference(conflict.record).notes)
            c.push(SetInferenceFieldCommand(c, conflict.record, "notes", notes))
