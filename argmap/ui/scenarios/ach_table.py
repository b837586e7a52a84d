"""The ACH matrix pane: evidence x scenario ratings and row weights, editable, sortable.

A cell shows its rating as coloured letters: pale and regular when read off the map, full
colour and bold when set by hand, grey NA when judged not applicable, and nothing when
nobody judged it. Type C, I, N or A on a cell to rate it (Shift+C is CC, Shift+I is II),
Delete to return it to the map's rating, or double-click for a menu; on a credibility or
relevance cell, L, M or H set the row's weight. Each change is one undoable command.
Non-diagnostic rows can be hidden (remembered). Selecting a row selects its statement on
the map. Under the table: the warnings on the ranking and Heuer's step 6, what a few
critical items would do to it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.report import MapAnalysis
from argmap.model import AchRating, RowLevel
from argmap.model.edit_steps import EditError
from argmap.ui import pane_colours
from argmap.ui.accessible_names import named
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty
from argmap.ui.scenarios import palette as pal
from argmap.ui.scenarios.ach_columns import (
    CREDIBILITY_COL,
    DATE_COL,
    EVIDENCE_COL,
    FIRST_SCENARIO_COL,
    ID_ROLE,
    LEVEL_COLUMNS,
    RELEVANCE_COL,
    TYPE_COL,
)
from argmap.ui.scenarios.ach_model import AchTableModel
from argmap.ui.scenarios.ach_notes import AchNotes
from argmap.ui.scenarios.live_analysis import LiveAnalysis, live_analysis_for
from argmap.ui.scenarios.method_help import show_method_help
from argmap.ui.scenarios.rating_commands import rate, set_level
from argmap.ui.scenarios.rating_delegate import ORDER, ROW_H, RatingDelegate
from argmap.ui.window.app_settings import app_settings, setting_bool

Index = QModelIndex | QPersistentModelIndex
HIDE_KEY = "ach/hide_non_diagnostic"
_KEYS = {
    (Qt.Key.Key_C, False): AchRating.C,
    (Qt.Key.Key_C, True): AchRating.CC,
    (Qt.Key.Key_I, False): AchRating.I,
    (Qt.Key.Key_I, True): AchRating.II,
    (Qt.Key.Key_N, False): AchRating.N,
    (Qt.Key.Key_N, True): AchRating.N,
    (Qt.Key.Key_A, False): AchRating.NA,
    (Qt.Key.Key_A, True): AchRating.NA,
}
_LEVEL_KEYS = {
    Qt.Key.Key_L: RowLevel.LOW,
    Qt.Key.Key_M: RowLevel.MEDIUM,
    Qt.Key.Key_H: RowLevel.HIGH,
}
_HOW_TO_RATE = (
    "Rows: evidence; columns: scenarios. C, I, N rate a cell (Shift: very); Delete clears"
)
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
SCENARIO_W = 64  # a rating chip; the scenario's name wraps in the header
COLUMN_W = {TYPE_COL: 74, DATE_COL: 86, CREDIBILITY_COL: 48, RELEVANCE_COL: 48}
EVIDENCE_MIN_W = 160  # some four words, the rest elided and whole in the tooltip


class AchTableView(QTableView):
    """The matrix table: rating keys on scenario cells, row selection mirrored to the map."""

    rating_requested = Signal(str, str, object)  # evidence, scenario, AchRating | None
    level_requested = Signal(str, str, object)  # evidence, "credibility"/"relevance", level

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        index = self.currentIndex()
        if isinstance(model, AchTableModel) and index.isValid():
            evidence = model.evidence_at(index.row())
            scenario = model.scenario_of(index.column())
            key = Qt.Key(event.key())
            if evidence is not None and index.column() in LEVEL_COLUMNS:
                which = LEVEL_COLUMNS[index.column()]
                if key in _LEVEL_KEYS:
                    self.level_requested.emit(evidence.id, which, _LEVEL_KEYS[key])
                    return
                if key in _CLEAR_KEYS:
                    self.level_requested.emit(evidence.id, which, None)
                    return
            if evidence is not None and scenario is not None:
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
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
        self.model.level_handler = self.set_row_level
        self.view = named(AchTableView(), "ACH matrix", _HOW_TO_RATE)
        self.view.setModel(self.model)
        self.view.setItemDelegate(RatingDelegate(self.model, self.view))
        self._setup_view()
        self.view.rating_requested.connect(self.set_rating)
        self.view.level_requested.connect(self.set_row_level)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.model.layoutChanged.connect(self._show_current)  # after the view's own slot

        title = QLabel("ACH matrix")
        title.setFont(ty.ui_font(11, bold=True))
        self.counts = QLabel()
        self.counts.setWordWrap(True)  # a narrow window wraps it rather than widening
        self.counts.setFont(ty.ui_font(9.5))
        pane_colours.styled(self.counts, "color: $muted;")
        sort_button = QToolButton()
        sort_button.setText("Most diagnostic first")
        sort_button.setFont(ty.ui_font(9.5))
        sort_button.clicked.connect(self.sort_by_diagnosticity)
        self.hide_button = QToolButton()
        self.hide_button.setText("Hide non-diagnostic")
        self.hide_button.setCheckable(True)
        self.hide_button.setFont(ty.ui_font(9.5))
        self.hide_button.setToolTip(
            "Leave out the rows judged alike for every scenario they are judged against "
            "(they still count in the scores, alike for every scenario)"
        )
        self.hide_button.setChecked(setting_bool(app_settings(), HIDE_KEY, False))
        self.model.set_hide_non_diagnostic(self.hide_button.isChecked())
        self.hide_button.toggled.connect(self.set_hide_non_diagnostic)
        help_button = QToolButton()
        help_button.setText("How ACH works")
        help_button.setFont(ty.ui_font(9.5))
        help_button.clicked.connect(self._show_help)
        head = QHBoxLayout()
        head.setSpacing(10)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.hide_button)
        head.addWidget(sort_button)
        head.addWidget(help_button)
        self.notes = AchNotes(controller)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.counts)
        layout.addLayout(_legend())
        layout.addWidget(self.view, 1)
        self.view.setMinimumHeight(3 * ROW_H + 50)  # the header and two rows, however short
        layout.addWidget(_at_most_lines(self.notes, 3))

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
        pane_colours.grid_lines(view)
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
        """Narrow fixed columns (a rating chip, a short word) and the evidence taking the
        rest: seven scenarios fit across a window over a 1280 px main window."""
        header = self.view.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(EVIDENCE_COL, QHeaderView.ResizeMode.Stretch)
        for col in range(EVIDENCE_COL + 1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, self._column_width(col))

    def _column_width(self, col: int) -> int:
        if FIRST_SCENARIO_COL <= col < self.model.diagnosticity_col:
            return SCENARIO_W
        return COLUMN_W.get(col, 48)  # the diagnosticity

    def sizeHint(self) -> QSize:
        """Wide enough for every column with the evidence at its least, no sideways scroll."""
        fixed = sum(self._column_width(c) for c in range(1, self.model.columnCount()))
        chrome = 2 * self.view.frameWidth() + self.view.verticalScrollBar().sizeHint().width()
        layout = self.layout()
        sides = layout.contentsMargins().left() * 2 if layout is not None else 0
        width = EVIDENCE_MIN_W + fixed + chrome + sides + 4
        return QSize(width, super().sizeHint().height())

    # --- actions ---------------------------------------------------------------------------

    def _show_help(self) -> None:
        show_method_help(self)

    def set_hide_non_diagnostic(self, hide: bool) -> None:
        """Hide or show the non-diagnostic rows, and remember the choice."""
        if self.hide_button.isChecked() != hide:
            self.hide_button.setChecked(hide)  # comes back here through toggled
            return
        chosen = self._chosen_cell()
        self.model.set_hide_non_diagnostic(hide)
        self._choose_again(chosen)
        settings = app_settings()
        settings.setValue(HIDE_KEY, hide)
        settings.sync()
        self._show(self.live.analysis)

    def set_row_level(self, evidence: str, which: str, level: RowLevel | None) -> bool:
        """Set a row's credibility or relevance (None: its default) as one command."""
        if which not in ("credibility", "relevance"):
            return False
        try:
            changed = set_level(
                self.controller,
                evidence,
                "credibility" if which == "credibility" else "relevance",
                level,
            )
        except (EditError, KeyError, ValueError) as exc:
            self.status_message.emit(f"Row weight not changed: {exc}")
            return False
        if changed:
            self.live.refresh()
        return changed

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

    def _chosen_cell(self) -> tuple[str, int] | None:
        """The evidence and column of the current cell (None: none, or the footer)."""
        current = self.view.currentIndex()
        evidence = self.model.evidence_at(current.row()) if current.isValid() else None
        return (evidence.id, current.column()) if evidence is not None else None

    def _choose_again(self, chosen: tuple[str, int] | None) -> None:
        """After the rows were rebuilt: the same evidence's cell current again, in sight."""
        row = self.model.row_of(chosen[0]) if chosen is not None else -1
        if chosen is None or row < 0:
            return
        index = self.model.index(row, chosen[1])
        if self.view.currentIndex() != index:
            self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _show_current(self) -> None:
        """The rows moved (a sort): scroll the current cell, which moved with its row, into
        sight."""
        current = self.view.currentIndex()
        if current.isValid():
            self.view.scrollTo(current)

    def _show(self, analysis: MapAnalysis) -> None:
        chosen = self._chosen_cell()
        self.model.set_analysis(analysis)
        if not self.view.currentIndex().isValid():
            self._choose_again(chosen)
        rows = analysis.ach.evidence
        explicit = sum(any(r.explicit) for r in rows)
        flat = sum(r.non_diagnostic for r in rows)
        thin = sum(r.diagnosticity is None for r in rows)
        hidden = f" ({flat} hidden)" if self.model.hide_non_diagnostic and flat else ""
        self.counts.setText(
            f"{len(rows)} items · {explicit} rated by hand · {flat} non-diagnostic{hidden}"
            f" · {thin} judged against fewer than two scenarios"
            if analysis.scenarios
            else "No scenarios to compare yet."
        )
        self.notes.show_analysis(analysis)

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


