"""Find in articles: hits in every article, and a hit's sentence for a new premise."""

from __future__ import annotations

from argmap.model import ArgMap, Source
from argmap.model.source_search import find_in_sources, sentence_around

ONE = "Sanctions bite. The oil\nprice fell sharply in May! Oil is 30 % of revenue."
TWO = "Nothing here about it.\n\nOIL PRICE rises are expected by some."


def _doc() -> ArgMap:
    return ArgMap(sources=[Source.from_text("a", ONE), Source.from_text("b", TWO)])


def test_hits_in_every_article_ignore_case_and_line_breaks() -> None:
    hits = find_in_sources(_doc(), "oil   price")
    assert [(h.source_id, h.match) for h in hits] == [("a", "oil\nprice"), ("b", "OIL PRICE")]
    assert hits[0].before == "Sanctions bite. The" and hits[0].after.startswith("fell sharply")
    assert find_in_sources(_doc(), "  ") == []
    assert len(find_in_sources(_doc(), "oil", limit=2)) == 2


def test_a_hit_widens_to_its_sentence() -> None:
    at = ONE.index("price")
    assert ONE[slice(*sentence_around(ONE, at, at + 5))] == "The oil\nprice fell sharply in May!"
    at = TWO.index("OIL")
    assert TWO[slice(*sentence_around(TWO, at, at + 3))] == "OIL PRICE rises are expected by some."
    at = ONE.index("30")
    assert ONE[slice(*sentence_around(ONE, at, at + 2))] == "Oil is 30 % of revenue."
