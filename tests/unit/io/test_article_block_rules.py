"""Each rule that decides which blocks of a web page are the article, on small examples:
matching the extractor's text, keeping the standfirst, reporting what was removed and
where, finding the headline and the publication date."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.io.article_import import import_article_text
from argmap.io.html_article import (
    extracted_text,
    json_ld_published,
    keep_standfirst,
    kept_blocks,
    removed_blocks,
)
from argmap.io.html_page import Block, parse

B = "\x00"  # where the extractor's blocks start and end, in its squashed text


def squashed(*texts: str) -> str:
    """The extractor's text as kept_blocks reads it: one block per text."""
    return B + B.join("".join(t.casefold().split()) for t in texts) + B


def blocks(*texts: str) -> list[Block]:
    return [Block(t, "p") for t in texts]


# --- which blocks the extractor kept ----------------------------------------------------


def test_blocks_the_extractor_kept_are_found_in_order() -> None:
    page = blocks("Menu", "First paragraph here.", "Share this", "Second one.")
    assert kept_blocks(page, squashed("First paragraph here.", "Second one.")) == [
        False,
        True,
        False,
        True,
    ]


def test_the_first_block_of_the_page_can_be_the_first_of_the_article() -> None:
    assert kept_blocks(blocks("Opening line.", "Next."), squashed("Opening line.", "Next.")) == [
        True,
        True,
    ]


def test_a_short_line_inside_a_paragraph_is_not_taken_for_a_block_of_its_own() -> None:
    # "Reuters" occurs inside the kept paragraph, but not as a block of its own.
    page = blocks("Reuters", "Talks resumed, Reuters reported on Monday.")
    assert kept_blocks(page, squashed("Talks resumed, Reuters reported on Monday.")) == [
        False,
        True,
    ]


def test_a_block_a_little_further_on_is_found_at_the_start_of_an_extracted_block() -> None:
    # The extractor added a caption the page shows elsewhere: the next block starts after.
    page = blocks("Officials met in Ankara.", "Talks will go on.")
    extracted = squashed("Officials met in Ankara.", "Photo: AP", "Talks will go on.")
    assert kept_blocks(page, extracted) == [True, True]


def test_a_short_block_far_beyond_the_window_is_not_looked_for() -> None:
    filler = "x" * 80  # more than the 64 characters a short block may start after
    page = blocks("Officials met in Ankara.", "Talks go on.")
    extracted = squashed("Officials met in Ankara.", filler, "Talks go on.")
    # Found anyway as a whole block of the extractor's (a moved block counts too).
    assert kept_blocks(page, extracted) == [True, True]
    # ...but not when it is only part of one.
    extracted = squashed("Officials met in Ankara.", filler + "Talks go on. More")
    assert kept_blocks(page, extracted) == [True, False]


def test_a_long_block_is_found_further_on_inside_an_extracted_block() -> None:
    long = "The ministers agreed to meet again next week in the capital city."
    page = blocks("Officials met in Ankara.", long)
    extracted = squashed("Officials met in Ankara.", "y" * 200 + long + " And more.")
    assert kept_blocks(page, extracted) == [True, True]


def test_a_short_block_is_not_searched_for_anywhere_further_on() -> None:
    short = "Talks go on."
    page = blocks("Officials met in Ankara.", short)
    extracted = squashed("Officials met in Ankara.", "y" * 200 + short + " And more.")
    assert kept_blocks(page, extracted) == [True, False]


def test_a_block_of_exactly_forty_characters_counts_as_long() -> None:
    forty = "abcdefghij" * 4
    page = [Block("Officials met in Ankara.", "p"), Block(forty, "p")]
    extracted = squashed("Officials met in Ankara.", "y" * 200 + forty + "zz")
    assert kept_blocks(page, extracted) == [True, True]
    shorter = forty[:39]
    page = [Block("Officials met in Ankara.", "p"), Block(shorter, "p")]
    extracted = squashed("Officials met in Ankara.", "y" * 200 + shorter + "zz")
    assert kept_blocks(page, extracted) == [True, False]


def test_a_block_the_extractor_moved_to_the_top_is_kept() -> None:
    page = blocks("Older entry.", "Newest entry.")
    assert kept_blocks(page, squashed("Newest entry.", "Older entry.")) == [True, True]


def test_matching_ignores_case_white_space_and_table_bars() -> None:
    page = blocks("GDP | 2024 | 3.1 %")
    assert kept_blocks(page, squashed("gdp 2024 3.1%")) == [True]


