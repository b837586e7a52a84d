"""The kept AIF dialogue drawn on the canvas: a muted note beside each statement saying who
said it and how, what it rephrases or is preferred to (View ▸ Show dialogue; off by default).

Notes are drawn, never edited: the dialogue is AIF material the map keeps for export.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from argmap.export.card_painter import font
from argmap.export.themes import Theme, mix
from argmap.layout.dialogue_notes import dialogue_notes
from argmap.layout.geometry import MapLayout

if TYPE_CHECKING:
    from argmap.ui.canvas.scene import MapScene

WIDTH = 230.0  # a note's width in scene units at the default theme
GAP = 8.0  # between a card and its note
PAD = 5.0
_FLAGS = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class DialogueNote(QGraphicsItem):
    """One statement's dialogue lines in a muted box, under the cards."""

    def __init__(self, statement_id: str, lines: list[str], theme: Theme) -> None:
        super().__init__()
        self.statement_id = statement_id
        self.text = "\n".join(lines)
        self.theme = theme
        self.font = QFont(font(max(9, round(theme.metrics.body_px * 0.8))))  # a copy:
        self.font.setItalic(True)  # the cached font is shared by all text of its size
        width = WIDTH * theme.scale
        text = QFontMetricsF(self.font).boundingRect(
            QRectF(0, 0, width - 2 * PAD, 10_000), _FLAGS, self.text
        )
        self._rect = QRectF(0, 0, width, text.height() + 2 * PAD)
        self.setZValue(-0.5)  # above arrows, below cards

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        th = self.theme
        muted = QColor(mix(th.text, th.background, 0.45))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(mix(th.text, th.background, 0.93)))
        painter.drawRoundedRect(self._rect, 4, 4)
        painter.setPen(muted)
        painter.setFont(self.font)
        painter.drawText(self._rect.adjusted(PAD, PAD, -PAD, -PAD), _FLAGS, self.text)


class DialogueLayer:
    """Keeps one note per statement with dialogue lines beside its card while shown."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.shown = False
        self.notes: dict[str, DialogueNote] = {}

    def toggle(self) -> None:
        """Show the notes if hidden, hide them if shown."""
        self.set_shown(not self.shown)

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        self.refresh(self.scene.layout)

    def clear(self) -> None:
        """Take the notes off the scene."""
        for note in self.notes.values():
            QGraphicsScene.removeItem(self.scene, note)
        self.notes = {}

    def forget(self) -> None:
        """The scene dropped every item (a new map): the notes went with them."""
        self.notes = {}

    def refresh(self, layout: MapLayout | None) -> None:
        """Notes for the map as it is now, beside its cards (right of them top-down,
        below them left-to-right, where the arrows do not run)."""
        self.clear()
        if not self.shown or layout is None:
            return
        theme = self.scene.theme
        for sid, lines in dialogue_notes(self.scene.controller.doc).items():
            card = layout.cards.get(sid)
            if card is None or not lines:
                continue
            note = DialogueNote(sid, lines, theme)
            b = card.box
            if layout.direction == "LR":
                note.setPos(b.x, b.bottom + GAP * theme.scale)
            else:
                note.setPos(b.right + GAP * theme.scale, b.y)
            QGraphicsScene.addItem(self.scene, note)  # not a gesture overlay
            self.notes[sid] = note
        if self.notes:  # scroll to the notes too
            area = self.scene.sceneRect()
            for note in self.notes.values():
                area = area.united(note.sceneBoundingRect().adjusted(0, 0, GAP, GAP))
            self.scene.setSceneRect(area)
