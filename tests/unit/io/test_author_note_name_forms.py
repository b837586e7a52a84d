"""The name in an "About the author" note, in the forms names take: one word, five words,
a final full stop after it, a name ending in a capital letter."""

from __future__ import annotations

import pytest

from argmap.io.article_metadata import author_from_note


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("About the author: Jane Doe.", "Jane Doe"),
        ("About the author: Madonna.", "Madonna"),
        ("About the author: Anna Maria de la Cruz, historian.", "Anna Maria de la Cruz"),
        ("About the author: Malcolm X.", "Malcolm X"),
        ("About the author: Anna Maria de la Cruz Vega, historian.", None),  # six words
    ],
)
def test_a_note_gives_the_whole_name_without_its_full_stop(line: str, name: str | None) -> None:
    assert author_from_note(line) == name
