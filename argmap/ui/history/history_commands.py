"""Undoable commands that change a map's history: a new snapshot, the outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.model import Outcome, Snapshot
from argmap.model.edit_steps import Edit, SetDocField
from argmap.ui.editing.commands import EditCommand

if TYPE_CHECKING:
    from argmap.ui.editing.controller import DocumentController


class RecordSnapshotCommand(EditCommand):
    """Append a snapshot to the map's history."""

    def __init__(self, controller: DocumentController, snapshot: Snapshot) -> None:
        old = list(controller.doc.snapshots)
        step = SetDocField("snapshots", old, [*old, snapshot])
        super().__init__(controller, Edit("Record estimate", (step,)))


class SetOutcomeCommand(EditCommand):
    """Record (or clear, with None) how the question resolved."""

    def __init__(self, controller: DocumentController, outcome: Outcome | None) -> None:
        step = SetDocField("outcome", controller.doc.outcome, outcome)
        label = "Record outcome" if outcome is not None else "Clear outcome"
        super().__init__(controller, Edit(label, (step,)))
