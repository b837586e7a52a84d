"""Recognising an article's metadata lines, one kind at a time: date lines and dates in
text, clock times, bylines and staff credits, section labels, dated lines, notes about
the author and the publisher, and how a line's spacing is normalised."""

from __future__ import annotations

import pytest

from argmap.io.article_metadata import (
    author_from_note,
    byline,
    date_line,
    is_author_note,
    is_dated_line,
    is_section_label,
    is_time_line,
    normalise_line,
    parse_date,
    publisher_from_note,
)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("3 March 2024", "2024-03-03"),
        ("3rd Mar. 2024", "2024-03-03"),
        ("March 3, 2024", "2024-03-03"),
        ("Sept 21 2023", "2023-09-21"),
        ("2024-03-03", "2024-03-03"),
        ("28.11.2023", "2023-11-28"),
        ("Monday, 3 March 2024", "2024-03-03"),
        ("3 March 2024 – Monday", "2024-03-03"),
        ("  December 31, 1999 | 11:59 p.m.  ", "1999-12-31"),
        ("Tue 5 Dec 2023 14:02:10.", "2023-12-05"),
    ],
)
def test_a_line_that_is_only_a_date_gives_it(line: str, iso: str) -> None:
    assert date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    ["Talks resume on 3 March 2024", "31 February 2024", "3 March", "2024", "1.2.3.2024"],
)
def test_a_line_that_is_more_or_less_than_a_date_gives_none(line: str) -> None:
    assert date_line(line) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published on 3 March 2024 at noon", "2024-03-03"),
        ("Updated 30 February 2024", None),  # no such day
        ("version 1.2.3.2024", None),
        ("no date here", None),
        ("Stand: 28.11.2023, 14:02 Uhr", "2023-11-28"),
    ],
)
def test_the_first_real_date_in_a_text_is_found(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("16:12", True),
        (" 4:05 pm ", True),
        ("16:12:09", True),
        ("16.12", False),
        ("at 16:12", False),
    ],
)
def test_a_clock_time_alone_is_a_time_line(line: str, answer: bool) -> None:
    assert is_time_line(line) is answer


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By: Jane Doe", "Jane Doe"),
        ("BY JANE DOE", "JANE DOE"),
        ("By Jane Doe, political correspondent", "Jane Doe"),
        ("By Jane Doe and John Roe", "Jane Doe"),
        ("By Jane Doe | Reuters", "Jane Doe"),
        ("By Jane Doe on 3 March 2024", "Jane Doe"),
        ("Words by Jane Doe.", "Jane Doe"),
        ("Par Jean Dupont et Marie Curie", "Jean Dupont"),
        ("Von Jana Becker · 28.11.2023", "Jana Becker"),
        ("By:", ""),
        ("Valley Times staff report", ""),
        ("From wire reports", ""),
    ],
)
def test_a_byline_gives_the_name(line: str, name: str) -> None:
    assert byline(line) == name


@pytest.mark.parametrize(
    "line",
    ["By the time talks resumed, nothing was left.", "Bystanders said so", "By " + "x" * 120],
)
def test_prose_starting_with_by_is_not_a_byline(line: str) -> None:
    assert byline(line) is None


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("OPINION", True),
        ("NEWS | HIGHLANDS", True),
        ("WORLD › EUROPE › UKRAINE", True),
        ("Opinion", False),
        ("A B C D", False),  # four words
        ("X", False),
        ("NEWS " + "A" * 40, False),  # longer than 41 characters
    ],
)
def test_an_all_capitals_rubric_is_a_section_label(line: str, answer: bool) -> None:
    assert is_section_label(line) is answer


@pytest.mark.parametrize(
    ("line", "answer"),
    [
        ("April 26, 2022 · Policy", True),
        ("Von Jana Becker · 28.11.2023, 14:02 Uhr", True),
        ("Policy brief, March 2024", True),
        ("Talks resumed on 3 March 2024.", False),  # a sentence
        ("Dated: 3 March 2024:", False),
        ("Policy brief", False),
        ("x" * 110 + " 3 March 2024", False),  # longer than 120 characters
    ],
)
def test_a_short_line_holding_a_date_is_a_dated_line(line: str, answer: bool) -> None:
    assert is_dated_line(line) is answer


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("About the author. Jane Doe, political scientist.", "Jane Doe"),
        ("About the authors: Jane Doe is a fellow", "Jane Doe"),
        ("ABOUT THE AUTHOR – Jane Doe – analyst", "Jane Doe"),
        ("About the author", None),
        ("About the author: a long line of seven words is no name", None),
        ("The author is a fellow", None),
    ],
)
def test_a_note_about_the_author_names_them(line: str, name: str | None) -> None:
    assert author_from_note(line) == name


def test_a_note_about_the_author_is_at_most_400_characters() -> None:
    assert is_author_note("About the author: Jane Doe")
    assert is_author_note("About the author: " + "x" * 382)
    assert not is_author_note("About the author: " + "x" * 383)
    assert not is_author_note("The author: Jane Doe")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("First published in the Valdai Discussion Club.", "Valdai Discussion Club"),
        ("This article was originally published by Reuters", "Reuters"),
        ("Originally published on Medium.", "Medium"),
        ("Published in the Times", None),
        ("First published in " + "x" * 190, None),  # longer than 200 characters
    ],
)
def test_a_publication_note_names_the_publisher(line: str, name: str | None) -> None:
    assert publisher_from_note(line) == name


def test_a_line_is_normalised_to_single_spaces_without_invisible_characters() -> None:
    assert normalise_line("  Caf\u0065\u0301 \u00a0 in\u00adter\u200bnal\ufeff\tline  ") == (
        "Café internal line"
    )
    assert normalise_line("two\nlines") == "two\nlines"
