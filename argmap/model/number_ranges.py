"""The numbers a map's records hold and the ranges their fields allow.

The ranges are the fields' own bounds (``Field(ge=0.0, le=1.0)`` on a credibility, or on
the values of a layer's table of credibilities), read from the models, so they are stated
once; every record of the map is searched, however deep. A map read past its type errors
keeps a number outside its range as the file has it (see :mod:`argmap.io.type_salvage`):
validation reports it, and repair clamps it to the nearest bound.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from math import isnan
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from argmap.model.base import records_in
from argmap.model.document import ArgMap


@dataclass(frozen=True)
class Bounds:
    """A closed range; ``None`` is no limit on that side."""

    low: float | None = None
    high: float | None = None

    def holds(self, value: float) -> bool:
        return (self.low is None or value >= self.low) and (self.high is None or value <= self.high)

    def clamp(self, value: float) -> float:
        """The nearest value in range (the bound it crossed)."""
        if self.low is not None and value < self.low:
            return self.low
        if self.high is not None and value > self.high:
            return self.high
        return value

    def describe(self) -> str:
        """E.g. "from 0 to 1", "at least 0"."""
        if self.low is not None and self.high is not None:
            return f"from {self.low:g} to {self.high:g}"
        if self.low is not None:
            return f"at least {self.low:g}"
        return f"at most {self.high:g}"


def _bounds(metadata: Iterable[Any]) -> Bounds | None:
    """The range that ``Field(ge=..., le=...)`` metadata (or a FieldInfo in it) allows."""
    items = [
        m
        for entry in metadata
        for m in (entry.metadata if isinstance(entry, FieldInfo) else [entry])
    ]
    low = next((m.ge for m in items if hasattr(m, "ge")), None)
    high = next((m.le for m in items if hasattr(m, "le")), None)
    return None if low is None and high is None else Bounds(low, high)


@dataclass(frozen=True)
class OutOfRange:
    """A number outside its field's range: ``holder`` (a record, or a table of values by
    id such as a layer's credibilities) holds ``value`` under ``key``, at JSON ``path``."""

    path: str
    field: str  # the field's name: "credibility", also for a layer's table of them
    value: float
    bounds: Bounds
    holder: Any
    key: str

    def put(self, value: float) -> None:
        """Set the number in its holder (repair's clamp)."""
        if isinstance(self.holder, dict):
            self.holder[self.key] = value
        else:
            setattr(self.holder, self.key, value)


@dataclass(frozen=True)
class _Plan:
    """Where a record type's bounded numbers are: its number fields, its tables of
    numbers by id (a layer's credibilities), and its fields that hold records with some."""

    numbers: tuple[tuple[str, Bounds], ...]
    tables: tuple[tuple[str, Bounds], ...]
    nested: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.numbers or self.tables or self.nested)


_NOTHING = _Plan((), (), ())


@cache
def _plan(model: type[BaseModel]) -> _Plan:
    numbers, tables, nested = [], [], []
    for name, info in model.model_fields.items():
        own = _bounds(info.metadata)
        values = _value_bounds(info.annotation)
        if own is not None:
            numbers.append((name, own))
        elif values is not None:
            tables.append((name, values))
        elif any(_plan(m) for m in records_in(info.annotation)):
            nested.append(name)
    return _Plan(tuple(numbers), tuple(tables), tuple(nested))


def _value_bounds(annotation: Any) -> Bounds | None:
    """The bounds of a ``dict[str, Annotated[float, Field(...)] | None]``'s values."""
    if get_origin(annotation) is not dict:
        return None
    value = get_args(annotation)[1]
    for arg in (value, *get_args(value)):
        if get_origin(arg) is Annotated:
            return _bounds(get_args(arg)[1:])
    return None


def out_of_range(doc: ArgMap) -> Iterator[OutOfRange]:
    """Every number of ``doc`` outside its range, in file order: the tables' records,
    the layers' tables and ratings, and any record nested deeper (NaN is not a number
    in or out of a range: the finiteness checks report it)."""
    yield from _records([doc], _one(""))


def _records(records: list[Any], base: Callable[[int], str]) -> Iterator[OutOfRange]:
    """The numbers out of range in ``records``; ``base(i)`` is the JSON path of the
    i-th (made only for what is found: this loop runs over every statement and quote)."""
    plan: _Plan | None = None
    kind: type | None = None
    for index, record in enumerate(records):
        if type(record) is not kind:
            kind = type(record)
            plan = _plan(type(record)) if isinstance(record, BaseModel) else _NOTHING
        assert plan is not None
        for name, bounds in plan.numbers:
            value = getattr(record, name)
            if value is not None and not bounds.holds(value) and not _nan(value):
                path = _field(base(index), name)
                yield OutOfRange(path, name, value, bounds, record, name)
        for name, bounds in plan.tables:
            table = getattr(record, name)
            for key, value in table.items():
                if value is not None and not bounds.holds(value) and not _nan(value):
                    path = _key(_field(base(index), name), key)
                    yield OutOfRange(path, name, value, bounds, table, key)
        for name in plan.nested:
            yield from _inside(getattr(record, name), _field(base(index), name))


def _inside(value: Any, where: str) -> Iterator[OutOfRange]:
    """The numbers out of range in the records a field holds (a list, a table, one)."""
    if isinstance(value, list):
        yield from _records(value, lambda i: f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _records([item], _one(_key(where, key)))
    elif value is not None:
        yield from _records([value], _one(where))


def _one(path: str) -> Callable[[int], str]:
    return lambda _: path


def _field(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _key(path: str, key: str) -> str:
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _nan(value: float) -> bool:
    """NaN, for a float; an int (however large: JSON allows 400 digits) never is."""
    return isinstance(value, float) and isnan(value)


def finite(value: float) -> bool:
    """math.isfinite that also answers for an integer beyond float range (JSON allows a
    400-digit number): such a number is not a finite float."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False
