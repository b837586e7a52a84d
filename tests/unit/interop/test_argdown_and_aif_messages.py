"""Messages a user reads on import, word for word: the place of an Argdown error in a text
with old Mac line ends, long wordings of one statement shortened in the warning, and a
NaN in an AIF file named."""

from __future__ import annotations

import pytest

from argmap.interop.aif_reader import loads_aif
from argmap.interop.argdown_reader import ArgdownError, read_argdown
from argmap.interop.errors import InteropError


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[A]: a\r\r[B]: b\r[C]: c\r",
            "line 3, column 1: expected an empty line between two blocks, found '[B]:'",
        ),
        (
            "[A]: a\r\n\r\n[B]: b\r\n[C]: c\r\n",
            "line 4, column 1: expected an empty line between two blocks, found '[C]:'",
        ),
        (
            "[A]: a\r\r[B]: b \\\r",
            "line 3, column 8: a backslash at the end of a line escapes nothing "
            "(write \\\\ for a backslash)",
        ),
    ],
)
def test_an_error_is_placed_by_every_kind_of_line_end(text: str, message: str) -> None:
    with pytest.raises(ArgdownError) as caught:
        read_argdown(text, source="mac.argdown")
    assert str(caught.value) == f"mac.argdown: {message}"


def test_long_wordings_of_one_statement_are_shortened_past_60_characters() -> None:
    sixty, longer = "x" * 60, "y" * 61
    _doc, report = read_argdown(f"[T]: {sixty}\n\n[T]: {longer}\n\n[T]: {sixty}\n")
    assert report.warnings == [
        f"[T] is written 2 ways; argmap keeps the last ('{sixty}') and drops '{'y' * 57}...'"
    ]


def test_a_nan_in_an_aif_file_is_named() -> None:
    with pytest.raises(InteropError) as caught:
        loads_aif('{"nodes": [], "edges": [], "x": NaN}')
    assert str(caught.value) == "<aif>: $: not valid JSON: NaN is not a JSON number"


def test_bad_yaml_in_the_front_matter_is_placed_on_its_own_line() -> None:
    with pytest.raises(ArgdownError) as caught:
        read_argdown("===\ntitle: a\nkey: 1\nkey: 2\n===\n\n[A]: a\n", source="f.argdown")
    assert str(caught.value) == (
        "f.argdown: line 4, column 1: the front matter is not valid YAML: "
        "duplicated mapping key 'key'"
    )
