"""Mouse gestures on the map, one class each: started on press, then move / end / cancel.

A gesture only previews on the canvas while it runs; when it ends it makes exactly one
controller call (so one undo step), and cancelling leaves the map untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsRectItem

from argmap.model import InferenceKind
from argmap.model.edit_steps import EditError

if TYPE_CHECKING:
    from argmap.ui.canvas.card_item import CardItem
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
        self.scene.preview_edges(set(self.starts))
        alone = len(self.moving) == 1  # only a single card can be re-parented
        self.target.mark(self.scene.card_at(pos, exclude=self.starts) if alone else None)

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
