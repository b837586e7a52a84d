"""Dropping a quote dragged from the source reader onto the canvas.

Onto a card: a new premise citing the quote, supporting that card (hold Alt or Shift to
attack it). Onto empty canvas: a new, unattached statement. Either way one undo step.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragMoveEvent, QDropEvent

from argmap.model import InferenceKind, StatementKind
from argmap.model.edit_steps import EditError
from argmap.ui.canvas.card_item import CardItem
from argmap.ui.canvas.interactions import is_attack
from argmap.ui.canvas.view import MapView
from argmap.ui.panes.source_reader import QUOTE_MIME


def parse_payload(data: bytes) -> tuple[str, int, int] | None:
    """(source id, start, end) from a quote drag, or None if it is not one."""
    try:
        raw = json.loads(data.decode("utf-8"))
        return str(raw["source"]), int(raw["start"]), int(raw["end"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


class QuoteDrop(QObject):
    """Watches the view's viewport for quote drags and turns a drop into one edit."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.target = view.map_scene.drop_target
        self._dragging = False  # a quote drag is over the view (its enter was taken here)
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self)

    def _card_under(self, event: QDragMoveEvent | QDropEvent) -> CardItem | None:
        pos = self.view.mapToScene(event.position().toPoint())
        return self.view.map_scene.card_at(pos)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)
            if not event.mimeData().hasFormat(QUOTE_MIME):
                return False
            self._dragging = True
            self.target.mark(self._card_under(event))
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.DragLeave and self._dragging:
            # The view never saw this drag enter: its leave is ours too (else Qt warns).
            self._dragging = False
            self.target.mark(None)
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            if not event.mimeData().hasFormat(QUOTE_MIME):
                return False
            card = self._card_under(event)
            self._dragging = False
            self.target.mark(None)
            payload = parse_payload(bytes(event.mimeData().data(QUOTE_MIME).data()))
            if payload is not None:
                attack = is_attack(event.modifiers())
                self.drop(payload, card.statement_id if card else None, attack)
            event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)

    def drop(self, payload: tuple[str, int, int], parent: str | None, attack: bool) -> None:
        """Create the statement for a dropped quote (under ``parent`` when given)."""
        source_id, start, end = payload
        controller = self.view.map_scene.controller
        try:
            sid, _qid = controller.add_premise_from_quote(
                source_id,
                start,
                end,
                parent=parent,
                relation=InferenceKind.ATTACK if attack else InferenceKind.SUPPORT,
                kind=StatementKind.OBJECTION if attack else StatementKind.EVIDENCE,
            )
        except EditError as exc:
            self.view.map_scene.message.emit(str(exc))
            return
        controller.set_selection([sid])
        self.view.reveal(sid)
