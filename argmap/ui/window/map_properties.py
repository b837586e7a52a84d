"""File ▸ Map properties: the map's title, focal question, description, analyst, as-of
date and source policy, edited in one dialog and applied as one undoable step."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from argmap.model.edit_steps import EditError
from argmap.model.focal_question import focal_question, question_choices
from argmap.model.map_properties import check_as_of
from argmap.ui import pane_colours
from argmap.ui.editing.controller import DocumentController

_NO_QUESTION = "(none: the map has no focal question)"
_PREVIEW = 90


def _one_line(text: str) -> str:
    flat = " ".join(text.split()) or "(empty question)"
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"


class MapPropertiesDialog(QDialog):
    """The map's properties; OK applies what changed as one "Edit map properties" step."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Map properties")
        self.setMinimumWidth(520)
        doc = controller.doc
        self.title_edit = QLineEdit(doc.title)
        self.title_edit.setPlaceholderText("What the map is called")
        self.question_combo = QComboBox()
        self.question_combo.addItem(_NO_QUESTION, None)
        for s in question_choices(doc):
            self.question_combo.addItem(_one_line(s.text), s.id)
            last = self.question_combo.count() - 1
            self.question_combo.setItemData(last, s.text, Qt.ItemDataRole.ToolTipRole)
        focal = focal_question(doc)
        self.question_combo.setCurrentIndex(max(0, self.question_combo.findData(focal)))
        self.description_edit = QPlainTextEdit(doc.description)
        self.description_edit.setPlaceholderText(
            "What the map is for, its scope, how the question is sharpened"
        )
        self.description_edit.setFixedHeight(90)
        self.analyst_edit = QLineEdit(doc.analyst)
        self.analyst_edit.setPlaceholderText("Who made the estimate")
        self.as_of_edit = QLineEdit(doc.as_of or "")
        self.as_of_edit.setPlaceholderText("YYYY-MM-DD (the date the estimate speaks for)")
        self.policy_edit = QPlainTextEdit(doc.source_policy)
        self.policy_edit.setPlaceholderText("How credibility follows from a source's kind and age")
        self.policy_edit.setFixedHeight(70)
        self.error = QLabel("")
        self.error.setObjectName("properties-error")
        pane_colours.styled(self.error, "color: $error;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Title", self.title_edit)
        form.addRow("Focal &question", self.question_combo)
        if self.question_combo.count() == 1:
            hint = QLabel("Add a card of kind Question to choose it here.")
            pane_colours.styled(hint, "color: $muted;")
            form.addRow("", hint)
        form.addRow("&Description", self.description_edit)
        form.addRow("&Analyst", self.analyst_edit)
        form.addRow("As &of", self.as_of_edit)
        form.addRow("&Source policy", self.policy_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        """What the fields say, as map properties."""
        return {
            "title": self.title_edit.text().strip(),
            "question": self.question_combo.currentData(),
            "description": self.description_edit.toPlainText().strip(),
            "analyst": self.analyst_edit.text().strip(),
            "as_of": self.as_of_edit.text(),
            "source_policy": self.policy_edit.toPlainText().strip(),
        }

    def accept(self) -> None:
        """Apply the changes (one undo step); a bad date keeps the dialog open and says why."""
        try:
            check_as_of(self.as_of_edit.text())
            self.controller.set_map_properties(**self.values())
        except EditError as exc:
            self.error.setText(str(exc))
            self.as_of_edit.setFocus()
            return
        super().accept()
