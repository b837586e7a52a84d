"""Reading a map past its type errors, so a check lists every problem at once.

A load stops at the first stage that fails: a credibility of 1.7 would hide a dangling
reference further on. Here the refused file is read again, with
- each number outside its field's range kept as the file has it: the type check runs
  with the bound in its place, then the number is put back, so validation reports it
  (:mod:`argmap.model.number_ranges`) and repair can clamp it; the map is the file's;
- each other refused value set aside (its key removed, the field takes its default) and
  listed as a type problem: that map is not the file's, only enough to run the
  whole-map checks on the rest.
A refused value that cannot be set aside (an item of a list, a required field) leaves
nothing to check: the caller reports the type problems alone.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from argmap.io.map_errors import plain_problem
from argmap.model.document import ArgMap
from argmap.model.validation import Problem

BOUND_ERRORS = {"greater_than_equal": "ge", "less_than_equal": "le"}


@dataclass(frozen=True)
class Salvaged:
    """The map read past its type errors; ``set_aside`` lists the values left out (none:
    ``doc`` holds everything the file does, out-of-range numbers included)."""

    doc: ArgMap
    set_aside: list[Problem]


def read_past_type_errors(raw: Any, refused: ValidationError) -> Salvaged | None:
    """The map in ``raw`` (parsed JSON) whose type check raised ``refused``, or None."""
    data = copy.deepcopy(raw)
    kept: list[tuple[tuple[int | str, ...], Any]] = []
    set_aside: list[Problem] = []
    seen: set[tuple[int | str, ...]] = set()
    for error in refused.errors():
        loc = tuple(error["loc"])
        if not loc:
            return None
        if loc in seen:
            continue
        seen.add(loc)
        parent = _container(data, loc[:-1])
        key = loc[-1]
        if not isinstance(parent, dict) or key not in parent:
            return None
        value = error["input"]
        if error["type"] in BOUND_ERRORS and _is_number(value):
            parent[key] = error["ctx"][BOUND_ERRORS[error["type"]]]
            kept.append((loc, value))
        else:
            del parent[key]
            set_aside.append(plain_problem(error))
    try:
        doc = ArgMap.model_validate_json(json.dumps(data, ensure_ascii=False), strict=True)
    except ValidationError:
        return None
    for loc, value in kept:
        record = _container(doc, loc[:-1])
        if isinstance(record, dict) and loc[-1] in record:
            record[loc[-1]] = value  # a table of numbers by id (a layer's credibilities)
        elif record is not None and loc[-1] in getattr(record, "__dict__", {}):
            record.__dict__[loc[-1]] = value  # as the file has it: past the field's bound
        else:
            return None
    return Salvaged(doc, set_aside)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _container(root: Any, loc: tuple[int | str, ...]) -> Any:
    """What ``loc`` points at in parsed JSON or in a map, or None if it is not there."""
    node = root
    for part in loc:
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(part, str) and not isinstance(node, list | dict):
            node = getattr(node, part, None)
        else:
            return None
    return node
