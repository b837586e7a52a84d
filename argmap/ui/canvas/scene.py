"""The map scene: mirrors the controller's map into card and edge items, one way.

Controller signals add, remove and refresh items; after each edit the layout is re-run
(measurements are cached, so only touched cards are re-measured) and items are moved
to their new places. Mouse gestures are handled by one object per gesture
(argmap.ui.canvas.interactions); they end in controller calls, never in model writes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from argmap.export.themes import Theme
from argmap.export.themes import theme as theme_named
from argmap.layout.geometry import EdgeLayout, MapLayout
from argmap.layout.tidy_tree import TreeLayouter
from argmap.ui.canvas import interactions
from argmap.ui.canvas.card_item import CardItem
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.controller import DocumentController

_SCENE_MARGIN = 400.0


class MapScene(QGraphicsScene):
    """Cards and arrows for the controller's map, kept in step with every edit."""

    quote_requested = Signal(str)
    message = Signal(str)  # a refused gesture explains itself (status bar)
    edit_requested = Signal(str)  # double-click on a card: edit its text in place

    def __init__(
        self, controller: DocumentController, theme: Theme | None = None, parent: object = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.theme = theme or theme_named("light")
        self.layouter = TreeLayouter(self.theme.metrics)
        self.layout: MapLayout | None = None
        self.cards: dict[str, CardItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.focus_mode = False
        self.action: interactions.Gesture | None = None
        self._matches: set[str] = set()
        self._syncing_selection = False
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor(self.theme.background))
        c = controller
        c.document_reset.connect(self.rebuild)
        c.statement_added.connect(self._on_statement_added)
        c.statement_removed.connect(self._on_statement_removed)
        c.statement_changed.connect(self._on_statement_changed)
        c.inference_added.connect(self._on_inference_added)
        c.inference_removed.connect(self._on_inference_removed)
        c.edited.connect(self.relayout)
        c.selection_changed.connect(self._on_controller_selection)
        self.selectionChanged.connect(self._on_scene_selection)
        self.quote_requested.connect(c.request_quote)
        self.rebuild()

    # --- lookups ---------------------------------------------------------------------------

    @property
    def direction(self) -> str:
        return self.layout.direction if self.layout is not None else "TB"

    def item_for(self, record_id: str) -> CardItem | EdgeItem | None:
        """The card of a statement or the arrow of an inference."""
        return self.cards.get(record_id) or self.edges.get(record_id)

    def card_at(self, pos: QPointF, exclude: Iterable[str] = ()) -> CardItem | None:
        """The visible card under a scene point (topmost), skipping ``exclude``."""
        skip = set(exclude)
        for item in self.items(pos):
            if isinstance(item, CardItem) and item.isVisible() and item.statement_id not in skip:
                if item.rect().contains(item.mapFromScene(pos)):
                    return item
        return None

    def selected_ids(self) -> list[str]:
        """Selected statement ids, ordered as the controller knows them."""
        chosen = {i.statement_id for i in self.selectedItems() if isinstance(i, CardItem)}
        ordered = [s for s in self.controller.selection if s in chosen]
        return ordered + sorted(chosen - set(ordered))

    # --- mirroring the controller ----------------------------------------------------------

    def rebuild(self) -> None:
        """Drop every item and build them again (a new map was loaded)."""
        self.cancel_gesture()
        self.clear()
        self.cards.clear()
        self.edges.clear()
        self.layouter = TreeLayouter(self.theme.metrics)
        for s in self.controller.doc.statements:
            self._on_statement_added(s.id)
        for i in self.controller.doc.inferences:
            self._on_inference_added(i.id)
        self.relayout()

    def _on_statement_added(self, statement_id: str) -> None:
        card = CardItem(self.controller.index.statement(statement_id), self.theme)
        card.setVisible(False)  # until the layout places it
        self.cards[statement_id] = card
        self.addItem(card)

    def _on_statement_removed(self, statement_id: str) -> None:
        card = self.cards.pop(statement_id, None)
        if card is not None:
            self.removeItem(card)

    def _on_statement_changed(self, statement_id: str, _field: str) -> None:
        card = self.cards.get(statement_id)
        if card is not None:
            card.set_statement(self.controller.index.statement(statement_id))

    def _on_inference_added(self, inference_id: str) -> None:
        edge = EdgeItem(inference_id, self.theme)
        edge.setVisible(False)
        self.edges[inference_id] = edge
        self.addItem(edge)

    def _on_inference_removed(self, inference_id: str) -> None:
        edge = self.edges.pop(inference_id, None)
        if edge is not None:
            self.removeItem(edge)

    def relayout(self) -> None:
        """Lay the map out again and move, show or hide items to match."""
        layout = self.layouter.layout(self.controller.doc)
        self.layout = layout
        for sid, card in self.cards.items():
            placed = layout.cards.get(sid)
            if placed is None:
                card.setVisible(False)
                continue
            card.set_layout(placed)
            card.setVisible(True)
        for iid, edge in self.edges.items():
            routed = layout.edges.get(iid)
            if routed is None:
                edge.setVisible(False)
                continue
            edge.set_layout(routed)
            edge.setVisible(True)
        b = layout.bounds
        area = QRectF(b.x, b.y, b.w, b.h).adjusted(
            -_SCENE_MARGIN, -_SCENE_MARGIN, _SCENE_MARGIN, _SCENE_MARGIN
        )
        self.setSceneRect(area)
        self._apply_focus()

    def set_theme(self, theme: Theme) -> None:
        """Show the map in another theme (e.g. for a projector)."""
        self.theme = theme
        self.setBackgroundBrush(QColor(theme.background))
        self.layouter = TreeLayouter(theme.metrics)
        for card in self.cards.values():
            card.set_theme(theme)
        for edge in self.edges.values():
            edge.set_theme(theme)
        self.relayout()

    # --- selection ---------------------------------------------------------------------

    def _on_scene_selection(self) -> None:
        if self._syncing_selection:
            return
        self.controller.set_selection(self.selected_ids())
        self._apply_focus()

    def _on_controller_selection(self, ids: list[str]) -> None:
        self._syncing_selection = True
        try:
            wanted = set(ids)
            for sid, card in self.cards.items():
                if card.isSelected() != (sid in wanted):
                    card.setSelected(sid in wanted)
            current = ids[-1] if ids else None
            for sid in self.cards:
                self.cards[sid].set_flags(current=sid == current)
        finally:
            self._syncing_selection = False
        self._apply_focus()

    def select_only(self, statement_id: str) -> None:
        """Select one statement (the keyboard's current card)."""
        self.controller.set_selection([statement_id])

    # --- focus mode and find -------------------------------------------------------------

    def set_focus_mode(self, on: bool) -> None:
        """Dim everything except the current statement's ancestors and descendants."""
        self.focus_mode = on
        self._apply_focus()

    def focus_set(self) -> set[str] | None:
        """Statement and inference ids kept bright in focus mode (None: all)."""
        current = self.controller.current
        if not self.focus_mode or current is None:
            return None
        ix = self.controller.index
        keep = {current}
        for step in (ix.parents, ix.children):
            stack = [current]
            while stack:
                for nxt in step(stack.pop()):
                    if nxt not in keep:
                        keep.add(nxt)
                        stack.append(nxt)
        edges = {
            iid
            for iid, inf in ix.inferences.items()
            if inf.conclusion in keep and all(p in keep for p in inf.premises)
        }
        return keep | edges

    def _apply_focus(self) -> None:
        keep = self.focus_set()
        for sid, card in self.cards.items():
            card.set_flags(dimmed=keep is not None and sid not in keep)
        for iid, edge in self.edges.items():
            edge.set_dimmed(keep is not None and iid not in keep)

    def set_matches(self, ids: Iterable[str], current: str | None = None) -> None:
        """Highlight find matches; ``current`` gets the strong highlight."""
        new = set(ids)
        for sid in self._matches | new:
            card = self.cards.get(sid)
            if card is not None:
                card.set_flags(highlighted=sid in new, match_current=sid == current)
        self._matches = new

    # --- previews while dragging -------------------------------------------------------

    def preview_edges(self, moved: set[str]) -> None:
        """Redraw arrows touching moved cards as straight lines (until the layout runs)."""
        if self.layout is None:
            return
        tb = self.direction == "TB"
        for iid, edge in self.edges.items():
            routed = self.layout.edges.get(iid)
            inf = self.controller.index.inferences.get(iid)
            if routed is None or inf is None or not edge.isVisible():
                continue
            ends = [*inf.premises, inf.conclusion]
            if not moved.intersection(ends) or inf.conclusion not in self.cards:
                continue
            target = self.cards[inf.conclusion].sceneBoundingRect()
            starts = [self.cards[p].sceneBoundingRect() for p in inf.premises if p in self.cards]
            if not starts:
                continue
            src = starts[0]
            a = (src.center().x(), src.top() + 8) if tb else (src.left() + 8, src.center().y())
            b = (
                (target.center().x(), target.bottom() - 8)
                if tb
                else (target.right() - 8, target.center().y())
            )
            edge.set_layout(
                dataclasses.replace(
                    routed,
                    points=[a, b],
                    premise_points=[a],
                    **_no_join(routed),
                )
            )

    # --- gestures ------------------------------------------------------------------------

    def start_gesture(self, gesture: interactions.Gesture) -> None:
        self.cancel_gesture()
        self.action = gesture

    def end_gesture(self) -> None:
        self.action = None

    def cancel_gesture(self) -> None:
        if self.action is not None:
            action, self.action = self.action, None
            action.cancel()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.scenePos()
        card = self.card_at(pos)
        if card is None:
            handle_card = self._handle_at(pos)
            if handle_card is not None:
                self.start_gesture(interactions.LinkDrag(self, handle_card, pos))
                event.accept()
                return
            self.start_gesture(interactions.RubberBandSelect(self, pos, event.modifiers()))
            event.accept()
            return
        local = card.mapFromScene(pos)
        if card.hit_badge(local):
            self.quote_requested.emit(card.statement.quotes[0])
            event.accept()
            return
        if card.hit_handle(local):
            self.start_gesture(interactions.LinkDrag(self, card, pos))
            event.accept()
            return
        self._press_select(card, event.modifiers())
        self.start_gesture(interactions.ReparentDrag(self, card, pos))
        event.accept()

    def _handle_at(self, pos: QPointF) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem) and item.hit_handle(item.mapFromScene(pos)):
                if item.isSelected() or item.isUnderMouse():
                    return item
        return None

    def _press_select(self, card: CardItem, modifiers: Qt.KeyboardModifier) -> None:
        sid = card.statement_id
        chosen = self.controller.selection
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            if sid in chosen:
                chosen.remove(sid)
            else:
                chosen.append(sid)
            self.controller.set_selection(chosen)
        elif sid not in chosen:
            self.controller.set_selection([sid])
        elif chosen[-1] != sid:  # keep the group, make this the current one
            self.controller.set_selection([s for s in chosen if s != sid] + [sid])

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.action is not None:
            self.action.move(event.scenePos(), event.modifiers())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.action is not None and event.button() == Qt.MouseButton.LeftButton:
            action, self.action = self.action, None
            action.end(event.scenePos(), event.modifiers())
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        card = self.card_at(event.scenePos())
        if card is not None and event.button() == Qt.MouseButton.LeftButton:
            self.cancel_gesture()
            self.edit_requested.emit(card.statement_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.action is not None:
            self.cancel_gesture()
            event.accept()
            return
        super().keyPressEvent(event)


def _no_join(edge: EdgeLayout) -> dict[str, object]:
    """Field values that drop a linked group's bar from a preview copy of ``edge``."""
    fields = {f.name for f in dataclasses.fields(edge)}
    out: dict[str, object] = {}
    if "feeders" in fields:
        out["feeders"] = []
    if "bar" in fields:
        out["bar"] = None
    return out
