"""The ACH matrix as a Qt table model: evidence rows, scenario columns, a footer of scores.

Columns: the evidence text, its type (the statement's kind), date (its sources'), the row's
credibility and relevance (Low / Medium / High), one column per scenario (CC/C/N/I/II/NA,
or empty when nobody judged the cell), and its diagnosticity. The last row is a footer
with each scenario's weighted inconsistency; sorting (done here, so the footer stays last)
keeps the rows' selection with them. Non-diagnostic rows can be hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from argmap.analysis.ach import NOT_ENOUGH, AchEvidence, AchMatrix
from argmap.analysis.report import MapAnalysis
from argmap.model import AchRating, RowLevel
from argmap.model.display_text import plain_tooltip
from argmap.ui import pane_colours
from argmap.ui.panes import typography as ty
from argmap.ui.scenarios import palette as pal
from argmap.ui.scenarios.ach_columns import (
    CREDIBILITY_COL,
    DATE_COL,
    EVIDENCE_COL,
    EXPLICIT_ROLE,
    FIRST_SCENARIO_COL,
    FOOTER_ROLE,
    FOOTER_TEXT,
    HEADER_TIPS,
    HEADERS,
    ID_ROLE,
    LEVEL_COLUMNS,
    LEVEL_ORDER,
    LEVEL_ROLE,
    RATING_ROLE,
    RELEVANCE_COL,
    TYPE_COL,
    level_tip,
    rating_key,
    wrap,
)

Index = QModelIndex | QPersistentModelIndex
RateHandler = Callable[[str, str, AchRating | None], bool]
LevelHandler = Callable[[str, str, RowLevel | None], bool]  # evidence, which, level


def _brush(pick: Literal["ink", "muted", "leader", "track"]) -> QBrush:
    """``pick``: "ink", "muted", "leader" or "track" in the scheme shown (read when a view
    paints, so switching the theme repaints the matrix)."""
    c = pane_colours.current()
    colours = {"ink": c.ink, "muted": c.muted, "leader": c.leader, "track": c.track}
    return QBrush(QColor(colours[pick]))


class AchTableModel(QAbstractTableModel):
    """``MapAnalysis.ach`` plus scenario titles; ``setData`` on a scenario cell hands the
    rating to ``rate_handler``, on a credibility or relevance cell the level to
    ``level_handler`` (which push the commands); it changes nothing itself."""

    def __init__(self, analysis: MapAnalysis) -> None:
        super().__init__()
        self.rate_handler: RateHandler | None = None
        self.level_handler: LevelHandler | None = None
        self._hide_non_diagnostic = False
        self._matrix: AchMatrix = analysis.ach
        self._titles: dict[str, str] = {}
        self._ach_leader: str | None = None
        self._order: list[int] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._load(analysis)

    # --- data in -------------------------------------------------------------------------

    def _load(self, analysis: MapAnalysis) -> None:
        self._matrix = analysis.ach
        self._titles = {s.id: s.title for s in analysis.scenarios}
        self._ach_leader = analysis.ach.leader() if len(analysis.scenarios) > 1 else None
        self._order = self._shown(list(range(len(self._matrix.evidence))))
        if self._sort is not None:
            self._order = self._sorted(*self._sort)

    def _shown(self, order: list[int]) -> list[int]:
        if not self._hide_non_diagnostic:
            return order
        rows = self._matrix.evidence
        return [k for k in order if not rows[k].non_diagnostic]

    @property
    def hide_non_diagnostic(self) -> bool:
        """Whether rows judged alike for every judged scenario are left out."""
        return self._hide_non_diagnostic

    def set_hide_non_diagnostic(self, hide: bool) -> None:
        """Leave out (or show again) the non-diagnostic rows; the footer's scores still
        count them (they add alike to every scenario they are judged against)."""
        if hide == self._hide_non_diagnostic:
            return
        self.beginResetModel()
        self._hide_non_diagnostic = hide
        self._order = self._shown(list(range(len(self._matrix.evidence))))
        if self._sort is not None:
            self._order = self._sorted(*self._sort)
        self.endResetModel()

    def set_analysis(self, analysis: MapAnalysis) -> None:
        """Show a new analysis: in place when rows and columns are the same, else reset."""
        old = self._matrix
        same_shape = old.scenarios == analysis.ach.scenarios and [e.id for e in old.evidence] == [
            e.id for e in analysis.ach.evidence
        ]
        if not same_shape:
            self.beginResetModel()
            self._load(analysis)
            self.endResetModel()
            return
        before = [self._matrix.evidence[r].id for r in self._order]
        self._load(analysis)
        if [self._matrix.evidence[r].id for r in self._order] != before:
            self._relayout(before)
        self.dataChanged.emit(
            self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
        )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    # --- shape -----------------------------------------------------------------------------

    @property
    def matrix(self) -> AchMatrix:
        """The matrix shown."""
        return self._matrix

    @property
    def diagnosticity_col(self) -> int:
        """The column of the diagnosticity scores (after the scenario columns)."""
        return FIRST_SCENARIO_COL + len(self._matrix.scenarios)

    @property
    def footer_row(self) -> int:
        """The row of the inconsistency scores (always last)."""
        return len(self._order)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_SCENARIO_COL + len(self._matrix.scenarios) + 1

    def scenario_of(self, column: int) -> str | None:
        """The scenario id of a column, or None for the other columns."""
        j = column - FIRST_SCENARIO_COL
        return self._matrix.scenarios[j] if 0 <= j < len(self._matrix.scenarios) else None

    def evidence_at(self, row: int) -> AchEvidence | None:
        """The evidence of a displayed row (None for the footer)."""
        return self._matrix.evidence[self._order[row]] if 0 <= row < len(self._order) else None

    def row_of(self, evidence_id: str) -> int:
        """The displayed row of an item of evidence (-1 if it has none)."""
        for row, k in enumerate(self._order):
            if self._matrix.evidence[k].id == evidence_id:
                return row
        return -1

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.evidence_at(index.row()) is not None and (
            self.scenario_of(index.column()) or index.column() in LEVEL_COLUMNS
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # --- data out ----------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        found = self._header(section, orientation, role)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(found, str):
            return plain_tooltip(found)  # map text shown as typed, never as markup
        return found

    def _header(self, section: int, orientation: Qt.Orientation, role: int) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        sid = self.scenario_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if sid is not None:
                return wrap(self._titles.get(sid, sid), 9)
            return HEADERS.get(section, "Diag.")
        if role == Qt.ItemDataRole.ToolTipRole:
            if sid is not None:
                return f"{self._titles.get(sid, sid)}\n(click to sort by this column)"
            if section == self.diagnosticity_col:
                return (
                    "Diagnosticity: how differently the item bears on the scenarios it is "
                    "judged against (0 = alike for all: non-diagnostic; — = judged against "
                    "fewer than two)"
                )
            return HEADER_TIPS.get(section)
        if role == Qt.ItemDataRole.FontRole:  # a scenario's name: a long word fits its column
            return ty.ui_font(8.5) if sid is not None else ty.ui_font(9, bold=True)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self._data(index, role)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(found, str):
            return plain_tooltip(found)  # map text shown as typed, never as markup
        return found

    def _data(self, index: Index, role: int) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == FOOTER_ROLE:
            return row == self.footer_row
        evidence = self.evidence_at(row)
        if evidence is None:
            return self._footer_data(col, role)
        if role == ID_ROLE:
            return evidence.id
        sid = self.scenario_of(col)
        if sid is not None:
            return self._cell_data(evidence, col - FIRST_SCENARIO_COL, role)
        if col == EVIDENCE_COL:
            return self._evidence_data(evidence, role)
        if col == TYPE_COL:
            return self._muted_text(evidence.kind, f"The statement's kind: {evidence.kind}", role)
        if col == DATE_COL:
            date = evidence.published[0] if evidence.published else "—"
            tip = (
                "Published: " + ", ".join(evidence.published)
                if evidence.published
                else "Its quotes' sources give no date (or it quotes none)"
            )
            return self._muted_text(date, tip, role)
        if col in LEVEL_COLUMNS:
            return self._level_data(evidence, col, role)
        return self._diagnosticity_data(evidence, role)

    @staticmethod
    def _muted_text(text: str, tip: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush("muted")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _level_data(self, evidence: AchEvidence, col: int, role: int) -> Any:
        which = LEVEL_COLUMNS[col]
        level = evidence.credibility if col == CREDIBILITY_COL else evidence.relevance
        is_set = evidence.credibility_set if col == CREDIBILITY_COL else evidence.relevance_set
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "Med" if level is RowLevel.MEDIUM else level.value.capitalize()
        if role == LEVEL_ROLE:
            return level
        if role == EXPLICIT_ROLE:
            return is_set
        if role == Qt.ItemDataRole.FontRole:
            return ty.ui_font(9.5, bold=is_set)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush("ink" if is_set else "muted")
        if role == Qt.ItemDataRole.ToolTipRole:
            return level_tip(which, evidence, is_set)
        return None

    def _evidence_data(self, evidence: AchEvidence, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(evidence.text.split())
        if role == Qt.ItemDataRole.ToolTipRole:
            note = ""
            if evidence.non_diagnostic:
                note = (
                    "\n\nNon-diagnostic: judged alike for every scenario it is judged "
                    "against, so it does not help to choose between them."
                )
            elif evidence.diagnosticity is None:
                note = f"\n\nNeither diagnostic nor non-diagnostic: {NOT_ENOUGH}."
            if not evidence.connected:
                note += (
                    "\n\nRated in ACH only: no chain leads from it to a scenario, so the "
                    "weights do not count it."
                )
            return f"{evidence.text}\n({evidence.kind}){note}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush("muted" if evidence.non_diagnostic else "ink")
        if role == Qt.ItemDataRole.FontRole:
            font = ty.ui_font(9.5)
            font.setItalic(evidence.non_diagnostic)
            return font
        return None

    def _cell_data(self, evidence: AchEvidence, j: int, role: int) -> Any:
        rating, explicit = evidence.ratings[j], evidence.explicit[j]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return rating.value if rating is not None else ""
        if role == RATING_ROLE:
            return rating
        if role == EXPLICIT_ROLE:
            return explicit
        if role == Qt.ItemDataRole.AccessibleTextRole:  # what a screen reader says
            title = self._titles.get(self._matrix.scenarios[j], "")
            said = pal.RATING_WORDS[rating] if rating is not None else "blank (not judged)"
            return f"Evidence '{evidence.text}', scenario '{title}', rating {said}, " + (
                "set by hand" if explicit else "read off the map" if rating else "no chain"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            title = self._titles.get(self._matrix.scenarios[j], "")
            keys = "type C, I, N or A (not applicable); Shift for CC or II"
            if rating is None:
                return (
                    f"Not judged against “{title}”: no chain of the map connects them and "
                    f"nobody rated it, so it counts nothing ({keys})"
                )
            derived = evidence.derived[j]
            implied = derived.value if derived is not None else "nothing (blank)"
            how = (
                f"set by hand (the map implies {implied}; Delete restores it)"
                if explicit
                else f"read off the map ({keys} to override)"
            )
            return f"{pal.RATING_WORDS[rating].capitalize()} with “{title}”: {how}"
        return None

    def _diagnosticity_data(self, evidence: AchEvidence, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if evidence.diagnosticity is None:
                return "—"
            return "0 · none" if evidence.non_diagnostic else str(evidence.diagnosticity)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush("muted" if evidence.non_diagnostic else "ink")
        if role == Qt.ItemDataRole.FontRole:
            font = ty.ui_font(9.5, bold=(evidence.diagnosticity or 0) >= 2)
            font.setItalic(evidence.non_diagnostic)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if evidence.diagnosticity is None:
                return f"Neither diagnostic nor non-diagnostic: {NOT_ENOUGH}"
            if evidence.non_diagnostic:
                return "Non-diagnostic: judged alike for every scenario it is judged against"
            return f"Judged cells spread over {evidence.diagnosticity} steps of the scale (max 4)"
        return None

    def _footer_data(self, col: int, role: int) -> Any:
        sid = self.scenario_of(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == EVIDENCE_COL:
                return FOOTER_TEXT
            if sid is not None:
                if not self._matrix.judged[sid]:
                    return "— unjudged"
                mark = " ✓" if sid == self._ach_leader else ""
                return f"{self._matrix.inconsistency[sid]:.2f}{mark}"
            return ""
        if role == ID_ROLE:
            return ""
        if role == Qt.ItemDataRole.FontRole:
            return ty.ui_font(9.5, bold=True)
        if role == Qt.ItemDataRole.TextAlignmentRole and sid is not None:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _brush("track")
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush("leader" if sid is not None and sid == self._ach_leader else "ink")
        if role == Qt.ItemDataRole.ToolTipRole and sid is not None:
            if not self._matrix.judged[sid]:
                return (
                    "No cell of this scenario is judged: its score would be 0 for want of "
                    "scrutiny, so it is ranked last until evidence is rated against it."
                )
            lead = "\nThe least inconsistent: ACH favours it." if sid == self._ach_leader else ""
            return (
                "Sum over the evidence against this scenario: I counts 1, II counts 2, "
                f"each times the row's credibility x relevance.{lead}"
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        evidence, scenario = self.evidence_at(index.row()), self.scenario_of(index.column())
        if role != Qt.ItemDataRole.EditRole or evidence is None:
            return False
        if index.column() in LEVEL_COLUMNS and self.level_handler is not None:
            level = None if value is None or value == "" else RowLevel(str(value).lower())
            return self.level_handler(evidence.id, LEVEL_COLUMNS[index.column()], level)
        if scenario is None or self.rate_handler is None:
            return False
        rating = None if value is None or value == "" else AchRating(value)
        return self.rate_handler(evidence.id, scenario, rating)

    # --- sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        before = [self._matrix.evidence[k].id for k in self._order]
        self._sort = (column, order) if column >= 0 else None  # -1: map order
        self._order = (
            self._sorted(column, order)
            if self._sort is not None
            else self._shown(list(range(len(self._matrix.evidence))))
        )
        self._relayout(before)

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[int]:
        rows = self._matrix.evidence
        sid_j = column - FIRST_SCENARIO_COL
        if column == EVIDENCE_COL:
            key: Any = lambda k: rows[k].text.casefold()  # noqa: E731
        elif column == TYPE_COL:
            key = lambda k: rows[k].kind  # noqa: E731
        elif column == DATE_COL:
            key = lambda k: rows[k].published[0] if rows[k].published else ""  # noqa: E731
        elif column == CREDIBILITY_COL:
            key = lambda k: LEVEL_ORDER[rows[k].credibility]  # noqa: E731
        elif column == RELEVANCE_COL:
            key = lambda k: LEVEL_ORDER[rows[k].relevance]  # noqa: E731
        elif 0 <= sid_j < len(self._matrix.scenarios):
            key = lambda k: rating_key(rows[k].ratings[sid_j])  # noqa: E731
        else:
            key = lambda k: -1 if rows[k].diagnosticity is None else rows[k].diagnosticity  # noqa: E731
        keys = {k: key(k) for k in self._shown(list(range(len(rows))))}
        # Python's sort is stable, in reverse too: ties keep document order.
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(keys, key=keys.__getitem__, reverse=descending)

    def _relayout(self, before_ids: list[str]) -> None:
        """Tell views the rows moved, carrying their persistent indexes along."""
        self.layoutAboutToBeChanged.emit()
        new_row = {self._matrix.evidence[k].id: r for r, k in enumerate(self._order)}
        old_list = self.persistentIndexList()
        new_list = []
        for old in old_list:
            r = old.row()
            if r < len(before_ids):
                r = new_row.get(before_ids[r], r)
            new_list.append(self.index(r, old.column()))
        self.changePersistentIndexList(old_list, new_list)
        self.layoutChanged.emit()

    # --- used by the view ------------------------------------------------------------------

    def cell_font(self, explicit: bool) -> QFont:
        """Bold for a rating set by hand, regular for a derived one."""
        return ty.ui_font(10, bold=explicit)

    def rating_at(self, index: Index) -> tuple[AchRating | None, bool] | None:
        """(rating or None for blank, explicit) of a scenario cell, or None elsewhere."""
        evidence = self.evidence_at(index.row())
        if evidence is None or self.scenario_of(index.column()) is None:
            return None
        j = index.column() - FIRST_SCENARIO_COL
        return evidence.ratings[j], evidence.explicit[j]
