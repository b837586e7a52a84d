"""Raw AIF JSON: safe parsing and the checks shared by the AIF reader and writer."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from argmap.interop.errors import AifError
from argmap.io.json_reading import MAX_FILE_BYTES, nesting_depth
from argmap.model.validation import MAX_COORDINATE, on_canvas

# Guards against hostile or runaway files; real AIFdb node sets are far below these.
MAX_BYTES = MAX_FILE_BYTES  # one limit for every file argmap reads (and so writes)
MAX_NODES = 200_000
MAX_EDGES = 600_000

# S-node texts that name no particular scheme.
GENERIC_TEXTS = frozenset(
    {
        "RA",
        "CA",
        "MA",
        "PA",
        "Default Inference",
        "Default Conflict",
        "Default Rephrase",
        "Default Preference",
        "",
    }
)
DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}

JsonDict = dict[str, Any]


# Real AIF files nest 4-5 levels; deeper input is hostile (and would exhaust pydantic).
MAX_NESTING = 64


def parse_json(data: bytes | str, file: str) -> Any:
    """The JSON value in ``data``, or an AifError saying why it is not JSON we accept."""
    size = len(data)
    if size > MAX_BYTES:
        raise AifError(file, "$", f"file is {size:,} bytes, more than the {MAX_BYTES:,} allowed")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise AifError(file, "$", f"not UTF-8 text (byte {exc.start})") from None
    depth = nesting_depth(data)
    if depth > MAX_NESTING:
        raise AifError(file, "$", f"JSON nested too deeply ({depth} levels; at most {MAX_NESTING})")
    try:
        return json.loads(data, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise AifError(
            file, "$", f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise AifError(file, "$", "JSON nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python allows
        raise AifError(file, "$", f"not valid JSON: {exc}") from None


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def node_id(value: object, file: str, where: str) -> str:
    """An AIF id as a string: ids are strings in AIFdb and often integers elsewhere."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise AifError(file, where, f"id must be a string or an integer, not {_kind(value)}")
    text = str(value)
    if not text:
        raise AifError(file, where, "id is empty")
    return text


def text_field(value: object, file: str, where: str) -> str:
    """A text field: missing or null means empty; numbers are written out."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise AifError(file, where, f"text must be a string, not {_kind(value)}")


def coordinate(value: object, file: str, where: str) -> float:
    """An OVA layout number, which OVA sometimes writes as a string."""
    if isinstance(value, bool):
        raise AifError(file, where, "coordinate must be a number, not a boolean")
    try:
        if isinstance(value, int | float):
            number = float(value)
        elif isinstance(value, str):
            number = float(value.strip())
        else:
            raise AifError(file, where, f"coordinate must be a number, not {_kind(value)}")
    except ValueError:
        raise AifError(file, where, f"coordinate {str(value)[:40]!r} is not a number") from None
    except OverflowError:  # an integer of hundreds of digits
        shown = f"{str(value)[:12]}… ({len(str(value))} digits)"
        raise AifError(
            file, where, f"coordinate {shown} is off the canvas (at most {MAX_COORDINATE:g})"
        ) from None
    if not math.isfinite(number):
        raise AifError(file, where, f"coordinate {str(value)[:40]!r}… is not a finite number")
    if not on_canvas((number,)):
        raise AifError(
            file, where, f"coordinate {number:g} is off the canvas (at most {MAX_COORDINATE:g})"
        )
    return number


def object_list(container: JsonDict, key: str, file: str, where: str, limit: int) -> list[JsonDict]:
    """``container[key]`` as a list of objects (missing or null: empty)."""
    value = container.get(key)
    if value is None:
        return []
    path = f"{where}.{key}"
    if not isinstance(value, list):
        raise AifError(file, path, f"must be a list, not {_kind(value)}")
    if len(value) > limit:
        raise AifError(file, path, f"{len(value):,} entries, more than the {limit:,} allowed")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise AifError(file, f"{path}[{index}]", f"must be an object, not {_kind(item)}")
    return value


def _kind(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


def shaped(raw: Any, shape: type[list[Any]] | type[dict[str, Any]], where: str,
           warn: Callable[[str], None]) -> Any:  # fmt: skip
    """``raw`` when it has the shape this part of a file's argmap entry must have; None
    when it is absent, or (said, with its path) when it has another shape."""
    if raw is None or isinstance(raw, shape):
        return raw
    warn(f"{where}: not {'a list' if shape is list else 'an object'}; left out")
    return None
