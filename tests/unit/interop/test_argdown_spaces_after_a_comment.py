"""Spaces between a comment and the line break after it, as Argdown's parser (1.7.5) reads
them: allowed before a CRLF line break, but a comment, spaces and LF do not end a block."""

from __future__ import annotations

import pytest

from argmap.interop.argdown_reader import ArgdownError, read_argdown


def test_spaces_before_a_crlf_after_a_comment_keep_the_empty_line() -> None:
    doc, _ = read_argdown("[A]: a\n\n<!-- c --> \r\n\r\n[B]: b\n")
    assert [s.text for s in doc.statements] == ["a", "b"]


def test_spaces_before_an_lf_after_a_comment_leave_no_empty_line() -> None:
    with pytest.raises(ArgdownError) as caught:
        read_argdown("[A]: a\n\n<!-- c -->  \n\n[B]: b\n", source="c.argdown")
    assert str(caught.value) == (
        "c.argdown: line 5, column 1: expected an empty line between two blocks, found '[B]:'"
    )
