"""Mouse gestures on the map, one class each: started on press, then move / end / cancel.

A gesture only previews on the canvas while it runs; when it ends it makes exactly one
controller call (so one undo step), and cancelling leaves the map untouched.
:class:`CanvasGestures` decides which gesture a press starts and feeds it the events.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
)

from argmap.model import InferenceKind
from argmap.model.edit_steps import EditError
from argmap.ui.canvas.card_item import CardItem
from argmap.ui.canvas.edge_item import EdgeItem

if TYPE_CHECKING:
    from argmap.ui.canvas.scene import MapScene


class Gesture:
    """A gesture in progress. ``end`` commits it, ``cancel`` undoes its previews."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        """The pointer moved to ``pos`` (scene coordinates)."""

    def end(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        """The button was released at ``pos``: commit."""

    def cancel(self) -> None:
        """Abandon the gesture (Escape, or another gesture started)."""


def _drag_threshold(scene: MapScene) -> float:
    """Qt's start-drag distance in scene units at the current zoom."""
    views = scene.views()
    scale = views[0].transform().m11() if views else 1.0
    return QApplication.startDragDistance() / max(scale, 1e-6)


def is_attack(modifiers: Qt.KeyboardModifier) -> bool:
    """Alt or Shift held: a drag that links or drops makes an attack, not a support."""
    return bool(modifiers & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier))


class DropTarget:
    """The card a drag would drop onto, marked on the canvas: at most one at a time.

    The scene has one (``MapScene.drop_target``) for every kind of drag (link, re-parent,
    a quote from the reader); far out, the overview draws its ring from it."""

    def __init__(self) -> None:
        self.card: CardItem | None = None

    def mark(self, card: CardItem | None) -> None:
        """Mark ``card`` (None: no card) and unmark the one marked before."""
        if card is self.card:
            return
        if self.card is not None:
            self.card.set_flags(drop_target=False)
        self.card = card
        if card is not None:
            card.set_flags(drop_target=True)

    def take(self) -> CardItem | None:
        """Unmark the card and return it (where the drag ended)."""
        card = self.card
        self.mark(None)
        return card

    def forget(self) -> None:
        """Let go of the card without unmarking it (its item is being deleted)."""
        self.card = None


