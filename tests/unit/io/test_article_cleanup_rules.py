"""How an imported article is cleaned, one rule at a time on short paragraph lists:
template keys, the header (masthead, title, byline, date), the tail (notes, closing
links, end marks), prompts inside the body, and repeated paragraphs. Everything removed
is reported with its reason and text; what may be body text is flagged for review."""

from __future__ import annotations

from argmap.io.article_cleanup import (
    DUPLICATE_MIN_CHARS,
    Dropped,
    clean_blocks,
    drop_boilerplate,
    drop_placeholders,
    drop_repeats,
    strip_header,
    strip_tail,
)
from argmap.io.article_metadata import Metadata

BODY = (
    "The ministers met in the capital on Monday to discuss the grain corridor, the ports "
    "of the south and the long list of prisoners both sides want released before winter, "
    "as the mediators from Ankara had asked."
)
BODY_2 = (
    "Nothing was signed at the end of the day, but both delegations said that the talks "
    "would go on next week at a lower level, with experts on shipping and on insurance "
    "from both sides and from the mediators."
)
assert len(BODY) >= 200 and len(BODY_2) >= 200  # long sentences: body text


def reasons(dropped: list[Dropped]) -> list[tuple[str, tuple[str, ...], bool]]:
    return [(d.reason, d.lines, d.review) for d in dropped]


# --- Dropped, as a person reads it ------------------------------------------------------


def test_a_removal_is_described_with_its_text_clipped() -> None:
    assert Dropped("byline", ("By Anna Smith",)).describe() == "byline: 'By Anna Smith'"
    long = Dropped("note", ("word " * 20,), review=True)
    assert long.describe(width=12) == "CHECK: note: 'word word w…'"
    assert Dropped("debris", ("a", "b")).describe() == "debris"
    assert Dropped("debris", ("a", "b"), review=True).describe() == "CHECK: debris"
    assert Dropped("x", ("exactly twelve",)).describe(width=14) == "x: 'exactly twelve'"


# --- template keys --------------------------------------------------------------------------


def test_unfilled_template_keys_are_removed_and_reported() -> None:
    dropped: list[Dropped] = []
    kept = drop_placeholders(
        ["client/title.list_title", "page.main_text", "version 2.0", "Body text."], dropped
    )
    assert kept == ["version 2.0", "Body text."]
    assert reasons(dropped) == [
        ("unfilled web-page template key", ("client/title.list_title",), False),
        ("unfilled web-page template key", ("page.main_text",), False),
    ]


def test_a_dotted_name_without_slash_or_underscore_is_not_a_template_key() -> None:
    dropped: list[Dropped] = []
    assert drop_placeholders(["example.com", "Reuters.Tech"], dropped) == [
        "example.com",
        "Reuters.Tech",
    ]
    assert dropped == []


# --- the header --------------------------------------------------------------------------------


def header(blocks: list[str], meta: Metadata | None = None) -> tuple[list[str], Metadata, list]:
    meta = meta or Metadata()
    dropped: list[Dropped] = []
    kept = strip_header(blocks, meta, dropped)
    return kept, meta, reasons(dropped)


def test_short_lines_above_a_known_title_are_the_masthead() -> None:
    meta = Metadata(title="Talks resume in Istanbul")
    kept, _, dropped = header(
        ["Daily Wire", "World", "This is a longer line that reads like a sentence.",
         "Talks resume in Istanbul", BODY],
        meta,
    )  # fmt: skip
    assert kept == ["This is a longer line that reads like a sentence.", BODY]
    assert dropped == [
        ("site header or rubric line above the title", ("Daily Wire",), False),
        ("site header or rubric line above the title", ("World",), False),
        ("title repeated in the text", ("Talks resume in Istanbul",), False),
    ]


def test_a_title_cut_over_two_lines_is_found() -> None:
    meta = Metadata(title="Talks resume in Istanbul after a year")
    kept, _, dropped = header(["Talks resume in Istanbul", "after a year", BODY], meta)
    assert kept == [BODY]
    assert dropped == [
        ("title repeated in the text", ("Talks resume in Istanbul", "after a year"), False)
    ]


def test_a_title_is_not_looked_for_in_the_body() -> None:
    meta = Metadata(title="Talks resume")
    kept, _, dropped = header([BODY, "Talks resume"], meta)
    assert kept == [BODY, "Talks resume"]
    assert dropped == []


def test_the_byline_gives_the_author_and_the_date() -> None:
    kept, meta, dropped = header(["By Anna Smith", BODY])
    assert kept == [BODY]
    assert meta.author == "Anna Smith"
    assert dropped == [("byline (author detected)", ("By Anna Smith",), False)]


