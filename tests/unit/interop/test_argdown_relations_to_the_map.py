"""Argdown relations as the map's inferences: a relation from a reconstructed argument
starts at its conclusion, a contradiction is two attacks remembered as one relation, an
undercut of a plain argument doubts each of its inferences, and a relation to a
reconstructed argument that names none of its premises is kept for export with a warning."""

from __future__ import annotations

import pytest

from argmap.interop.argdown_reader import read_argdown
from argmap.model import ArgMap


def _edges(doc: ArgMap) -> list[tuple[str, list[str], str, str]]:
    text = {s.id: s.text for s in doc.statements}
    return [
        (i.id, [text[p] for p in i.premises], str(i.kind), text.get(i.conclusion, i.conclusion))
        for i in doc.inferences
    ]


def _written(doc: ArgMap) -> tuple[dict[str, str], list[tuple[str, str]]]:
    kept = doc.dialogue.argdown if doc.dialogue else None
    assert kept is not None
    return kept.relations, kept.pairs


@pytest.mark.parametrize("transform", ["true", "false"])
def test_a_relation_from_a_reconstructed_argument_starts_at_its_conclusion(transform: str) -> None:
    front = f"===\nmodel:\n  transformArgumentRelations: {transform}\n===\n\n"
    doc, report = read_argdown(front + "<X>\n\n(1) p\n(2) q\n----\n(3) c\n\n<X>\n  +> [Z]: z\n")
    assert report.warnings == []
    assert _edges(doc) == [
        ("i-1", ["p", "q"], "support", "c"),
        ("i-2", ["c"], "support", "z"),
    ]
    assert _written(doc) == ({"i-2": "support"}, [])


def test_a_contradiction_is_two_attacks_remembered_as_one_relation() -> None:
    doc, _ = read_argdown("[A]: a\n  >< [B]: b\n")
    assert _edges(doc) == [("i-1", ["a"], "attack", "b"), ("i-2", ["b"], "attack", "a")]
    assert _written(doc) == ({"i-1": "contradictory", "i-2": "contradictory"}, [("i-1", "i-2")])


def test_an_undercut_of_a_plain_argument_doubts_its_inferences_and_no_others() -> None:
    doc, _ = read_argdown("[Other]: o\n  + [P]: p\n\n<Plain>: plain\n  +> [Z]: z\n  _ [W]: doubt\n")
    assert _edges(doc) == [
        ("i-1", ["p"], "support", "o"),
        ("i-2", ["plain"], "support", "z"),
        ("i-3", ["doubt"], "undercut", "i-2"),
    ]


def test_an_undercut_of_a_plain_argument_doubts_each_of_its_inferences() -> None:
    doc, _ = read_argdown("<Plain>: plain\n  +> [Z]: z\n  -> [Y]: y\n  _ [W]: doubt\n")
    assert _edges(doc) == [
        ("i-1", ["plain"], "support", "z"),
        ("i-2", ["plain"], "attack", "y"),
        ("i-3", ["doubt"], "undercut", "i-1"),
        ("i-4", ["doubt"], "undercut", "i-2"),
    ]
    assert _written(doc)[0] == {
        "i-1": "support",
        "i-2": "attack",
        "i-3": "undercut",
        "i-4": "undercut",
    }


@pytest.mark.parametrize("transform", ["true", "false"])
def test_an_undercut_of_a_reconstructed_argument_doubts_its_inference(transform: str) -> None:
    front = f"===\nmodel:\n  transformArgumentRelations: {transform}\n===\n\n"
    doc, _ = read_argdown(front + "<X>\n\n(1) p\n----\n(2) c\n\n<X>\n  _ [U]: doubt\n")
    assert _edges(doc) == [("i-1", ["p"], "support", "c"), ("i-2", ["doubt"], "undercut", "i-1")]
    assert _written(doc)[0] == {"i-2": "undercut"}


def test_a_relation_to_a_reconstructed_argument_is_kept_for_export_with_a_warning() -> None:
    doc, report = read_argdown("[A]: a\n  +> <X>\n\n<X>\n\n(1) p\n----\n(2) c\n")
    assert report.warnings == [
        "[A] support <X>: a relation to a reconstructed argument names none of its premises; "
        "kept for Argdown export, not drawn"
    ]
    assert _edges(doc) == [("i-1", ["p"], "support", "c")]
    kept = doc.dialogue.argdown if doc.dialogue else None
    assert kept is not None
    assert [(r.type, r.source, r.target) for r in kept.undrawn] == [("support", "[A]", "<X>")]
