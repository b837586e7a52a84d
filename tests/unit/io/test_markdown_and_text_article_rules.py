"""How Markdown and plain-text articles become paragraphs, one rule at a time: headings,
lists and their bullets, tables, code, inline markup, link definitions, front matter,
hard-wrapped text, and texts nested or bracketed too deeply to parse."""

from __future__ import annotations

from argmap.io.article_cleanup import Dropped
from argmap.io.article_markup import (
    MAX_BRACKETS_PER_LINE,
    MAX_MARKDOWN_NESTING,
    markdown_blocks,
    markdown_nesting,
    text_blocks,
)
from argmap.io.article_metadata import Metadata


def read(raw: str) -> tuple[list[str], Metadata, list[Dropped], list[str]]:
    meta, dropped, warnings = Metadata(), [], []
    blocks = markdown_blocks(raw, meta, dropped, warnings, "a.md")
    return blocks, meta, dropped, warnings


def paragraphs(raw: str) -> list[str]:
    return read(raw)[0]


# --- headings ---------------------------------------------------------------------------


def test_the_first_heading_is_the_title_and_later_ones_are_paragraphs() -> None:
    blocks, meta, _, _ = read("# Talks resume\n\nBody.\n\n## Background\n\nMore.")
    assert meta.title == "Talks resume"
    assert blocks == ["Body.", "Background", "More."]


def test_a_title_from_front_matter_leaves_the_first_heading_in_the_text() -> None:
    blocks, meta, _, _ = read("---\ntitle: Given\n---\n# Shown\n\nBody.")
    assert meta.title == "Given"
    assert blocks == ["Shown", "Body."]


def test_a_paragraph_after_a_heading_is_not_taken_for_a_heading() -> None:
    blocks, meta, _, _ = read("# Title\n\nFirst.\n\nSecond.")
    assert (meta.title, blocks) == ("Title", ["First.", "Second."])


# --- lists ------------------------------------------------------------------------------


def test_bullet_items_keep_a_dash_and_numbered_items_their_number() -> None:
    assert paragraphs("- one\n- two\n\n3. three\n4) four\n") == [
        "- one",
        "- two",
        "3. three",
        "4) four",
    ]


def test_a_bullet_list_inside_a_numbered_one_keeps_dashes_then_numbers_again() -> None:
    raw = "1. first\n   - inner a\n   - inner b\n2. second\n"
    assert paragraphs(raw) == ["1. first", "- inner a", "- inner b", "2. second"]


def test_a_numbered_list_inside_a_bullet_list_is_numbered() -> None:
    raw = "- outer\n  1. inner\n- after\n"
    assert paragraphs(raw) == ["- outer", "1. inner", "- after"]


def test_only_the_first_paragraph_of_an_item_gets_its_bullet() -> None:
    raw = "- first paragraph\n\n  second paragraph\n- next\n"
    assert paragraphs(raw) == ["- first paragraph", "second paragraph", "- next"]


# --- tables, code and inline markup ---------------------------------------------------


def test_a_table_row_is_one_paragraph_with_cells_joined_by_bars() -> None:
    raw = "| Year | GDP |\n|---|---|\n| 2024 | *3.1* |\n\nAfter."
    assert paragraphs(raw) == ["Year | GDP", "2024 | 3.1", "After."]


def test_code_and_html_blocks_keep_each_line() -> None:
    raw = "```\nx = 1\n  y = 2\n```\n\n    indented code\n\n<div>\nraw html\n</div>\n"
    assert paragraphs(raw) == ["x = 1", "y = 2", "indented code", "<div>", "raw html", "</div>"]


def test_inline_markup_link_targets_and_images_are_left_out() -> None:
    raw = "Some *emph* and `code` with [a link](http://x.org) ![pic](p.png) <b>b</b>\nnext"
    assert paragraphs(raw) == ["Some emph and code with a link <b>b</b> next"]


def test_a_hard_line_break_is_a_space() -> None:
    assert paragraphs("first line  \nsecond line") == ["first line second line"]


def test_a_link_definition_is_reported_as_dropped() -> None:
    blocks, _, dropped, _ = read("See [the report][r].\n\n[r]: http://example.org/report\n")
    assert blocks == ["See the report."]
    assert dropped == [Dropped("Markdown link definition", ("[R]: http://example.org/report",))]


def test_deeply_nested_but_parsable_quotes_keep_their_text() -> None:
    depth = MAX_MARKDOWN_NESTING
    blocks, _, _, warnings = read("> " * depth + "deep text")
    assert blocks == ["deep text"]
    assert warnings == []


# --- texts too nested or too bracketed to parse -----------------------------------------


def test_a_text_nested_deeper_than_the_limit_is_read_as_plain_text() -> None:
    depth = MAX_MARKDOWN_NESTING + 1
    blocks, _, _, warnings = read("> " * depth + "deep text")
    assert blocks == ["> " * (depth - 1) + "> deep text"]
    assert warnings == [
        f"a.md: block quotes or lists nested about {depth} levels deep (more than "
        f"{MAX_MARKDOWN_NESTING}); read as plain text, with its Markdown marks"
    ]


def test_a_line_with_too_many_brackets_is_read_as_plain_text() -> None:
    line = "[" * (MAX_BRACKETS_PER_LINE + 1)
    blocks, _, _, warnings = read(f"# T\n\n{line}")
    assert blocks == ["# T", line]
    assert warnings == [
        f"a.md: a line holds more than {MAX_BRACKETS_PER_LINE} '[' (link parsing would "
        "take quadratic time); read as plain text, with its Markdown marks"
    ]
    exactly = "[" * MAX_BRACKETS_PER_LINE
    assert read(exactly)[3] == []


