"""What records are made with: a quote's surroundings, a source's extra fields, fresh
ids, and the missing source a lookup names."""

from __future__ import annotations

import re

import pytest

from argmap.model import ArgMap, Quote, Source
from argmap.model.ids import new_id


def test_a_quote_keeps_up_to_32_characters_either_side_even_near_the_start() -> None:
    text = "Moscow says talks may resume. Kyiv insists on guarantees before any ceasefire."
    quote = Quote.from_range("q-1", "src-1", text, 7, 11)  # "says"
    assert (quote.prefix, quote.exact) == ("Moscow ", "says")
    assert quote.suffix == text[11:43]


def test_a_source_made_from_text_keeps_the_other_fields_given() -> None:
    source = Source.from_text("src-1", "Body", title="Talks", url="https://example.org/a")
    assert (source.title, source.url, source.text) == ("Talks", "https://example.org/a", "Body")


def test_new_ids_are_short_and_avoid_the_taken_ones() -> None:
    taken = {new_id("q", ()) for _ in range(50)}
    fresh = new_id("q", taken)
    assert re.fullmatch(r"q-[0-9a-f]{6}", fresh)
    assert fresh not in taken


def test_looking_up_a_missing_source_names_it() -> None:
    with pytest.raises(KeyError) as raised:
        ArgMap().source("src-404")
    assert raised.value.args == ("src-404",)
