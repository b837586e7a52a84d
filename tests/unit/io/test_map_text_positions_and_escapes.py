"""Where a map file's text goes wrong is told by line and column, counted from the
file's first byte; escaped characters (surrogate pairs, backslashes) load as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.io import json_reading, map_file
from argmap.io.map_file import MapFileError, dumps_map, load_map, loads_map, nesting_depth
from argmap.model import ArgMap, Statement, StatementKind

NAME = "m.argmap.json"


def small_map(title: str = "Talks") -> ArgMap:
    return ArgMap(
        title=title, statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="Talks")]
    )


def with_title(escaped: str) -> str:
    """The text of a small map whose title is written as the JSON string ``escaped``."""
    return dumps_map(small_map("@")).replace('"title": "@"', f'"title": "{escaped}"')


def refusal(text: str | bytes) -> str:
    with pytest.raises(MapFileError) as caught:
        loads_map(text, NAME)
    return str(caught.value)


# --- surrogate pairs -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("escaped", "title"),
    [
        ("\\ud83d\\ude00", "\U0001f600"),  # lower-case, high half 0xD8..
        ("\\uDBFF\\uDFFF", "\U0010ffff"),  # upper-case, high half 0xDB..
        ("\\udbff\\udfff", "\U0010ffff"),  # lower-case, high half 0xDB..
        ("\\uDA00\\uDC00 and \\ud800\\udc00", "\U00090000 and \U00010000"),
    ],
)
def test_a_character_written_as_a_surrogate_pair_loads(escaped: str, title: str) -> None:
    assert loads_map(with_title(escaped)).title == title


@pytest.mark.parametrize(
    ("escaped", "column"),
    [
        ("x\\ud800", 14),  # a high half at the end of the text
        ("\\udc00", 13),  # a low half alone
        ("\\ud800\\ud800\\udc00", 13),  # a high half followed by another high half
        ("\\ud800x\\udc00", 13),  # the halves of a pair apart
    ],
)
def test_half_a_surrogate_pair_is_refused_where_it_stands(escaped: str, column: int) -> None:
    message = refusal(with_title(escaped))
    assert f"at line 4, column {column} is half of a UTF-16 pair" in message


def test_the_line_of_a_lone_surrogate_counts_a_blank_first_line() -> None:
    text = '\n{"format": "argmap", "version": 2, "title": "\\udc00"}'
    assert refusal(text) == (
        f"{NAME}: the escape \\udc00 at line 2, column 46 is half of a UTF-16 pair and "
        "stands for no character"
    )


def test_the_column_of_a_lone_surrogate_counts_from_its_own_line() -> None:
    text = '\n\n{"format": "argmap", "version": 2, "title": "\\udc00"}'
    assert "at line 3, column 46 is half" in refusal(text)


def test_a_text_holding_half_a_pair_is_refused_not_crashed() -> None:
    # A str can hold a lone surrogate (decoded with surrogateescape, say): no crash.
    text = dumps_map(small_map()).replace('"title": "Talks"', '"title": "x\ud800"')
    with pytest.raises(MapFileError):
        loads_map(text, NAME)


# --- undecodable bytes ---------------------------------------------------------------


def test_an_undecodable_byte_on_the_second_line_is_placed_there() -> None:
    assert refusal(b'\n{"title": "caf\xe9"}') == (
        f"{NAME}: the file is not UTF-8 text: byte 0xe9 at line 2, column 15 cannot be decoded"
    )


def test_a_file_with_nul_bytes_is_called_binary() -> None:
    assert refusal(b'{"format"\x00}') == (
        f"{NAME}: the file contains NUL bytes: it is a binary file (or UTF-16 text), not a map"
    )


# --- nesting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ('"just text"', 0),
        ("[[], [[[]]]]", 4),
        ('{"a": "x\\\\", "b": "[[[["}', 1),
        ('{"a": "say \\"[[\\"", "b": [1]}', 2),
    ],
)
def test_nesting_is_counted_outside_strings(text: str, depth: int) -> None:
    assert nesting_depth(text) == depth


def test_json_exactly_as_deep_as_allowed_is_read() -> None:
    deepest = "[" * json_reading.MAX_NESTING + "]" * json_reading.MAX_NESTING
    assert refusal(deepest) == f"{NAME}: the top level is a list; a map is a JSON object"
    one_more = "[" + deepest + "]"
    assert "nests 65 levels deep; a map file may nest at most 64" in refusal(one_more)


# --- the careful reader, behind the fast one -------------------------------------------


def test_a_map_with_escaped_backslashes_loads_as_written_and_is_not_called_old() -> None:
    result = map_file.loads_map_with_report(with_title("C:\\\\maps\\\\talks"))
    assert result.doc.title == "C:\\maps\\talks"
    assert result.migrated_from is None


def test_an_older_map_given_as_text_with_a_byte_order_mark_is_upgraded() -> None:
    text = "\ufeff" + dumps_map(small_map()).replace('"version": 2', '"version": 1')
    result = map_file.loads_map_with_report(text, NAME)
    assert result.migrated_from == 1
    assert result.doc == small_map()


def test_a_repeated_key_is_found_even_among_escaped_backslashes() -> None:
    # Strings ending in an escaped backslash look, to a quick count, like escaped quotes.
    text = (
        '{"format": "argmap", "version": 2, "title": "a\\\\", "title": "b\\\\", '
        '"question": null, "statements": [{"id": "s\\\\", "kind": "claim", '
        '"text": "x\\\\"}]}'
    )
    assert "repeats the key" in refusal(text)


def test_a_long_text_is_read_the_careful_way(monkeypatch: pytest.MonkeyPatch) -> None:
    # Text longer than a quarter of the file limit is not encoded for the fast reader.
    text = dumps_map(small_map())
    monkeypatch.setattr(map_file, "MAX_FILE_BYTES", len(text))
    assert loads_map(text) == small_map()


def test_a_file_longer_than_it_says_is_still_held_to_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # /proc and some network disks report a size of 0 for files that have content.
    path = Path("/proc/self/status")
    monkeypatch.setattr(json_reading, "MAX_FILE_BYTES", 16)
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert str(caught.value) == (f"{path}: the file is 0.0 MB; a map file may be at most 0 MB")
    assert caught.value.problems[0].code == "too-big"
