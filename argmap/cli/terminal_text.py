"""Text from maps and files, made safe to print on a terminal.

Ids, titles and quotes come from files anyone can write: an ESC in a title could clear
the screen, set the window title or hide the text after it; a title of millions of
characters would flood the terminal. :func:`shown` writes every control character as a
visible escape (``\\x1b``, ``\\n``) and cuts a line at :data:`MAX_LINE` characters,
saying how much was left out. :func:`json_text` is ``json.dumps`` that also escapes the
control characters JSON lets through (C1 controls, the Unicode line separators).
Pure functions, no I/O: any command can run its output through them.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_LINE = 1000  # characters of one printed line; the rest is left out, with a note

# C0 controls, DEL, C1 controls, and the line/paragraph separators terminals may honour.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# What JSON itself leaves raw: C1 controls and the separators (C0 are escaped already).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped(text: str) -> str:
    """``text`` with each control character written as a visible escape."""
    return _CONTROL.sub(_escape, text)


def clipped(text: str, limit: int = MAX_LINE) -> str:
    """``text`` cut to ``limit`` characters, noting how many were left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


def shown(text: str, limit: int = MAX_LINE) -> str:
    """One line as it may be printed: control characters escaped, cut at ``limit``."""
    return escaped(clipped(text, limit))


def json_text(value: Any, *, indent: int | None = 2) -> str:
    """``json.dumps`` (non-ASCII text kept readable) with no raw control character left."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