def test_a_second_byline_is_removed_without_replacing_the_author() -> None:
    kept, meta, dropped = header(["By Anna Smith", "By John Doe", BODY])
    assert meta.author == "Anna Smith"
    assert dropped[1] == ("byline", ("By John Doe",), False)


def test_a_date_line_gives_the_publication_date() -> None:
    kept, meta, dropped = header(["3 March 2024", BODY])
    assert kept == [BODY]
    assert meta.published == "2024-03-03"
    assert dropped == [("date line (publication date detected)", ("3 March 2024",), False)]


def test_a_known_date_is_not_replaced_by_a_later_date_line() -> None:
    _, meta, _ = header(["3 March 2024", "4 March 2024", BODY])
    assert meta.published == "2024-03-03"


def test_the_first_title_like_line_is_the_title_when_none_is_known() -> None:
    kept, meta, dropped = header(["Talks resume in Istanbul", "Second heading line", BODY])
    assert meta.title == "Talks resume in Istanbul"
    assert kept == ["Second heading line", BODY]
    assert dropped == []


def test_a_line_ending_a_sentence_is_not_taken_for_the_title() -> None:
    kept, meta, _ = header(["Officials met.", BODY])
    assert meta.title is None
    assert kept == ["Officials met.", BODY]


def test_the_title_repeated_later_in_the_header_is_removed() -> None:
    meta = Metadata(title="Talks resume")
    kept, _, dropped = header(["Talks resume", "By Anna Smith", "Talks resume", BODY], meta)
    assert kept == [BODY]
    assert dropped == [
        ("title repeated in the text", ("Talks resume",), False),
        ("byline (author detected)", ("By Anna Smith",), False),
        ("title repeated in the text", ("Talks resume",), False),
    ]


def test_the_header_ends_at_the_first_body_paragraph() -> None:
    kept, meta, _ = header([BODY, "By Anna Smith"])
    assert kept == [BODY, "By Anna Smith"]
    assert meta.author is None


# --- the tail ------------------------------------------------------------------------------------


def tail(blocks: list[str], meta: Metadata | None = None) -> tuple[list[str], Metadata, list]:
    meta = meta or Metadata()
    dropped: list[Dropped] = []
    kept = strip_tail(blocks, meta, dropped)
    return kept, meta, reasons(dropped)


def test_notes_after_the_body_are_removed_with_their_reason() -> None:
    kept, _, dropped = tail(
        [BODY, "© 2024 Daily Wire", "Reporting by Anna Smith; editing by John Doe", "Share"]
    )
    assert kept == [BODY]
    assert dropped == [
        ("copyright notice", ("© 2024 Daily Wire",), False),
        (
            "credits of the wire story",
            ("Reporting by Anna Smith; editing by John Doe",),
            False,
        ),
        ("sharing and comment prompt", ("Share",), False),
    ]


def test_a_note_followed_by_kept_text_is_flagged_for_review() -> None:
    kept, _, dropped = tail([BODY, "Share", "A short closing remark"])
    assert kept == [BODY, "A short closing remark"]
    assert dropped == [("sharing and comment prompt", ("Share",), True)]


def test_a_bio_of_the_author_gives_way_after_the_article() -> None:
    meta = Metadata(author="Anna Smith")
    kept, _, dropped = tail([BODY, "Anna Smith is a senior fellow at the institute"], meta)
    assert kept == [BODY]
    assert dropped == [
        ("note about the author", ("Anna Smith is a senior fellow at the institute",), False)
    ]


def test_a_line_about_someone_else_is_not_an_author_bio() -> None:
    meta = Metadata(author="Anna Smith")
    kept, _, _ = tail([BODY, "John Doe is a senior fellow at the institute"], meta)
    assert kept == [BODY, "John Doe is a senior fellow at the institute"]


def test_everything_after_an_end_mark_is_removed() -> None:
    kept, _, dropped = tail([BODY, "###", "Contact: press office", "About the company"])
    assert kept == [BODY]
    assert dropped == [
        (
            "end mark and what follows it",
            ("###", "Contact: press office", "About the company"),
            False,
        )
    ]


def test_a_closing_list_of_links_and_what_follows_is_debris() -> None:
    rest = ["Read more", "Markets rally", "Oil slips", "Read more"]
    kept, _, dropped = tail([BODY, *rest])
    assert kept == [BODY]
    assert dropped == [
        ("web-page debris after the article: 4 lines ('Read more')", tuple(rest), False)
    ]


def test_debris_counts_timestamped_headlines_and_labels() -> None:
    rest = ["10:15", "Markets rally", "11:20", "Exclusive", "12:30", "video", "Oil slips"]
    _, _, dropped = tail([BODY, *rest])
    assert dropped == [
        (
            "web-page debris after the article: 7 lines (3 timestamped headlines, "
            "'Exclusive'/'Video' labels)",
            tuple(rest),
            False,
        )
    ]


