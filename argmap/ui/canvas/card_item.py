"""A statement's card on the canvas: painted by the export card painter, so screen = export.

Maps hold thousands of cards, so an item keeps little state (slots, bounds rectangles
shared by cards of one size, marks shared until one is set) and sets its hand cursor
only while hovered.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from argmap.export.card_painter import CardState, paint_card
from argmap.export.themes import Theme
from argmap.layout.card_metrics import badge_text
from argmap.layout.geometry import CardLayout
from argmap.layout.text_metrics import text_width
from argmap.model import Statement

_HANDLE_RADIUS = 6.0
_MARGIN = 8.0  # room around the card for the selection ring and shadow
_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_SELECTED = QStyle.StateFlag.State_Selected
_HOVERED = QStyle.StateFlag.State_MouseOver
_HAND = Qt.CursorShape.PointingHandCursor
_UNPLACED = QRectF(-_MARGIN, -_MARGIN, 150 + 2 * _MARGIN, 40 + 2 * _MARGIN)
_SHARED_BOUNDS: dict[tuple[float, float], QRectF] = {}
_MAX_SHARED = 4096  # sizes remembered (a 20,000-statement map has ~1,300)


def _card_bounds(w: float, h: float) -> QRectF:
    """The bounds of a w x h card with its ring margin, one rectangle per size: a
    QRectF per card was ~220 bytes (wrapper, C++ object, binding entry), 4 MB at 20,000
    cards. Qt copies what ``boundingRect`` returns, and no one changes them in place."""
    key = (w, h)
    rect = _SHARED_BOUNDS.get(key)
    if rect is None:
        if len(_SHARED_BOUNDS) >= _MAX_SHARED:
            _SHARED_BOUNDS.clear()  # cards keep theirs; later ones share anew
        rect = _SHARED_BOUNDS[key] = QRectF(-_MARGIN, -_MARGIN, w + 2 * _MARGIN, h + 2 * _MARGIN)
    return rect


@dataclass(frozen=True, slots=True)
class CardMarks:
    """Canvas-only marks on a card: find matches, focus dimming, drop target."""

    highlighted: bool = False
    dimmed: bool = False
    drop_target: bool = False
    current: bool = False
    weight: float | None = None  # a scenario's live weight, shown on its card


_NO_MARKS = CardMarks()


def _same_look(a: CardLayout, b: CardLayout) -> bool:
    """Whether two placements of a card draw the same card (wherever they put it)."""
    return (
        a.box.w == b.box.w
        and a.box.h == b.box.h
        and a.lines == b.lines
        and a.kind == b.kind
        and a.quote_count == b.quote_count
        and a.hidden_count == b.hidden_count
    )


class CardItem(QGraphicsItem):
    """Shows one statement. It never edits the map: the scene reads its gestures."""

    __slots__ = ("statement", "theme", "layout", "marks", "_bounds")

    def __init__(self, statement: Statement, theme: Theme) -> None:
        super().__init__()
        self.statement = statement
        self.theme = theme
        self.layout: CardLayout | None = None
        self.marks = _NO_MARKS
        self._bounds = _UNPLACED  # the card's rectangle plus the ring margin
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)

    @property
    def statement_id(self) -> str:
        return self.statement.id

    # --- state from the scene --------------------------------------------------------

    def set_layout(self, card: CardLayout) -> None:
        """Place the card where the layout says (scene units)."""
        box = card.box
        old = self.layout
        self.layout = card
        self.setPos(box.x, box.y)  # a no-op for Qt when unchanged
        if old is not None and _same_look(old, card):
            return  # only moved: Qt repaints the old and new places itself
        if old is None or old.box.w != box.w or old.box.h != box.h:
            self.prepareGeometryChange()
            self._bounds = _card_bounds(box.w, box.h)
        self.update()

    def set_statement(self, statement: Statement) -> None:
        self.statement = statement
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def set_flags(self, **flags: bool) -> None:
        """Update marks (``highlighted``, ``dimmed``, ``drop_target``, ``current``...)."""
        marks = self.marks
        if any(getattr(marks, name) != value for name, value in flags.items()):
            self.marks = dataclasses.replace(marks, **flags)
            self.update()

    def set_weight(self, weight: float | None) -> None:
        """Show a scenario's current weight on the card (None hides it)."""
        if self.marks.weight != weight:
            # Marks are shared until changed (_NO_MARKS): replace, never mutate.
            self.marks = dataclasses.replace(self.marks, weight=weight)
            self.update()

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setCursor(_HAND)  # only while hovered: a cursor per idle card costs memory
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.unsetCursor()
        super().hoverLeaveEvent(event)

    # --- geometry ------------------------------------------------------------------------

    def rect(self) -> QRectF:
        """The card's own rectangle in item coordinates."""
        return self._bounds.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # the handle overlaps the card
        path.addRoundedRect(self.rect(), 8, 8)
        path.addEllipse(self.handle_center(), _HANDLE_RADIUS + 3, _HANDLE_RADIUS + 3)
        return path

    def handle_center(self) -> QPointF:
        """The link handle: on the side facing the conclusion (top, or left in LR)."""
        rect = self.rect()
        left_to_right = self.layout is not None and self.layout_direction() == "LR"
        if left_to_right:
            return QPointF(rect.right(), rect.center().y())
        return QPointF(rect.center().x(), rect.top())

    def layout_direction(self) -> str:
        scene = self.scene()
        return str(getattr(scene, "direction", "TB"))

    def hit_handle(self, pos: QPointF) -> bool:
        """Whether an item-coordinate point is on the link handle."""
        d = pos - self.handle_center()
        return (d.x() * d.x() + d.y() * d.y()) <= (_HANDLE_RADIUS + 3) ** 2

    def hit_badge(self, pos: QPointF) -> bool:
        """Whether an item-coordinate point is on the quote badge (right of the label)."""
        if self.layout is None or not self.statement.quotes:
            return False
        m = self.theme.metrics
        badge_w = text_width(badge_text(len(self.statement.quotes)), m.label_px, True)
        rect = self.rect()
        left = rect.right() - m.pad_x - badge_w - m.label_px * 2 - 6
        if self.statement.kind.value == "question":
            left -= rect.height() * 0.25
        top_band = m.pad_y + m.label_height + 3
        return left <= pos.x() <= rect.right() and 0 <= pos.y() <= top_band

    # --- painting --------------------------------------------------------------------------

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        _widget: QWidget | None = None,
    ) -> None:
        if self.layout is None:
            return
        marks = self.marks
        selected = bool(option.state & _SELECTED)
        hovered = bool(option.state & _HOVERED)
        state = CardState(
            selected=selected,
            dimmed=marks.dimmed,
            highlighted=marks.highlighted,
            weight=marks.weight,
        )
        painter.save()
        # paint_card draws in scene coordinates from the layout box; we are at its origin.
        painter.translate(-self.layout.box.x, -self.layout.box.y)
        paint_card(painter, self.layout, self.statement, self.theme, state)
        painter.restore()
        if marks.drop_target:
            self._paint_ring(painter)
        readable = option.levelOfDetailFromTransform(painter.worldTransform()) > 0.35
        if readable and (hovered or selected) and not marks.dimmed:
            self._paint_handle(painter)

    def _paint_ring(self, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(QColor(self.theme.selection), 3.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(self._bounds.adjusted(3, 3, -3, -3), 10, 10)
        painter.restore()

    def _paint_handle(self, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QColor(self.theme.selection))
        painter.setBrush(QColor(self.theme.background))
        painter.drawEllipse(self.handle_center(), _HANDLE_RADIUS, _HANDLE_RADIUS)
        painter.setBrush(QColor(self.theme.selection))
        painter.drawEllipse(self.handle_center(), _HANDLE_RADIUS / 2.5, _HANDLE_RADIUS / 2.5)
        painter.restore()
