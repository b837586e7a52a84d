"""Find a phrase in every article of a map, and the sentence around a hit.

The search ignores case and treats any run of whitespace in the phrase as any run of
whitespace in the article (an article's line breaks do not hide a phrase). Hits come in
the map's order of articles, then in reading order, with a little context either side.
A hit becomes a premise by quoting its whole sentence: from the last sentence end
(``.``, ``!``, ``?`` or a blank line) before it to the next one after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.model.document import ArgMap

MAX_HITS = 1000
CONTEXT = 60
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Hit:
    """One place a phrase occurs: ``source.text[start:end]`` with context either side."""

    source_id: str
    start: int
    end: int
    before: str
    match: str
    after: str


def _pattern(phrase: str) -> re.Pattern[str] | None:
    words = phrase.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


def find_in_sources(doc: ArgMap, phrase: str, limit: int = MAX_HITS) -> list[Hit]:
    """Every occurrence of ``phrase`` in the map's articles (at most ``limit``)."""
    pattern = _pattern(phrase)
    if pattern is None:
        return []
    hits: list[Hit] = []
    for source in doc.sources:
        text = source.text
        for found in pattern.finditer(text):
            start, end = found.span()
            before = " ".join(text[max(0, start - CONTEXT) : start].split())
            after = " ".join(text[end : end + CONTEXT].split())
            hits.append(Hit(source.id, start, end, before, found.group(0), after))
            if len(hits) >= limit:
                return hits
    return hits


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``, without surrounding whitespace."""
    lo = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        lo = found.end()
    after = _SENTENCE_END.search(text, end)
    hi = after.end() if after is not None and not after.group(0).isspace() else len(text)
    if after is not None and after.group(0).isspace():
        hi = after.start()
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return (lo, hi) if hi > lo else (start, end)
