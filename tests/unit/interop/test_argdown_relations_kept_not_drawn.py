"""Argdown relations a map cannot draw (a statement supporting itself, a loop of supports,
an undercut of nothing argmap draws): the import names each one by its statements' titles,
and the export writes each back with the symbol it was written with."""

from __future__ import annotations

import pytest

from argmap.interop import losses
from argmap.interop.argdown_reader import read_argdown
from argmap.interop.argdown_writer import dumps_argdown
from argmap.model import ArgMap, Statement, StatementKind
from argmap.model.argdown_kept import ArgdownKept, ArgdownRelation, ArgdownStatement
from argmap.model.dialogue import Dialogue


def test_a_support_loop_is_named_by_its_titles_and_both_supports_are_written_back() -> None:
    doc, report = read_argdown("[A]: a\n  + [B]: b\n\n[B]\n  + [A]\n")
    assert report.warnings == [
        "[A] support [B]: support cycle: 's-1' → 's-2' → 's-1' (through inferences 'i-2', "
        "'i-1'); a statement cannot support itself; kept for Argdown export, not drawn"
    ]
    assert [(i.premises, i.conclusion) for i in doc.inferences] == [(["s-2"], "s-1")]
    assert dumps_argdown(doc) == "[A]: a\n\n[B]: b\n\n[B]\n  +> [A]\n\n[A]\n  +> [B]\n"


@pytest.mark.parametrize(
    ("written", "kind", "symbol"),
    [("+", "support", "+>"), ("-", "attack", "->"), ("><", "attack", "><")],
)
def test_a_statement_related_to_itself_is_kept_with_its_own_symbol(
    written: str, kind: str, symbol: str
) -> None:
    doc, report = read_argdown(f"[A]: a\n  {written} [A]\n")
    assert doc.inferences == []
    assert report.warnings[-1] == (
        f"[A] {kind} [A]: inference 'i-1' has its own conclusion 's-1' among its premises; "
        "kept for Argdown export, not drawn"
    )
    assert dumps_argdown(doc).startswith(f"[A]: a\n\n[A]\n  {symbol} [A]\n")


def test_an_undercut_of_a_statement_is_kept_as_an_undercut() -> None:
    doc, report = read_argdown("[A]: a\n  _> [B]: b\n")
    assert report.warnings == [
        "[A] undercut [B]: nothing argmap draws to undercut; kept for Argdown export"
    ]
    assert dumps_argdown(doc) == "[A]: a\n\n[B]: b\n\n[A]\n  _> [B]\n"


def test_a_kept_relation_of_a_type_argmap_does_not_know_is_written_as_support() -> None:
    # A map file may carry any relation type in its kept Argdown data.
    kept = ArgdownKept(
        statements={"s-1": ArgdownStatement(title="A"), "s-2": ArgdownStatement(title="B")},
        undrawn=[
            ArgdownRelation(type="entails", source="[A]", target="[B]"),
            ArgdownRelation(type="contrary", source="[B]", target="[A]"),
            ArgdownRelation(type="contradictory", source="[A]", target="[B]"),
            ArgdownRelation(type="kinship", source="[B]", target="[A]"),
        ],
    )
    doc = ArgMap(
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="a"),
            Statement(id="s-2", kind=StatementKind.CLAIM, text="b"),
        ],
        dialogue=Dialogue(argdown=kept),
    )
    assert dumps_argdown(doc).split("\n\n")[-4:] == [
        "[A]\n  +> [B]",
        "[B]\n  -> [A]",
        "[A]\n  >< [B]",
        "[B]\n  +> [A]\n",
    ]


def test_an_argument_closing_a_support_loop_is_named_by_all_its_premises() -> None:
    doc, report = read_argdown("<X>\n\n(1) [A]: a\n(2) [B]: b\n----\n(3) [C]: c\n\n[A]\n  + [C]\n")
    assert report.warnings == [
        "<X>: [A], [B] support [C]: support cycle: 's-1' → 's-3' → 's-1' (through inferences "
        "'i-1', 'i-2'); a statement cannot support itself; kept for Argdown export, not drawn"
    ]
    assert [(i.premises, i.conclusion) for i in doc.inferences] == [(["s-3"], "s-1")]


def test_an_undercut_of_a_statement_is_kept_even_when_the_statement_supports_another() -> None:
    # Argdown's undercut doubts an inference; a statement's own support of another is not
    # what the undercut names, so nothing is drawn.
    doc, report = read_argdown("[B]: b\n  +> [C]: c\n\n[A]: a\n  _> [B]\n")
    assert report.warnings == [
        "[A] undercut [B]: nothing argmap draws to undercut; kept for Argdown export"
    ]
    assert [(i.premises, str(i.kind), i.conclusion) for i in doc.inferences] == [
        (["s-1"], "support", "s-2")
    ]


def test_a_kept_relation_whose_statement_was_deleted_is_named_and_not_brought_back() -> None:
    doc, _report = read_argdown("[A]: a\n  + [B]: b\n\n[B]\n  + [A]\n")
    doc.statements = [s for s in doc.statements if s.text != "a"]
    doc.inferences = []
    assert losses("argdown", doc) == [
        "1 relations kept from Argdown whose statements were deleted not written"
    ]
    written = dumps_argdown(doc)
    assert written == "[B]: b\n"
    again, _report = read_argdown(written)
    assert [s.text for s in again.statements] == ["b"]
