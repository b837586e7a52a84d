"""Which passage a quote lands on when its source changes: between identical passages
(the surroundings, then nearness to the old place), for fuzzy matches (the words that
fit best, the surroundings that match), and when there is nothing to find."""

from __future__ import annotations

from argmap.model.quote import Quote
from argmap.model.quote_anchor import Anchoring, reanchor


def quote_of(text: str, exact: str, nth: int = 0) -> Quote:
    start = -1
    for _ in range(nth + 1):
        start = text.index(exact, start + 1)
    return Quote.from_range("q-1", "src-1", text, start, start + len(exact))


def landed(found: Anchoring, new_text: str) -> tuple[str, int, str]:
    return found.status, found.quote.start, new_text[found.quote.start : found.quote.end]


OLD = "In Geneva the talks resumed on Monday after a pause."


def test_of_identical_passages_the_one_with_both_old_surroundings_wins() -> None:
    new = (
        "Update: In Vienna the talks resumed on Friday. In Geneva the talks resumed on "
        "Friday. In Vienna the talks resumed on Monday. In Geneva the talks resumed on "
        "Monday after a pause."
    )
    found = reanchor(quote_of(OLD, "the talks resumed"), new)
    assert landed(found, new) == ("moved", new.rindex("the talks"), "the talks resumed")
    assert found.note == "4 identical passages, chosen by surrounding text"


def test_the_text_before_counts_as_much_as_the_text_after() -> None:
    # the first passage keeps 10 characters before it and 4 after; the second 2 and 10
    new = (
        "Update: In Geneva the talks resumed on Friday. "
        "In Vienna the talks resumed on Monday, later."
    )
    found = reanchor(quote_of(OLD, "the talks resumed"), new)
    assert landed(found, new) == ("moved", new.index("the talks"), "the talks resumed")


def test_of_passages_with_the_same_surroundings_the_nearest_to_the_old_place_wins() -> None:
    old = "Talks resume. " * 8
    quote = quote_of(old, "Talks resume.", 4)  # at 56
    new = "On " + old  # the fifth passage is now at 59, the fourth at 45
    found = reanchor(quote, new)
    assert landed(found, new) == ("moved", 59, "Talks resume.")
    assert found.note == "8 identical passages, chosen by surrounding text"


def test_a_quote_reaching_the_end_of_an_unchanged_text_is_exact() -> None:
    text = "Talks held in Geneva"
    assert reanchor(quote_of(text, text), text).status == "exact"


def test_an_empty_quote_past_the_end_of_the_new_text_is_lost_and_says_why() -> None:
    empty = Quote(id="q-2", source="src-1", start=60, end=60, exact="")
    found = reanchor(empty, "short")
    assert (found.status, found.quote, found.previous) == ("lost", empty, empty)
    assert found.describe() == "q-2 lost: ''; the quote is empty"


def test_a_quote_longer_than_the_whole_new_text_is_lost_without_a_score() -> None:
    text = "The envoys met again on Monday. Talks held in Geneva after a long pause were calm."
    quote = quote_of(text, "Talks held in Geneva after a long pause were calm.")
    found = reanchor(quote, "Hi.")
    assert (found.status, found.quote, found.score) == ("lost", quote, None)


LONG = (
    "Officials said on Tuesday that the ceasefire talks in Geneva were progressing well "
    "and would continue."
)
PASSAGE = "the ceasefire talks in Geneva were progressing well"


def test_a_reworded_quote_starts_and_ends_on_whole_words() -> None:
    new = (
        "Officials said on Tuesday that ceasefire talks in Geneva progressed well and "
        "would continue."
    )
    found = reanchor(quote_of(LONG, PASSAGE), new)
    assert landed(found, new) == (
        "fuzzy",
        new.index("that ceasefire"),
        "that ceasefire talks in Geneva progressed well",
    )
    assert found.score == 86.6


def test_of_two_similar_passages_the_one_in_the_old_surroundings_wins() -> None:
    new = (
        "Reporters said that the ceasefire talks in Vienna were progressing well. "
        "Officials said on Tuesday that the ceasefire talk in Geneva was progressing well "
        "and would continue."
    )
    found = reanchor(quote_of(LONG, PASSAGE), new)
    assert landed(found, new) == (
        "fuzzy",
        new.index("the ceasefire talk in"),
        "the ceasefire talk in Geneva was progressing well",
    )
    assert found.score == 94.0
