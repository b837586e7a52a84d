"""Reading and writing ``.argmap.json`` files: clear errors in, atomic and stable out.

Loading checks, in order, and stops at the first stage that fails: the file can be read
(a regular file, at most ``MAX_FILE_BYTES``), it is text (no NUL bytes, valid UTF-8, a
BOM is fine), it is JSON (at most ``MAX_NESTING`` levels deep, no NaN, no repeated key),
the top level is an object with ``"format": "argmap"`` and a version this argmap reads
(older versions are migrated), every field has the right type, and finally
:func:`argmap.model.validation.validate` finds no *error*. Warnings (e.g. a quote whose
source text drifted) do not stop loading; :func:`load_map_with_report` returns them.

Saving writes :func:`dumps_map` output, which is checked to load back cleanly before
anything touches the disk, through :func:`argmap.io.atomic_write.write_atomically`.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from argmap.io.atomic_write import os_reason, write_atomically
from argmap.io.migrations import OLDEST_VERSION, MigrationError, migrate
from argmap.model.document import FORMAT_NAME, FORMAT_VERSION, ArgMap
from argmap.model.validation import Problem, clip, errors, key_path, validate

MAX_FILE_BYTES = 64 * 1024 * 1024  # a 20,000-statement map with its articles is ~20 MB
MAX_NESTING = 64  # a valid map nests 5 levels deep; more is hostile or broken
MAP_SUFFIX = ".argmap.json"
MAX_PROBLEMS_SHOWN = 20  # in str(MapFileError); ``problems`` always has them all
MAPPING_FIELDS = {"pinned"}  # fields whose keys are ids, shown as ``pinned["s-1"]``

_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


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


@dataclass(frozen=True)
class LoadResult:
    """A loaded map with what validation found; ``migrated_from`` is the file's version
    when it was older than ``FORMAT_VERSION`` (saving will write the current one)."""

    doc: ArgMap
    problems: list[Problem] = field(default_factory=list)
    migrated_from: int | None = None

    @property
    def errors(self) -> list[Problem]:
        """Problems that make the map unusable (only present with ``allow_errors``)."""
        return errors(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        """Problems the map loads with and the app can repair."""
        return [p for p in self.problems if p.severity == "warning"]


def _fail(name: str, message: str, code: str, path: str = "") -> MapFileError:
    return MapFileError(name, [Problem(path, message, "error", code)])


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise _fail(name, "this is a folder, not a map file", "unreadable")
        if not stat.S_ISREG(info.st_mode):
            raise _fail(name, "this is not a regular file", "unreadable")
        if info.st_size > MAX_FILE_BYTES:
            raise _too_big(name, info.st_size)
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _fail(name, f"cannot read the file: {os_reason(exc)}", "unreadable") from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(name, len(data))
    return data


def _too_big(name: str, size: int) -> MapFileError:
    return _fail(
        name,
        f"the file is {size / 2**20:.1f} MB; a map file may be at most "
        f"{MAX_FILE_BYTES // 2**20} MB",
        "too-big",
    )


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise _fail(
            name,
            "the file contains NUL bytes: it is a binary file (or UTF-16 text), not a map",
            "binary",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise _fail(
            name,
            f"the file is not UTF-8 text: byte 0x{data[exc.start]:02x} at line {line}, "
            f"column {column} cannot be decoded",
            "encoding",
        ) from None


def nesting_depth(text: str) -> int:
    """How deeply JSON arrays and objects nest in ``text``, strings ignored."""
    # Drop escaped backslashes, then escaped quotes: every '"' left opens or closes a
    # string, so the even pieces between them are what lies outside strings.
    unescaped = text.replace("\\\\", "").replace('\\"', "")
    brackets = _NOT_BRACKETS.sub("", "".join(unescaped.split('"')[::2]))
    steps = (1 if c in "[{" else -1 for c in brackets)
    return max(accumulate(steps), default=0)


def _reject_constant(value: str) -> Any:
    raise ValueError(f"{value} is not a number JSON allows")


def _parse_json(text: str, name: str) -> Any:
    if not text.strip():
        raise _fail(name, "the file is empty", "not-json")
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise _too_deep(name, depth)
    repeated: list[str] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    repeated.append(key)
                seen.add(key)
        return obj

    try:
        raw = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()):
            why = "the file ends too early (is it truncated?)"
        else:
            why = f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise _fail(name, f"the file is not valid JSON: {why}", "not-json") from None
    except ValueError as exc:
        raise _fail(name, f"the file is not valid JSON: {exc}", "not-json") from None
    except RecursionError:
        raise _too_deep(name, depth) from None
    lone = _lone_surrogate(text)
    if lone >= 0:
        line = text.count("\n", 0, lone) + 1
        column = lone - text.rfind("\n", 0, lone)
        raise _fail(
            name,
            f"the escape {text[lone : lone + 6]} at line {line}, column {column} is half "
            "of a UTF-16 pair and stands for no character",
            "not-json",
        )
    if repeated:
        keys = ", ".join(sorted({clip(k, 30) for k in repeated}))
        raise _fail(
            name,
            f"an object repeats the key {keys}; only one value per key is allowed",
            "duplicate-key",
        )
    return raw


def _lone_surrogate(text: str) -> int:
    """Offset of a ``\\uD800``-style escape that is not half of a pair, or -1."""
    pending = -1  # offset of a high surrogate waiting for its low half
    for match in _SURROGATE_ESCAPE.finditer(text):
        is_high = match.group()[3] in "89abAB"
        if pending >= 0 and (is_high or match.start() != pending + 6):
            return pending
        if is_high:
            pending = match.start()
        elif pending < 0:
            return match.start()
        else:
            pending = -1
    return pending


def _too_deep(name: str, depth: int) -> MapFileError:
    return _fail(
        name,
        f"the JSON nests {depth} levels deep; a map file may nest at most {MAX_NESTING}",
        "too-deep",
    )


def _json_kind(value: Any) -> str:
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


def _check_header(raw: Any, name: str) -> int:
    """The file's version, once it is an argmap map this argmap can read."""
    if not isinstance(raw, dict):
        raise _fail(
            name, f"the top level is {_json_kind(raw)}; a map is a JSON object", "not-object"
        )
    if "format" not in raw:
        raise _fail(
            name,
            f'there is no "format": "{FORMAT_NAME}" entry, so this is not an argmap map',
            "not-argmap",
            "format",
        )
    if raw["format"] != FORMAT_NAME:
        raise _fail(
            name,
            f'"format" is {_json_kind(raw["format"])}, not "{FORMAT_NAME}", '
            "so this is not an argmap map",
            "not-argmap",
            "format",
        )
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        what = "missing" if "version" not in raw else _json_kind(version)
        raise _fail(
            name,
            f"the format version should be a whole number, but is {what}",
            "wrong-type",
            "version",
        )
    if version > FORMAT_VERSION:
        raise _fail(
            name,
            f"made by a newer version of argmap (file version {version}, this argmap reads "
            f"up to {FORMAT_VERSION}); nothing was changed",
            "newer-version",
            "version",
        )
    if version < OLDEST_VERSION:
        raise _fail(
            name,
            f"format version {version} is not one argmap ever wrote",
            "unknown-version",
            "version",
        )
    return version


