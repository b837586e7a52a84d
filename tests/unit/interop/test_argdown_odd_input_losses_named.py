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


def test_bold_italic_and_link_addresses_are_named_as_dropped() -> None:
    doc, report = read_argdown(
        "# See [the plan](https://x.org/plan)\n\n"
        "[A]: **Bold**, _italic_ and [a link](https://x.org/a) text.\n\n"
        "<X>: An *argument* with [two](https://x.org/b) [links](https://x.org/a).\n"
    )
    assert report.warnings == [
        "3 bold or italic marks dropped (argmap keeps plain text)",
        "4 link addresses dropped (their text is kept): https://x.org/plan, "
        "https://x.org/a, https://x.org/b",
    ]
    assert [s.text for s in doc.statements] == [
        "Bold, italic and a link text.",
        "An argument with two links.",
    ]


def test_text_without_markup_says_nothing_of_it() -> None:
    _doc, report = read_argdown("[A]: A plain text with a \\*star and 2 * 3.\n")
    assert report.warnings == []


def test_many_link_addresses_are_named_up_to_five() -> None:
    links = " ".join(f"[l{n}](https://x.org/{n})" for n in range(8))
    _doc, report = read_argdown(f"[A]: {links}\n")
    assert report.warnings == [
        "8 link addresses dropped (their text is kept): https://x.org/0, https://x.org/1, "
        "https://x.org/2, https://x.org/3, https://x.org/4 and 3 more"
    ]
