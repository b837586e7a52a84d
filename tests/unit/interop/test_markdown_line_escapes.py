"""A statement's text that starts a line of the Markdown report renders as written: a
leading bullet, number or underline is escaped, so no list, heading or rule appears."""

from __future__ import annotations

import html

import pytest
from markdown_it import MarkdownIt

from argmap.interop.markdown_report import md_line

TEXTS = [
    "+ plus",
    "* star",
    "- dash",
    "-",
    "1. one",
    "12) twelve",
    "===",
    "---",
    "--- ",
    "# hash",
    "1.5 million",
    "-- two dashes",
    "= x",
    "plain text",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_line_renders_as_the_text_it_holds(text: str) -> None:
    rendered = MarkdownIt("commonmark").render(f"Quoted:\n\n> {md_line(text)}\n")
    assert rendered == (
        f"<p>Quoted:</p>\n<blockquote>\n<p>{html.escape(text.strip(), quote=False)}</p>\n"
        "</blockquote>\n"
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("+ plus", "\\+ plus"),
        ("- dash", "\\- dash"),
        ("1. one", "1\\. one"),
        ("12) twelve", "12\\) twelve"),
        ("===", "&#61;=="),
        ("---", "\\---"),
        ("1.5 million", "1.5 million"),
    ],
)
def test_only_the_mark_itself_is_escaped(text: str, line: str) -> None:
    assert md_line(text) == line
