"""Reading and writing ``.argmap.json`` files: clear errors in, atomic and stable out.

Loading checks, in order, and stops at the first stage that fails: the file can be read
(a regular file, at most ``MAX_FILE_BYTES``), it is text (no NUL bytes, valid UTF-8, a
BOM is fine), it is JSON (at most ``MAX_NESTING`` levels deep, no NaN, no repeated key),
the top level is an object with ``"format": "argmap"`` and a version this argmap reads
(older versions are migrated), every field has the right type, and finally
:func:`argmap.model.validation.validate` finds no *error*. Warnings (e.g. a quote whose
source text drifted) do not stop loading; :func:`load_map_with_report` returns them.
A map refused for its types is still validated where it can be read past them
(:mod:`argmap.io.type_salvage`), so the error lists every problem at once.

Saving dumps first, type-checks and validates that very JSON (a map with *errors* is
refused), and only then writes it through :func:`argmap.io.atomic_write.write_atomically`.
"""

from __future__ import annotations

import gc
import json
import os
import re
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, ValidationError
from pydantic_core import PydanticSerializationError

from argmap.io.atomic_write import os_reason, write_atomically
from argmap.io.heap import release_free_memory
from argmap.io.json_reading import (
    MAX_FILE_BYTES,
    MAX_NESTING,
    decode,
    nesting_depth,
    parse_json,
    read_bytes,
    too_big,
    too_big_to_write,
    too_deep,
)
from argmap.io.map_errors import MapFileError, fail, json_kind, plain_errors
from argmap.io.migrations import OLDEST_VERSION, MigrationError, migrate
from argmap.io.string_count import string_count
from argmap.io.type_salvage import read_past_type_errors
from argmap.model.base import share_field_sets
from argmap.model.document import FORMAT_NAME, FORMAT_VERSION, ArgMap
from argmap.model.number_ranges import finite
from argmap.model.validation import Problem, errors, validate

__all__ = [
    "MAP_SUFFIX",
    "MAX_FILE_BYTES",
    "MAX_NESTING",
    "LoadResult",
    "MapFileError",
    "dumps_map",
    "load_map",
    "load_map_with_report",
    "loads_map",
    "loads_map_with_report",
    "nesting_depth",
    "save_map",
    "too_big_to_write",
]

MAP_SUFFIX = ".argmap.json"


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


def _check_header(raw: Any, name: str) -> int:
    """The file's version, once it is an argmap map this argmap can read."""
    if not isinstance(raw, dict):
        raise fail(name, f"the top level is {json_kind(raw)}; a map is a JSON object", "not-object")
    if "format" not in raw:
        raise fail(
            name,
            f'there is no "format": "{FORMAT_NAME}" entry, so this is not an argmap map',
            "not-argmap",
            "format",
        )
    if raw["format"] != FORMAT_NAME:
        raise fail(
            name,
            f'"format" is {json_kind(raw["format"])}, not "{FORMAT_NAME}", '
            "so this is not an argmap map",
            "not-argmap",
            "format",
        )
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        what = "missing" if "version" not in raw else json_kind(version)
        raise fail(
            name,
            f"the format version should be a whole number, but is {what}",
            "wrong-type",
            "version",
        )
    if version > FORMAT_VERSION:
        raise fail(
            name,
            f"made by a newer version of argmap (file version {version}, this argmap reads "
            f"up to {FORMAT_VERSION}); nothing was changed",
            "newer-version",
            "version",
        )
    if version < OLDEST_VERSION:
        raise fail(
            name,
            f"format version {version} is not one argmap ever wrote",
            "unknown-version",
            "version",
        )
    return version


def _typed(text: str | bytes, name: str, model: type[ArgMap] = ArgMap) -> ArgMap:
    """The map in JSON ``text``, every field type-checked, or the type errors."""
    try:
        # Strict JSON-mode validation: "5" is not a number here, but "claim" is a kind.
        return model.model_validate_json(text, strict=True)
    except ValidationError as exc:
        raise MapFileError(name, plain_errors(exc)) from None
    except RecursionError:
        raise too_deep(name, MAX_NESTING) from None


