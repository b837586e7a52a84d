"""Estimates ▸ Timeline: the weights across snapshots, and what moved them.

Select one snapshot to read it (and its score, once the question resolved); select two
(in the list, or by clicking the chart) to see what changed between them and which
changes moved the weights most (see :mod:`argmap.analysis.estimate_history`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.estimate_history import attribute, in_order
from argmap.analysis.forecast_scores import score_map
from argmap.analysis.history_text import attribution_lines, record_names, timeline_events
from argmap.model import ArgMap, Snapshot
from argmap.ui.history.timeline_chart import TimelineChart, TimelineData

if TYPE_CHECKING:
    from argmap.ui.editing.controller import DocumentController

ID_ROLE = Qt.ItemDataRole.UserRole
REFRESH_MS = 250


class TimelineDialog(QDialog):
    """The timeline of one window's map; follows its edits while open."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)  # the window's theme
        self.setWindowTitle("Estimate timeline")
        self.controller = controller
        self.chart = TimelineChart()
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # A note longer than the list is wide wraps: it was cut at the edge, behind a
        # horizontal scroll bar.
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.record_button = QPushButton("Record estimate…")
        self.outcome_button = QPushButton("Record outcome…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.outcome_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.list)
        lower.addWidget(self.details)
        lower.setSizes([300, 600])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(lower)
        split.setSizes([380, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        layout.addWidget(buttons)
        self.list.itemSelectionChanged.connect(self._on_list_selection)
        self.chart.snapshot_clicked.connect(self._on_chart_click)
        # Attribution weighs the map once per change: after a burst of edits, once.
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(REFRESH_MS)
        self._pending.timeout.connect(self.refresh)
        self._shown_history: tuple[str, tuple[str, ...]] | None = None
        controller.edited.connect(self._pending.start)
        controller.document_reset.connect(self.refresh)
        self.resize(980, 720)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    @property
    def doc(self) -> ArgMap:
        return self.controller.doc

    def refresh(self) -> None:
        """Redraw from the map (after an edit, an undo or another map opened); only while
        shown (showing it refreshes)."""
        self._pending.stop()
        if not self.isVisible():
            return
        doc = self.doc
        ordered = in_order(doc.snapshots)
        names = record_names(doc, *ordered)
        outcome = (doc.outcome.resolved, doc.outcome.scenario) if doc.outcome else None
        self.chart.set_data(
            TimelineData(
                snapshots=[(s.id, s.as_of, dict(s.weights)) for s in ordered],
                names=names,
                events=timeline_events(doc),
                outcome=outcome,
            )
        )
        selected = self.selected_ids()
        self.list.blockSignals(True)
        self.list.clear()
        for s in ordered:
            note = f" — {s.note}" if s.note else ""
            item = QListWidgetItem(f"{s.as_of}{note}")
            item.setData(ID_ROLE, s.id)
            self.list.addItem(item)
            item.setSelected(s.id in selected)
        self.list.blockSignals(False)
        # The explanation weighs the map once per change (seconds on a big map): it is
        # worked out again when the history or the selection changes, not on every edit.
        history = (doc.model_dump_json(include={"snapshots", "outcome"}), tuple(selected))
        if history != self._shown_history:
            self._shown_history = history
            self._on_list_selection()

    def selected_ids(self) -> list[str]:
        """The selected snapshots' ids, in date order."""
        return [
            str(self.list.item(k).data(ID_ROLE))
            for k in range(self.list.count())
            if self.list.item(k).isSelected()
        ]

    def select(self, ids: list[str]) -> None:
        """Select these snapshots (as a user would in the list)."""
        for k in range(self.list.count()):
            item = self.list.item(k)
            item.setSelected(item.data(ID_ROLE) in ids)

    def _on_chart_click(self, snapshot_id: str) -> None:
        chosen = self.selected_ids()
        if snapshot_id in chosen:
            chosen.remove(snapshot_id)
        else:
            chosen = [*chosen[-1:], snapshot_id]
        self.select(chosen)

    def _on_list_selection(self) -> None:
        ids = self.selected_ids()
        if self._shown_history is not None:
            self._shown_history = (self._shown_history[0], tuple(ids))
        self.chart.set_selected(ids[-2:])
        self.details.setPlainText("\n".join(self._details(ids)))

    def _details(self, ids: list[str]) -> list[str]:
        doc = self.doc
        by_id = {s.id: s for s in doc.snapshots}
        chosen = [by_id[i] for i in ids if i in by_id]
        if len(chosen) >= 2:
            older, newer = chosen[-2], chosen[-1]
            return attribution_lines(attribute(doc, older, newer), record_names(doc, older, newer))
        if len(chosen) == 1:
            return self._one(chosen[0])
        if not doc.snapshots:
            return ["No snapshots yet. Record estimate… keeps today's weights with a note."]
        return ["Select a snapshot to read it; select two to see what moved the weights."]

    def _one(self, snapshot: Snapshot) -> list[str]:
        names = record_names(self.doc, snapshot)
        lines = [f"As of {snapshot.as_of}" + (f": {snapshot.note}" if snapshot.note else "")]
        for sid, weight in sorted(snapshot.weights.items(), key=lambda kv: -kv[1]):
            rank = snapshot.ach_ranks.get(sid)
            ach = f", ACH rank {rank}" if rank else ""
            lines.append(f"  {names.get(sid, sid)}: {weight * 100:.0f} %{ach}")
        if snapshot.confidence:
            lines.append(f"Confidence: {snapshot.confidence}")
        score = score_map(self.doc)
        mine = next((s for s in score.scores if s.snapshot == snapshot.id), None) if score else None
        if score is not None and mine is not None:
            lines.append(
                f"Scored against the outcome ({names.get(score.happened, score.happened)}, "
                f"{score.resolved}): gave it {mine.p * 100:.0f} %, Brier {mine.brier:.3f}, "
                f"log {mine.log:.3f}"
            )
        return lines
