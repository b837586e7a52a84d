"""The Key Assumptions Check pane: the map's assumptions, and how much each scenario's
weight rests on each (:mod:`argmap.analysis.key_assumptions`).

One row per assumption (kind assumption, or tagged ``key-assumption``): its text, its
credibility, and per scenario the weight the scenario would lose (−) or gain (+) if the
assumption were taken away, in percentage points; the largest reliance of each row is
bold. It is worked out when the pane is shown and after each edit while it is shown (one
weighing of the map per assumption). Selecting a row selects the assumption on the map.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.estimative import describe
from argmap.analysis.key_assumptions import KEY_ASSUMPTION_TAG, KeyAssumptions, key_assumptions
from argmap.analysis.report import MapAnalysis
from argmap.model.display_text import plain_tooltip
from argmap.ui import pane_colours
from argmap.ui.accessible_names import named
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty
from argmap.ui.scenarios.live_analysis import LiveAnalysis, live_analysis_for

TEXT_COL, CREDIBILITY_COL, FIRST_SCENARIO_COL = 0, 1, 2
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 2  # how much the weight falls without it
NONE_YET = (
    "No assumptions in this map. Give a statement the kind “assumption”, or tag it "
    f"“{KEY_ASSUMPTION_TAG}”, and this check shows how much each scenario rests on it."
)


def points(change: float) -> str:
    """A weight change in percentage points, signed ("−12.3 pts"; "0" under 0.05)."""
    value = change * 100.0
    if abs(value) < 0.05:
        return "0"
    sign = "+" if value > 0 else "−"
    return f"{sign}{abs(value):.1f} pts"


class KeyAssumptionsView(QWidget):
    """The Key Assumptions Check as a table, kept current while it is shown."""

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
        self.check: KeyAssumptions | None = None
        title = QLabel("Key Assumptions Check")
        title.setFont(ty.ui_font(11, bold=True))
        self.explain = QLabel(
            "How much each scenario's weight rests on each assumption: the change in its "
            "weight if the assumption were taken away (− it would lose, + it would gain)."
        )
        self.explain.setWordWrap(True)
        self.explain.setFont(ty.ui_font(9))
        pane_colours.styled(self.explain, "color: $muted;")
        self.empty = QLabel(NONE_YET)
        self.empty.setWordWrap(True)
        self.empty.setFont(ty.ui_font(10))
        pane_colours.styled(self.empty, "color: $muted;")
        self.table = named(
            QTableWidget(),
            "Key assumptions check",
            "Each assumption, and how many points each scenario would lose without it",
        )
        self.table.setFont(ty.ui_font(9.5))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        pane_colours.grid_lines(self.table)
        self.table.itemSelectionChanged.connect(self._on_selection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(self.explain)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self._shown = False
        self.live.updated.connect(self._on_updated)
        pane_colours.switches.switched.connect(self._colour_changes)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown = True
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._shown = False

    def _on_updated(self, _analysis: MapAnalysis) -> None:
        if self._shown:
            self.refresh()

    def refresh(self) -> None:
        """Work the check out again on the current map and show it."""
        self.show_check(key_assumptions(self.controller.doc))

    def show_check(self, check: KeyAssumptions) -> None:
        """Fill the table from one check."""
        self.check = check
        table = self.table
        table.blockSignals(True)
        table.clear()
        table.setRowCount(len(check.assumptions))
        table.setColumnCount(FIRST_SCENARIO_COL + len(check.scenarios))
        headers = ["Assumption", "Credibility"]
        headers += [f"{t or sid}\n(now {w:.0%})" for sid, t, w in
                    zip(check.scenarios, check.titles, check.weights, strict=True)]  # fmt: skip
        table.setHorizontalHeaderLabels(headers)
        for r, assumption in enumerate(check.assumptions):
            mark = " (tagged)" if assumption.tagged else ""
            text = QTableWidgetItem(" ".join(assumption.text.split()) + mark)
            text.setData(ID_ROLE, assumption.id)
            text.setToolTip(plain_tooltip(f"{assumption.text}\n({assumption.kind}{mark})"))
            table.setItem(r, TEXT_COL, text)
            cred = assumption.credibility
            shown = f"{cred:.0%}" if cred is not None else "not judged"
            item = QTableWidgetItem(shown)
            item.setToolTip(describe(cred) if cred is not None else "Credibility not judged")
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(r, CREDIBILITY_COL, item)
            largest = max((abs(x) for x in assumption.reliance), default=0.0)
            for j, change in enumerate(assumption.reliance):
                cell = QTableWidgetItem(points(-change))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setData(CHANGE_ROLE, change)
                font = ty.ui_font(9.5, bold=largest > 5e-4 and abs(change) == largest)
                cell.setFont(font)
                cell.setToolTip(self._cell_tip(check, j, change))
                table.setItem(r, FIRST_SCENARIO_COL + j, cell)
        self._colour_changes()
        header = table.horizontalHeader()
        header.setSectionResizeMode(TEXT_COL, QHeaderView.ResizeMode.Stretch)
        for col in range(CREDIBILITY_COL, table.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        table.blockSignals(False)
        has = bool(check.assumptions)
        self.empty.setVisible(not has)
        self.table.setVisible(has)

    def _colour_changes(self, _scheme: str = "") -> None:
        """Falls in the falls colour, rises in the rises colour, in the scheme shown."""
        c = pane_colours.current()
        for r in range(self.table.rowCount()):
            for col in range(FIRST_SCENARIO_COL, self.table.columnCount()):
                cell = self.table.item(r, col)
                if cell is not None:
                    change = float(cell.data(CHANGE_ROLE))
                    ink = c.falls_ink if change > 5e-4 else c.rises if change < -5e-4 else c.muted
                    cell.setForeground(QBrush(QColor(ink)))

    @staticmethod
    def _cell_tip(check: KeyAssumptions, j: int, change: float) -> str:
        title = check.titles[j] or check.scenarios[j]
        now = check.weights[j]
        if abs(change) < 5e-4:
            return f"“{title}” does not rest on it: its weight stays {now:.0%} without it."
        verb = "would fall" if change > 0 else "would rise"
        return f"Without it, “{title}” {verb} from {now:.0%} to {now - change:.0%}."

    def _on_selection(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return
        item = self.table.item(rows.pop(), TEXT_COL)
        if item is not None:
            self.controller.set_selection([str(item.data(ID_ROLE))])
