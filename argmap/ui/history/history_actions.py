"""The Estimates menu: record the estimate, see the timeline, record the outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMenu, QMenuBar

from argmap.analysis.estimate_history import take_snapshot
from argmap.ui.history.history_commands import RecordSnapshotCommand, SetOutcomeCommand
from argmap.ui.history.record_dialogs import OutcomeDialog, RecordEstimateDialog
from argmap.ui.history.timeline_dialog import TimelineDialog
from argmap.ui.window.window_actions import make_action

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow


class HistoryActions:
    """Estimates ▸ Record estimate…, Timeline…, Record outcome… for a main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.timeline: TimelineDialog | None = None
        make_action(window, "record_estimate", "&Record estimate…", self.record_estimate,
                    ["Ctrl+Shift+K"], tip="Keep today's scenario weights with a note")  # fmt: skip
        make_action(window, "timeline", "Estimate &timeline…", self.show_timeline,
                    ["Ctrl+Shift+H"],
                    tip="The weights across snapshots, and what moved them")  # fmt: skip
        make_action(window, "record_outcome", "Record &outcome…", self.record_outcome,
                    tip="Record which scenario happened; scores every snapshot")  # fmt: skip

    def fill_menu(self, bar: QMenuBar, before: QMenu | None = None) -> QMenu:
        """Add the Estimates menu to the menu bar (before ``before``, e.g. Help)."""
        menu = QMenu("E&stimates", bar)
        for name in ("record_estimate", "timeline", None, "record_outcome"):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.window.actions_by_name[name])
        if before is not None:
            bar.insertMenu(before.menuAction(), menu)
        else:
            bar.addMenu(menu)
        return menu

    def record_estimate(self) -> RecordEstimateDialog:
        """Ask for the date and a note, then record the snapshot (undoable)."""
        controller = self.window.controller
        dialog = RecordEstimateDialog(controller.doc, self.window)
        dialog.finished.connect(self._estimate_answered)
        self._estimate_dialog = dialog
        dialog.open()
        return dialog

    def _estimate_answered(self, result: int) -> None:
        dialog = self._estimate_dialog
        if result == QDialog.DialogCode.Accepted:
            as_of, note = dialog.values()
            controller = self.window.controller
            snapshot = take_snapshot(controller.doc, as_of=as_of, note=note)
            controller.push(RecordSnapshotCommand(controller, snapshot))
            self.window.show_message(f"Estimate recorded as of {as_of}")
        dialog.deleteLater()

    def record_outcome(self) -> OutcomeDialog:
        """Ask which scenario happened and when (undoable)."""
        dialog = OutcomeDialog(self.window.controller.doc, self.window)
        dialog.finished.connect(self._outcome_answered)
        self._outcome_dialog = dialog
        dialog.open()
        return dialog

    def _outcome_answered(self, result: int) -> None:
        dialog = self._outcome_dialog
        outcome = dialog.outcome() if result == QDialog.DialogCode.Accepted else None
        if outcome is not None:
            controller = self.window.controller
            controller.push(SetOutcomeCommand(controller, outcome))
        dialog.deleteLater()

    def show_timeline(self) -> TimelineDialog:
        """Open (or bring forward) the timeline of the window's map."""
        if self.timeline is None:
            self.timeline = TimelineDialog(self.window.controller, self.window)
            self.timeline.record_button.clicked.connect(self.record_estimate)
            self.timeline.outcome_button.clicked.connect(self.record_outcome)
        self.timeline.show()
        self.timeline.raise_()
        return self.timeline
