"""A scenario's signposts (Heuer's step 8: what we would expect to see next if it is
unfolding), shown under the scenario in the Scenarios panel and edited in place.

Each signpost is a line: its status (not seen / emerging / observed / contradicted, with
the date it last changed), its text (edit it and press Enter or leave the field) and a
delete button; "+ Signpost" adds one. The list only asks: it emits what the analyst did,
and the panel turns each request into one undoable command.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from argmap.model import Signpost, SignpostStatus
from argmap.ui import pane_colours
from argmap.ui.accessible_names import named
from argmap.ui.panes import typography as ty

STATUS_COLOUR = {  # PaneColours fields, 4.5:1 on the card in either scheme
    SignpostStatus.NOT_SEEN: "muted",
    SignpostStatus.EMERGING: "emerging",
    SignpostStatus.OBSERVED: "leader",
    SignpostStatus.CONTRADICTED: "falls_ink",
}
NEW_TEXT = "What would we expect to see next?"


class SignpostLine(QWidget):
    """One signpost: status menu, editable text, delete button."""

    status_chosen = Signal(str, str)  # signpost id, status value
    text_edited = Signal(str, str)  # signpost id, new text
    delete_requested = Signal(str)

    def __init__(self, signpost: Signpost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.signpost_id = signpost.id
        self.status = QComboBox()
        self.status.setFont(ty.ui_font(9, bold=True))
        for status in SignpostStatus:
            self.status.addItem(status.value, status.value)
        self.status.setFixedWidth(112)
        self.text = QLineEdit()
        self.text.setFont(ty.ui_font(9.5))
        self.text.setFrame(False)
        self.delete = QToolButton()
        self.delete.setText("✕")
        self.delete.setAutoRaise(True)
        self.delete.setToolTip("Delete this signpost")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.status)
        row.addWidget(self.text, 1)
        row.addWidget(self.delete)
        said = " ".join(signpost.text.split())[:60]
        named(self.status, f"Status of signpost '{said}'")
        named(self.text, "Signpost", "What we would expect to see if this scenario unfolds")
        named(self.delete, f"Delete signpost '{said}'")
        self.show_signpost(signpost)
        self.status.activated.connect(self._on_status)
        self.text.editingFinished.connect(self._on_text)
        self.delete.clicked.connect(self._on_delete)

    def show_signpost(self, signpost: Signpost) -> None:
        """Show the signpost's current state (the text only when not being edited)."""
        self._text = signpost.text
        if not self.text.hasFocus():
            self.text.setText(signpost.text)
            self.text.setCursorPosition(0)  # show the start of a long signpost
        self.text.setToolTip(signpost.notes or signpost.text)
        self.status.setCurrentIndex(list(SignpostStatus).index(signpost.status))
        colour = STATUS_COLOUR[signpost.status]
        pane_colours.inked(self.status, colour)
        when = f" since {signpost.changed}" if signpost.changed else ""
        self.status.setToolTip(f"Status: {signpost.status.value}{when}")

    def _on_status(self, index: int) -> None:
        self.status_chosen.emit(self.signpost_id, str(self.status.itemData(index)))

    def _on_text(self) -> None:
        text = self.text.text().strip()
        if text and text != self._text:
            self.text_edited.emit(self.signpost_id, text)
        elif not text:
            self.text.setText(self._text)

    def _on_delete(self) -> None:
        self.delete_requested.emit(self.signpost_id)


class SignpostList(QWidget):
    """The signposts of one scenario, with a button to add one."""

    add_requested = Signal(str)  # scenario id
    status_chosen = Signal(str, str)
    text_edited = Signal(str, str)
    delete_requested = Signal(str)

    def __init__(self, scenario_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario_id = scenario_id
        self.lines: dict[str, SignpostLine] = {}
        self.caption = QLabel("Signposts")
        self.caption.setFont(ty.ui_font(8.5, bold=True))
        pane_colours.styled(self.caption, "color: $muted;")
        self.caption.setWordWrap(True)  # a narrow panel wraps it rather than cutting the row
        self.add = QToolButton()
        self.add.setText("+ Signpost")
        self.add.setFont(ty.ui_font(9))
        self.add.setAutoRaise(True)
        self.add.setToolTip(
            "Add an indicator: what we would expect to see next if this scenario is unfolding"
        )
        self.add.clicked.connect(self._on_add)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.caption, 1)
        head.addWidget(self.add)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 0)
        self._layout.setSpacing(2)
        self._layout.addLayout(head)

    def show_signposts(self, signposts: Sequence[Signpost]) -> None:
        """Show these signposts: lines kept where the ids are the same, else rebuilt."""
        ids = [s.id for s in signposts]
        if ids != list(self.lines):
            for line in self.lines.values():
                self._layout.removeWidget(line)
                line.deleteLater()
            self.lines = {}
            for signpost in signposts:
                line = SignpostLine(signpost)
                line.status_chosen.connect(self.status_chosen)
                line.text_edited.connect(self.text_edited)
                line.delete_requested.connect(self.delete_requested)
                self._layout.addWidget(line)
                self.lines[signpost.id] = line
        else:
            for signpost in signposts:
                self.lines[signpost.id].show_signpost(signpost)
        counts = {s: sum(sp.status is s for sp in signposts) for s in SignpostStatus}
        summary = " · ".join(f"{n} {s.value}" for s, n in counts.items() if n)
        self.caption.setText(f"Signposts: {summary}" if summary else "Signposts: none yet")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def _on_add(self) -> None:
        self.add_requested.emit(self.scenario_id)
