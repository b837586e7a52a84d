"""Undoable edits of signposts: add one to a scenario, change its text or status, remove it.

Like :mod:`argmap.model.edits`, each function plans an ``Edit`` without mutating the map. A
change replaces the signpost's record at its place in ``ArgMap.signposts``, so undo puts
back exactly what was there. Setting a status stamps ``changed`` with the given date (the
caller passes today's, so the model stays free of clocks).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from argmap.model.edit_steps import DeleteRecord, Edit, EditError, InsertRecord
from argmap.model.ids import PREFIXES, new_id
from argmap.model.map_index import MapIndex
from argmap.model.signpost import Signpost, SignpostStatus
from argmap.model.statement import StatementKind

__all__ = ["add_signpost", "remove_signpost", "set_signpost_status", "set_signpost_text"]


def _position(ix: MapIndex, signpost_id: str) -> int:
    for at, signpost in enumerate(ix.doc.signposts):
        if signpost.id == signpost_id:
            return at
    raise EditError(f"no signpost {signpost_id!r}")


def _replace(ix: MapIndex, at: int, new: Signpost, label: str) -> Edit:
    old = ix.doc.signposts[at]
    if old == new:
        return Edit(label, ())
    steps: tuple[Any, ...] = (DeleteRecord("signpost", at, old), InsertRecord("signpost", at, new))
    return Edit(label, steps)


def add_signpost(ix: MapIndex, scenario: str, text: str) -> Edit:
    """A new signpost (status "not seen") for ``scenario``, after its last one."""
    target = ix.statement(scenario)
    if target.kind is not StatementKind.SCENARIO:
        raise EditError(f"{scenario!r} is not a scenario")
    taken = {s.id for s in ix.doc.signposts}
    signpost = Signpost(id=new_id(PREFIXES["signpost"], taken), scenario=scenario, text=text)
    at = len(ix.doc.signposts)
    for k, existing in enumerate(ix.doc.signposts):
        if existing.scenario == scenario:
            at = k + 1
    return Edit("Add signpost", (InsertRecord("signpost", at, signpost),))


def set_signpost_text(ix: MapIndex, signpost_id: str, text: str) -> Edit:
    """Reword a signpost."""
    at = _position(ix, signpost_id)
    new = ix.doc.signposts[at].model_copy(update={"text": text})
    return _replace(ix, at, new, "Edit signpost")


def set_signpost_status(
    ix: MapIndex, signpost_id: str, status: SignpostStatus, today: dt.date
) -> Edit:
    """Set how far a signpost has been seen, dated ``today``."""
    at = _position(ix, signpost_id)
    old = ix.doc.signposts[at]
    if old.status is status:
        return Edit("Set signpost status", ())
    new = old.model_copy(update={"status": SignpostStatus(status), "changed": today.isoformat()})
    return _replace(ix, at, new, "Set signpost status")


def remove_signpost(ix: MapIndex, signpost_id: str) -> Edit:
    """Delete a signpost."""
    at = _position(ix, signpost_id)
    return Edit("Delete signpost", (DeleteRecord("signpost", at, ix.doc.signposts[at]),))
