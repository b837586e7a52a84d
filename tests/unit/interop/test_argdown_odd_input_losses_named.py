"""Odd but valid Argdown whose parts argmap cannot keep: the import names each one.

An argument described several times keeps one description (as a statement written
several ways keeps one wording); a heading's tags come back as text of its title."""

from __future__ import annotations

from argmap.interop.argdown_reader import read_argdown
from argmap.interop.argdown_writer import dumps_argdown


def test_an_argument_described_twice_says_which_description_it_drops() -> None:
    doc, report = read_argdown("<X>: First one.\n\n<X>: Second one.\n")
    assert report.warnings == [
        "<X> is described 2 ways; argmap keeps the last ('Second one.') and drops 'First one.'"
    ]
    assert [s.text for s in doc.statements] == ["Second one."]


def test_a_reconstructed_argument_described_twice_says_so_too() -> None:
    text = "<X>: First one.\n\n<X>: Second one. #pro\n\n<X>\n\n(1) [A]: a\n----\n(2) [B]: b\n"
    doc, report = read_argdown(text)
    assert report.warnings == [
        "<X> is described 2 ways; argmap keeps the last ('Second one.') and drops 'First one.'"
    ]
    assert dumps_argdown(doc).startswith("[A]: a\n\n[B]: b\n\n<X>: Second one. #pro\n")


def test_one_description_written_twice_and_references_are_no_second_description() -> None:
    _doc, report = read_argdown("<X>: Same.\n\n<X>: Same.\n\n<X>\n  + [A]: a\n")
    assert report.warnings == []


def test_a_heading_with_tags_says_they_become_text() -> None:
    doc, report = read_argdown("# Costs #important #2024\n\n[A]: a\n")
    assert report.warnings == [
        "heading 'Costs #important #2024': its tags (#important, #2024) are kept as text of "
        "the title, not as tags"
    ]
    assert dumps_argdown(doc) == "# Costs \\#important \\#2024\n\n[A]: a\n"
