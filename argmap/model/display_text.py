"""Text from a map shown inside the app's own words: bidi-isolated, and never markup.

A map's text may hold right-to-left script or bidirectional controls (an unclosed
right-to-left override U+202E turns "Frozen conflict (73 % weight)" into nonsense), and
markup (``<img src="file:///...">``) that a widget interpreting HTML would render. Wherever
map text is put into a sentence of the app (a message, a tooltip, a title line),
:func:`isolate` wraps it in Unicode bidi isolates (FSI ... PDI, UAX #9), so it takes its
own direction and nothing in it reaches outside; where it goes into HTML (Qt tooltips),
:func:`plain_tooltip` escapes it, so it is shown as typed.
"""

from __future__ import annotations

import html
import re
import unicodedata

FSI = "\u2068"  # first strong isolate: the text's own first strong letter sets its direction
PDI = "\u2069"  # pop directional isolate
_OPENERS = "\u2066\u2067\u2068"  # LRI, RLI, FSI
# What ends a paragraph for the bidi algorithm (UAX #9 class B): an isolate stops there.
_PARAGRAPH = re.compile("(\r\n|[\n\r\x1c-\x1e\x85\u2029])")
_BIDI_ISOLATES = re.compile("[\u2066-\u2069]")
TOOLTIP_CHARS = 2000  # a longer text is cut in a tooltip (the map keeps it whole)
# Bidi classes that can turn text around: right-to-left letters, Arabic digits, and the
# explicit embeddings, overrides and isolates. Text without them reads the same isolated.
_TURNING = frozenset(
    ("R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI")
)


def isolate(text: str) -> str:
    """``text`` as a bidi isolate, to embed in a sentence: each paragraph of it that holds
    right-to-left script or bidi controls wrapped in FSI ... PDI, with its own isolates
    balanced so that none closes ours (every override or embedding it opens ends at our
    PDI). Left-to-right text is returned as it is: isolated, it would read the same."""
    parts = _PARAGRAPH.split(text)
    for k in range(0, len(parts), 2):  # the even parts are paragraphs, the odd separators
        if _turns(parts[k]):
            parts[k] = FSI + _balanced(parts[k]) + PDI
    return "".join(parts)


def _turns(line: str) -> bool:
    """Whether ``line`` holds anything that can reverse what it is set in."""
    if line.isascii():
        return False
    bidirectional = unicodedata.bidirectional
    return any(bidirectional(ch) in _TURNING for ch in line)


def _balanced(line: str) -> str:
    """``line`` with every isolate it opens closed at its end, and a PDI with no opener
    in it dropped (it would close the isolate around it)."""
    if not _BIDI_ISOLATES.search(line):
        return line
    out = []
    depth = 0
    for ch in line:
        if ch in _OPENERS:
            depth += 1
        elif ch == PDI:
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out) + PDI * depth


def plain_tooltip(text: str, limit: int = TOOLTIP_CHARS) -> str:
    """``text`` (the whole tooltip, map text already isolated where it sits among the
    app's words) as HTML that shows it as typed: escaped, each line its own paragraph (a
    line break would not end the bidi paragraph), wrapped by the tooltip; at most
    ``limit`` characters, then an ellipsis."""
    if len(text) > limit:
        text = _balanced(text[:limit]) + "\u2026"
    lines = _PARAGRAPH.split(text)[::2]
    return "".join(f"<div>{html.escape(line, quote=False) or '&nbsp;'}</div>" for line in lines)