def json_path(loc: tuple[int | str, ...]) -> str:
    """A pydantic location as a JSON path, e.g. ``statements[3].quotes[0]``."""
    out = ""
    previous: int | str | None = None
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif previous in MAPPING_FIELDS:
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
        return f"{wanted[kind]}, but is {_json_kind(error['input'])}"
    if kind in {"enum", "literal_error"}:
        return f"should be one of {ctx['expected']}, but is {_json_kind(error['input'])}"
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


def plain_errors(exc: ValidationError) -> list[Problem]:
    """Pydantic's validation errors as plain-words problems with JSON paths."""
    return [
        Problem(json_path(tuple(e["loc"])), _plain_message(e), "error", "wrong-type")
        for e in exc.errors()
    ]


def _parse(text: str, name: str, *, allow_errors: bool) -> LoadResult:
    raw = _parse_json(text, name)
    version = _check_header(raw, name)
    try:
        current = migrate(raw)
    except MigrationError as exc:
        raise _fail(name, f"cannot upgrade this map: {exc}", "migration-failed") from None
    try:
        # Strict JSON-mode validation: "5" is not a number here, but "claim" is a kind.
        checked = text if current is raw else json.dumps(current, ensure_ascii=False)
        doc = ArgMap.model_validate_json(checked, strict=True)
    except ValidationError as exc:
        raise MapFileError(name, plain_errors(exc)) from None
    except RecursionError:
        raise _too_deep(name, MAX_NESTING) from None
    problems = validate(doc)
    if not allow_errors and errors(problems):
        raise MapFileError(name, errors(problems))
    return LoadResult(doc, problems, version if version != FORMAT_VERSION else None)