_ESCAPED_BACKSLASH = b"\\\\"
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _fast_typed(data: bytes) -> ArgMap | None:
    """The map in ``data`` when it is a current, well-formed map file, else None.

    Validates straight from the bytes (no Python JSON tree), then rules out what that
    validation lets through and :func:`parse_json` refuses: repeated keys (pydantic keeps
    the last), NaN/Infinity, lone surrogate escapes, a missing header. Raw control
    characters fail the validation itself. Anything unusual returns None, and the careful
    path reports it in plain words.
    """
    if b"\\" in data and (_ESCAPED_BACKSLASH in data or _SURROGATE.search(data)):
        return None
    try:
        doc = ArgMap.model_validate_json(data.removeprefix(b"\xef\xbb\xbf"), strict=True)
    except (ValidationError, RecursionError, ValueError):
        return None
    if not {"format", "version"} <= doc.model_fields_set or doc.dialogue is not None:
        return None
    if not _finite(doc):  # JSON has no NaN or infinity, but pydantic's reader takes them
        return None
    # Every string in the file is a key or a value the map kept; a repeated key would add
    # strings the map does not hold. With no escaped backslash, each '"' not preceded by
    # a backslash opens or closes a string.
    strings = (data.count(b'"') - data.count(b'\\"')) // 2
    return doc if strings == string_count(doc) else None


def _parse(text: str, name: str, *, allow_errors: bool) -> LoadResult:
    raw = parse_json(text, name)
    version = _check_header(raw, name)
    try:
        current = migrate(raw)
    except MigrationError as exc:
        raise fail(name, f"cannot upgrade this map: {exc}", "migration-failed") from None
    checked = text if current is raw else json.dumps(current, ensure_ascii=False)
    doc, set_aside = _typed_or_salvaged(checked, current, name)
    problems = validate(doc)
    if set_aside:  # that map lacks values the file has: its problems are told, never it
        raise MapFileError(name, set_aside + (problems if allow_errors else errors(problems)))
    if not allow_errors and errors(problems):
        raise MapFileError(name, errors(problems))
    return LoadResult(doc, problems, version if version != FORMAT_VERSION else None)


def _typed_or_salvaged(text: str, raw: Any, name: str) -> tuple[ArgMap, list[Problem]]:
    """The map type-checked; if refused, read past its type errors (see type_salvage),
    so that validation can still list every other problem."""
    try:
        return ArgMap.model_validate_json(text, strict=True), []
    except ValidationError as exc:
        salvaged = read_past_type_errors(raw, exc)
        if salvaged is None:
            raise MapFileError(name, plain_errors(exc)) from None
        return salvaged.doc, salvaged.set_aside
    except RecursionError:
        raise too_deep(name, MAX_NESTING) from None


def loads_map_with_report(
    text: str | bytes, name: str = "<string>", *, allow_errors: bool = False
) -> LoadResult:
    """Parse a map from text (or undecoded bytes) and report what validation found.

    With ``allow_errors`` a map with validation *errors* is returned too (for repair
    tools); a map that is not JSON, not an argmap map, or has wrong types still raises.
    """
    # Loading builds many small acyclic objects; the cyclic collector would rescan the
    # growing map again and again (measured: about a third of the time).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        result = _loads(text, name, allow_errors=allow_errors)
        doc = result.doc
        share_field_sets(chain(doc.sources, doc.quotes, doc.statements, doc.inferences))
        return result
    finally:
        if was_enabled:
            gc.enable()


def _loads(text: str | bytes, name: str, *, allow_errors: bool) -> LoadResult:
    if isinstance(text, bytes):
        data: bytes | None = text
    else:
        data = text.encode("utf-8", "surrogatepass") if len(text) < MAX_FILE_BYTES // 4 else None
    if data is not None and len(data) <= MAX_FILE_BYTES:
        doc = _fast_typed(data)
        if doc is not None:
            problems = validate(doc)
            if not allow_errors and errors(problems):
                raise MapFileError(name, errors(problems))
            return LoadResult(doc, problems, None)
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise too_big(name, len(text))
        text = decode(text, name)
    return _parse(text.removeprefix("\ufeff"), name, allow_errors=allow_errors)


def load_map_with_report(path: str | os.PathLike[str], *, allow_errors: bool = False) -> LoadResult:
    """Load a map file and report what validation found (see :func:`loads_map_with_report`)."""
    p = Path(path)
    return loads_map_with_report(read_bytes(p), str(p), allow_errors=allow_errors)


