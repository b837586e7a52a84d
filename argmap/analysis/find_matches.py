"""Find statements by text, notes or tags: the pure logic behind the find bar."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from argmap.model import ArgMap, Statement


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for matching ("Kyïv" -> "kyiv")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def query_terms(query: str) -> list[str]:
    """The folded, whitespace-separated terms of a query; empty for a blank query."""
    return fold(query).split()


def statement_matches(statement: Statement, terms: Sequence[str]) -> bool:
    """True when every term occurs in the statement's text, notes or tags."""
    if not terms:
        return False
    haystack = fold("\n".join([statement.text, statement.notes, *statement.tags]))
    return all(term in haystack for term in terms)


def find_matches(doc: ArgMap, query: str, order: Iterable[str] | None = None) -> list[str]:
    """Ids of the statements matching ``query``, in ``order`` (default: the map's order).

    ``order`` lets the canvas pass its reading order; statements it omits follow in the
    map's order, so no match is ever dropped.
    """
    terms = query_terms(query)
    if not terms:
        return []
    by_id = {s.id: s for s in doc.statements}
    ranked: list[str] = []
    seen: set[str] = set()
    for sid in [*(order or ()), *by_id]:
        if sid in seen or sid not in by_id:
            continue
        seen.add(sid)
        if statement_matches(by_id[sid], terms):
            ranked.append(sid)
    return ranked