def _at_most_lines(notes: QWidget, lines: int) -> QScrollArea:
    """``notes`` in a frameless box ``lines`` lines high at most, scrolling when longer
    (step 6 runs to five lines on the sample, and the matrix needs the room)."""
    box = QScrollArea()
    box.setWidget(notes)
    box.setWidgetResizable(True)
    box.setFrameShape(QFrame.Shape.NoFrame)
    box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    box.setMaximumHeight(lines * QFontMetrics(ty.ui_font(9)).lineSpacing() + 10)
    return box


def _legend() -> QGridLayout:
    """The rating chips in two rows of three (the pane stays narrow enough to dock between
    the side columns at 1280 px), and the note on reading them, wrapped, beside them."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(3)
    for at, rating in enumerate(ORDER):
        chip = QLabel(rating.value)
        chip.setFont(ty.ui_font(9, bold=True))
        chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        chip.setFixedSize(30, 20)
        pane_colours.styled(
            chip,
            f"background: ${pal.FILL_FIELD[rating]}; color: ${pal.ink_field(rating, True)};"
            " border: 1px solid $ink; border-radius: 4px;",
        )
        words = QLabel(pal.RATING_WORDS[rating])
        words.setFont(ty.ui_font(9))
        row, col = divmod(at, 3)
        grid.addWidget(chip, row, 2 * col)
        grid.addWidget(words, row, 2 * col + 1)
    note = QLabel(
        "Pale: read off the map · bold: set by hand (keys C I N A, Shift for double, Del)"
        " · empty: not judged · weights: L M H"
    )
    note.setFont(ty.ui_font(9))
    pane_colours.styled(note, "color: $muted; padding-left: 10px;")
    note.setWordWrap(True)
    grid.addWidget(note, 0, 6, 2, 1)
    grid.setColumnStretch(6, 1)
    return grid
