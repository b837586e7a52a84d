"""The toolbar's layer switcher: whose judgements the map shows and edits.

A combo box lists "Map's own judgements" and every analyst layer; choosing one pushes an
undoable switch, and the whole window (weights, ACH matrix, inspector) follows through
the controller's signals. A menu beside it adds and deletes layers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolButton,
    QWidget,
)

from argmap.model.edit_steps import EditError
from argmap.ui.editing.controller import DocumentController
from argmap.ui.team.layer_commands import AddLayerCommand, RemoveLayerCommand, SwitchLayerCommand

BASE_LABEL = "Map's own judgements"
_TIP = (
    "Whose judgements the map shows and edits: the map's own, or one analyst's layer "
    "(credibility, strength, priors, ACH ratings). Structure is shared."
)


class _EllipsisCombo(QComboBox):
    """A combo box that ends a name too long for it with "…" (the style cuts it short)."""

    def shown_text(self) -> str:
        """The current entry as drawn: whole, or elided to the box's text field."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, field.width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002 (Qt's signature)
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


class LayerSwitcher(QWidget):
    """ "Judgements: [Alice ▾] [⋯]": shows which analyst's judgements are shown and edited."""

    message = Signal(str)

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 0, 6, 0)
        row.setSpacing(4)
        label = QLabel("Judgements:")
        self.combo = _EllipsisCombo()
        self.combo.setObjectName("layerSwitcher")
        # As wide as its first entry, whatever the analysts' names: a long name grew the
        # box until the toolbar cut it (and "Layers") without an ellipsis. The style
        # elides the shown name; the list and the tooltip give it whole.
        self.combo.setMinimumContentsLength(len(BASE_LABEL))
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        label.setBuddy(self.combo)
        self.more = QToolButton()
        self.more.setText("Layers ▾")
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more)
        self.add_action = menu.addAction("New analyst layer…")
        self.remove_action = menu.addAction("Delete this layer…")
        self.add_action.triggered.connect(self.ask_new_layer)
        self.remove_action.triggered.connect(self.ask_remove_layer)
        self.more.setMenu(menu)
        for widget in (label, self.combo, self.more):
            row.addWidget(widget)
        self.combo.activated.connect(self._on_activated)
        controller.edited.connect(self.refresh)
        controller.document_reset.connect(self.refresh)
        self.refresh()

    def names(self) -> list[str]:
        """The layers offered, in the map's order."""
        return [layer.name for layer in self.controller.doc.layers]

    def refresh(self) -> None:
        """List the map's layers and select the active one."""
        names = self.names()
        wanted = [BASE_LABEL, *names]
        if [self.combo.itemText(k) for k in range(self.combo.count())] != wanted:
            self.combo.blockSignals(True)
            self.combo.clear()
            self.combo.addItem(BASE_LABEL, None)
            for name in names:
                self.combo.addItem(name, name)
            self.combo.blockSignals(False)
        active = self.controller.doc.view.layer
        at = names.index(active) + 1 if active in names else 0
        if self.combo.currentIndex() != at:
            self.combo.blockSignals(True)
            self.combo.setCurrentIndex(at)
            self.combo.blockSignals(False)
        self.remove_action.setEnabled(at > 0)
        self.combo.setToolTip(f"{_TIP}\n\nShown: {self.combo.itemText(at)}")
        metrics = self.combo.view().fontMetrics()
        widest = max(metrics.horizontalAdvance(name) for name in wanted)
        self.combo.view().setMinimumWidth(widest + 4 * metrics.averageCharWidth())

    def switch_to(self, name: str | None) -> None:
        """Show and edit ``name``'s judgements (``None``: the map's own), undoably."""
        self.controller.push(SwitchLayerCommand(self.controller, name))

    def add_layer(self, name: str) -> bool:
        """Add an analyst layer and show it; False (with a message) if the name is taken."""
        try:
            command = AddLayerCommand(self.controller, name)
        except EditError as exc:
            self.message.emit(str(exc))
            return False
        return self.controller.push(command)

    def _on_activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        self.switch_to(data if isinstance(data, str) else None)

    def ask_new_layer(self) -> None:
        """Ask for the analyst's name and add their layer."""
        name, ok = QInputDialog.getText(self, "New analyst layer", "Analyst's name:")
        if ok and name.strip():
            self.add_layer(name)

    def ask_remove_layer(self) -> None:
        """Delete the shown layer after asking (undo brings it back)."""
        name = self.controller.doc.view.layer
        if name is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete layer",
            f"Delete {name}'s layer and all their judgements? (Edit ▸ Undo brings it back.)",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.push(RemoveLayerCommand(self.controller, name))
