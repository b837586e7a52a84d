"""The canvas for screen readers: the view as a list of cards, each told in words.

Cards are painted, not widgets, so Qt's accessibility bridge would see one blank area.
``MapViewAccessible`` answers for the view (a factory installed with
``QAccessible.installFactory`` hands it out): one child per card on the map, in reading
order, named "Premise: <text>" and described by the whole sentence the outline reads
(kind, relations, quotes, judgement). The current card is the view's focus child, and a
focus event follows the selection, so a screen reader speaks each card the arrow keys
reach.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QWindow
from PySide6.QtWidgets import QAccessibleWidget

from argmap.ui.canvas.view import MapView
from argmap.ui.outline import statement_words as words

Role = QAccessible.Role
Text = QAccessible.Text


class CardAccessible(QAccessibleInterface):
    """One statement's card, as a list item of the view."""

    def __init__(self, view: MapViewAccessible, statement_id: str) -> None:
        super().__init__()
        self._view = view
        self.statement_id = statement_id

    def _canvas(self) -> MapView | None:
        return self._view.canvas() if self._view.isValid() else None

    def isValid(self) -> bool:
        canvas = self._canvas()
        return (
            canvas is not None and self.statement_id in canvas.map_scene.controller.index.statements
        )

    def object(self) -> QObject | None:  # type: ignore[override]  # a card is no QObject
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]  # None before shown
        return self._view.window()

    def parent(self) -> QAccessibleInterface:
        return self._view

    def child(self, _index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no such child
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, _child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, _x: int, _y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no such child
        return None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no such child
        return None

    def relations(
        self, _match: QAccessible.RelationFlag = QAccessible.RelationFlag.AllRelations
    ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        return []

    def role(self) -> Role:
        return Role.ListItem

    def text(self, kind: Text) -> str:
        canvas = self._canvas()
        if canvas is None or not self.isValid():
            return ""
        index = canvas.map_scene.controller.index
        statement = index.statement(self.statement_id)
        if kind == Text.Name:
            return f"{words.kind_word(statement)}: {' '.join(statement.text.split())}"
        if kind == Text.Description:
            return words.describe(index, self.statement_id)
        return ""

    def setText(self, _kind: Text, _text: str) -> None:
        return  # cards are edited through the editing commands, not by a screen reader

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.focusable = True
        state.selectable = True
        canvas = self._canvas()
        if canvas is None:
            state.invalid = True
            return state
        controller = canvas.map_scene.controller
        state.selected = self.statement_id in controller.selection
        state.focused = canvas.hasFocus() and controller.current == self.statement_id
        if self.statement_id in controller.doc.view.collapsed:
            state.expandable = True
            state.collapsed = True
        state.offscreen = self.rect().isEmpty()
        return state

    def rect(self) -> QRect:
        """The card's place on screen (empty when it is scrolled out of sight)."""
        canvas = self._canvas()
        if canvas is None:
            return QRect()
        card = canvas.map_scene.cards.get(self.statement_id)
        if card is None:
            return QRect()
        shown = canvas.mapFromScene(card.sceneBoundingRect()).boundingRect()
        shown = shown.intersected(canvas.viewport().rect())
        if shown.isEmpty():
            return QRect()
        return QRect(canvas.viewport().mapToGlobal(shown.topLeft()), shown.size())


class MapViewAccessible(QAccessibleWidget):
    """The canvas as a list of cards (see the module docstring)."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view, Role.List, "Argument map")
        self._canvas = view
        self._cards: dict[str, CardAccessible] = {}
        _Follower(view, self)  # the map's signals reach the interface through the view's child

    def canvas(self) -> MapView:
        return self._canvas

    def _order(self) -> list[str]:
        return self._canvas.map_scene.reading_order()

    def text(self, kind: Text) -> str:
        if kind == Text.Name:
            return self._canvas.accessibleName() or "Argument map"
        if kind == Text.Description:
            n = len(self._order())
            return (
                f"{n} statement{'s' if n != 1 else ''} shown. Arrow keys move between cards, "
                "Insert adds a premise, Enter a sibling, F2 edits. The Outline panel lists "
                "the whole map as a tree."
            )
        return super().text(kind)

    def childCount(self) -> int:
        return len(self._order())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no such child
        order = self._order()
        if not 0 <= index < len(order):
            return None
        return self.card(order[index])

    def card(self, statement_id: str) -> CardAccessible:
        """The (cached) interface of one statement's card."""
        found = self._cards.get(statement_id)
        if found is None:
            found = CardAccessible(self, statement_id)
            QAccessible.registerAccessibleInterface(found)
            self._cards[statement_id] = found
        return found

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        sid = getattr(child, "statement_id", None)
        order = self._order()
        return order.index(sid) if sid in order else -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no such child
        current = self._canvas.map_scene.controller.current
        return self.card(current) if current in self._order() else None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # None: no such child
        view = self._canvas
        point = view.viewport().mapFromGlobal(QPoint(x, y))
        card = view.map_scene.card_at(view.mapToScene(point))
        return self.card(card.statement_id) if card is not None else None

    def announce_current(self, ids: list[str]) -> None:
        """A screen reader hears the card the selection moved to (canvas focused)."""
        if ids and self._canvas.hasFocus() and QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.card(ids[-1]), QAccessible.Event.Focus)
            )

    def forget(self, statement_id: str) -> None:
        """A card's statement is gone: drop its interface."""
        found = self._cards.pop(statement_id, None)
        if found is not None:
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(found))


class _Follower(QObject):
    """A child of the view that relays the map's signals to the view's interface: it dies
    with the view, so the controller (which may outlive it) never calls a dead interface."""

    def __init__(self, view: MapView, interface: MapViewAccessible) -> None:
        super().__init__(view)
        self.interface = interface
        controller = view.map_scene.controller
        controller.selection_changed.connect(self.on_selection)
        controller.statement_removed.connect(self.on_removed)

    def on_selection(self, ids: list[str]) -> None:
        self.interface.announce_current(ids)

    def on_removed(self, statement_id: str) -> None:
        self.interface.forget(statement_id)


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, MapView):
        return MapViewAccessible(obj)
    return None


_installed: list[object] = []


def install() -> None:
    """Let Qt ask this module for the canvas's interface (once per process)."""
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed.append(_factory)
