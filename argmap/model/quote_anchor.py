"""Making quotes from character ranges, and finding them again when a source's text changes.

Snapping widens a selection to whole words or whole sentences (pysbd). Re-anchoring tries,
in order: the same offsets, the exact text (disambiguated by its prefix/suffix context),
then the most similar passage (rapidfuzz); a quote found nowhere is kept unchanged and
reported as lost, never dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from argmap.model.document import ArgMap
from argmap.model.ids import PREFIXES, new_id
from argmap.model.quote import Quote
from argmap.model.source import Source, text_sha256

if TYPE_CHECKING:
    import pysbd

# pysbd and rapidfuzz are imported where used: the editor never needs them until a quote
# is snapped or re-anchored (together about 5 MB and 40 ms at start-up).

Snap = Literal["word", "sentence"] | None
Status = Literal["exact", "moved", "fuzzy", "lost"]
STATUSES: tuple[Status, ...] = ("exact", "moved", "fuzzy", "lost")
FUZZY_THRESHOLD = 80.0  # similarity (0..100) a changed passage needs to count as the quote
SHORT_QUOTE_CHARS = 20  # quotes shorter than this need a near-perfect fuzzy match
SHORT_QUOTE_THRESHOLD = 90.0
_REFINE_SLACK = 60  # how far (chars) a fuzzy match's ends may move to fit the quote
_MAX_OCCURRENCES = 1000
_CONTEXT_WEIGHT = 0.25  # how much matching surroundings count when choosing a fuzzy match

_OPENERS = {"(": ")", "[": "]", "“": "”"}
_CLOSERS = {close: open_ for open_, close in _OPENERS.items()}
_TRIM_START = set(",;:.!?)]}”–—-/")
_TRIM_END = set(",;:([{“–—-/")


# ------------------------------------------------------------------------ snapping


def _check_range(text: str, start: int, end: int) -> None:
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range {start}..{end} is outside the text (0..{len(text)})")


def _in_word(text: str, i: int) -> bool:
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    if ch.isalnum() or ch == "_":
        return True
    if not 0 < i < len(text) - 1:
        return False
    before, after = text[i - 1], text[i + 1]
    if ch in "'’-‐‑":  # Putin’s, newly-gained
        return before.isalnum() and after.isalnum()
    if ch in ".,":  # 26.7, 1,420, U.S
        return (before.isdigit() and after.isdigit()) or (before.isupper() and after.isupper())
    return False


def _trim_ends(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace and dangling punctuation at the ends, keeping balanced pairs."""
    changed = True
    while changed and start < end:
        changed = False
        first, last = text[start], text[end - 1]
        inside = text[start:end]
        unpaired_straight = inside.count('"') % 2 == 1
        if first.isspace() or first in _TRIM_START or (first == '"' and unpaired_straight):
            start, changed = start + 1, True
        elif first in _OPENERS and _OPENERS[first] not in inside[1:]:
            start, changed = start + 1, True
        elif last.isspace() or last in _TRIM_END or (last == '"' and unpaired_straight):
            end, changed = end - 1, True
        elif last in _CLOSERS and _CLOSERS[last] not in inside[:-1]:
            end, changed = end - 1, True
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start..end`` to whole words, without surrounding spaces or stray punctuation.

    An empty range (a caret) becomes the word it touches, or stays empty between words.
    """
    _check_range(text, start, end)
    start, end = _trim_ends(text, start, end) if start < end else (start, end)
    if start == end:
        if _in_word(text, start):
            end = start + 1
        elif _in_word(text, start - 1):
            start -= 1
        else:
            return start, end
    while start > 0 and _in_word(text, start) and _in_word(text, start - 1):
        start -= 1
    while end < len(text) and _in_word(text, end - 1) and _in_word(text, end):
        end += 1
    if end < len(text) and text[end] == "." and text[end - 2 : end - 1] == ".":
        end += 1  # the final dot of an abbreviation such as "U.S."
    # A closing bracket or quotation mark just after the range completes a pair inside it.
    while end < len(text) and text[end] in _CLOSERS:
        inside = text[start:end]
        if inside.count(_CLOSERS[text[end]]) > inside.count(text[end]):
            end += 1
        else:
            break
    return _trim_ends(text, start, end)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd  # noqa: PLC0415

    return pysbd.Segmenter(language="en", clean=False)


@lru_cache(maxsize=4096)
def _paragraph_sentences(paragraph: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans within one paragraph (a line of the source text)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for sentence in _segmenter().segment(paragraph):
        piece = str(sentence).strip()
        found = paragraph.find(piece, cursor) if piece else -1
        if found >= 0:
            spans.append((found, found + len(piece)))
            cursor = found + len(piece)
    return tuple(spans)


def _line_bounds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Start and end offsets of the lines that ``start..end`` touches."""
    line_start = text.rfind("\n", 0, start) + 1
    bounds = []
    while line_start <= end and line_start <= len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        bounds.append((line_start, line_end))
        line_start = line_end + 1
    return bounds


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (pysbd) in the paragraphs that ``start..end`` touches."""
    end = len(text) if end is None else end
    spans = []
    for line_start, line_end in _line_bounds(text, start, end):
        line = text[line_start:line_end]
        spans += [(line_start + s, line_start + e) for s, e in _paragraph_sentences(line)]
    return spans


def snap_to_sentences(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start..end`` to the whole sentences it touches."""
    _check_range(text, start, end)
    inner_start, inner_end = _trim_ends(text, start, end) if start < end else (start, end)
    if inner_start == inner_end and start < end:
        return snap_to_words(text, start, end)
    spans = sentence_spans(text, inner_start, inner_end)
    touched = [
        (s, e)
        for s, e in spans
        if (s < inner_end and e > inner_start)
        or (inner_start == inner_end and s <= inner_start <= e)
    ]
    if not touched:
        return snap_to_words(text, start, end)
    return touched[0][0], touched[-1][1]


