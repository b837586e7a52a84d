"""The Team pane: every analyst's scenario weights, the team's, and where they disagree.

The weights table has one row per scenario and one column per analyst, then the team's
by the linear pool (the default) and the log pool. The disagreement table lists every
judgement the analysts set differently, with each analyst's value, the spread and the
effect on the team's leading scenario, largest effect first (⚑: it alone decides the
lead); clicking a row selects what it judges on the map. The analysis
(:mod:`argmap.analysis.team_view`, :mod:`argmap.analysis.disagreement`) runs on a worker
thread over a copy of the map once edits pause, only while the pane is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.disagreement import Disagreement, Value, disagreements
from argmap.analysis.team_view import Pool, TeamView, team_view
from argmap.model import AchRating, ArgMap
from argmap.model.display_text import isolate
from argmap.ui.accessible_names import named
from argmap.ui.editing.controller import DocumentController
from argmap.ui.team.team_help import POOL_NOTE, show_team_help

DELAY_MS = 250
POOLS: tuple[tuple[str, Pool], ...] = (("Linear pool (default)", "linear"), ("Log pool", "log"))


class _Relay(QObject):
    weighed = Signal(int, object)  # the team view: quick, shown first
    done = Signal(int, object)  # the disagreements: one weighing per analyst and value


class _TeamJob(QRunnable):
    def __init__(self, doc: ArgMap, pool: Pool, generation: int, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._doc, self._pool, self._generation, self._relay = doc, pool, generation, relay

    def run(self) -> None:
        self._relay.weighed.emit(self._generation, team_view(self._doc))
        self._relay.done.emit(self._generation, disagreements(self._doc, self._pool))


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.0f} %"


def _value(kind: str, v: Value) -> str:
    if v is None:
        return "unset"
    if isinstance(v, AchRating):
        return v.value
    return f"{v:g}" if kind == "prior" and v > 1.0 else _pct(v)


def _item(text: str, *, bold: bool = False, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    if tip:
        item.setToolTip(tip)
    return item


class TeamPanel(QWidget):
    """Analysts' weights, the team's pooled weights and the disagreements that matter."""

    updated = Signal()

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.team: TeamView | None = None
        self.found: list[Disagreement] = []
        self._generation = 0
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._pool_threads = QThreadPool(self)
        self._pool_threads.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.weighed.connect(self._on_weighed)
        self._relay.done.connect(self._on_done)
        self._build()
        controller.edited.connect(self.schedule)
        controller.document_reset.connect(self.schedule)

    def _build(self) -> None:
        """Weights and the pools on the left, the disagreements on the right: a bottom
        dock has width to spare and little height."""
        row = QHBoxLayout(self)
        left, right = QVBoxLayout(), QVBoxLayout()
        row.addLayout(left, 2)
        row.addLayout(right, 3)
        self.heading = QLabel()
        self.heading.setObjectName("teamHeading")
        self.heading.setWordWrap(True)
        self.pool_combo = QComboBox()
        for label, pool in POOLS:
            self.pool_combo.addItem(label, pool)
        self.pool_combo.setToolTip("How the analysts' weights are combined into the team's")
        self.pool_combo.currentIndexChanged.connect(self.schedule)
        help_button = QPushButton("How is the team weighed?")
        help_button.clicked.connect(self._show_help)
        tools = QHBoxLayout()
        tools.addWidget(self.pool_combo)
        tools.addWidget(help_button)
        tools.addStretch(1)
        self.weights = named(
            QTableWidget(),
            "Team weights",
            "Each analyst's scenario weights and the pooled team weight",
        )
        self.weights.setObjectName("teamWeights")
        self.note = QLabel(POOL_NOTE)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.setObjectName("poolNote")
        self.disagreement_title = QLabel()
        self.disagreement_title.setWordWrap(True)
        self.table = named(
            QTableWidget(),
            "Disagreements",
            "Each judgement the analysts disagree on, by how much it moves the team's lead",
        )
        self.table.setObjectName("disagreements")
        for table in (self.weights, self.table):
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setDefaultSectionSize(22)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self._on_row)
        left.addWidget(self.heading)
        left.addLayout(tools)
        left.addWidget(self.weights, 1)
        left.addWidget(self.note)
        right.addWidget(self.disagreement_title)
        right.addWidget(self.table, 1)
        self.setMinimumHeight(240)

    @property
    def pool(self) -> Pool:
        """The pool the team's leader and the effects are computed with."""
        data = self.pool_combo.currentData()
        return "log" if data == "log" else "linear"

    # --- computing -----------------------------------------------------------------------

    def schedule(self) -> None:
        """Recompute once edits pause (only while the pane is shown)."""
        self._generation += 1
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()

    def _start(self) -> None:
        if self._running:
            return  # the finished run sees a newer generation and starts again
        self._running = True
        copy = self.controller.doc.model_copy(deep=True)
        self._pool_threads.start(_TeamJob(copy, self.pool, self._generation, self._relay))

    def _on_weighed(self, generation: int, team: TeamView) -> None:
        if generation == self._generation:
            self.show_team(team)
            self.disagreement_title.setText("<b>Where the analysts disagree</b> — weighing…")

    def _on_done(self, generation: int, found: list[Disagreement]) -> None:
        self._running = False
        if generation != self._generation or self.team is None:
            self._timer.start()
            return
        self.show_result(self.team, found)

    def refresh_now(self) -> None:
        """Compute and show now, on this thread (tests, and a first look)."""
        doc = self.controller.doc
        self.show_result(team_view(doc), disagreements(doc, self.pool))

    def wait(self, timeout_ms: int = 10000) -> bool:
        """Block until the worker is idle (tests and shutdown)."""
        return self._pool_threads.waitForDone(timeout_ms)

    # --- showing -------------------------------------------------------------------------

    def show_team(self, team: TeamView) -> None:
        """Fill the weights table (the disagreements follow when weighed)."""
        self.team = team
        names = [a.name for a in team.analysts]
        if not names:
            self.heading.setText("No analyst layers yet: add one in the toolbar (Layers ▾).")
        else:
            self.heading.setText(f"Team of {len(names)}: {', '.join(isolate(n) for n in names)}")
        self._fill_weights(team, names)

    def show_result(self, team: TeamView, found: list[Disagreement]) -> None:
        """Fill both tables from a team view and its disagreements."""
        self.show_team(team)
        self.found = found
        self._fill_disagreements(found, [a.name for a in team.analysts])
        self.updated.emit()

    def _fill_weights(self, team: TeamView, names: list[str]) -> None:
        table = self.weights
        pooled = team.pooled(self.pool)
        lead = team.leader(self.pool)
        headers = ["Scenario", *names, "Team (linear)", "Log pool"]
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(team.titles) if names else 0)
        for j, title in enumerate(team.titles if names else ()):
            low, high = team.spread(j)
            tip = f"Analysts from {_pct(low)} to {_pct(high)}"
            cells = [_item(title, bold=j == lead, tip=title)]
            cells += [_item(_pct(a.weights[j]), tip=tip) for a in team.analysts]
            cells.append(_item(_pct(team.linear[j]), bold=self.pool == "linear" and j == lead))
            log = team.log[j] if team.log is not None else None
            cells.append(_item(_pct(log), bold=self.pool == "log" and j == lead))
            for k, cell in enumerate(cells):
                if k > 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(j, k, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for k in range(1, len(headers)):
            header.setSectionResizeMode(k, QHeaderView.ResizeMode.ResizeToContents)
        if pooled is None and names:
            self.heading.setText(self.heading.text() + " — the log pool is undefined here")

    def _fill_disagreements(self, found: list[Disagreement], names: list[str]) -> None:
        team = self.team
        lead = team.leader(self.pool) if team else None
        leader = team.titles[lead] if team and lead is not None else "the leader"
        self.disagreement_title.setText(
            f"<b>Where the analysts disagree</b> — effect: the team's weight of "
            f"{isolate(leader)} when everyone takes one analyst's value; largest first"
            if found
            else "<b>Where the analysts disagree</b> — nowhere (or fewer than two analysts)"
        )
        table = self.table
        headers = ["", "Judgement", "Of", *names, "Spread", "Effect on the leader"]
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(found))
        for row, d in enumerate(found):
            flag = "⚑" if d.decides_lead else ""
            effect = (
                "none (ACH only)"
                if d.kind == "rating"
                else f"{_pct(d.team_low)} – {_pct(d.team_high)} ({d.impact * 100:.0f} pts)"
            )
            spread = f"{d.spread:g} steps" if d.kind == "rating" else _pct(d.spread)
            cells = [
                _item(flag, tip="This disagreement alone decides which scenario leads"),
                _item(d.kind),
                _item(d.text, tip=d.text),
                *(_item(_value(d.kind, v)) for _, v in d.values),
                _item(spread),
                _item(effect, bold=d.decides_lead),
            ]
            for k, cell in enumerate(cells):
                table.setItem(row, k, cell)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _on_row(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if len(rows) != 1:
            return
        d = self.found[rows.pop()]
        if d.kind == "strength":
            self.controller.set_selection(self.controller.index.inference(d.target).premises)
        else:
            self.controller.set_selection([d.target])

    def _show_help(self) -> None:
        show_team_help(self)