class RubberBandSelect(Gesture):
    """Drag on empty canvas to select the cards inside a rectangle (Ctrl/Shift: add)."""

    def __init__(self, scene: MapScene, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        super().__init__(scene)
        self.origin = pos
        add = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        self.base = scene.controller.selection if modifiers & add else []
        self.band: QGraphicsRectItem | None = None

    def _rect(self, pos: QPointF) -> QRectF:
        return QRectF(self.origin, pos).normalized()

    def move(self, pos: QPointF, _modifiers: Qt.KeyboardModifier) -> None:
        if self.band is None:
            if QLineF(self.origin, pos).length() < _drag_threshold(self.scene):
                return
            colour = QColor(self.scene.theme.selection)
            fill = QColor(colour)
            fill.setAlpha(40)
            self.band = QGraphicsRectItem()
            self.band.setPen(QPen(colour, 0))
            self.band.setBrush(fill)
            self.band.setZValue(100)
            self.scene.addItem(self.band)
        self.band.setRect(self._rect(pos))

    def end(self, pos: QPointF, _modifiers: Qt.KeyboardModifier) -> None:
        if self.band is None:
            self.scene.controller.set_selection(self.base)
            return
        area = self._rect(pos)
        inside = [
            sid
            for sid, card in self.scene.cards.items()
            if card.isVisible() and area.intersects(card.sceneBoundingRect())
        ]
        self._drop_band()
        self.scene.controller.set_selection([*self.base, *inside])

    def cancel(self) -> None:
        self._drop_band()

    def _drop_band(self) -> None:
        if self.band is not None:
            self.scene.removeItem(self.band)
            self.band = None


class LinkDrag(Gesture):
    """Drag from a card's handle onto another card: a new support (Alt/Shift: attack)."""

    def __init__(self, scene: MapScene, card: CardItem, pos: QPointF) -> None:
        super().__init__(scene)
        self.source = card
        self.start = card.mapToScene(card.handle_center())
        self.target = scene.drop_target
        self.line = QGraphicsLineItem(QLineF(self.start, pos))
        self.line.setZValue(100)
        self._style(Qt.KeyboardModifier.NoModifier)
        scene.addItem(self.line)

    def _style(self, modifiers: Qt.KeyboardModifier) -> None:
        attack = is_attack(modifiers)
        colour = QColor(self.scene.theme.attack if attack else self.scene.theme.support)
        pen = QPen(colour, 2.5, Qt.PenStyle.DashLine if attack else Qt.PenStyle.SolidLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.line.setPen(pen)

    def move(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        self.line.setLine(QLineF(self.start, pos))
        self._style(modifiers)
        self.target.mark(self.scene.card_at(pos, exclude=[self.source.statement_id]))

    def end(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        target = self.scene.card_at(pos, exclude=[self.source.statement_id])
        self.cancel()
        if target is None:
            return
        kind = InferenceKind.ATTACK if is_attack(modifiers) else InferenceKind.SUPPORT
        try:
            self.scene.controller.add_inference(
                [self.source.statement_id], target.statement_id, kind
            )
        except EditError as exc:
            self.scene.message.emit(str(exc))

    def cancel(self) -> None:
        self.target.mark(None)
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class ReparentDrag(Gesture):
    """Drag cards: drop on empty canvas pins them there (one "Move" undo step); drop
    the card onto another card to move it, with its premises, under that card."""

    def __init__(self, scene: MapScene, card: CardItem, pos: QPointF) -> None:
        super().__init__(scene)
        self.card = card
        self.origin = pos
        self.moving = [scene.cards[s] for s in scene.selected_ids() if s in scene.cards]
        if card not in self.moving:
            self.moving.append(card)
        self.starts = {c.statement_id: QPointF(c.pos()) for c in self.moving}
        self.dragging = False
        self.target = scene.drop_target

    def move(self, pos: QPointF, _modifiers: Qt.KeyboardModifier) -> None:
        delta = pos - self.origin
        if not self.dragging:
            if QLineF(self.origin, pos).length() < _drag_threshold(self.scene):
                return
            self.dragging = True
        for c in self.moving:
            c.setPos(self.starts[c.statement_id] + delta)
        self._preview_edges()
        alone = len(self.moving) == 1  # only a single card can be re-parented
        self.target.mark(self.scene.card_at(pos, exclude=self.starts) if alone else None)

    def _preview_edges(self) -> None:
        """Redraw arrows touching the moved cards as straight lines (until the layout runs)."""
        scene = self.scene
        layout = scene.layout
        if layout is None:
            return
        tb = scene.direction == "TB"
        ix = scene.controller.index
        cards = scene.cards
        touching = {iid for s in self.starts for iid in (*ix.with_premise(s), *ix.concluding_in(s))}
        for iid in touching:
            edge = scene.edges.get(iid)
            routed = layout.edges.get(iid)
            inf = ix.inferences.get(iid)
            if edge is None or routed is None or inf is None or not edge.isVisible():
                continue
            if inf.conclusion not in cards:
                continue
            target = cards[inf.conclusion].sceneBoundingRect()
            starts = [cards[p].sceneBoundingRect() for p in inf.premises if p in cards]
            if not starts:
                continue
            src = starts[0]
            a = (src.center().x(), src.top() + 8) if tb else (src.left() + 8, src.center().y())
            b = (
                (target.center().x(), target.bottom() - 8)
                if tb
                else (target.right() - 8, target.center().y())
            )
            line = dataclasses.replace(
                routed, points=[a, b], premise_points=[a], feeders=[], bar=None
            )
            edge.set_layout(line)

    def end(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        if not self.dragging:
            return
        self.move(pos, modifiers)
        target = self.target.take()
        controller = self.scene.controller
        if target is None:
            controller.move({c.statement_id: (c.pos().x(), c.pos().y()) for c in self.moving})
            return
        try:
            controller.reparent(self.card.statement_id, target.statement_id)
        except EditError as exc:
            self.scene.message.emit(str(exc))
            self.scene.relayout()

    def cancel(self) -> None:
        self.target.mark(None)
        if self.dragging:
            self.scene.relayout()


class CanvasGestures:
    """Which gesture a press on the canvas starts; moves, the release and Escape go to it.

    Each handler returns whether it used the event (if not, the scene's default runs).
    """

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.action: Gesture | None = None  # the gesture in progress

    def start(self, gesture: Gesture) -> None:
        self.cancel()
        self.action = gesture

    def cancel(self) -> None:
        if self.action is not None:
            action, self.action = self.action, None
            action.cancel()

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        scene = self.scene
        scene.backlog.catch_up()  # gestures read item positions
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.scenePos()
        card = scene.card_at(pos)
        event.accept()
        if card is None:
            handle_card = self._handle_at(pos)
            if handle_card is not None:
                self.start(LinkDrag(scene, handle_card, pos))
                return True
            edge = next((i for i in scene.items(pos) if isinstance(i, EdgeItem)), None)
            if edge is not None and not event.modifiers():
                scene.inference_clicked.emit(edge.inference_id)
                return True
            self.start(RubberBandSelect(scene, pos, event.modifiers()))
            return True
        local = card.mapFromScene(pos)
        if card.hit_badge(local):
            scene.quote_requested.emit(card.statement.quotes[0])
        elif card.hit_handle(local):
            self.start(LinkDrag(scene, card, pos))
        else:
            self._press_select(card, event.modifiers())
            self.start(ReparentDrag(scene, card, pos))
        return True

    def _handle_at(self, pos: QPointF) -> CardItem | None:
        for item in self.scene.items(pos):
            if isinstance(item, CardItem) and item.hit_handle(item.mapFromScene(pos)):
                if item.isSelected() or item.isUnderMouse():
                    return item
        return None

    def _press_select(self, card: CardItem, modifiers: Qt.KeyboardModifier) -> None:
        sid = card.statement_id
        controller = self.scene.controller
        chosen = controller.selection
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            if sid in chosen:
                chosen.remove(sid)
            else:
                chosen.append(sid)
            controller.set_selection(chosen)
        elif sid not in chosen:
            controller.set_selection([sid])
        elif chosen[-1] != sid:  # keep the group, make this the current one
            controller.set_selection([s for s in chosen if s != sid] + [sid])

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.action is None:
            return False
        self.action.move(event.scenePos(), event.modifiers())
        event.accept()
        return True

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self.action is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        action, self.action = self.action, None
        action.end(event.scenePos(), event.modifiers())
        event.accept()
        return True

    def double_click(self, event: QGraphicsSceneMouseEvent) -> bool:
        scene = self.scene
        scene.backlog.catch_up()
        card = scene.card_at(event.scenePos())
        if card is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        self.cancel()
        scene.edit_requested.emit(card.statement_id)
        event.accept()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() != Qt.Key.Key_Escape or self.action is None:
            return False
        self.cancel()
        event.accept()
        return True
