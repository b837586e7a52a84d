"""The outline as a window pane: its dock, and the canvas's editing keys bound to it.

The keys are read from the window's own actions, so the outline answers to the same
shortcuts as the canvas (Help ▸ Keyboard shortcuts lists them once); Tab is left out so
that Tab still moves on to the next control. The verbs are the canvas's (MapEditing),
with text typed in the outline's row instead of on the card.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from argmap.model import InferenceKind
from argmap.ui.canvas.view import MapView
from argmap.ui.editing.controller import DocumentController
from argmap.ui.editing.map_editing import MapEditing
from argmap.ui.outline.outline_view import OutlineView

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

# window action -> OutlineEditing method
VERBS = {
    "add_child": "add_premise",
    "add_attack": "add_objection",
    "add_sibling": "add_sibling",
    "edit_text": "edit_text",
    "delete": "delete",
    "link": "link_supporting",
    "link_attack": "link_attacking",
    "make_linked": "make_linked",
    "make_convergent": "make_convergent",
}
_NOT_HERE = {"Tab"}  # keys the outline leaves to Qt (Tab moves the focus on)


class OutlineEditing(MapEditing):
    """The canvas's editing verbs, typing the new text in the outline's row."""

    def __init__(self, controller: DocumentController, view: MapView, outline: OutlineView) -> None:
        super().__init__(controller, view)
        self.outline = outline

    def _select_and_edit(self, statement_id: str) -> None:
        self.controller.set_selection([statement_id])
        self.view.reveal(statement_id)
        self.outline.edit_statement(statement_id)

    def edit_text(self) -> None:
        current = self._current()
        if current is not None:
            self.outline.edit_statement(current)

    # Without arguments, for QAction.triggered (which would pass its "checked" flag).
    def add_premise(self) -> None:
        self.add_child(InferenceKind.SUPPORT)

    def add_objection(self) -> None:
        self.add_child(InferenceKind.ATTACK)

    def link_supporting(self) -> None:
        self.link_selected(InferenceKind.SUPPORT)

    def link_attacking(self) -> None:
        self.link_selected(InferenceKind.ATTACK)


def bind_keys(
    outline: OutlineView, editing: OutlineEditing, window_actions: dict[str, QAction]
) -> None:
    """Give the outline the window's editing actions' names and keys, on its own verbs."""
    for name, verb in VERBS.items():
        model = window_actions[name]
        keys = [k for k in model.shortcuts() if k.toString() not in _NOT_HERE]
        action = QAction(model.text(), outline)
        action.setObjectName(f"outline_{name}")
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setStatusTip(model.statusTip())
        action.triggered.connect(getattr(editing, verb))
        outline.addAction(action)


def install_outline(window: MainWindow) -> OutlineView:
    """Dock the outline beside the sources (Sources stays in front) with its editing keys."""
    outline = OutlineView(window.controller)
    editing = OutlineEditing(window.controller, window.view, outline)
    editing.message.connect(window.show_message)
    bind_keys(outline, editing, window.actions_by_name)
    dock = window.layout_.add("Outline", outline, Qt.DockWidgetArea.LeftDockWidgetArea,
                              tab_with="Sources", shortcut="Ctrl+Shift+8")  # fmt: skip
    dock.visibilityChanged.connect(outline.show_if_stale)
    window.layout_.dock("Sources").raise_()
    return outline
