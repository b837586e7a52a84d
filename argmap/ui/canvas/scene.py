"""The map scene: mirrors the controller's map into card and edge items, one way.

Controller signals add, remove and refresh items and collect the ids an edit touched;
after the edit the layouter re-lays out only what those ids invalidate, and the scene
updates only the items in its ``last_delta`` (so an edit on a 5,000-card map touches a
handful of items; ``work`` counts them). Below a readable zoom the view paints the
scene's :class:`Overview` instead of the items. Selection, find matches and focus-mode
dimming are :class:`~argmap.ui.canvas.scene_marks.SceneMarks`' job (``scene.marks``);
pointer events go to :class:`~argmap.ui.canvas.interactions.CanvasGestures`
(``scene.gestures``), one object per gesture, ending in controller calls, never in
model writes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from argmap.export.themes import Theme
from argmap.export.themes import theme as theme_named
from argmap.layout.geometry import Box, LayoutDelta, MapLayout
from argmap.layout.tidy_tree import TreeLayouter
from argmap.ui.canvas import interactions
from argmap.ui.canvas.card_item import CardItem
from argmap.ui.canvas.dialogue_layer import DialogueLayer
from argmap.ui.canvas.edge_item import EdgeItem
from argmap.ui.canvas.item_backlog import ItemBacklog, SceneWork
from argmap.ui.canvas.overview import Overview, paint_low_detail
from argmap.ui.canvas.scene_marks import SceneMarks
from argmap.ui.editing.controller import DocumentController

_SCENE_MARGIN = 400.0
_MAX_BSP_DEPTH = 10


class MapScene(QGraphicsScene):
    """Cards and arrows for the controller's map, kept in step with every edit."""

    quote_requested = Signal(str)
    inference_clicked = Signal(str)  # an arrow was clicked: inspect that inference
    message = Signal(str)  # a refused gesture explains itself (status bar)
    edit_requested = Signal(str)  # double-click on a card: edit its text in place

    def __init__(
        self,
        controller: DocumentController,
        theme: Theme | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.theme = theme or theme_named("light")
        self.layouter = TreeLayouter(self.theme.metrics)
        self._layout: MapLayout | None = None
        self._shown_bounds: Box | None = None  # the layout bounds the scene rect is made from
        self.cards: dict[str, CardItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.overview = Overview(self.theme)
        self.overlays: list[QGraphicsItem] = []  # gesture previews (band, link line)
        self.work = SceneWork()
        self.backlog = ItemBacklog(self)
        self.gestures = interactions.CanvasGestures(self)
        self.drop_target = interactions.DropTarget()
        self._changed: set[str] = set()  # ids the edit in progress touched
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor(self.theme.background))
        c = controller
        c.document_reset.connect(self.rebuild)
        c.statement_added.connect(self._on_statement_added)
        c.statement_removed.connect(self._on_statement_removed)
        c.statement_changed.connect(self._on_statement_changed)
        c.inference_added.connect(self._on_inference_added)
        c.inference_removed.connect(self._on_inference_removed)
        c.inference_changed.connect(self._on_record_changed)
        c.view_changed.connect(self._on_record_changed)
        c.edited.connect(self._on_edited)
        self.marks = SceneMarks(self)
        self.dialogue = DialogueLayer(self)  # the AIF dialogue beside cards, when shown
        c.selection_changed.connect(self._on_controller_selection)
        self.selectionChanged.connect(self._on_scene_selection)
        self.quote_requested.connect(c.request_quote)
        self.rebuild()

    # --- lookups ---------------------------------------------------------------------------

    @property
    def layout(self) -> MapLayout | None:
        """The current layout, complete: what the last edit left for idle time (cards
        far from the view) is done first."""
        if self.layouter.pending:
            self.advance_layout(None)
        return self._layout

    @property
    def direction(self) -> str:
        return self._layout.direction if self._layout is not None else "TB"

    def card_at(self, pos: QPointF, exclude: Iterable[str] = ()) -> CardItem | None:
        """The visible card under a scene point (topmost), skipping ``exclude``."""
        self.backlog.catch_up()
        skip = set(exclude)
        for item in self.items(pos):
            if isinstance(item, CardItem) and item.isVisible() and item.statement_id not in skip:
                if item.rect().contains(item.mapFromScene(pos)):
                    return item
        return None

    def reading_order(self) -> list[str]:
        """Visible statements top to bottom, left to right (find steps in this order)."""
        if self.layout is None:
            return []
        cards = self.layout.cards.values()
        return [c.statement_id for c in sorted(cards, key=lambda c: (c.box.y, c.box.x))]

    def selected_ids(self) -> list[str]:
        """Selected statement ids, ordered as the controller knows them."""
        chosen = {i.statement_id for i in self.selectedItems() if isinstance(i, CardItem)}
        ordered = [s for s in self.controller.selection if s in chosen]
        return ordered + sorted(chosen - set(ordered))

    def shown_area(self) -> QRectF | None:
        """The scene area the views show items in, with half a view around it (None: no
        view; empty: views draw the low-detail overview, not items)."""
        views = self.views()
        if not views:
            return None
        area = QRectF()
        for view in views:
            if getattr(view, "low_detail", False):
                continue
            r = view.mapToScene(view.viewport().rect()).boundingRect()
            w, h = r.width() / 2, r.height() / 2
            area = area.united(r.adjusted(-w, -h, w, h))
        return area

    # --- items that are neither cards nor arrows --------------------------------------------

    def addItem(self, item: QGraphicsItem) -> None:
        """Add an item; gesture previews are remembered so the overview can draw them."""
        super().addItem(item)
        if not isinstance(item, CardItem | EdgeItem):
            self.overlays.append(item)

    def removeItem(self, item: QGraphicsItem) -> None:
        if item in self.overlays:
            self.overlays.remove(item)
        super().removeItem(item)

    # --- mirroring the controller ----------------------------------------------------------

    def rebuild(self) -> None:
        """Drop every item and build them again, already in place (a new map was loaded)."""
        # The cyclic collector would rescan the whole map (a million objects at 20,000
        # statements) again and again: while the items are made (none are cycles), and
        # after, on every full collection (measured: 0.2 to 1.7 s per open, and pauses of
        # ~1 s while editing). So the open map is frozen out of its reach; what the
        # previous map left is handed back first.
        gc.unfreeze()
        paused = gc.isenabled()
        gc.disable()
        try:
            self._rebuild()
        finally:
            if paused:
                gc.enable()
        gc.freeze()

    def _rebuild(self) -> None:
        self.gestures.cancel()
        self.drop_target.forget()  # a quote drag over the view: its card goes now
        self.clear()
        self.dialogue.forget()
        self.overlays.clear()
        self.cards.clear()
        self.edges.clear()
        self._changed.clear()
        self.backlog.clear()
        self.marks.clear()
        self.layouter = TreeLayouter(self.theme.metrics)
        layout = self._lay_out()
        theme, work = self.theme, self.work
        for s in self.controller.doc.statements:
            card = CardItem(s, theme)
            placed = layout.cards.get(s.id)
            if placed is None:
                card.setVisible(False)  # hidden under a collapsed card
            else:
                card.set_layout(placed)
            self.cards[s.id] = card
            self.addItem(card)
        routed = layout.edges
        for i in self.controller.doc.inferences:
            edge = EdgeItem(i.id, theme)
            path = routed.get(i.id)
            if path is None:
                edge.setVisible(False)
            else:
                edge.set_layout(path)
            self.edges[i.id] = edge
            self.addItem(edge)
        # Qt would pick ~log2(items) levels: long arrows then sit in thousands of cells
        # (measured at 20,000 statements: 68 MB and 0.4 s to index, against 1 MB at 10).
        self.setBspTreeDepth(min(_MAX_BSP_DEPTH, max(4, (len(self.cards) * 2).bit_length() - 4)))
        work.cards_created += len(self.cards)
        work.edges_created += len(self.edges)
        work.cards_placed += len(layout.cards)
        work.edges_placed += len(routed)
        self.backlog.layout = layout
        self._finish(layout, None)

    def _on_statement_added(self, statement_id: str) -> None:
        card = CardItem(self.controller.index.statement(statement_id), self.theme)
        card.setVisible(False)  # until the layout places it
        self.cards[statement_id] = card
        self.addItem(card)
        self.work.cards_created += 1
        self._changed.add(statement_id)

    def _on_statement_removed(self, statement_id: str) -> None:
        card = self.cards.pop(statement_id, None)
        if card is not None:
            self.removeItem(card)
            self.work.items_removed += 1
        self._changed.add(statement_id)

    def _on_statement_changed(self, statement_id: str, _field: str) -> None:
        card = self.cards.get(statement_id)
        if card is not None:
            card.set_statement(self.controller.index.statement(statement_id))
            self.work.items_refreshed += 1
        self._changed.add(statement_id)

    def _on_inference_added(self, inference_id: str) -> None:
        edge = EdgeItem(inference_id, self.theme)
        edge.setVisible(False)
        self.edges[inference_id] = edge
        self.addItem(edge)
        self.work.edges_created += 1
        self._changed.add(inference_id)

    def _on_inference_removed(self, inference_id: str) -> None:
        edge = self.edges.pop(inference_id, None)
        if edge is not None:
            self.removeItem(edge)
            self.work.items_removed += 1
        self._changed.add(inference_id)

    def _on_record_changed(self, record_id: str, _field: str) -> None:
        if record_id:  # "" is the map's direction: the layouter notices that itself
            self._changed.add(record_id)

    def _lay_out(self) -> MapLayout:
        """The layout after the edit in progress (only what its ids invalidate is redone)."""
        doc = self.controller.doc
        changed, self._changed = self._changed, set()
        if not doc.statements:  # an empty map has nothing to lay out
            self.layouter = TreeLayouter(self.theme.metrics)  # the next layout is a full one
            return MapLayout({}, {}, Box(0, 0, 0, 0), direction=doc.view.direction)
        area = self.shown_area()
        near = None
        if area is not None and not area.isEmpty():  # cards far from it may wait
            near = Box(area.x(), area.y(), area.width(), area.height())
        return self.layouter.relayout(doc, changed, near=near)

    def advance_layout(self, limit: int | None) -> None:
        """Let the layouter do some of the work the last edit left (about ``limit``
        cards; all if None) and queue the items it moved."""
        layout = self._layout
        delta = self.layouter.finish(limit)
        if layout is None:
            return
        self.backlog.place(layout, delta.moved, delta.edges_changed)
        self._finish(layout, delta)

    def _on_edited(self) -> None:
        """After an edit: lay out again and update only the items that changed."""
        layout = self._lay_out()
        delta = self.layouter.last_delta if layout.cards else LayoutDelta(full=True)
        if delta.full:
            self._place_all(layout)
            self._finish(layout, None)
            return
        cards, edges, work = self.cards, self.edges, self.work
        for sid in delta.removed:  # deleted, or hidden under a collapsed card
            card = cards.get(sid)
            if card is not None:
                card.setVisible(False)
                work.items_refreshed += 1
        for iid in delta.edges_removed:
            edge = edges.get(iid)
            if edge is not None:
                edge.setVisible(False)
                work.items_refreshed += 1
        self.backlog.place(layout, (*delta.moved, *delta.added), delta.edges_changed)
        self._finish(layout, delta)
        if self.layouter.pending:
            self.backlog.wake()

    def relayout(self) -> None:
        """Lay the map out again and put every item back in its place (e.g. after a
        cancelled drag moved some)."""
        layout = self._lay_out()
        self._place_all(layout)
        self._finish(layout, None)

    def _place_all(self, layout: MapLayout) -> None:
        self.backlog.clear()
        self.backlog.layout = layout
        work = self.work
        for sid, card in self.cards.items():
            placed = layout.cards.get(sid)
            if placed is None:
                card.setVisible(False)
                continue
            card.set_layout(placed)
            card.setVisible(True)
            work.cards_placed += 1
        for iid, edge in self.edges.items():
            routed = layout.edges.get(iid)
            if routed is None:
                edge.setVisible(False)
                continue
            edge.set_layout(routed)
            edge.setVisible(True)
            work.edges_placed += 1

    def _finish(self, layout: MapLayout, delta: LayoutDelta | None) -> None:
        """Scene rect, overview and focus after items moved (``delta`` None: all did)."""
        self._layout = layout
        if self._shown_bounds != layout.bounds:
            b = self._shown_bounds = layout.bounds
            area = QRectF(b.x, b.y, b.w, b.h).adjusted(
                -_SCENE_MARGIN, -_SCENE_MARGIN, _SCENE_MARGIN, _SCENE_MARGIN
            )
            self.setSceneRect(area)
        if delta is None:
            self.overview.reset(layout, self.marks.dimmed)
        else:
            self.overview.update(
                layout,
                (*delta.moved, *delta.added, *delta.removed),
                (*delta.edges_changed, *delta.edges_removed),
            )
        self.marks.apply_focus()
        if self.dialogue.shown:
            self.dialogue.refresh(layout)

    # Selection slots stay on the scene (a QObject), so Qt drops them when it is deleted.
    def _on_controller_selection(self, ids: list[str]) -> None:
        self.marks.on_controller_selection(ids)

    def _on_scene_selection(self) -> None:
        self.marks.on_scene_selection()

    def set_theme(self, theme: Theme) -> None:
        """Show the map in another theme (e.g. for a projector)."""
        self.theme = theme
        self.setBackgroundBrush(QColor(theme.background))
        self.layouter = TreeLayouter(theme.metrics)
        self.overview.set_theme(theme)
        for card in self.cards.values():
            card.set_theme(theme)
        for edge in self.edges.values():
            edge.set_theme(theme)
        self.relayout()

    # --- low detail ----------------------------------------------------------------------

    def paint_overview(self, painter: QPainter, exposed: QRectF, zoom: float) -> None:
        """Draw the map in low detail (the view calls this below a readable zoom)."""
        paint_low_detail(self, painter, exposed, zoom)

    # --- pointer events go to the gesture they start or continue --------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.gestures.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.gestures.move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.gestures.release(event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.gestures.double_click(event):
            super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.gestures.key_press(event):
            super().keyPressEvent(event)
