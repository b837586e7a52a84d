"""More cleaning rules, each on a short paragraph list, as a reader would see them go
wrong: a sentence above the title lost, a comma-ended line or a bullet taken as the
title, a paragraph after a closing list lost, a repeat or a running header kept."""

from __future__ import annotations

import pytest
from unit.io.test_article_cleanup_rules import BODY, BODY_2

from argmap.io.article_cleanup import (
    Dropped,
    clean_blocks,
    drop_repeats,
    strip_header,
    strip_tail,
)
from argmap.io.article_metadata import Metadata


def test_a_long_description_is_clipped_at_sixty_characters_by_default() -> None:
    line = "x" * 61
    assert Dropped("note", (line,)).describe() == f"note: '{'x' * 59}…'"
    assert Dropped("note", ("x" * 60,)).describe() == f"note: '{'x' * 60}'"


def test_a_clipped_description_does_not_end_in_a_space() -> None:
    assert Dropped("note", ("word " * 20,)).describe(width=11) == "note: 'word word…'"


# --- above a known title: masthead lines go, sentences stay ---------------------------------


@pytest.mark.parametrize(
    "line",
    ["Talks resume in Istanbul today.", "Will the talks resume today?", "Talks resume today!"],
)
def test_a_short_sentence_above_the_title_is_kept(line: str) -> None:
    meta = Metadata(title="Grain talks resume")
    dropped: list[Dropped] = []
    assert strip_header([line, "Grain talks resume", BODY], meta, dropped) == [line, BODY]


def test_a_long_line_above_the_title_is_kept_even_without_a_full_stop() -> None:
    line = "Negotiators from both sides met again in Istanbul for a second round"
    meta = Metadata(title="Grain talks resume")
    dropped: list[Dropped] = []
    assert strip_header([line, "Grain talks resume", BODY], meta, dropped) == [line, BODY]


@pytest.mark.parametrize(
    ("line", "masthead"),
    [
        ("one two three four five six seven eight", True),
        ("one two three four five six seven eight nine", False),
        ("M" * 60, True),
        ("M" * 30 + " " + "M" * 30, False),  # 61 characters
    ],
)
def test_a_masthead_line_has_at_most_eight_words_and_sixty_characters(
    line: str, masthead: bool
) -> None:
    meta = Metadata(title="Grain talks resume")
    dropped: list[Dropped] = []
    kept = strip_header([line, "Grain talks resume", BODY], meta, dropped)
    assert (line not in kept) is masthead


# --- the title found in the text ------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Talks resumed in Istanbul,",
        "Talks resumed in Istanbul;",
        "- Talks resumed in Istanbul",
        "• Talks resumed in Istanbul",
        "* Talks resumed in Istanbul",
        "– Talks resumed in Istanbul",
        "— Talks resumed in Istanbul",
    ],
)
def test_a_first_line_cut_off_or_bulleted_is_text_not_the_title(line: str) -> None:
    meta = Metadata()
    dropped: list[Dropped] = []
    assert strip_header([line, BODY], meta, dropped) == [line, BODY]
    assert meta.title is None


def test_a_site_name_over_a_rubric_is_the_publisher_even_at_the_end() -> None:
    meta = Metadata()
    dropped: list[Dropped] = []
    assert strip_header(["Kyiv Daily Post", "OPINION"], meta, dropped) == []
    assert meta.publisher == "Kyiv Daily Post"
    assert meta.title is None


# --- after the body: a closing list goes, prose after it stays --------------------------------


@pytest.mark.parametrize(
    "prose",
    [
        "Both delegations are expected back in Istanbul next week, and the mediators said "
        "they hoped for a first signed text by then!",
        "Both delegations are expected back in Istanbul next week, but will the mediators "
        "get the first signed text they hoped for by then?",
        "Both delegations are expected back in Istanbul next week, the mediators said: "
        "“we hope for a first signed text by then.”",
        "Both delegations are expected back in Istanbul next week (the mediators hope for "
        "a first signed text on the grain corridor by then.)",
    ],
    ids=["exclamation", "question", "closing-quote", "closing-bracket"],
)
def test_prose_after_a_read_also_heading_is_kept(prose: str) -> None:
    assert 120 <= len(prose) < 200
    dropped: list[Dropped] = []
    assert strip_tail([BODY, "Read also", prose], Metadata(), dropped) == [BODY, prose]
    assert [d.reason for d in dropped] == ["list heading"]


def test_a_closing_list_without_markers_is_described_by_its_size_alone() -> None:
    line = "Read also: Ministers to meet again in Ankara next month"
    dropped: list[Dropped] = []
    assert strip_tail([BODY, line], Metadata(), dropped) == [BODY]
    assert [d.reason for d in dropped] == ["web-page debris after the article: 1 line"]


# --- repeats -----------------------------------------------------------------------------------


def test_a_repeat_after_a_short_line_is_still_dropped() -> None:
    dropped: list[Dropped] = []
    assert drop_repeats(["Photo", BODY, BODY_2, BODY], dropped) == ["Photo", BODY, BODY_2]
    assert [d.reason for d in dropped] == ["repeated paragraph (2nd copy of paragraph 2)"]


def test_a_shorter_copy_after_a_short_line_is_still_dropped() -> None:
    dropped: list[Dropped] = []
    longer = BODY + " The talks were the first in a year."
    assert drop_repeats(["Photo", BODY, longer], dropped) == ["Photo", longer]
    assert [d.reason for d in dropped] == ["repeated paragraph (shorter copy of paragraph 3)"]


def test_a_running_header_is_dropped_again_where_it_repeats_in_the_body() -> None:
    header = "Kyiv Daily Post — independent news since 1995"
    meta = Metadata(title="Grain talks resume")
    body, dropped = clean_blocks([header, "Grain talks resume", BODY, header, BODY_2], meta)
    assert body == [BODY, BODY_2]
    assert Dropped("repeat of a line removed as page furniture", (header,), review=True) in dropped
