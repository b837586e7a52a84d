"""The map's own properties (title, focal question, description, analyst, as-of date,
source policy) as undoable edits, and keeping the focal question set when a question
card appears."""

from __future__ import annotations

from datetime import date
from typing import Any

from argmap.model.edit_steps import DocField, Edit, EditError, SetDocField
from argmap.model.focal_question import focal_question
from argmap.model.map_index import MapIndex
from argmap.model.statement import StatementKind

PROPERTIES: tuple[DocField, ...] = (
    "title",
    "question",
    "description",
    "analyst",
    "as_of",
    "source_policy",
)


def check_as_of(value: str | None) -> str | None:
    """An as-of date as ``YYYY-MM-DD`` (None or blank: not set); EditError otherwise."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise EditError(f"{text!r} is not a date written as YYYY-MM-DD") from None


def set_map_properties(ix: MapIndex, **values: Any) -> Edit:
    """Set any of :data:`PROPERTIES` as one edit (only those that change)."""
    steps = []
    for name, given in values.items():
        if name not in PROPERTIES:
            raise EditError(f"map property {name!r} cannot be set this way")
        if name == "question" and given is not None and given not in ix.statements:
            raise EditError(f"no statement {given!r} to be the focal question")
        value = check_as_of(given) if name == "as_of" else given
        if name not in ("as_of", "question"):
            value = str(given)
        old = getattr(ix.doc, name)
        if old != value:
            steps.append(SetDocField(name, old, value))
    return Edit("Edit map properties", tuple(steps))


def with_focus_claimed(ix: MapIndex, edit: Edit, statement_id: str, kind: StatementKind) -> Edit:
    """``edit`` (which makes ``statement_id`` a question card) also making it the focal
    question, when the map has none yet: the first question is the map's question."""
    if kind is not StatementKind.QUESTION or focal_question(ix.doc) is not None:
        return edit
    return Edit(edit.label, (*edit.steps, SetDocField("question", ix.doc.question, statement_id)))