def test_the_extractors_text_marks_where_its_blocks_begin_and_end() -> None:
    body = parse("<html><body><div><p>One <b>bold</b> word</p><p>Two</p></div></body></html>")
    text = extracted_text(body.find("body"))
    # Inline elements (bold, links...) do not split a block; paragraphs do.
    assert text.split(B) == ["", "", "", "", "oneboldword", "", "two", "", "", ""]


# --- the standfirst ---------------------------------------------------------------------

TITLE = "Council votes to close the bridge"
STANDFIRST = "The vote followed months of complaints about cracks in the old span."


def standfirst_case(standfirst: str = STANDFIRST, *, furniture: bool = False) -> list[Block]:
    return [
        Block("Site name", "p"),
        Block(TITLE, "h1"),
        Block(standfirst, "p", furniture),
        Block("The body of the article starts here.", "p"),
    ]


def test_the_standfirst_under_the_headline_is_kept_when_the_article_follows() -> None:
    page = standfirst_case()
    keep = [False, True, False, True]
    keep_standfirst(page, keep, TITLE)
    assert keep == [False, True, True, True]


def test_the_standfirst_is_found_after_a_headline_at_the_top_of_the_page() -> None:
    page = standfirst_case()[1:]
    keep = [True, False, True]
    keep_standfirst(page, keep, TITLE)
    assert keep == [True, True, True]


@pytest.mark.parametrize(
    ("standfirst", "furniture"),
    [
        ("Too short to be a sentence here.", False),  # seven words
        ("word " * 81, False),  # more than 400 characters
        (STANDFIRST, True),  # inside navigation
        ("By Anna Smith and John Doe, political correspondents in the capital", False),
        ("Published 3 March 2024, updated 4 March 2024 at 10:15 local time", False),
    ],
)
def test_a_line_that_is_not_a_standfirst_stays_out(standfirst: str, furniture: bool) -> None:
    page = standfirst_case(standfirst, furniture=furniture)
    keep = [False, True, False, True]
    keep_standfirst(page, keep, TITLE)
    assert keep == [False, True, False, True]


def test_a_standfirst_of_eight_words_and_400_characters_is_kept() -> None:
    eight = "Eight words make this line read as a sentence."
    keep = [False, True, False, True]
    keep_standfirst(standfirst_case(eight), keep, TITLE)
    assert keep[2]
    exactly_400 = ("word " * 80)[:399] + "."
    keep = [False, True, False, True]
    keep_standfirst(standfirst_case(exactly_400), keep, TITLE)
    assert keep[2]


def test_no_standfirst_without_an_article_after_it_or_without_a_headline() -> None:
    keep = [False, True, False, False]
    keep_standfirst(standfirst_case(), keep, TITLE)
    assert keep == [False, True, False, False]
    keep = [False, True, False, True]
    keep_standfirst(standfirst_case(), keep, None)
    assert keep == [False, True, False, True]
    keep = [False, True, False, True]
    keep_standfirst(standfirst_case(), keep, "A headline not on the page")
    assert keep == [False, True, False, True]


def test_a_headline_last_on_the_page_has_no_standfirst() -> None:
    page = [Block("Intro text.", "p"), Block(TITLE, "h1")]
    keep = [True, False]
    keep_standfirst(page, keep, TITLE)
    assert keep == [True, False]


def test_a_standfirst_the_extractor_kept_is_left_alone() -> None:
    page = standfirst_case() + [Block("More.", "p")]
    keep = [True, False, True, False, True]
    keep_standfirst(page, keep, TITLE)
    assert keep == [True, False, True, False, True]


# --- what was removed, and where ------------------------------------------------------

WHY = "not part of the article (main-text extraction)"


def described(removed: list[Any]) -> list[tuple[str, tuple[str, ...], bool]]:
    return [(d.reason, d.lines, d.review) for d in removed]


def test_removed_blocks_are_reported_before_inside_and_after_the_article() -> None:
    page = blocks("Menu", "Search", "Body one.", "Advert", "Body two.", "Footer")
    keep = [False, False, True, False, True, False]
    assert described(removed_blocks(page, keep, WHY)) == [
        (f"page text before the article ({WHY}): 2 blocks", ("Menu", "Search"), False),
        (f"removed inside the article ({WHY}): 1 block", ("Advert",), True),
        (f"page text after the article ({WHY}): 1 block", ("Footer",), False),
    ]


