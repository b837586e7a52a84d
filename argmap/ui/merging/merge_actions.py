"""Edit ▸ Merge conflicts… for a main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QMenuBar

from argmap.ui.merging.conflicts_dialog import ConflictsDialog
from argmap.ui.window.window_actions import make_action

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

EDIT_MENU = "&Edit"


class MergeActions:
    """The merge conflicts command, added at the end of the Edit menu."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: ConflictsDialog | None = None
        make_action(window, "merge_conflicts", "&Merge conflicts…", self.show_conflicts,
                    tip="The conflicts a merge left in the notes, to settle each")  # fmt: skip

    def fill_menu(self, bar: QMenuBar) -> None:
        """Append the command to the Edit menu."""
        for action in bar.actions():
            menu = action.menu()
            if action.text() == EDIT_MENU and isinstance(menu, QMenu):
                menu.addSeparator()
                menu.addAction(self.window.actions_by_name["merge_conflicts"])

    def show_conflicts(self) -> ConflictsDialog:
        """Open (or bring forward) the list of the map's merge conflicts."""
        if self.dialog is None:
            self.dialog = ConflictsDialog(self.window.controller, self.window)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
