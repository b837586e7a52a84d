"""Fragments as Argdown and outline text for other applications, and pasted text read back."""

from __future__ import annotations

import pytest

from argmap.interop.clipboard_text import (
    MAX_LINES,
    fragment_argdown,
    fragment_json,
    fragment_outline,
    looks_like_argdown,
    read_fragment_json,
    read_outline,
    read_text,
)
from argmap.interop.errors import InteropError
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind


def _fragment() -> ArgMap:
    return ArgMap(
        statements=[
            Statement(id="s-a", kind=StatementKind.CLAIM, text="A deal is near"),
            Statement(id="s-b", kind=StatementKind.PREMISE, text="Talks  resumed\nin May"),
            Statement(id="s-c", kind=StatementKind.OBJECTION, text="Both deny it"),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-b"], conclusion="s-a"),
            Inference(id="i-2", premises=["s-c"], conclusion="s-a", kind=InferenceKind.ATTACK),
        ],
    )


def test_outline_indents_premises_and_marks_objections() -> None:
    assert fragment_outline(_fragment()) == (
        "A deal is near\n  Talks resumed in May\n  (objection) Both deny it\n"
    )


def test_argdown_has_no_front_matter_and_reads_back_with_its_relations() -> None:
    text = fragment_argdown(_fragment())
    assert not text.startswith("===")
    read = read_text(text)
    assert read.how == "Argdown"
    kinds = sorted(i.kind for i in read.doc.inferences)
    assert kinds == [InferenceKind.ATTACK, InferenceKind.SUPPORT]


def test_the_private_type_round_trips() -> None:
    assert read_fragment_json(fragment_json(_fragment())) == _fragment()
    with pytest.raises(InteropError):
        read_fragment_json(b"{not json")


@pytest.mark.parametrize(
    ("text", "argdown"),
    [("[A]: x\n  + y\n", True), ("<Arg>: x\n", True), ("x\n  <- y\n", True),
     ("(1) p\n----\n(2) c\n", True), ("- a list\n- of things\n", False),
     ("Plain sentence. Another one.\n", False)],
)  # fmt: skip
def test_argdown_is_recognised_by_its_markup(text: str, argdown: bool) -> None:
    assert looks_like_argdown(text) is argdown


def test_plain_lines_become_statements_nested_by_indent() -> None:
    read = read_text("1. Oil fell\n\n   - by a quarter\n\t* in October\n2) Elites grumble\n")
    assert read.how == "plain text"
    texts = [s.text for s in read.doc.statements]
    assert texts == ["Oil fell", "by a quarter", "in October", "Elites grumble"]
    pairs = [(i.premises[0], i.conclusion) for i in read.doc.inferences]
    assert pairs == [("s-2", "s-1"), ("s-3", "s-2")]
    assert [s.kind for s in read.doc.statements] == [
        StatementKind.CLAIM, StatementKind.PREMISE, StatementKind.PREMISE, StatementKind.CLAIM
    ]  # fmt: skip


def test_broken_argdown_falls_back_to_lines_and_says_so() -> None:
    read = read_text("[A]: x {kind: [}\n")
    assert read.how == "plain text" and "not read as Argdown" in read.warnings[0]


def test_blank_or_huge_text_is_refused_or_cut_with_a_note() -> None:
    with pytest.raises(InteropError, match="no text"):
        read_outline(" \n\t\n")
    read = read_outline("line\n" * (MAX_LINES + 5))
    assert len(read.doc.statements) == MAX_LINES and str(MAX_LINES) in read.warnings[0]


def test_pasted_argdown_with_a_loop_says_what_is_not_pasted() -> None:
    # A paste adds statements and inferences only: nothing is kept for an Argdown export.
    read = read_text("[A]: a\n  + [B]: b\n    + [A]\n\n[C]: c\n  _> [A]\n")
    assert read.warnings == [
        "[C] undercut [A]: nothing argmap draws to undercut; not pasted",
        "[A] support [B]: support cycle: 's-1' → 's-2' → 's-1' (through inferences 'i-1', "
        "'i-2'); a statement cannot support itself; not pasted",
    ]
    assert len(read.doc.inferences) == 1
