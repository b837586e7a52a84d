"""Working as a team: the toolbar's layer switcher and the Team pane.

``install_team(window)`` adds both to a main window::

    switcher, panel = install_team(window)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from argmap.ui.team.layer_switcher import LayerSwitcher
from argmap.ui.team.team_panel import TeamPanel

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

__all__ = ["LayerSwitcher", "TeamPanel", "install_team"]


def install_team(window: MainWindow) -> tuple[LayerSwitcher, TeamPanel]:
    """The layer switcher at the end of the toolbar, the Team pane docked below (hidden)."""
    switcher = LayerSwitcher(window.controller)
    window.toolbar.addSeparator()
    window.toolbar.addWidget(switcher)
    switcher.message.connect(window.show_message)
    panel = TeamPanel(window.controller)
    window.layout_.add(
        "Team",
        panel,
        Qt.DockWidgetArea.BottomDockWidgetArea,
        tab_with="ACH matrix",
        shown=False,
        shortcut="Ctrl+Shift+7",
    )
    return switcher, panel
