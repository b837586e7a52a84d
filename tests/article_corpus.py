"""The hand-labelled article corpus and how an import is scored against it.

Each page ``tests/fixtures/articles/corpus/NAME.html`` has ``NAME.expected``: ``title:`` and
``published:`` lines, a blank line, then the body a reader would call the article, written
by hand. Body text is scored as a bag of words weighted by their length (the usual way
main-text extractors are compared): recall is the share of the expected body's characters
that the import kept, precision the share of the imported characters that belong to the
body. Titles and dates count when they match exactly (whitespace aside).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "fixtures" / "articles" / "corpus"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Expected:
    """What a person reading the page takes as its title, date and body."""

    page: Path
    title: str
    published: str
    body: str


@dataclass(frozen=True)
class Score:
    """How one import compares with the hand-written expectation."""

    name: str
    kept: int  # characters of expected body words that the import has
    expected: int  # characters of expected body words
    imported: int  # characters of imported words
    title_ok: bool
    date_ok: bool

    @property
    def recall(self) -> float:
        return self.kept / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.kept / self.imported if self.imported else 0.0


def pages() -> list[Expected]:
    """Every labelled page of the corpus, in name order."""
    found = []
    for page in sorted(CORPUS.glob("*.html")):
        head, _, body = page.with_suffix(".expected").read_text(encoding="utf-8").partition("\n\n")
        fields = dict(line.split(": ", 1) for line in head.splitlines())
        found.append(Expected(page, fields["title"], fields["published"], body.strip()))
    return found


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(unicodedata.normalize("NFC", text).casefold()))


def _chars(words: Counter[str]) -> int:
    return sum(len(word) * count for word, count in words.items())


def _same(a: str | None, b: str) -> bool:
    return a is not None and " ".join(a.split()) == " ".join(b.split())


def score(expected: Expected, text: str, title: str | None, published: str | None) -> Score:
    """Compare an import of ``expected.page`` with the hand-written expectation."""
    want, got = _words(expected.body), _words(text)
    return Score(
        name=expected.page.stem,
        kept=_chars(want & got),
        expected=_chars(want),
        imported=_chars(got),
        title_ok=_same(title, expected.title),
        date_ok=published == expected.published,
    )


@dataclass(frozen=True)
class Totals:
    """Corpus-wide figures: character-weighted recall and precision, share of titles/dates."""

    recall: float
    precision: float
    titles: float
    dates: float


def totals(scores: list[Score]) -> Totals:
    """Micro-averaged figures over the whole corpus."""
    kept = sum(s.kept for s in scores)
    return Totals(
        recall=kept / sum(s.expected for s in scores),
        precision=kept / max(1, sum(s.imported for s in scores)),
        titles=sum(s.title_ok for s in scores) / len(scores),
        dates=sum(s.date_ok for s in scores) / len(scores),
    )
