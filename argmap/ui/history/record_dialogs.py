"""The two small forms of the history: record the estimate as of a date with a note, and
record how the question resolved."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from argmap.analysis.report import analyze
from argmap.model import ArgMap, Outcome, StatementKind

SCENARIO_CHARS = 80  # the scenario box's width in characters; longer wording is shortened
TIP = Qt.ItemDataRole.ToolTipRole


def _shortened(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SCENARIO_CHARS else flat[: SCENARIO_CHARS - 1] + "…"


def _date_edit(iso: str | None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    given = QDate.fromString(iso or "", "yyyy-MM-dd")
    edit.setDate(given if given.isValid() else QDate.currentDate())
    return edit


class RecordEstimateDialog(QDialog):
    """As of which date, and why: the weights it will keep are shown."""

    def __init__(self, doc: ArgMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record estimate")
        self.as_of = _date_edit(None)
        self.note = QLineEdit()
        self.note.setPlaceholderText("what changed, or why now (optional)")
        weights = sorted(analyze(doc).scenarios, key=lambda s: -s.weight)
        lines = [f"{s.weight * 100:.0f} %  {s.title}" for s in weights] or ["no scenarios"]
        self.preview = preview = QLabel("Keeps these weights:\n" + "\n".join(lines))
        preview.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("As of", self.as_of)
        form.addRow("Note", self.note)
        form.addRow(preview)
        form.addRow(buttons)
        # A top-level window does not ask its wrapped label for height at its width: the
        # preview was squeezed under the note field. Size it for the dialog's width.
        margins = form.contentsMargins()
        preview.setMinimumHeight(preview.heightForWidth(520 - margins.left() - margins.right()))
        self.resize(520, self.minimumSizeHint().height())

    def values(self) -> tuple[str, str]:
        """(as-of date, note) as entered."""
        return self.as_of.date().toString("yyyy-MM-dd"), self.note.text().strip()


class OutcomeDialog(QDialog):
    """Which scenario happened, and when."""

    def __init__(self, doc: ArgMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record outcome")
        self.scenario = QComboBox()
        # As wide as a usual scenario, not as the longest: one worded at length made the
        # dialog wider than the screen, its buttons off the edge. The tip keeps the whole.
        self.scenario.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.scenario.setMinimumContentsLength(SCENARIO_CHARS)
        for s in doc.statements:
            if s.kind == StatementKind.SCENARIO:
                self.scenario.addItem(_shortened(s.text), s.id)
                self.scenario.setItemData(self.scenario.count() - 1, s.text, TIP)
        self.scenario.currentIndexChanged.connect(self._show_whole_scenario)
        current = doc.outcome
        if current is not None:
            self.scenario.setCurrentIndex(max(0, self.scenario.findData(current.scenario)))
        self.resolved = _date_edit(current.resolved if current else None)
        self.note = QLineEdit(current.note if current else "")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.scenario.count() > 0)
        form = QFormLayout(self)
        form.addRow("What happened", self.scenario)
        form.addRow("Resolved on", self.resolved)
        form.addRow("Note", self.note)
        form.addRow(buttons)
        self._show_whole_scenario()
        self.resize(480, 150)

    def _show_whole_scenario(self) -> None:
        self.scenario.setToolTip(self.scenario.currentData(TIP) or "")

    def outcome(self) -> Outcome | None:
        """The outcome entered (None with no scenario to choose)."""
        scenario = self.scenario.currentData()
        if scenario is None:
            return None
        return Outcome(
            scenario=scenario,
            resolved=self.resolved.date().toString("yyyy-MM-dd"),
            note=self.note.text().strip(),
        )