def loads_map_with_report(
    text: str | bytes, name: str = "<string>", *, allow_errors: bool = False
) -> LoadResult:
    """Parse a map from text (or undecoded bytes) and report what validation found.

    With ``allow_errors`` a map with validation *errors* is returned too (for repair
    tools); a map that is not JSON, not an argmap map, or has wrong types still raises.
    """
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise _too_big(name, len(text))
        text = _decode(text, name)
    return _parse(text.removeprefix("\ufeff"), name, allow_errors=allow_errors)


def load_map_with_report(path: str | os.PathLike[str], *, allow_errors: bool = False) -> LoadResult:
    """Load a map file and report what validation found (see :func:`loads_map_with_report`)."""
    p = Path(path)
    return loads_map_with_report(_read_bytes(p), str(p), allow_errors=allow_errors)


def loads_map(text: str | bytes, name: str = "<string>", *, strict: bool = False) -> ArgMap:
    """The map in ``text``; raises MapFileError on errors (also on warnings if ``strict``)."""
    result = loads_map_with_report(text, name)
    if strict and result.problems:
        raise MapFileError(name, result.problems)
    return result.doc


def load_map(path: str | os.PathLike[str], *, strict: bool = False) -> ArgMap:
    """The map in the file at ``path``; raises MapFileError naming the file and problems."""
    p = Path(path)
    return loads_map(_read_bytes(p), str(p), strict=strict)


def dumps_map(doc: ArgMap) -> str:
    """The map as diff-friendly JSON: UTF-8, indent 2, model field order, final newline.

    Stable: ``dumps_map(loads_map(dumps_map(d))) == dumps_map(d)``. Raises MapFileError
    if the map holds something JSON cannot carry (e.g. an infinite coordinate).
    """
    try:
        data = doc.model_dump(mode="json", warnings="error")
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except (ValueError, PydanticSerializationError) as exc:
        raise _fail(
            "<unsaved map>", f"the map cannot be written as JSON: {exc}", "unsavable"
        ) from None


def save_map(
    doc: ArgMap, path: str | os.PathLike[str], *, check: bool = True, backup: bool = True
) -> None:
    """Write ``doc`` to ``path`` atomically, keeping the previous file as ``NAME.bak``.

    With ``check`` (the default) the JSON is first parsed back and validated, and a map
    with validation *errors* is refused, so the file on disk always loads. Recovery
    copies of a broken map may pass ``check=False``. Raises MapFileError; on failure the
    old file is untouched and no temporary file is left.
    """
    name = str(path)
    try:
        text = dumps_map(doc)
    except MapFileError as exc:
        raise MapFileError(name, exc.problems) from None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _fail(
            name,
            f"the map holds text that cannot be saved as UTF-8 "
            f"(character {exc.object[exc.start]!a})",
            "unsavable",
        ) from None
    if check:
        try:
            _parse(text, name, allow_errors=False)
        except MapFileError as exc:
            raise MapFileError(name, [_refused(p) for p in exc.problems]) from None
    try:
        write_atomically(path, data, backup=backup)
    except OSError as exc:
        raise _fail(
            name, f"could not save: {os_reason(exc)}; the previous file is unchanged", "unwritable"
        ) from None


def _refused(problem: Problem) -> Problem:
    return Problem(problem.path, f"not saved: {problem.message}", problem.severity, problem.code)
