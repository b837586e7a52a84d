"""From bytes on disk to parsed JSON, refusing hostile or broken input in plain words.

Limits: a map file is at most ``MAX_FILE_BYTES``; its JSON nests at most ``MAX_NESTING``
levels (checked before parsing, so no RecursionError). It must be UTF-8 (a BOM is
fine), without NUL bytes, NaN/Infinity, repeated keys or half surrogate pairs.
"""

from __future__ import annotations

import json
import os
import re
import stat
from itertools import accumulate
from pathlib import Path
from typing import Any

from argmap.io.atomic_write import os_reason
from argmap.io.map_errors import MapFileError, fail
from argmap.model.validation import clip

MAX_FILE_BYTES = 64 * 1024 * 1024  # a 20,000-statement map with its articles is ~20 MB
MAX_NESTING = 64  # a valid map nests 5 levels deep; more is hostile or broken

_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


_NUMBER_PREFIX = re.compile(r"-?\d*(\.\d*)?([eE][-+]?\d*)?")


def _ends_too_early(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether the parser ran out of text: cut at a value, a keyword or inside a string."""
    end = len(text.rstrip())
    if exc.pos >= end or exc.msg.startswith("Unterminated string"):
        return True
    # Cut inside a literal or number ("tr", "1.") fails at the token's start, near the end.
    tail = text[exc.pos : end]
    literal = any(word.startswith(tail) for word in ("true", "false", "null"))
    return bool(tail) and (literal or _NUMBER_PREFIX.fullmatch(tail) is not None)


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file no bigger than ``MAX_FILE_BYTES``."""
    name = str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise fail(name, "this is a folder, not a map file", "unreadable")
        if not stat.S_ISREG(info.st_mode):
            raise fail(name, "this is not a regular file", "unreadable")
        if info.st_size > MAX_FILE_BYTES:
            raise too_big(name, info.st_size)
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise fail(name, f"cannot read the file: {os_reason(exc)}", "unreadable") from None
    if len(data) > MAX_FILE_BYTES:
        raise too_big(name, len(data))
    return data


def too_big(name: str, size: int) -> MapFileError:
    """The error for a file of ``size`` bytes, over the limit."""
    return fail(
        name,
        f"the file is {size / 2**20:.1f} MB; a map file may be at most "
        f"{MAX_FILE_BYTES // 2**20} MB",
        "too-big",
    )


def too_big_to_write(name: str, size: int) -> MapFileError:
    """The error for a map that would be written with ``size`` bytes, over the limit a
    file may have to be opened again (so argmap never writes a map it cannot read)."""
    return fail(
        name,
        f"not written: the map would be {size / 2**20:.1f} MB, and argmap opens map files "
        f"of at most {MAX_FILE_BYTES // 2**20} MB; nothing was changed (remove articles or "
        "statements, or split the map)",
        "too-big",
    )


def too_deep(name: str, depth: int) -> MapFileError:
    """The error for JSON nested ``depth`` levels, over the limit."""
    return fail(
        name,
        f"the JSON nests {depth} levels deep; a map file may nest at most {MAX_NESTING}",
        "too-deep",
    )


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of ``data`` (BOM dropped), or an error saying where it is not."""
    if b"\x00" in data:
        raise fail(
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
        raise fail(
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


def parse_json(text: str, name: str) -> Any:
    """The JSON value in ``text``, or an error with line and column."""
    if not text.strip():
        raise fail(name, "the file is empty", "not-json")
    depth = nesting_depth(text)
    if depth > MAX_NESTING:
        raise too_deep(name, depth)
    keys = _RepeatedKeys()
    try:
        raw = json.loads(text, object_pairs_hook=keys, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        if _ends_too_early(text, exc):
            why = "the file ends too early (is it truncated?)"
        else:
            why = f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise fail(name, f"the file is not valid JSON: {why}", "not-json") from None
    except ValueError as exc:
        raise fail(name, f"the file is not valid JSON: {exc}", "not-json") from None
    except RecursionError:
        raise too_deep(name, depth) from None
    _refuse_lone_surrogate(text, name)
    if keys.repeated:
        named = ", ".join(sorted({clip(k, 30) for k in keys.repeated}))
        raise fail(
            name,
            f"an object repeats the key {named}; only one value per key is allowed",
            "duplicate-key",
        )
    return raw


class _RepeatedKeys:
    """An ``object_pairs_hook`` that notes the keys an object repeats (json keeps the last)."""

    def __init__(self) -> None:
        self.repeated: list[str] = []

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.repeated.append(key)
                seen.add(key)
        return obj


def _refuse_lone_surrogate(text: str, name: str) -> None:
    """MapFileError if ``text`` escapes half of a UTF-16 pair (it stands for no character)."""
    lone = _lone_surrogate(text)
    if lone >= 0:
        line = text.count("\n", 0, lone) + 1
        column = lone - text.rfind("\n", 0, lone)
        raise fail(
            name,
            f"the escape {text[lone : lone + 6]} at line {line}, column {column} is half "
            "of a UTF-16 pair and stands for no character",
            "not-json",
        )


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
