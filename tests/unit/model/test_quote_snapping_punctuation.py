"""Word and sentence snapping at punctuation: what a quote made from a rough selection
keeps and drops around numbers, abbreviations, quotation marks and paragraph breaks."""

from __future__ import annotations

import pytest

from argmap.model.quote_anchor import snap_to_sentences, snap_to_words

FIGURES = "Output fell to 5. Then NATO. Done, and fell to 5."


def words(text: str, start: int, end: int | None = None) -> str:
    s, e = snap_to_words(text, start, start if end is None else end)
    return text[s:e]


def sentences(text: str, start: int, end: int | None = None) -> str:
    s, e = snap_to_sentences(text, start, start if end is None else end)
    return text[s:e]


@pytest.mark.parametrize(
    ("caret", "word"),
    [
        (FIGURES.index("5"), "5"),  # a full stop after a number ends the sentence
        (FIGURES.index("NATO"), "NATO"),  # ... and after capitals
        (len(FIGURES) - 2, "5"),  # ... and at the very end of the text
    ],
)
def test_a_full_stop_ending_a_sentence_is_not_part_of_the_word(caret: int, word: str) -> None:
    assert words(FIGURES, caret) == word


def test_a_caret_just_after_a_one_letter_word_takes_that_word() -> None:
    assert words("I said no", 1) == "I"


@pytest.mark.parametrize(
    ("text", "selected", "quoted"),
    [
        ('yes "no" or "maybe" ok', (4, 19), '"no" or "maybe"'),  # two pairs of straight quotes
        ('He said stop" now', (3, 13), "said stop"),  # a stray closing quote is dropped
        ("(a b", (0, 4), "a b"),  # an unclosed bracket goes, the words after it stay
        ("a b,", (0, 4), "a b"),  # a trailing comma goes, the last word stays
        ("end,  next", (0, 6), "end"),  # a comma and the spaces after it go
    ],
)
def test_stray_marks_at_the_ends_go_and_the_words_stay(
    text: str, selected: tuple[int, int], quoted: str
) -> None:
    assert words(text, *selected) == quoted


PARAGRAPHS = (
    "First sentence here. Second one follows.\n"
    "New paragraph starts. It ends here.\n"
    "Third para is here. Last one."
)


def test_a_caret_right_after_a_full_stop_takes_that_sentence() -> None:
    assert sentences(PARAGRAPHS, PARAGRAPHS.index(" Second")) == "First sentence here."


def test_a_selection_ending_on_the_first_letter_of_a_paragraph_takes_its_sentence() -> None:
    start = PARAGRAPHS.index("one follows")
    end = PARAGRAPHS.index("New") + 1
    assert sentences(PARAGRAPHS, start, end) == "Second one follows.\nNew paragraph starts."


def test_a_caret_on_an_empty_line_quotes_nothing() -> None:
    text = "A b.\n\nC d."
    assert snap_to_sentences(text, 5, 5) == (5, 5)
    assert sentences(text, 6) == "C d."