def test_nesting_counts_marks_and_indentation() -> None:
    assert markdown_nesting("") == 0
    assert markdown_nesting("plain text") == 0
    assert markdown_nesting("> > quote") == 2
    assert markdown_nesting("- 1. item") == 2
    assert markdown_nesting("      six spaces") == 3
    assert markdown_nesting("  > quoted") == 2
    assert markdown_nesting("a\n> b\n> > > c") == 3


# --- front matter -----------------------------------------------------------------------


def test_front_matter_fills_the_articles_details_and_is_not_text() -> None:
    raw = (
        "---\nTitle: 'Talks resume'\nby: \"Anna Smith\"\ndate: 3 March 2024\n"
        "site: Wire\nlink: http://x.org/a\nlayout: post\nempty:\nno colon here\n---\nBody."
    )
    blocks, meta, _, _ = read(raw)
    assert blocks == ["Body."]
    assert (meta.title, meta.author, meta.published, meta.publisher, meta.url) == (
        "Talks resume",
        "Anna Smith",
        "2024-03-03",
        "Wire",
        "http://x.org/a",
    )


def test_the_first_value_given_for_a_detail_is_kept() -> None:
    _, meta, _, _ = read("---\nauthor: First\nby: Second\ndate: someday\n---\nBody.")
    assert (meta.author, meta.published) == ("First", "someday")


# --- plain text ---------------------------------------------------------------------------

WRAPPED = (
    "The ministers met in the capital on Monday to talk\n"
    "about the grain corridor and the ports of the south.\n"
    "\n"
    "Nothing was signed, but both sides said that talks\n"
    "would go on next week, at a lower level than before.\n"
)
FIRST_LINE = "The ministers met in the capital on Monday to talk"


def test_a_plain_text_line_is_a_paragraph() -> None:
    assert text_blocks("One line.\n\n  Two  line.\nThree.") == ["One line.", "Two line.", "Three."]


def test_hard_wrapped_text_is_joined_into_its_paragraphs() -> None:
    assert text_blocks(WRAPPED) == [
        "The ministers met in the capital on Monday to talk about the grain corridor and "
        "the ports of the south.",
        "Nothing was signed, but both sides said that talks would go on next week, at a "
        "lower level than before.",
    ]


def test_bullets_in_hard_wrapped_text_start_paragraphs() -> None:
    text = WRAPPED + "\n- a bullet that is also long enough to count as wrapped\n"
    assert text_blocks(text)[-1] == "- a bullet that is also long enough to count as wrapped"


def test_text_without_a_blank_line_is_not_taken_for_hard_wrapped() -> None:
    lines = [line for line in WRAPPED.split("\n") if line]
    assert text_blocks("\n".join(lines)) == lines


def test_three_lines_are_too_few_to_call_wrapped() -> None:
    three = "\n".join(WRAPPED.split("\n")[:3] + [WRAPPED.split("\n")[3]])
    assert len(text_blocks(three)) == 3


def test_lines_longer_than_a_hundred_characters_are_not_wrapped() -> None:
    long = WRAPPED.replace("on Monday to talk", "on Monday to talk" + " x" * 30)
    assert len(text_blocks(long)) == 4


def test_a_hundred_character_line_can_still_be_wrapped() -> None:
    line = ("word " * 20)[:100]
    text = f"{line}\n{line}\n\n{line}\n{line}\n"
    assert len(text_blocks(text)) == 2


def test_text_of_mostly_short_lines_is_not_wrapped() -> None:
    text = "Short one.\nShort two.\n\nShort three.\n" + FIRST_LINE + "\n"
    assert text_blocks(text) == [
        "Short one.",
        "Short two.",
        "Short three.",
        FIRST_LINE,
    ]


def test_lines_of_forty_characters_count_as_wrapped_lines() -> None:
    forty = "x" * 39 + "."
    text = f"{forty}\n{forty}\n\n{forty}\n{forty}\n"
    assert text_blocks(text) == [f"{forty} {forty}", f"{forty} {forty}"]


def test_star_and_plus_bullets_read_as_dashes_also_after_a_numbered_sublist() -> None:
    assert paragraphs("* outer\n  1. inner\n* after\n\n+ plus\n") == [
        "- outer",
        "1. inner",
        "- after",
        "- plus",
    ]


def test_brackets_are_counted_per_line_not_per_word_or_per_text() -> None:
    spaced = "[ " * (MAX_BRACKETS_PER_LINE + 1)
    assert read(spaced)[3] != []  # one line: too many, even with spaces between
    two_lines = "[" * 150 + "\n\n" + "[" * 150
    assert read(two_lines)[3] == []  # 150 a line: fine


def test_a_front_matter_value_loses_only_its_quotes() -> None:
    _, meta, _, _ = read("---\nauthor: 'Xavier Dupont'\ntitle: XX Century\n---\nBody.")
    assert (meta.author, meta.title) == ("Xavier Dupont", "XX Century")


def test_the_last_hard_wrapped_paragraph_is_kept_without_a_final_newline() -> None:
    assert text_blocks(WRAPPED.rstrip("\n"))[-1].endswith("at a lower level than before.")


def test_three_long_lines_in_five_are_enough_to_call_text_wrapped() -> None:
    long = "x" * 45
    text = f"{long}\n{long}\nshort\n\n{long}\nshort\n"
    assert text_blocks(text) == [f"{long} {long} short", f"{long} short"]


def test_a_paragraph_after_a_table_of_headers_only_is_kept() -> None:
    assert paragraphs("| Year | GDP |\n|---|---|\n\nAfter the table.") == [
        "Year | GDP",
        "After the table.",
    ]