def make_quote(
    doc_or_source: ArgMap | Source,
    start: int,
    end: int,
    snap: Snap = "word",
    *,
    source_id: str | None = None,
    quote_id: str | None = None,
) -> Quote:
    """A quote of ``start..end`` in a source (given directly, or by id within a map).

    The id is fresh among the map's quotes unless ``quote_id`` is given. ValueError for
    a range outside the text or one that snaps to nothing.
    """
    if isinstance(doc_or_source, ArgMap):
        if source_id is None:
            raise ValueError("make_quote on a map needs source_id")
        source = doc_or_source.source(source_id)
        taken = {q.id for q in doc_or_source.quotes}
    else:
        source, taken = doc_or_source, set()
    text = source.text
    _check_range(text, start, end)
    if snap == "word":
        start, end = snap_to_words(text, start, end)
    elif snap == "sentence":
        start, end = snap_to_sentences(text, start, end)
    if start == end:
        raise ValueError("the selection holds no words to quote")
    return Quote.from_range(
        quote_id or new_id(PREFIXES["quote"], taken), source.id, text, start, end
    )


# --------------------------------------------------------------------- re-anchoring


@dataclass(frozen=True)
class Anchoring:
    """Where a quote landed in a changed text: the quote to keep, how it was found."""

    status: Status
    quote: Quote  # re-anchored; unchanged when lost
    previous: Quote
    score: float | None = None  # similarity 0..100: of the fuzzy match, or best seen if lost
    note: str = ""

    def describe(self) -> str:
        """One line for a person, e.g. ``q-1a2b3c fuzzy (91%): "Putin remains in ..."``."""
        excerpt = (
            self.previous.exact
            if len(self.previous.exact) <= 50
            else (self.previous.exact[:49] + "…")
        )
        score = f" ({self.score:.0f}%)" if self.score is not None else ""
        where = (
            f" at {self.quote.start}..{self.quote.end}" if self.status in ("moved", "fuzzy") else ""
        )
        note = f"; {self.note}" if self.note else ""
        return f"{self.quote.id} {self.status}{score}{where}: {excerpt!r}{note}"


@dataclass(frozen=True)
class ReanchorReport:
    """A map whose source text was replaced, and what happened to each of its quotes."""

    doc: ArgMap
    source_id: str
    results: list[Anchoring]

    def counts(self) -> dict[Status, int]:
        """How many quotes ended up exact, moved, fuzzy and lost (all four keys)."""
        found = Counter(r.status for r in self.results)
        return {status: found[status] for status in STATUSES}

    @property
    def lost(self) -> list[Anchoring]:
        """The quotes that could not be found in the new text (kept unchanged in ``doc``)."""
        return [r for r in self.results if r.status == "lost"]


def _occurrences(text: str, exact: str) -> list[int]:
    positions: list[int] = []
    found = text.find(exact)
    while found >= 0 and len(positions) < _MAX_OCCURRENCES:
        positions.append(found)
        found = text.find(exact, found + 1)
    return positions


def _context_score(quote: Quote, text: str, position: int) -> int:
    """How many characters of the quote's prefix and suffix still surround ``position``."""
    before = text[max(0, position - len(quote.prefix)) : position]
    after = text[position + len(quote.exact) : position + len(quote.exact) + len(quote.suffix)]
    same_before = next(
        (i for i in range(len(before)) if before[-1 - i] != quote.prefix[-1 - i]), len(before)
    )
    same_after = next((i for i in range(len(after)) if after[i] != quote.suffix[i]), len(after))
    return same_before + same_after


def _word_start(text: str, i: int) -> bool:
    return i < len(text) and not text[i].isspace() and (i == 0 or not text[i - 1].isalnum())


def _word_end(text: str, j: int) -> bool:
    return j > 0 and not text[j - 1].isspace() and (j == len(text) or not text[j].isalnum())


def _on_words(quote: Quote) -> bool:
    """Whether the quote starts and ends on whole words of its text, as quotes made by
    selection do."""
    cut_start = quote.prefix[-1:].isalnum() and quote.exact[:1].isalnum()
    cut_end = quote.exact[-1:].isalnum() and quote.suffix[:1].isalnum()
    return not (cut_start or cut_end or quote.exact != quote.exact.strip())


