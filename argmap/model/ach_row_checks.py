"""Checks of the ACH row weights (``ArgMap.ach_rows``), for :mod:`argmap.model.validation`.

Each finding is ``(path, message, severity, code)``; the validator makes it a ``Problem``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from argmap.model.document import ArgMap
from argmap.model.statement import NOT_EVIDENCE, Statement

Finding = tuple[str, str, Literal["error", "warning"], str]


def ach_row_findings(doc: ArgMap, statements: Mapping[str, Statement]) -> list[Finding]:
    """Row weights naming no statement (error), a scenario or question, or a statement
    that already has row weights (warnings)."""
    found: list[Finding] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(doc.ach_rows):
        path = f"ach_rows[{i}]"
        statement = statements.get(row.evidence)
        if statement is None:
            message = (
                f"ACH row weights refer to evidence '{row.evidence}', which is not a "
                "statement of this map"
            )
            found.append((f"{path}.evidence", message, "error", "dangling-reference"))
        elif statement.kind in NOT_EVIDENCE:
            message = (
                f"ACH row weights refer to '{row.evidence}', which is a "
                f"{statement.kind.value}, not evidence"
            )
            found.append((f"{path}.evidence", message, "warning", "wrong-target"))
        if row.evidence in seen:
            message = (
                f"evidence '{row.evidence}' has row weights twice (first in "
                f"ach_rows[{seen[row.evidence]}])"
            )
            found.append((path, message, "warning", "repeated-reference"))
        else:
            seen[row.evidence] = i
    return found
