"""The ACH matrix pane: evidence x scenario ratings, editable, sortable by diagnosticity.

A cell shows its rating as coloured letters: pale and regular when read off the map, full
colour and bold when set by hand. Type C, I or N on a cell to rate it (Shift+C is CC,
Shift+I is II), Delete to return it to the map's rating, or double-click for a menu;
each change is one undoable command. Selecting a row selects its statement on the map.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.report import MapAnalysis
from argmap.model import AchRating
from argmap.model.edit_steps import EditError
from argmap.ui.accessible_names import named
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty
from argmap.ui.scenarios import palette as pal
from argmap.ui.scenarios.ach_model import (
    CREDIBILITY_COL,
    EVIDENCE_COL,
    FIRST_SCENARIO_COL,
    ID_ROLE,
    AchTableModel,
)
from argmap.ui.scenarios.live_analysis import LiveAnalysis, live_analysis_for
from argmap.ui.scenarios.method_help import show_method_help
from argmap.ui.scenarios.rating_commands import rate

Index = QModelIndex | QPersistentModelIndex
_ORDER = (AchRating.CC, AchRating.C, AchRating.N, AchRating.I, AchRating.II)
_KEYS = {
    (Qt.Key.Key_C, False): AchRating.C,
    (Qt.Key.Key_C, True): AchRating.CC,
    (Qt.Key.Key_I, False): AchRating.I,
    (Qt.Key.Key_I, True): AchRating.II,
    (Qt.Key.Key_N, False): AchRating.N,
    (Qt.Key.Key_N, True): AchRating.N,
}
_HOW_TO_RATE = (
    "Rows: evidence; columns: scenarios. C, I, N rate a cell (Shift: very); Delete clears"
)
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
ROW_H = 30


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
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect)
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, pal.SELECTED)
        chip = rect.adjusted(5, 4, -5, -4)
        if explicit or rating is not AchRating.N:  # a derived N stays bare: less noise
            painter.setBrush(pal.rating_fill(rating, explicit))
            border = pal.INK if explicit else pal.rating_fill(rating, False).darker(115)
            painter.setPen(QPen(border, 1.6 if explicit else 1.0))
            painter.drawRoundedRect(chip, 4, 4)
        derived_n = not explicit and rating is AchRating.N
        painter.setPen(pal.FAINT if derived_n else pal.rating_ink(rating, explicit))
        painter.setFont(self._model.cell_font(explicit))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, rating.value)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(pal.INK, 1.5, Qt.PenStyle.DotLine))
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
        if cell is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setFont(ty.ui_font(9.5))
        for rating in _ORDER:
            combo.addItem(f"{rating.value} — {pal.RATING_WORDS[rating]}", rating)
        evidence = self._model.evidence_at(index.row())
        j = index.column() - FIRST_SCENARIO_COL
        derived = evidence.derived[j].value if evidence is not None else "N"
        combo.addItem(f"as the map implies ({derived})", None)
        combo.activated.connect(lambda _i: self._commit(combo))
        QTimer.singleShot(0, combo.showPopup)
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        cell = self._model.rating_at(index)
        if isinstance(editor, QComboBox) and cell is not None:
            rating, explicit = cell
            editor.setCurrentIndex(_ORDER.index(rating) if explicit else len(_ORDER))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AchTableView(QTableView):
    """The matrix table: rating keys on scenario cells, row selection mirrored to the map."""

    rating_requested = Signal(str, str, object)  # evidence, scenario, AchRating | None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        index = self.currentIndex()
        if isinstance(model, AchTableModel) and index.isValid():
            evidence = model.evidence_at(index.row())
            scenario = model.scenario_of(index.column())
            if evidence is not None and scenario is not None:
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                key = Qt.Key(event.key())
                if (key, shift) in _KEYS:
                    self.rating_requested.emit(evidence.id, scenario, _KEYS[(key, shift)])
                    return
                if key in _CLEAR_KEYS:
                    self.rating_requested.emit(evidence.id, scenario, None)
                    return
        super().keyPressEvent(event)


class AchTable(QWidget):
    """The ACH matrix with a summary line, a legend and a "most diagnostic first" button."""

    status_message = Signal(str)

    def __init__(
        self,
        controller: DocumentController,
        live: LiveAnalysis | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.live = live if live is not None else live_analysis_for(controller)
        self.model = AchTableModel(self.live.analysis)
        self.model.rate_handler = self.set_rating
        self.view = named(AchTableView(), "ACH matrix", _HOW_TO_RATE)
        self.view.setModel(self.model)
        self.view.setItemDelegate(RatingDelegate(self.model, self.view))
        self._setup_view()
        self.view.rating_requested.connect(self.set_rating)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)

        title = QLabel("ACH matrix")
        title.setFont(ty.ui_font(11, bold=True))
        self.counts = QLabel()
        self.counts.setFont(ty.ui_font(9.5))
        self.counts.setStyleSheet(f"color: {pal.MUTED.name()};")
        sort_button = QToolButton()
        sort_button.setText("Most diagnostic first")
        sort_button.setFont(ty.ui_font(9.5))
        sort_button.clicked.connect(self.sort_by_diagnosticity)
        help_button = QToolButton()
        help_button.setText("How ACH works")
        help_button.setFont(ty.ui_font(9.5))
        help_button.clicked.connect(lambda: show_method_help(self))
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(title)
        head.addWidget(self.counts, 1)
        head.addWidget(sort_button)
        head.addWidget(help_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addLayout(_legend())
        layout.addWidget(self.view, 1)

        self.live.updated.connect(self._show)
        controller.selection_changed.connect(self._on_selection)
        self._show(self.live.analysis)

    def _setup_view(self) -> None:
        view = self.view
        view.setFont(ty.ui_font(9.5))
        view.setSortingEnabled(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setAlternatingRowColors(False)
        view.setShowGrid(True)
        view.setGridStyle(Qt.PenStyle.SolidLine)
        view.setStyleSheet(f"QTableView {{ gridline-color: {pal.RULE.name()}; }}")
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(ROW_H)
        header = view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(60)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.model.modelReset.connect(self._size_columns)
        self._size_columns()

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(EVIDENCE_COL, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(CREDIBILITY_COL, 96)
        for col in range(CREDIBILITY_COL + 1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, 124 if col < self.model.diagnosticity_col else 112)

    # --- actions ---------------------------------------------------------------------------

    def sort_by_diagnosticity(self) -> None:
        """Most diagnostic evidence first (ties keep map order); the footer stays last."""
        self.view.sortByColumn(self.model.diagnosticity_col, Qt.SortOrder.DescendingOrder)

    def set_rating(self, evidence: str, scenario: str, rating: AchRating | None) -> bool:
        """Rate one cell (None: back to the map's rating) as one undoable command."""
        try:
            changed = rate(self.controller, evidence, scenario, rating)
        except (EditError, KeyError, ValueError) as exc:
            self.status_message.emit(f"Rating not changed: {exc}")
            return False
        if changed:
            self.live.refresh()
        return changed

    # --- updates ---------------------------------------------------------------------------

    def _show(self, analysis: MapAnalysis) -> None:
        current = self.view.currentIndex()
        self.model.set_analysis(analysis)
        if current.isValid() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(current.row(), current.column()))
        rows = analysis.ach.evidence
        explicit = sum(any(r.explicit) for r in rows)
        flat = sum(r.non_diagnostic for r in rows)
        self.counts.setText(
            f"{len(rows)} items · {explicit} rated by hand · {flat} non-diagnostic"
            if analysis.scenarios
            else "No scenarios to compare yet."
        )

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        evidence_id = self.model.data(current, ID_ROLE) if current.isValid() else ""
        if evidence_id:
            self.controller.set_selection([evidence_id])

    def _on_selection(self, ids: list[str]) -> None:
        if len(ids) != 1:
            return
        row = self.model.row_of(ids[0])
        current = self.view.currentIndex()
        if row >= 0 and current.row() != row:
            column = current.column() if current.isValid() else EVIDENCE_COL
            self.view.setCurrentIndex(self.model.index(row, column))
            self.view.scrollTo(self.model.index(row, column))

    def rating_menu_delegate(self) -> RatingDelegate:
        """The delegate that paints and edits rating cells (for tests)."""
        delegate = self.view.itemDelegate()
        assert isinstance(delegate, RatingDelegate)
        return delegate


def _legend() -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(6)
    for rating in _ORDER:
        chip = QLabel(rating.value)
        chip.setFont(ty.ui_font(9, bold=True))
        chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        chip.setFixedSize(30, 20)
        chip.setStyleSheet(
            f"background: {pal.rating_fill(rating, True).name()};"
            f" color: {pal.rating_ink(rating, True).name()};"
            f" border: 1px solid {pal.INK.name()}; border-radius: 4px;"
        )
        words = QLabel(pal.RATING_WORDS[rating])
        words.setFont(ty.ui_font(9))
        row.addWidget(chip)
        row.addWidget(words)
        row.addSpacing(8)
    note = QLabel("Pale: read off the map · bold: set by hand (keys C I N, Shift for double, Del)")
    note.setFont(ty.ui_font(9))
    note.setStyleSheet(f"color: {pal.MUTED.name()};")
    row.addWidget(note, 1)
    return row
