"""Checks and repairs of a map's history: its snapshots and its outcome.

A snapshot is history: the ids it names may be gone from the map since (a scenario
dropped, a statement deleted), and that is no problem. Two snapshots with one id are
(an error: the timeline and a merge tell snapshots apart by id), and an outcome must
name a scenario of the map (a warning: the map opens, but cannot be scored).
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.model.document import ArgMap
from argmap.model.ids import new_id
from argmap.model.statement import StatementKind

Found = tuple[str, str, str, str]  # path, message, severity, code
SNAPSHOT_PREFIX = "snap"


def history_problems(doc: ArgMap) -> list[Found]:
    """Duplicate snapshot ids; an outcome naming no scenario of the map."""
    found: list[Found] = []
    seen: dict[str, int] = {}
    for i, snapshot in enumerate(doc.snapshots):
        if snapshot.id in seen:
            found.append((
                f"snapshots[{i}].id",
                f"snapshot id '{snapshot.id}' is used twice "
                f"(first by snapshots[{seen[snapshot.id]}])",
                "error", "duplicate-id",
            ))  # fmt: skip
        else:
            seen[snapshot.id] = i
    outcome = doc.outcome
    if outcome is not None:
        kind = next((s.kind for s in doc.statements if s.id == outcome.scenario), None)
        if kind is None:
            found.append((
                "outcome.scenario",
                f"the outcome names scenario '{outcome.scenario}', which is not a statement "
                "of this map; the map cannot be scored",
                "warning", "dangling-reference",
            ))  # fmt: skip
        elif kind != StatementKind.SCENARIO:
            found.append((
                "outcome.scenario",
                f"the outcome names '{outcome.scenario}', which is a {kind.value}, not a scenario",
                "warning", "wrong-target",
            ))  # fmt: skip
    return found


def repair_history(doc: ArgMap, note: Callable[[str, str, str], None]) -> None:
    """Rename duplicate snapshot ids; drop an outcome whose scenario is gone."""
    ids: set[str] = set()
    for i, snapshot in enumerate(doc.snapshots):
        if snapshot.id in ids:
            fresh = new_id(SNAPSHOT_PREFIX, ids)
            note(
                f"snapshots[{i}].id",
                f"id '{snapshot.id}' was already used; this one is now '{fresh}'",
                "duplicate-id",
            )
            snapshot.id = fresh
        ids.add(snapshot.id)
    outcome = doc.outcome
    if outcome is not None and outcome.scenario not in {s.id for s in doc.statements}:
        note(
            "outcome",
            f"outcome dropped: scenario '{outcome.scenario}' does not exist "
            f"(it resolved on {outcome.resolved})",
            "dangling-reference",
        )
        doc.outcome = None
