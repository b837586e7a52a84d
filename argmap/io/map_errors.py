"""MapFileError, and pydantic's validation errors told in plain words with JSON paths."""

from __future__ import annotations

import os
from functools import cache
from typing import Any, get_origin

from pydantic import BaseModel, ValidationError

from argmap.model.base import records_in
from argmap.model.document import ArgMap
from argmap.model.validation import Problem, clip, key_path

MAX_PROBLEMS_SHOWN = 20  # in str(MapFileError); ``problems`` always has them all


@cache
def mapping_fields(root: type[BaseModel] = ArgMap) -> frozenset[str]:
    """The names of the fields, in any record of a map, that hold a table by key (a
    view's pins, a layer's credibilities): a key in one is shown ``pinned["s-1"]``."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    todo = [root]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            if get_origin(info.annotation) is dict:
                names.add(name)
            todo.extend(records_in(info.annotation))
    return frozenset(names)


class MapFileError(Exception):
    """A map that cannot be read or written; ``str()`` names the file and each problem."""

    def __init__(self, path: str | os.PathLike[str], problems: list[Problem]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(self.path, problems)

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems[:MAX_PROBLEMS_SHOWN]]
        if len(self.problems) > MAX_PROBLEMS_SHOWN:
            lines.append(f"… and {len(self.problems) - MAX_PROBLEMS_SHOWN} more problems")
        if len(lines) == 1:
            return f"{self.path}: {lines[0]}"
        return f"{self.path}:\n" + "\n".join(f"  - {line}" for line in lines)


def fail(name: str, message: str, code: str, path: str = "") -> MapFileError:
    """A MapFileError for file ``name`` with one problem."""
    return MapFileError(name, [Problem(path, message, "error", code)])


def json_kind(value: Any) -> str:
    """What a JSON value is, in words: ``the text "abc"``, ``a list``..."""
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {clip(value, 30)}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return type(value).__name__


def json_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as a JSON path, e.g. ``statements[3].quotes[0]``."""
    out = ""
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(previous, str) and previous in mapping_fields():
            out = key_path(out, part)
        else:
            out += f".{part}" if out else part
        previous = part
    return out


def _plain_message(error: Any) -> str:
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    wanted = {
        "string_type": "should be text",
        "int_type": "should be a whole number",
        "int_from_float": "should be a whole number",
        "float_type": "should be a number",
        "bool_type": "should be true or false",
        "list_type": "should be a list",
        "tuple_type": "should be a list",
        "dict_type": "should be an object",
        "model_type": "should be an object",
        "finite_number": "should be a finite number",
    }
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a field argmap knows (a typo, or made by a newer argmap?)"
    if kind in wanted:
        return f"{wanted[kind]}, but is {json_kind(error['input'])}"
    if kind in {"enum", "literal_error"}:
        return f"should be one of {ctx['expected']}, but is {json_kind(error['input'])}"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "greater_than": ("more than", "gt"),
        "less_than_equal": ("at most", "le"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"should be {words} {ctx[key]}, but is {error['input']!r}"
    if kind == "too_short":
        return f"should have at least {ctx['min_length']} item(s)"
    if kind == "string_too_short":
        return "should not be empty"
    if kind == "too_long":
        return f"should have at most {ctx['max_length']} item(s)"
    message: str = error["msg"]
    return message.removeprefix("Input ")


def plain_problem(error: Any) -> Problem:
    """One of pydantic's validation errors as a plain-words problem with a JSON path."""
    return Problem(json_path(tuple(error["loc"])), _plain_message(error), "error", "wrong-type")


def plain_errors(exc: ValidationError) -> list[Problem]:
    """Pydantic's validation errors as plain-words problems with JSON paths."""
    return [plain_problem(e) for e in exc.errors()]