def loads_map(text: str | bytes, name: str = "<string>", *, strict: bool = False) -> ArgMap:
    """The map in ``text``; raises MapFileError on errors (also on warnings if ``strict``)."""
    result = loads_map_with_report(text, name)
    if strict and result.problems:
        raise MapFileError(name, result.problems)
    return result.doc


def load_map(path: str | os.PathLike[str], *, strict: bool = False) -> ArgMap:
    """The map in the file at ``path``; raises MapFileError naming the file and problems."""
    p = Path(path)
    return loads_map(read_bytes(p), str(p), strict=strict)


def dumps_map(doc: ArgMap) -> str:
    """The map as diff-friendly JSON: UTF-8, indent 2, model field order, final newline.

    Stable: ``dumps_map(loads_map(dumps_map(d))) == dumps_map(d)``. Raises MapFileError
    if the map holds something JSON cannot carry (e.g. an infinite coordinate).
    """
    fast = _fast_json(doc)
    return fast.decode("utf-8") if fast is not None else _careful_json(doc)


def _fast_json(doc: ArgMap) -> bytes | None:
    """The text of :func:`dumps_map` as UTF-8, straight from pydantic's serializer (the
    same text json.dumps(indent=2) writes, 7x faster on big maps, but for floats under
    1e-4: 0.00001 and 1.5e-7, not 1e-05 and 1.5e-07); None if the map needs
    :func:`_careful_json` to say what cannot be written (the serializer writes NaN as
    null and refuses lone surrogates)."""
    try:
        data = doc.__pydantic_serializer__.to_json(doc, indent=2, warnings="error")
    except (ValueError, PydanticSerializationError):
        return None
    return data + b"\n" if _finite(doc) else None


def _careful_json(doc: ArgMap) -> str:
    try:
        data = doc.model_dump(mode="json", warnings="error")
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except (ValueError, PydanticSerializationError) as exc:
        raise fail(
            "<unsaved map>", f"the map cannot be written as JSON: {exc}", "unsavable"
        ) from None


def _finite(doc: ArgMap) -> bool:
    """Whether every number of ``doc`` is finite: bounds keep credibility, strength and
    relevance finite when assigned, but a record made without validation may not be."""
    isfinite = finite
    if not all(isfinite(c) for pin in doc.view.pinned.values() for c in pin):
        return False
    for s in doc.statements:
        if (s.prior is not None and not isfinite(s.prior)) or (
            s.credibility is not None and not isfinite(s.credibility)
        ):
            return False
    if not all(isfinite(i.strength) for i in doc.inferences if i.strength is not None):
        return False
    for layer in doc.layers:
        for table in (layer.credibility, layer.strength, layer.prior):
            if not all(isfinite(v) for v in table.values() if v is not None):
                return False
    return all(isfinite(r.relevance) for r in doc.ratings if r.relevance is not None)


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
    # Bytes straight from the serializer: a big map's text is never also held as a str.
    data = _fast_json(doc)
    if data is None:
        try:
            data = _careful_json(doc).encode("utf-8")
        except MapFileError as exc:
            raise MapFileError(name, exc.problems) from None
        except UnicodeEncodeError as exc:
            raise fail(
                name,
                f"the map holds text that cannot be saved as UTF-8 "
                f"(character {exc.object[exc.start]!a})",
                "unsavable",
            ) from None
    if len(data) > MAX_FILE_BYTES:  # what argmap writes, it must be able to open
        raise too_big_to_write(name, len(data))
    try:
        if check:  # our own JSON: no hostile-input checks needed, only types and references
            try:
                problems = errors(validate(_typed(data, name, _ReadBack)))
            except MapFileError as exc:
                problems = exc.problems
            if problems:
                raise MapFileError(name, [_refused(p) for p in problems])
        try:
            write_atomically(path, data, backup=backup)
        except OSError as exc:
            raise fail(name, f"could not save: {os_reason(exc)}", "unwritable") from None
    finally:
        del data
        release_free_memory()  # the text and the map read back, gone again


class _ReadBack(ArgMap):
    """The map as a save reads it back to check it. Its strings are not cached: the
    reader's cache would keep thousands of them, scattered through the memory the map
    read back used, and so keep that memory from being given back."""

    model_config = ConfigDict(cache_strings=False)


def _refused(problem: Problem) -> Problem:
    return Problem(problem.path, f"not saved: {problem.message}", problem.severity, problem.code)
