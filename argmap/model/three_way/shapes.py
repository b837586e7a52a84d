"""How each part of a map merges, read from the model's own type annotations.

A three-way merge needs to know, for every field, what kind of value it holds: a record
(merged field by field), a list of records with a key (merged record by record, by id),
a mapping (merged key by key), a list of plain values such as tags (merged as a set),
or an atom (taken whole: a number, a text, a position). Reading this from the pydantic
annotations means a field added to the model later merges without changes here.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from argmap.model.inference import Inference
from argmap.model.quote import Quote
from argmap.model.source import Source

# Records keyed by something other than ``id``: an ACH rating (also an analyst layer's)
# is one per (evidence, scenario) pair, an ACH row's weights one per evidence. Other
# lists of records are keyed by ``id`` (or ``name``).
KEYS: dict[str, tuple[str, ...]] = {
    "Rating": ("evidence", "scenario"),
    "LayerRating": ("evidence", "scenario"),
    "AchRow": ("evidence",),
}
# Fields that only make sense together: a quote's place in its article, a source's text
# and checksum, an inference's kind and target. Each group merges as one value.
GROUPS: dict[type[BaseModel], tuple[tuple[str, ...], ...]] = {
    Quote: (("source", "start", "end", "exact", "prefix", "suffix"),),
    Source: (("text", "sha256"),),
    Inference: (("kind", "conclusion"),),
}
SCALARS = (str, int, float, bool)


@dataclass(frozen=True)
class Atom:
    """Taken whole: a change on both sides to different values is a conflict."""


@dataclass(frozen=True)
class PlainList:
    """A list of plain values (tags, quote ids, premises): merged as a set."""


@dataclass(frozen=True)
class RecordShape:
    """A record: merged field by field (grouped fields together)."""

    model: type[BaseModel]
    fields: tuple[tuple[str, Shape], ...]
    groups: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class KeyedList:
    """A list of records identified by ``key`` fields: merged record by record."""

    record: RecordShape
    key: tuple[str, ...]


@dataclass(frozen=True)
class Mapping:
    """A dict from string keys to values of one shape: merged key by key."""

    value: Shape


Shape = Atom | PlainList | RecordShape | KeyedList | Mapping


def _without_none(annotation: Any) -> Any:
    """``X | None`` -> ``X``; anything else unchanged."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_scalar(annotation: Any) -> bool:
    if get_origin(annotation) is Literal:
        return True
    return isinstance(annotation, type) and issubclass(annotation, SCALARS)


def record_key(model: type[BaseModel]) -> tuple[str, ...] | None:
    """The fields that identify a record of ``model`` in a list, if it has any."""
    if model.__name__ in KEYS:
        return KEYS[model.__name__]
    for name in ("id", "name"):
        if name in model.model_fields:
            return (name,)
    return None


def shape_of(annotation: Any) -> Shape:
    """The merge shape of a field annotated ``annotation``."""
    inner = _without_none(annotation)
    if _is_model(inner):
        return record_shape(inner)
    origin = get_origin(inner)
    args = get_args(inner)
    if origin is list and args:
        item = args[0]
        if _is_model(item):
            key = record_key(item)
            return KeyedList(record_shape(item), key) if key else Atom()
        if _is_scalar(item):
            return PlainList()
        return Atom()
    if origin is dict and len(args) == 2 and args[0] is str:
        return Mapping(shape_of(args[1]))
    return Atom()


@cache
def record_shape(model: type[BaseModel]) -> RecordShape:
    """The merge shape of a record type, field by field."""
    fields = tuple((name, shape_of(info.annotation)) for name, info in model.model_fields.items())
    return RecordShape(model, fields, GROUPS.get(model, ()))
