"""Find: which statements match a query, and in which order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.find_matches import find_matches, fold
from argmap.model import ArgMap, Statement, StatementKind


def _map(*statements: Statement) -> ArgMap:
    return ArgMap(statements=list(statements))


def _s(sid: str, text: str, notes: str = "", tags: list[str] | None = None) -> Statement:
    return Statement(id=sid, kind=StatementKind.PREMISE, text=text, notes=notes, tags=tags or [])


DOC = _map(
    _s("s-1", "Russia rejects a ceasefire"),
    _s("s-2", "Sanctions bite", notes="Oil revenue fell; CEASEFIRE pressure grows"),
    _s("s-3", "Kyïv holds the line", tags=["frontline", "ceasefire-talks"]),
    _s("s-4", "Trump calls the summit a waste of time"),
)


def test_matches_text_notes_and_tags_case_insensitively_in_map_order() -> None:
    assert find_matches(DOC, "Ceasefire") == ["s-1", "s-2", "s-3"]


def test_all_terms_must_match_somewhere_in_the_statement() -> None:
    assert find_matches(DOC, "ceasefire oil") == ["s-2"]
    assert find_matches(DOC, "ceasefire summit") == []


def test_accents_are_ignored_both_ways() -> None:
    assert find_matches(DOC, "kyiv") == ["s-3"]
    assert find_matches(_map(_s("a", "Kyiv")), "KYÏV") == ["a"]


def test_blank_query_matches_nothing() -> None:
    assert find_matches(DOC, "") == []
    assert find_matches(DOC, "   ") == []


def test_order_given_by_the_canvas_wins_and_missing_ids_follow() -> None:
    assert find_matches(DOC, "ceasefire", order=["s-3", "nope", "s-1"]) == ["s-3", "s-1", "s-2"]


@settings(max_examples=60)
@given(st.lists(st.text(max_size=20), min_size=1, max_size=6), st.text(min_size=1, max_size=4))
def test_every_statement_containing_the_query_is_found_once(texts: list[str], query: str) -> None:
    doc = _map(*(_s(f"s-{i}", t) for i, t in enumerate(texts)))
    found = find_matches(doc, query)
    terms = fold(query).split()
    expected = [s.id for s in doc.statements if terms and all(t in fold(s.text) for t in terms)]
    assert found == expected
    assert len(set(found)) == len(found)
