"""The ACH matrix as a Qt table model: evidence rows, scenario columns, a footer of scores.

Columns: the evidence text, its credibility, one column per scenario (CC/C/N/I/II), and
its diagnosticity. The last row is a footer with each scenario's weighted inconsistency;
sorting (done here, so the footer stays last) keeps the rows' selection with them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from argmap.analysis.ach import RATING_SCORE, AchEvidence, AchMatrix
from argmap.analysis.estimative import describe
from argmap.analysis.report import MapAnalysis
from argmap.model import AchRating
from argmap.model.display_text import plain_tooltip
from argmap.ui.panes import typography as ty
from argmap.ui.scenarios import palette as pal

Index = QModelIndex | QPersistentModelIndex
RATING_ROLE = Qt.ItemDataRole.UserRole + 1  # the AchRating a scenario cell shows
EXPLICIT_ROLE = Qt.ItemDataRole.UserRole + 2  # whether it was set by hand
ID_ROLE = Qt.ItemDataRole.UserRole + 3  # the evidence id of a row ("" for the footer)
FOOTER_ROLE = Qt.ItemDataRole.UserRole + 4  # True on the footer row
EVIDENCE_COL, CREDIBILITY_COL = 0, 1
FIRST_SCENARIO_COL = 2
FOOTER_TEXT = "Weighted inconsistency (lower = more likely)"
RateHandler = Callable[[str, str, AchRating | None], bool]


class AchTableModel(QAbstractTableModel):
    """``MapAnalysis.ach`` plus scenario titles; ``setData`` on a scenario cell hands the
    rating to ``rate_handler`` (which pushes the command) and changes nothing itself."""

    def __init__(self, analysis: MapAnalysis) -> None:
        super().__init__()
        self.rate_handler: RateHandler | None = None
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
        self._order = list(range(len(self._matrix.evidence)))
        if self._sort is not None:
            self._order = self._sorted(*self._sort)

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
        if self.evidence_at(index.row()) is not None and self.scenario_of(index.column()):
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
                return _wrap(self._titles.get(sid, sid), 16)
            if section == EVIDENCE_COL:
                return "Evidence"
            if section == CREDIBILITY_COL:
                return "Credibility"
            return "Diagnosticity"
        if role == Qt.ItemDataRole.ToolTipRole:
            if sid is not None:
                return f"{self._titles.get(sid, sid)}\n(click to sort by this column)"
            if section == CREDIBILITY_COL:
                return "How far the item stands, after its own supports and attacks"
            if section == self.diagnosticity_col:
                return "How differently the item bears on the scenarios (0 = not at all)"
        if role == Qt.ItemDataRole.FontRole:
            return ty.ui_font(9, bold=True)
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
        if col == CREDIBILITY_COL:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{evidence.credibility:.0%}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return describe(evidence.credibility)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(pal.INK)
            return None
        return self._diagnosticity_data(evidence, role)

    def _evidence_data(self, evidence: AchEvidence, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(evidence.text.split())
        if role == Qt.ItemDataRole.ToolTipRole:
            note = (
                "\n\nNon-diagnostic: it bears alike on every scenario, so it does not help "
                "to choose between them."
                if evidence.non_diagnostic
                else ""
            )
            return f"{evidence.text}\n({evidence.kind}){note}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(pal.MUTED if evidence.non_diagnostic else pal.INK)
        if role == Qt.ItemDataRole.FontRole:
            font = ty.ui_font(9.5)
            font.setItalic(evidence.non_diagnostic)
            return font
        return None

    def _cell_data(self, evidence: AchEvidence, j: int, role: int) -> Any:
        rating, explicit = evidence.ratings[j], evidence.explicit[j]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return rating.value
        if role == RATING_ROLE:
            return rating
        if role == EXPLICIT_ROLE:
            return explicit
        if role == Qt.ItemDataRole.AccessibleTextRole:  # what a screen reader says
            title, words = self._titles.get(self._matrix.scenarios[j], ""), pal.RATING_WORDS
            return f"Evidence '{evidence.text}', scenario '{title}', rating {words[rating]}, " + (
                "set by hand" if explicit else "read off the map"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            title = self._titles.get(self._matrix.scenarios[j], "")
            how = (
                f"set by hand (the map implies {evidence.derived[j].value}; Delete restores it)"
                if explicit
                else "read off the map (type C, I or N to override; Shift for CC or II)"
            )
            return f"{pal.RATING_WORDS[rating].capitalize()} with “{title}”: {how}"
        return None

    def _diagnosticity_data(self, evidence: AchEvidence, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return "0 · none" if evidence.non_diagnostic else str(evidence.diagnosticity)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(pal.MUTED if evidence.non_diagnostic else pal.INK)
        if role == Qt.ItemDataRole.FontRole:
            font = ty.ui_font(9.5, bold=evidence.diagnosticity >= 2)
            font.setItalic(evidence.non_diagnostic)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if evidence.non_diagnostic:
                return "Non-diagnostic: rated alike for every scenario"
            return f"Ratings spread over {evidence.diagnosticity} steps of the scale (max 4)"
        return None

    def _footer_data(self, col: int, role: int) -> Any:
        sid = self.scenario_of(col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == EVIDENCE_COL:
                return FOOTER_TEXT
            if sid is not None:
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
            return QBrush(pal.TRACK)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(pal.LEADER if sid is not None and sid == self._ach_leader else pal.INK)
        if role == Qt.ItemDataRole.ToolTipRole and sid is not None:
            lead = "\nThe least inconsistent: ACH favours it." if sid == self._ach_leader else ""
            return (
                "Sum over the evidence against this scenario: I counts 1, II counts 2, "
                f"each times the item's credibility.{lead}"
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        evidence, scenario = self.evidence_at(index.row()), self.scenario_of(index.column())
        if role != Qt.ItemDataRole.EditRole or self.rate_handler is None:
            return False
        if evidence is None or scenario is None:
            return False
        rating = None if value is None or value == "" else AchRating(value)
        return self.rate_handler(evidence.id, scenario, rating)

    # --- sorting ---------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        before = [self._matrix.evidence[k].id for k in self._order]
        self._sort = (column, order)
        self._order = self._sorted(column, order)
        self._relayout(before)

    def _sorted(self, column: int, order: Qt.SortOrder) -> list[int]:
        rows = self._matrix.evidence
        sid_j = column - FIRST_SCENARIO_COL
        if column == EVIDENCE_COL:
            key: Any = lambda k: rows[k].text.casefold()  # noqa: E731
        elif column == CREDIBILITY_COL:
            key = lambda k: rows[k].credibility  # noqa: E731
        elif 0 <= sid_j < len(self._matrix.scenarios):
            key = lambda k: RATING_SCORE[rows[k].ratings[sid_j]]  # noqa: E731
        else:
            key = lambda k: rows[k].diagnosticity  # noqa: E731
        keys = [key(k) for k in range(len(rows))]
        # Python's sort is stable, in reverse too: ties keep document order.
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(rows)), key=keys.__getitem__, reverse=descending)

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

    def rating_at(self, index: Index) -> tuple[AchRating, bool] | None:
        """(rating, explicit) of a scenario cell, or None elsewhere."""
        evidence = self.evidence_at(index.row())
        if evidence is None or self.scenario_of(index.column()) is None:
            return None
        j = index.column() - FIRST_SCENARIO_COL
        return evidence.ratings[j], evidence.explicit[j]


def _wrap(text: str, width: int) -> str:
    """Break a header into lines of about ``width`` characters (at most three)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    if len(lines) > 3:
        lines = [*lines[:2], lines[2] + "…"]
    return "\n".join(lines)
