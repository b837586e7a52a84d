"""string_count counts the strings a model's JSON spells, whatever its fields' types: the
fast loader compares that count with the file's quotes to notice a repeated key, so a
miscount sends every good map the slow way, or lets a repeated key through."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, Literal

import pytest
from pydantic import BaseModel

from argmap.io.string_count import string_count


def strings_in(value: Any) -> int:
    """Keys and string values in parsed JSON."""
    if isinstance(value, str):
        return 1
    if isinstance(value, list):
        return sum(strings_in(v) for v in value)
    if isinstance(value, dict):
        return len(value) + sum(strings_in(v) for v in value.values())
    return 0


class Colour(Enum):
    RED = "red"


def _record_type() -> type[BaseModel]:
    """A record type of every kind of field a map uses, made anew for each test (so its
    counting is worked out in the test, not remembered from another)."""

    class Child(BaseModel):
        name: str
        weight: float = 0.5

    class Record(BaseModel):
        text: str = ""
        level: int = 0
        share: float | None = None
        note: str | None = None
        flag: bool = False
        kind: Literal["a", "b"] = "a"
        code: Literal[1, 2] = 1
        colour: Colour = Colour.RED
        tags: list[str] = []
        sizes: list[int] = []
        spot: tuple[float, float] = (0.0, 0.0)
        child: Child | None = None
        children: list[Child] = []
        table: dict[str, float | None] = {}

    return Record


FULL = {
    "text": "Talks",
    "level": 3,
    "share": 0.25,
    "note": "seen",
    "flag": True,
    "kind": "b",
    "code": 2,
    "colour": "red",
    "tags": ["x", "y", "z"],
    "sizes": [4, 5, 6, 7],
    "spot": [1.5, 2.5],
    "child": {"name": "c", "weight": 0.1},
    "children": [{"name": "d"}, {"name": "e", "weight": 1.0}],
    "table": {"s-1": 0.5, "s-2": None},
}


@pytest.mark.parametrize(
    "fields",
    [
        FULL,
        {"level": 9, "sizes": [1, 2]},
        {"share": None, "note": None, "child": None},
        {"code": 1, "flag": False},
        {"tags": [], "children": []},
        {},
    ],
    ids=["every-field", "numbers-only", "nulls", "number-literals", "empty-lists", "nothing"],
)
def test_the_count_is_the_strings_the_json_spells(fields: dict[str, Any]) -> None:
    text = json.dumps(fields)
    record = _record_type().model_validate_json(text)
    assert string_count(record) == strings_in(json.loads(text))
