"""Right-click menus on the canvas, and a double-click on empty canvas to add a card.

On empty canvas: new question, new scenario, new top-level statement, a new statement
where the user clicked (pinned there, as a double-click does), paste, paste where the
user clicked, fit. On a card: every editing action that applies to it, with its shortcut
(the window's own named actions, so a menu never offers a key that does something else).
On an arrow: inspect it, switch support and attack, undercut it, delete it. The canvas
modules need no hook: the menus ask the view for custom context menus and watch its
viewport for double-clicks.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QMenu

from argmap.model import InferenceKind, StatementKind
from argmap.model.focal_question import focal_question
from argmap.ui.canvas.edge_item import EdgeItem

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

CANVAS_ITEMS = ["new_question", "new_scenario", "new_top_level", None, "paste", None,
                "fit_all", "first_view", None, "map_properties"]  # fmt: skip
CARD_ITEMS = ["add_child", "add_attack", "add_sibling", "edit_text", None, "cut", "copy",
              "paste", "duplicate", "copy_id", None, "link", "link_attack", "make_linked",
              "make_convergent", None, "collapse", "expand", "unpin", "fit_selection", None,
              "delete"]  # fmt: skip


class CanvasMenus(QObject):
    """Builds and shows the canvas's context menus; adds a card on a double-click."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        view = window.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._show)
        view.viewport().installEventFilter(self)

    def _show(self, pos: QPoint) -> None:
        menu = self.menu_at(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.window.view.viewport().mapToGlobal(pos))

    def menu_at(self, pos: QPoint) -> QMenu:
        """The menu for a point of the view's viewport: card, arrow or empty canvas."""
        view, scene = self.window.view, self.window.scene
        at = view.mapToScene(pos)
        card = scene.card_at(at)
        if card is not None:
            return self._card_menu(card.statement_id)
        edge = next((i for i in scene.items(at) if isinstance(i, EdgeItem)), None)
        if edge is not None:
            return self._arrow_menu(edge.inference_id)
        return self._canvas_menu((at.x(), at.y()))

    def _menu(
        self,
        names: list[str | None],
        menu: QMenu | None = None,
        after: str = "",
        sub: QMenu | None = None,
    ) -> QMenu:
        """The named window actions that are enabled (``sub`` follows ``after``)."""
        menu = menu if menu is not None else QMenu(self.window.view)
        n = self.window.actions_by_name
        last_separator = True
        for name in names:
            if name is None:
                if not last_separator:
                    menu.addSeparator()
                last_separator = True
            elif name in n and n[name].isVisible() and n[name].isEnabled():
                menu.addAction(n[name])
                last_separator = False
                if name == after and sub is not None:
                    menu.addMenu(sub)
        return menu

    def _canvas_menu(self, at: tuple[float, float]) -> QMenu:
        self.window.controller.set_selection([])
        self.window.editor_actions.refresh()
        menu = self._menu(CANVAS_ITEMS)
        named = self.window.actions_by_name
        here = QAction("New statement &here", menu)
        here.setStatusTip("Add a card with no parent where you clicked (pinned there)")
        here.triggered.connect(partial(self._add_here, at))
        _insert_after(menu, named["new_top_level"], here)
        if self.window.editor_actions.clipboard.can_paste():
            paste_here = QAction("Paste h&ere", menu)
            paste_here.setStatusTip("Paste the clipboard with its top cards where you clicked")
            paste_here.triggered.connect(partial(self._paste_here, at))
            _insert_after(menu, named["paste"], paste_here)
        self._paste_state(menu)
        return menu

    def _paste_here(self, at: tuple[float, float]) -> None:
        """The clipboard pasted with no parent, its top cards pinned at ``at``."""
        self.window.editor_actions.clipboard.paste(at=at)

    def _add_here(self, at: tuple[float, float]) -> None:
        """A top-level claim with its top-left corner at scene point ``at``."""
        self.window.editing.add_top_level(at=at)

    def _paste_state(self, menu: QMenu) -> None:
        """Paste greyed out in this menu when the clipboard holds nothing to paste."""
        paste = self.window.actions_by_name["paste"]
        if paste in menu.actions() and not self.window.editor_actions.clipboard.can_paste():
            stand_in = QAction("Paste (the clipboard is empty)", menu)
            stand_in.setEnabled(False)
            menu.insertAction(paste, stand_in)
            menu.removeAction(paste)

    def _card_menu(self, statement_id: str) -> QMenu:
        controller = self.window.controller
        if statement_id not in controller.selection:
            controller.set_selection([statement_id])
        elif controller.current != statement_id:
            controller.set_selection([*controller.selection, statement_id])
        self.window.editor_actions.refresh()
        menu = QMenu(self.window.view)
        statement = controller.index.statement(statement_id)
        focal = focal_question(controller.doc)
        if statement.kind is StatementKind.QUESTION and focal != statement_id:
            make_focal = menu.addAction("Make this the &focal question")
            make_focal.triggered.connect(self.window.editing.set_focal_question)
            menu.addSeparator()
        kinds = QMenu("Change &kind", menu)
        for kind in StatementKind:
            act = kinds.addAction(str(kind).capitalize())
            act.setCheckable(True)
            act.setChecked(kind is statement.kind)
            act.triggered.connect(partial(self.window.editing.set_kind, kind))
        menu = self._menu(CARD_ITEMS, menu, after="edit_text", sub=kinds)
        self._paste_state(menu)
        return menu

    def _arrow_menu(self, inference_id: str) -> QMenu:
        window, controller = self.window, self.window.controller
        inference = controller.index.inference(inference_id)
        window.inspect_inference(inference_id)
        menu = QMenu(window.view)
        inspect = menu.addAction("&Inspect the arrow")
        inspect.triggered.connect(partial(window.inspect_inference, inference_id))
        if inference.kind is not InferenceKind.UNDERCUT:
            other = (
                InferenceKind.ATTACK
                if inference.kind is InferenceKind.SUPPORT
                else InferenceKind.SUPPORT
            )
            switch = menu.addAction(f"Make it &{'an attack' if other == 'attack' else 'a support'}")
            switch.triggered.connect(
                partial(controller.set_inference_field, inference_id, "kind", other)
            )
            undercut = menu.addAction("Add an &undercut (doubt the step, not the claim)")
            undercut.triggered.connect(partial(window.editing.add_undercut, inference_id))
        menu.addSeparator()
        delete = menu.addAction("&Delete the arrow")
        delete.triggered.connect(partial(controller.remove_inference, inference_id))
        return menu

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """A double-click on empty canvas adds a card (a question on an empty map)."""
        if event.type() != QEvent.Type.MouseButtonDblClick or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        view, scene = self.window.view, self.window.scene
        at = view.mapToScene(event.position().toPoint())
        if scene.card_at(at) is not None or any(isinstance(i, EdgeItem) for i in scene.items(at)):
            return False
        editing = self.window.editing
        if not self.window.controller.doc.statements:
            editing.add_question()
        else:
            editing.add_top_level(at=(at.x(), at.y()))
        return True


def _insert_after(menu: QMenu, anchor: QAction, action: QAction) -> None:
    """Put ``action`` just after ``anchor`` in ``menu``; not at all when the menu left
    ``anchor`` out (disabled or hidden there)."""
    actions = menu.actions()
    if anchor not in actions:
        return
    following = actions[actions.index(anchor) + 1 :]
    menu.insertAction(following[0] if following else None, action)  # type: ignore[arg-type]
