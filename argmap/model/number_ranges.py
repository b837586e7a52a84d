"""The numbers a map's records hold and the ranges their fields allow.

The ranges are the fields' own bounds (``Field(ge=0.0, le=1.0)`` on a credibility), read
from the models, so they are stated once. A map read past its type errors keeps a number
outside its range as the file has it (see :mod:`argmap.io.type_salvage`): validation
reports it, and repair clamps it to the nearest bound.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from math import isnan

from pydantic import BaseModel

from argmap.model.document import ArgMap

TABLES = ("sources", "quotes", "statements", "inferences", "ratings")


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


@cache
def field_bounds(model: type[BaseModel]) -> dict[str, Bounds]:
    """The bounded number fields of ``model`` and their ranges (``ge`` / ``le``)."""
    found: dict[str, Bounds] = {}
    for name, info in model.model_fields.items():
        low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
        high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
        if low is not None or high is not None:
            found[name] = Bounds(low, high)
    return found


@dataclass(frozen=True)
class OutOfRange:
    """A number outside its field's range: ``table[index].field`` holds ``value``."""

    table: str
    index: int
    field: str
    value: float
    bounds: Bounds

    @property
    def path(self) -> str:
        return f"{self.table}[{self.index}].{self.field}"


def out_of_range(doc: ArgMap) -> Iterator[OutOfRange]:
    """Every number of ``doc``'s records outside its range, table by table in file order
    (NaN is not a number in or out of a range: the finiteness checks report it)."""
    for table in TABLES:
        records: list[BaseModel] = getattr(doc, table)
        if not records:
            continue
        fields = field_bounds(type(records[0])).items()
        if not fields:
            continue
        for index, record in enumerate(records):
            for name, bounds in fields:
                value = getattr(record, name)
                if value is not None and not bounds.holds(value) and not _nan(value):
                    yield OutOfRange(table, index, name, value, bounds)


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