def test_one_line_of_debris_is_counted_in_the_singular() -> None:
    _, _, dropped = tail([BODY, "Related stories"])
    assert dropped == [
        (
            "web-page debris after the article: 1 line ('Related stories')",
            ("Related stories",),
            False,
        )
    ]


def test_a_list_heading_with_prose_after_it_goes_alone() -> None:
    kept, _, dropped = tail([BODY, "Read more", BODY_2[:130] + "."])
    assert kept == [BODY, BODY_2[:130] + "."]
    assert dropped == [("list heading", ("Read more",), True)]


def test_page_furniture_at_the_very_end_goes_but_not_before_kept_text() -> None:
    kept, _, dropped = tail([BODY, "Page 2 of 3", "Home | World | Business"])
    assert kept == [BODY]
    assert dropped == [
        ("page number", ("Page 2 of 3",), False),
        ("row of page links", ("Home | World | Business",), False),
    ]
    kept, _, dropped = tail([BODY, "Page 2 of 3", "A closing remark that stays"])
    assert kept == [BODY, "Page 2 of 3", "A closing remark that stays"]
    assert dropped == []


def test_a_publication_note_gives_the_publisher() -> None:
    kept, meta, dropped = tail([BODY, "This article was originally published by Reuters."])
    assert kept == [BODY]
    assert meta.publisher == "Reuters"
    assert dropped[0][0] == "publication note (publisher detected)"


# --- inside the body ------------------------------------------------------------------------


def test_prompts_inside_the_body_are_removed_and_flagged() -> None:
    dropped: list[Dropped] = []
    kept = drop_boilerplate(
        [BODY, "Advertisement", "Sign up here.", "Read also: Talks stall", BODY_2], dropped
    )
    assert kept == [BODY, BODY_2]
    assert reasons(dropped) == [
        ("prompt or link line inside the article", ("Advertisement",), True),
        ("prompt or link line inside the article", ("Sign up here.",), True),
        ("prompt or link line inside the article", ("Read also: Talks stall",), True),
    ]


def test_a_long_paragraph_starting_like_a_prompt_is_kept() -> None:
    long = "Read more about the talks in " + "x" * 200
    dropped: list[Dropped] = []
    assert drop_boilerplate([long], dropped) == [long]
    assert dropped == []


# --- repeats ---------------------------------------------------------------------------------


def test_the_second_copy_of_a_paragraph_goes_naming_the_first() -> None:
    dropped: list[Dropped] = []
    kept = drop_repeats([BODY, BODY_2, BODY.upper()], dropped)
    assert kept == [BODY, BODY_2]
    assert reasons(dropped) == [
        ("repeated paragraph (2nd copy of paragraph 1)", (BODY.upper(),), True)
    ]


def test_short_repeated_lines_are_left_alone() -> None:
    short = "x" * (DUPLICATE_MIN_CHARS - 1)
    dropped: list[Dropped] = []
    assert drop_repeats([short, BODY, short], dropped) == [short, BODY, short]
    assert dropped == []


def test_a_repeated_line_of_exactly_forty_characters_goes() -> None:
    line = "y" * DUPLICATE_MIN_CHARS
    dropped: list[Dropped] = []
    assert drop_repeats([line, line], dropped) == [line]


def test_a_repeat_of_removed_furniture_goes_too() -> None:
    running = "Daily Wire — the news you need every day"
    dropped: list[Dropped] = []
    kept = drop_repeats([BODY, running], dropped, frozenset({running.casefold()}))
    assert kept == [BODY]
    assert reasons(dropped) == [("repeat of a line removed as page furniture", (running,), True)]


def test_a_paragraph_contained_in_a_longer_one_goes_naming_it() -> None:
    pull_quote = BODY[:100]
    dropped: list[Dropped] = []
    kept = drop_repeats([pull_quote, BODY, BODY_2], dropped)
    assert kept == [BODY, BODY_2]
    assert reasons(dropped) == [
        ("repeated paragraph (shorter copy of paragraph 2)", (pull_quote,), True)
    ]


def test_a_contained_line_shorter_than_eighty_characters_is_kept() -> None:
    short = BODY[:79]
    dropped: list[Dropped] = []
    assert drop_repeats([short, BODY], dropped) == [short, BODY]


# --- all of it ---------------------------------------------------------------------------


def test_cleaning_reports_the_header_then_template_keys_then_the_rest() -> None:
    meta = Metadata()
    blocks, dropped = clean_blocks(
        ["", "By Anna Smith", "page.main_text", BODY, "Advertisement", BODY_2, "© 2024 Wire"],
        meta,
    )
    assert blocks == [BODY, BODY_2]
    assert [d.reason for d in dropped] == [
        "byline (author detected)",
        "unfilled web-page template key",
        "copyright notice",
        "prompt or link line inside the article",
    ]
