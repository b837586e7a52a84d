"""Writing Argdown text that reads back exactly: escaping, titles, and YAML values.

Argdown gives meaning to many characters (``[`` opens a title, ``//`` a comment, ``.A.``
is a symbol, ``===`` front matter...); a backslash makes any of them literal. Data fields
and front matter are YAML: values are written as JSON-style flow YAML with double-quoted
strings in which every character that could end a data field or the front matter, or
that YAML refuses, is an escape.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from argmap.interop.argdown_reader_shortcodes import SHORTCODES
from argmap.interop.argdown_reader_tokens import JS_SPACE

# Characters that start an Argdown token inside text (or could start front matter).
SPECIAL = frozenset("\\@#*_[],.:;</>-(){}=")
_ALWAYS = frozenset("\\#*_[<{")  # a link, title, tag, emphasis, comment or data may start
_BEFORE = {"@": ("[", "<"), "/": ("/", "*")}  # mentions, comments
_SHORTCODE_AT = re.compile("[.:][^" + re.escape(JS_SPACE) + "]+?[.:]")
_TITLE_WORDS = 7
# In YAML strings: what js-yaml/PyYAML refuse raw, what ends a line or a data field.
_YAML_ESCAPE = re.compile(
    '[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff"\\\\{}=\\ud800-\\udfff]'
)
_BARE_TAG = re.compile(r"[A-Za-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+")


def escape(text: str, *, every: bool = False) -> str:
    """Text on one line (whitespace collapsed) with the characters escaped that would mean
    something to Argdown where they stand; ``every`` escapes every special character."""
    flat = " ".join(text.split())
    if every:
        return "".join("\\" + c if c in SPECIAL else c for c in flat)
    marked = [
        c in _ALWAYS
        or (c in _BEFORE and flat[i + 1 : i + 2] in _BEFORE[c])
        or (c == "=" and flat.startswith("===", i))
        for i, c in enumerate(flat)
    ]
    # A dot or colon opens a shortcode (.A., :happy:) up to the next one before a space;
    # escape it when that span is a known shortcode or would swallow an escape.
    while True:
        out, where = _joined(flat, marked)
        changed = False
        for i, c in enumerate(flat):
            if c in ".:" and not marked[i]:
                span = _SHORTCODE_AT.match(out, where[i])
                if span is not None and (span.group(0) in SHORTCODES or "\\" in span.group(0)):
                    marked[i] = changed = True
        if not changed:
            return out


def _joined(flat: str, marked: list[bool]) -> tuple[str, list[int]]:
    """The escaped text, and where each character of ``flat`` landed in it."""
    out: list[str] = []
    where = []
    length = 0
    for c, escaped in zip(flat, marked, strict=True):
        piece = "\\" + c if escaped else c
        where.append(length + len(piece) - 1)
        out.append(piece)
        length += len(piece)
    return "".join(out), where


def yaml_string(text: str) -> str:
    """A double-quoted YAML string that survives inside Argdown data and front matter."""

    def escaped(found: re.Match[str]) -> str:
        char = found.group(0)
        if char in '"\\':
            return "\\" + char
        return f"\\u{ord(char):04x}"

    return '"' + _YAML_ESCAPE.sub(escaped, text) + '"'


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_YAML_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


def _key_or_word(text: str) -> str:
    """A key or one-word value plain when no YAML reader could take it for anything else."""
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return yaml_string(text)


def yaml_value(value: Any) -> str:
    """A JSON value as one line of flow YAML that js-yaml and argmap read back equal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return "null"
        text = json.dumps(value)
        return text if re.search(r"[.eE]", text) else text + ".0"
    if isinstance(value, str):
        return _key_or_word(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"{_key_or_word(str(k))}: {yaml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    return yaml_string(str(value))


def data_field(fields: dict[str, Any]) -> str:
    """`` {key: value, ...}`` to append to a line, or nothing when there are no fields."""
    if not fields:
        return ""
    return " " + yaml_value(fields)


def tag_text(tags: list[str]) -> str | None:
    """Tags as Argdown writes them (`` #tag #(two words)``), or None when some tag
    cannot be written so (empty, a ``)``, a line break, or a repeated tag)."""
    if len(set(tags)) != len(tags):
        return None
    parts = []
    for tag in tags:
        if _BARE_TAG.fullmatch(tag):
            parts.append(f"#{tag}")
        elif tag and ")" not in tag and not any(c in tag for c in "\n\r\u2028\u2029"):
            parts.append(f"#({tag})")
        else:
            return None
    return "".join(" " + p for p in parts)


class Titles:
    """Short unique titles made from the first words of a text."""

    def __init__(self) -> None:
        self.statements: set[str] = set()
        self.arguments: set[str] = set()

    def claim(self, title: str, *, argument: bool = False) -> None:
        (self.arguments if argument else self.statements).add(title)

    def statement(self, text: str, fallback: str) -> str:
        return unique(short(text) or short(fallback) or "Statement", self.statements)

    def derived(self, title: str) -> str:
        """A statement title built from other titles, kept whole."""
        return unique(short(title, words=None) or "Statement", self.statements)

    def argument(self, title: str) -> str:
        return unique(short(title, words=None) or "Argument", self.arguments)


def short(text: str, words: int | None = _TITLE_WORDS) -> str:
    """The first words of a text, without characters that could end or break a title."""
    kept = re.sub(r"[^\w\s'.,()-]", " ", text).split()
    return " ".join(kept[:words]).strip(JS_SPACE + ".,-")


def unique(title: str, taken: set[str]) -> str:
    """``title``, or ``title (2)``, ``title (3)``... whichever is free; now taken."""
    candidate, n = title, 1
    while candidate in taken:
        n += 1
        candidate = f"{title} ({n})"
    taken.add(candidate)
    return candidate
