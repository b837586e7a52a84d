"""How the ACH matrix paints and edits a cell: rating chips (full colour when set by hand,
pale when read off the map, bare for N and NA, nothing when blank), and a menu of the
ratings, or of Low / Medium / High on the row-weight columns."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from argmap.model import AchRating, RowLevel
from argmap.ui import pane_colours
from argmap.ui.panes import typography as ty
from argmap.ui.scenarios import palette as pal
from argmap.ui.scenarios.ach_columns import (
    EXPLICIT_ROLE,
    FIRST_SCENARIO_COL,
    LEVEL_COLUMNS,
    LEVEL_ROLE,
)
from argmap.ui.scenarios.ach_model import AchTableModel

Index = QModelIndex | QPersistentModelIndex
ORDER = (AchRating.CC, AchRating.C, AchRating.N, AchRating.I, AchRating.II, AchRating.NA)
LEVELS = (RowLevel.LOW, RowLevel.MEDIUM, RowLevel.HIGH)
ROW_H = 30


def _edge(fill: QColor, colours: pane_colours.PaneColours) -> QColor:
    """The outline of a pale (derived) chip: a shade of its fill, away from the card."""
    ground = QColor(colours.card)
    return fill.darker(115) if ground.lightness() > 127 else fill.lighter(150)


class RatingDelegate(QStyledItemDelegate):
    """Paints scenario cells as rating chips; edits them with a menu of the five ratings."""

    def __init__(self, model: AchTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = self._model.rating_at(index)
        if cell is None:
            super().paint(painter, option, index)
            return
        rating, explicit = cell
        c = pane_colours.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect)
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(c.highlight))
        chip = rect.adjusted(5, 4, -5, -4)
        if rating is not None:
            bare = rating is AchRating.NA or (not explicit and rating is AchRating.N)
            if not bare:  # a derived N and an NA stay bare: less noise
                painter.setBrush(pal.rating_fill(rating, explicit, c))
                border = QColor(c.ink) if explicit else _edge(pal.rating_fill(rating, False, c), c)
                painter.setPen(QPen(border, 1.6 if explicit else 1.0))
                painter.drawRoundedRect(chip, 4, 4)
            derived_n = not explicit and rating is AchRating.N
            painter.setPen(QColor(c.muted) if derived_n else pal.rating_ink(rating, explicit, c))
            painter.setFont(self._model.cell_font(explicit))
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, rating.value)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(c.ink), 1.5, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1.5, 1.5, -1.5, -1.5))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), ROW_H))

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> QWidget:
        cell = self._model.rating_at(index)
        combo = QComboBox(parent)
        combo.setFont(ty.ui_font(9.5))
        if index.column() in LEVEL_COLUMNS:
            for level in LEVELS:
                combo.addItem(level.value.capitalize(), level)
            combo.addItem("default", None)
        elif cell is None:
            combo.deleteLater()
            return super().createEditor(parent, option, index)
        else:
            for rating in ORDER:
                combo.addItem(f"{rating.value} — {pal.RATING_WORDS[rating]}", rating)
            evidence = self._model.evidence_at(index.row())
            j = index.column() - FIRST_SCENARIO_COL
            found = evidence.derived[j] if evidence is not None else None
            derived = found.value if found is not None else "blank"
            combo.addItem(f"as the map implies ({derived})", None)
        combo.activated.connect(lambda _i: self._commit(combo))
        QTimer.singleShot(0, combo.showPopup)
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        cell = self._model.rating_at(index)
        if not isinstance(editor, QComboBox):
            return
        if index.column() in LEVEL_COLUMNS:
            level = self._model.data(index, LEVEL_ROLE)
            explicit = bool(self._model.data(index, EXPLICIT_ROLE))
            editor.setCurrentIndex(LEVELS.index(level) if explicit else len(LEVELS))
        elif cell is not None:
            rating, explicit = cell
            known = explicit and rating is not None
            editor.setCurrentIndex(ORDER.index(rating) if known and rating else len(ORDER))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
