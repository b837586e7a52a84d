"""Shared pydantic configuration for every record in a map file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A record of the map file: unknown keys are errors, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)


def share_field_sets(records: Iterable[BaseModel]) -> int:
    """Let every record that has all its fields set share one field-name set per type;
    returns how many now share.

    pydantic keeps with each instance the set of field names it was given (728 bytes for
    the 7 or 8 fields of a statement, quote or inference): about half of a loaded map's
    memory. A set naming every field can be shared, since assignment only adds a name
    that is already in it; :meth:`~pydantic.BaseModel.model_copy` gives a copy its own.
    """
    shared: dict[type[BaseModel], set[str]] = {}
    count = 0
    for r in records:
        kind = type(r)
        full = shared.get(kind)
        if full is None:
            full = shared[kind] = set(kind.model_fields)
        mine = r.__pydantic_fields_set__
        if mine is not full and mine == full:
            object.__setattr__(r, "__pydantic_fields_set__", full)
            count += 1
    return count


def records_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The record types a field's annotation can hold (in a list, a dict, an optional)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        return
    for arg in get_args(annotation):
        yield from records_in(arg)
