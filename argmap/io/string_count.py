"""How many JSON strings (keys and string values) a file spells to give a model.

The fast loader validates a map straight from its bytes, which keeps the last of two
repeated keys without a word; comparing this count with the quotes in the file tells it
that a key was repeated (see ``map_file._fast_typed``). The count follows each record
type's field annotations, so a field added to the model is counted without a change
here.
"""

from __future__ import annotations

import types
from enum import Enum
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

_STR, _SKIP, _STR_LIST, _WALK = range(4)


def string_count(value: Any) -> int:
    """Strings (keys and values) in the JSON of ``value``: a model, list, dict or scalar."""
    if isinstance(value, BaseModel):
        plan = _plan(type(value))
        present = value.__pydantic_fields_set__
        count = len(present)
        for name in present:
            how = plan[name]
            if how == _SKIP:
                continue
            field = getattr(value, name)
            if how == _STR:
                count += field is not None
            elif how == _STR_LIST:
                count += len(field)
            else:
                count += string_count(field)
        return count
    if isinstance(value, str):
        return 1
    if isinstance(value, list | tuple):
        return sum(string_count(v) for v in value)
    if isinstance(value, dict):
        return len(value) + sum(string_count(v) for v in value.values())
    return 0  # a number, a boolean or null


@cache
def _plan(model: type[BaseModel]) -> dict[str, int]:
    return {name: _how(info.annotation) for name, info in model.model_fields.items()}


def _how(annotation: Any) -> int:
    if get_origin(annotation) in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
    else:
        options = [annotation]
    if all(_is_string(a) for a in options):
        return _STR
    if all(a in (int, float, bool) for a in options):
        return _SKIP
    if len(options) == 1 and get_origin(options[0]) is list and get_args(options[0]) == (str,):
        return _STR_LIST
    return _WALK


def _is_string(annotation: Any) -> bool:
    if get_origin(annotation) is Literal:
        return all(isinstance(a, str) for a in get_args(annotation))
    return isinstance(annotation, type) and issubclass(annotation, str | Enum)