def test_a_page_whose_first_block_is_the_article_reports_nothing_before_it() -> None:
    page = blocks("Body one.", "Read more", "Also read", "Body two.")
    keep = [True, False, False, True]
    assert described(removed_blocks(page, keep, WHY)) == [
        (f"removed inside the article ({WHY}): 2 blocks", ("Read more", "Also read"), True),
    ]


def test_a_run_before_the_article_ends_where_the_article_starts() -> None:
    page = blocks("Menu", "Body one.")
    assert described(removed_blocks(page, [False, True], WHY)) == [
        (f"page text before the article ({WHY}): 1 block", ("Menu",), False),
    ]


def test_a_page_with_no_article_reports_every_block_once() -> None:
    page = blocks("Menu", "Search", "Footer")
    assert described(removed_blocks(page, [False, False, False], "no article")) == [
        (
            "page text before the article (no article): 3 blocks",
            ("Menu", "Search", "Footer"),
            False,
        ),
    ]


def test_a_page_that_is_all_article_reports_nothing() -> None:
    assert removed_blocks(blocks("One.", "Two."), [True, True], WHY) == []


# --- the publication date in JSON-LD ----------------------------------------------------


def page_with_json_ld(*items: Any, kind: str = "application/ld+json") -> Any:
    scripts = "".join(f'<script type="{kind}">{json.dumps(item)}</script>' for item in items)
    return parse(f"<html><head>{scripts}</head><body><p>x</p></body></html>")


@pytest.mark.parametrize(
    "data",
    [
        {"@type": "NewsArticle", "datePublished": "2024-03-03"},
        {"@type": ["WebPage", "Article"], "datePublished": "2024-03-03"},
        [{"@type": "WebSite"}, {"@type": "BlogPosting", "datePublished": "2024-03-03"}],
        {"@graph": [{"@type": "Organization"}, {"@type": "Report", "datePublished": "2024-03-03"}]},
    ],
)
def test_the_articles_publication_date_is_read_from_json_ld(data: Any) -> None:
    assert json_ld_published(page_with_json_ld(data)) == "2024-03-03"


def test_a_date_of_something_that_is_not_an_article_is_not_taken() -> None:
    data = {"@type": "Event", "datePublished": "2020-01-01"}
    assert json_ld_published(page_with_json_ld(data)) is None


def test_broken_or_foreign_scripts_are_skipped_for_the_next_one() -> None:
    good = {"@type": "Article", "datePublished": "2024-03-03"}
    root = parse(
        "<html><head>"
        '<script type="application/ld+json">{not json</script>'
        '<script type="text/javascript">{"@type": "Article", "datePublished": "1999"}</script>'
        '<script type="application/ld+json">[]</script>'
        f'<script type="APPLICATION/LD+JSON">{json.dumps(good)}</script>'
        "</head><body><p>x</p></body></html>"
    )
    assert json_ld_published(root) == "2024-03-03"


def test_json_ld_nested_deeper_than_eight_levels_is_not_searched() -> None:
    article: Any = {"@type": "Article", "datePublished": "2024-03-03"}
    nested: Any = article
    for _ in range(7):
        nested = {"@graph": nested}
    assert json_ld_published(page_with_json_ld(nested)) == "2024-03-03"
    too_deep: Any = article
    for _ in range(9):
        too_deep = {"@graph": [too_deep]}
    assert json_ld_published(page_with_json_ld(too_deep)) is None


# --- the headline -------------------------------------------------------------------------

ARTICLE = (
    "<p>"
    + "The ministers met in the capital on Monday to discuss the grain corridor. " * 3
    + "</p><p>"
    + "Nothing was signed, but both delegations said the talks would go on next week. " * 3
    + "</p>"
)


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Talks resume in Istanbul | Daily Wire", "Talks resume in Istanbul"),
        ("Daily Wire - Talks resume in Istanbul", "Talks resume in Istanbul"),
        ("Wire » Talks resume", "Talks resume"),
        ("Daily Wire — Talks resume — Opinion", "Talks resume now"),  # the page's own
        ("Talks resume in Istanbul", None),  # not shown: the page's title as it is
    ],
)
def test_the_headline_is_the_one_shown_without_the_sites_name_around_it(
    title: str, shown: str | None
) -> None:
    heading = f"<h1>{shown}</h1>" if shown else ""
    page = (
        f"<html><head><title>{title}</title></head><body>"
        f"<header><p>Daily Wire</p></header><article>{heading}{ARTICLE}</article></body></html>"
    )
    article = import_article_text(page, "a.html", "html")
    assert article.title == (shown or title)