def _refine(
    exact: str, text: str, start: int, end: int, *, on_words: bool
) -> tuple[float, int, int]:
    """Move a rough match's ends to word boundaries where it is most like ``exact``.

    For a quote ``on_words``, a passage on word boundaries wins over the rough one even
    when the rough one scores higher: a quote that starts inside a word or ends on a space
    is not what was quoted. The rough ends stay where no word boundary lies near them
    (text without spaces, say), and compete for a quote that was itself cut mid-word.
    """
    from rapidfuzz import fuzz  # noqa: PLC0415

    slack = min(_REFINE_SLACK, max(8, len(exact) // 4))
    low, high = max(0, start - slack), min(len(text), end + slack)
    starts = [i for i in range(low, min(start + slack, high) + 1) if _word_start(text, i)]
    ends = [j for j in range(max(low, end - slack), high + 1) if _word_end(text, j)]
    best = (-1.0, start, end) if on_words else (fuzz.ratio(exact, text[start:end]), start, end)
    for s in starts or [start]:
        for e in ends or [end]:
            if e > s:
                score = fuzz.ratio(exact, text[s:e], score_cutoff=max(best[0], 0.0))
                if score > best[0]:
                    best = (score, s, e)
    if best[0] < 0:  # no passage between the boundaries found
        best = (fuzz.ratio(exact, text[start:end]), start, end)
    return best


def _fuzzy_find(quote: Quote, text: str) -> tuple[float, int, int] | None:
    """The passage of ``text`` most like the quote: (similarity, start, end), or None.

    Two rough candidates, the best match of the quote alone and of the quote with its
    context, are refined; the one whose surroundings also match wins.
    """
    from rapidfuzz import fuzz  # noqa: PLC0415

    needles = [(quote.exact, 0), (quote.prefix + quote.exact + quote.suffix, len(quote.prefix))]
    on_words = _on_words(quote)
    found: list[tuple[float, float, int, int]] = []
    for needle, offset in needles:
        if len(needle) > len(text):
            continue
        aligned = fuzz.partial_ratio_alignment(needle, text)
        if aligned is None or aligned.score == 0:
            continue
        start = min(len(text), max(0, aligned.dest_start - aligned.src_start + offset))
        end = min(len(text), start + len(quote.exact))
        score, start, end = _refine(quote.exact, text, start, end, on_words=on_words)
        before = text[max(0, start - len(quote.prefix)) : start]
        after = text[end : end + len(quote.suffix)]
        context = (fuzz.ratio(quote.prefix, before) + fuzz.ratio(quote.suffix, after)) / 2
        found.append((score + _CONTEXT_WEIGHT * context, score, start, end))
    if not found:
        return None
    _, score, start, end = max(found)
    return score, start, end


def reanchor(quote: Quote, new_text: str, threshold: float = FUZZY_THRESHOLD) -> Anchoring:
    """Find ``quote`` in ``new_text``: exact, moved, fuzzy (with its score) or lost."""

    def rebuilt(start: int, end: int) -> Quote:
        return Quote.from_range(quote.id, quote.source, new_text, start, end)

    if quote.end <= len(new_text) and new_text[quote.start : quote.end] == quote.exact:
        return Anchoring("exact", rebuilt(quote.start, quote.end), quote)
    if not quote.exact:
        return Anchoring("lost", quote, quote, note="the quote is empty")
    positions = _occurrences(new_text, quote.exact)
    if positions:
        note = ""
        if len(positions) > 1:
            note = f"{len(positions)} identical passages, chosen by surrounding text"
        best = max(
            positions,
            key=lambda p: (_context_score(quote, new_text, p), -abs(p - quote.start)),
        )
        return Anchoring("moved", rebuilt(best, best + len(quote.exact)), quote, note=note)
    found = _fuzzy_find(quote, new_text)
    if len(quote.exact) < SHORT_QUOTE_CHARS:
        threshold = max(threshold, SHORT_QUOTE_THRESHOLD)
    if found is not None and found[0] >= threshold:
        score, start, end = found
        return Anchoring("fuzzy", rebuilt(start, end), quote, score=round(score, 1))
    best_seen = round(found[0], 1) if found is not None else None
    note = "not found in the new text; kept unchanged"
    return Anchoring("lost", quote, quote, score=best_seen, note=note)


def reanchor_source(
    doc: ArgMap, source_id: str, new_text: str, threshold: float = FUZZY_THRESHOLD
) -> ReanchorReport:
    """A copy of ``doc`` with the source's text replaced and its quotes found again.

    Lost quotes stay in the map unchanged (their offsets may no longer fit the text),
    so the analyst can repair or delete them; the report lists them.
    """
    old = doc.source(source_id)
    new_doc = doc.model_copy(deep=True)
    new_doc.sources = [
        s.model_copy(update={"text": new_text, "sha256": text_sha256(new_text)})
        if s.id == source_id
        else s
        for s in new_doc.sources
    ]
    results = [reanchor(q, new_text, threshold) for q in doc.quotes if q.source == old.id]
    by_id = {r.quote.id: r.quote for r in results}
    new_doc.quotes = [by_id.get(q.id, q) if q.source == old.id else q for q in new_doc.quotes]
    return ReanchorReport(new_doc, source_id, results)
