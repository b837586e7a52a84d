"""A statement's card on the canvas: painted by the export card painter, so screen = export."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from argmap.export.card_painter import CardState, paint_card
from argmap.export.themes import Theme
from argmap.layout.card_metrics import badge_text
from argmap.layout.geometry import CardLayout
from argmap.layout.text_metrics import text_width
from argmap.model import Statement

_HANDLE_RADIUS = 6.0
_MARGIN = 8.0  # room around the card for the selection ring and shadow


@dataclass(slots=True)
class CardMarks:
    """Canvas-only marks on a card: find matches, focus dimming, drop target."""

    highlighted: bool = False
    dimmed: bool = False
    drop_target: bool = False
    current: bool = False
    weight: float | None = None  # a scenario's live weight, shown on its card


class CardItem(QGraphicsItem):
    """Shows one statement. It never edits the map: the scene reads its gestures."""

    def __init__(self, statement: Statement, theme: Theme) -> None:
        super().__init__()
        self.statement = statement
        self.theme = theme
        self.layout: CardLayout | None = None
        self.marks = CardMarks()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._rect = QRectF(0, 0, 150, 40)

    @property
    def statement_id(self) -> str:
        return self.statement.id

    # --- state from the scene --------------------------------------------------------

    def set_layout(self, card: CardLayout) -> None:
        """Place the card where the layout says (scene units)."""
        rect = QRectF(0, 0, card.box.w, card.box.h)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.layout = card
        if self.pos() != QPointF(card.box.x, card.box.y):
            self.setPos(card.box.x, card.box.y)
        self.update()

    def set_statement(self, statement: Statement) -> None:
        self.statement = statement
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def set_flags(self, **flags: bool) -> None:
        """Update marks (``highlighted``, ``dimmed``, ``drop_target``, ``current``...)."""
        changed = False
        for name, value in flags.items():
            if getattr(self.marks, name) != value:
                setattr(self.marks, name, value)
                changed = True
        if changed:
            self.update()

    def set_weight(self, weight: float | None) -> None:
        """Show a scenario's current weight on the card (None hides it)."""
        if self.marks.weight != weight:
            self.marks.weight = weight
            self.update()

    # --- geometry ------------------------------------------------------------------------

    def rect(self) -> QRectF:
        """The card's own rectangle in item coordinates."""
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # the handle overlaps the card
        path.addRoundedRect(self._rect, 8, 8)
        path.addEllipse(self.handle_center(), _HANDLE_RADIUS + 3, _HANDLE_RADIUS + 3)
        return path

    def handle_center(self) -> QPointF:
        """The link handle: on the side facing the conclusion (top, or left in LR)."""
        left_to_right = self.layout is not None and self.layout_direction() == "LR"
        if left_to_right:
            return QPointF(self._rect.right(), self._rect.center().y())
        return QPointF(self._rect.center().x(), self._rect.top())

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
        left = self._rect.right() - m.pad_x - badge_w - m.label_px * 2 - 6
        if self.statement.kind.value == "question":
            left -= self._rect.height() * 0.25
        top_band = m.pad_y + m.label_height + 3
        return left <= pos.x() <= self._rect.right() and 0 <= pos.y() <= top_band

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
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
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
        painter.drawRoundedRect(self._rect.adjusted(-5, -5, 5, 5), 10, 10)
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
