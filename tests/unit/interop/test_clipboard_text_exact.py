"""Copy and paste as text, word for word: what another application receives when the user
copies cards, and what a paste says when it cannot read the text as the user meant it."""

from __future__ import annotations

import pytest

from argmap.interop.clipboard_text import (
    MAX_LINES,
    fragment_argdown,
    fragment_from_json,
    fragment_outline,
    read_fragment_json,
    read_outline,
    read_text,
)
from argmap.interop.errors import InteropError
from argmap.io.map_file import MapFileError
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind


def _fragment() -> ArgMap:
    """A claim with a premise and an objection; the premise also supports a second claim;
    a third claim stands alone; the first claim quotes an article."""
    return ArgMap(
        statements=[
            Statement(id="s-a", kind=StatementKind.CLAIM, text="A deal is near", quotes=["q-1"]),
            Statement(id="s-b", kind=StatementKind.PREMISE, text="Talks resumed"),
            Statement(id="s-c", kind=StatementKind.OBJECTION, text="Both deny it"),
            Statement(id="s-d", kind=StatementKind.CLAIM, text="Sanctions ease"),
            Statement(id="s-e", kind=StatementKind.CLAIM, text="Prices fall"),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-b"], conclusion="s-a"),
            Inference(id="i-2", premises=["s-c"], conclusion="s-a", kind=InferenceKind.ATTACK),
            Inference(id="i-3", premises=["s-b"], conclusion="s-d"),
        ],
    )


def test_copied_argdown_is_the_argument_without_quotes_or_front_matter() -> None:
    assert fragment_argdown(_fragment()) == (
        "[A deal is near]: A deal is near {kind: claim}\n\n"
        "[Talks resumed]: Talks resumed {kind: premise}\n\n"
        "[Both deny it]: Both deny it {kind: objection}\n\n"
        "[Sanctions ease]: Sanctions ease {kind: claim}\n\n"
        "[Prices fall]: Prices fall {kind: claim}\n\n"
        "<Because Talks resumed>\n\n(1) [Talks resumed]\n----\n(2) [A deal is near]\n\n"
        "<Against Both deny it>\n\n(1) [Both deny it]\n----\n"
        "(2) [Not A deal is near]: Not: A deal is near {argmap: attack}\n"
        "  -> [A deal is near]\n\n"
        "<Because Talks resumed (2)>\n\n(1) [Talks resumed]\n----\n(2) [Sanctions ease]\n"
    )


def test_a_card_under_two_others_is_outlined_once_and_the_cards_after_it_still_are() -> None:
    assert fragment_outline(_fragment()) == (
        "A deal is near\n  Talks resumed\n  (objection) Both deny it\nSanctions ease\nPrices fall\n"
    )


def test_a_paste_that_is_not_argdown_after_all_says_why_first() -> None:
    broken = "[A]: x {kind: [}\n" + "more\n" * MAX_LINES
    read = read_text(broken)
    assert read.how == "plain text"
    assert read.warnings == [
        "not read as Argdown (the pasted text: line 2, column 1: expected an empty line "
        "between two blocks, found 'more'); pasted as plain text",
        f"only the first {MAX_LINES} of {MAX_LINES + 1} lines were pasted",
    ]


def test_a_pasted_argdown_text_keeps_the_readers_warnings() -> None:
    read = read_text("[A]: x\n  + y // why\n")
    assert read.how == "Argdown"
    assert [s.text for s in read.doc.statements] == ["x", "y"]
    assert read.warnings == ["1 comments dropped (argmap keeps no comments)"]


def test_text_from_any_system_splits_into_lines_at_every_kind_of_line_end() -> None:
    read = read_outline("Oil fell\r\n  by a quarter\rElites grumble\n")
    assert [s.text for s in read.doc.statements] == ["Oil fell", "by a quarter", "Elites grumble"]
    assert [(i.premises, i.conclusion) for i in read.doc.inferences] == [(["s-2"], "s-1")]


def test_a_tab_indents_as_far_as_four_spaces() -> None:
    read = read_outline("Oil fell\n    by a quarter\n\tin October\n")
    assert [(i.premises, i.conclusion) for i in read.doc.inferences] == [
        (["s-2"], "s-1"),
        (["s-3"], "s-1"),
    ]


def test_exactly_as_many_lines_as_allowed_are_all_pasted_without_a_note() -> None:
    read = read_outline("line\n" * MAX_LINES)
    assert len(read.doc.statements) == MAX_LINES and read.warnings == []


def test_nothing_to_paste_says_so() -> None:
    with pytest.raises(InteropError) as caught:
        read_outline("\r\n  \t\n")
    assert str(caught.value) == "the pasted text: there is no text to make statements from"


def test_clipboard_data_that_is_no_fragment_names_the_clipboard() -> None:
    bad = b'{"format": "argmap", "version": 2, "statements": 3}'
    with pytest.raises(MapFileError, match=r"^clipboard: statements: should be a list"):
        fragment_from_json(bad)
    with pytest.raises(InteropError) as caught:
        read_fragment_json(bad)
    assert caught.value.file == "the clipboard"
    assert str(caught.value) == "the clipboard: statements: should be a list, but is the number 3"
