"""How a web page is cut into text blocks, one rule at a time, on small pages: which
elements start a block, what line breaks do, table rows and layout tables, navigation
and other page furniture, invisible elements, and pages too deep for the parser."""

from __future__ import annotations

import pytest

from argmap.io.html_page import (
    MAX_DEPTH,
    Block,
    PageTooDeepError,
    element_count,
    flat_blocks,
    page_blocks,
    parse,
    unwrap_layout_tables,
)


def blocks_of(body: str) -> list[tuple[str, str, bool]]:
    root = parse(f"<html><head><title>T</title></head><body>{body}</body></html>")
    return [(b.text, b.tag, b.furniture) for b in page_blocks(root)]


def texts_of(body: str) -> list[str]:
    return [text for text, _, _ in blocks_of(body)]


# --- blocks and line breaks -------------------------------------------------------------


def test_each_paragraph_heading_and_list_item_is_a_block_with_its_tag() -> None:
    assert blocks_of("<h2>Talks</h2><p>They met.</p><ul><li>One</li><li>Two</li></ul>") == [
        ("Talks", "h2", False),
        ("They met.", "p", False),
        ("One", "li", False),
        ("Two", "li", False),
    ]


def test_loose_text_in_a_container_is_a_block_of_the_container() -> None:
    assert blocks_of("<div>Loose text<p>Inner.</p>more loose</div>Body text") == [
        ("Loose text", "div", False),
        ("Inner.", "p", False),
        ("more loose", "div", False),
        ("Body text", "body", False),
    ]


def test_text_straight_in_the_body_is_a_body_block() -> None:
    root = parse("<html><body>Only text</body></html>")
    assert page_blocks(root) == [Block("Only text", "body")]


def test_a_page_without_a_body_element_is_read_from_its_root() -> None:
    root = parse("<p>One.</p><p>Two.</p>")
    assert [b.text for b in page_blocks(root)] == ["One.", "Two."]


def test_one_line_break_in_a_paragraph_is_a_line_of_it() -> None:
    assert texts_of("<p>First line<br>second line</p>") == ["First line\nsecond line"]


def test_two_line_breaks_in_a_paragraph_end_a_block() -> None:
    assert texts_of("<p>First part<br><br>Second part</p>") == ["First part", "Second part"]


def test_one_line_break_straight_in_a_container_ends_a_block() -> None:
    assert texts_of("<div>First line<br>Second line<br>Third line</div>") == [
        "First line",
        "Second line",
        "Third line",
    ]
    assert texts_of("First line<br>Second line") == ["First line", "Second line"]


def test_breaks_followed_by_white_space_only_do_not_end_a_block_early() -> None:
    assert texts_of("<p>One<br>  <br>Two<br>three</p>") == ["One", "Two\nthree"]


def test_a_list_item_reads_as_a_bulleted_paragraph() -> None:
    assert Block("One", "li").paragraph == "- One"
    assert Block("One", "p").paragraph == "One"


# --- tables -------------------------------------------------------------------------


def test_a_data_tables_row_is_one_block_with_its_cells_joined_by_bars() -> None:
    table = (
        "<table><thead><tr><th>Year</th><th>GDP</th></tr></thead>"
        "<tbody><tr><td>2024</td><td>3.1</td></tr><tr><td></td><td>n/a</td></tr></tbody>"
        "<tfoot><tr><td>Source</td><td>IMF</td></tr></tfoot></table>"
    )
    assert blocks_of(table) == [
        ("Year | GDP", "tr", False),
        ("2024 | 3.1", "tr", False),
        ("n/a", "tr", False),
        ("Source | IMF", "tr", False),
    ]


def test_a_table_used_for_layout_reads_like_divisions() -> None:
    root = parse(
        "<html><body><table><tr><th><p>Left column text.</p></th>"
        "<td><p>Right column text.</p></td></tr></table></body></html>"
    )
    assert unwrap_layout_tables(root) == 1
    assert not list(root.iter("table", "tr", "td", "th"))
    assert [b.text for b in page_blocks(root)] == ["Left column text.", "Right column text."]


def test_a_header_cell_holding_paragraphs_makes_a_layout_table() -> None:
    root = parse("<html><body><table><tr><th><p>Only a header cell.</p></th></tr></table>")
    assert unwrap_layout_tables(root) == 1


def test_a_data_table_is_left_a_table() -> None:
    root = parse("<html><body><table><tr><td>2024</td><td>3.1</td></tr></table></body></html>")
    assert unwrap_layout_tables(root) == 0
    assert [b.text for b in page_blocks(root)] == ["2024 | 3.1"]


def test_every_layout_table_of_a_page_is_counted() -> None:
    layout = "<table><tr><td><p>Text.</p></td></tr></table>"
    data = "<table><tr><td>1</td></tr></table>"
    root = parse(f"<html><body>{layout}{data}{layout}</body></html>")
    assert unwrap_layout_tables(root) == 2


def test_a_cell_with_two_line_breaks_holds_lines_of_text() -> None:
    two = parse("<html><body><table><tr><td>a<br>b<br>c</td></tr></table></body></html>")
    assert unwrap_layout_tables(two) == 1
    one = parse("<html><body><table><tr><td>a<br>b</td></tr></table></body></html>")
    assert unwrap_layout_tables(one) == 0


def test_a_data_table_inside_a_layout_table_stays_a_data_table() -> None:
    root = parse(
        "<html><body><table><thead><tr><td><p>Intro paragraph.</p>"
        "<table><tr><td>2024</td><th>3.1</th></tr></table>"
        "</td></tr></thead><tfoot><tr><td>Foot</td></tr></tfoot></table></body></html>"
    )
    assert unwrap_layout_tables(root) == 1
    assert len(list(root.iter("table"))) == 1
    assert not list(root.iter("thead", "tfoot"))
    assert [b.text for b in page_blocks(root)] == ["Intro paragraph.", "2024 | 3.1", "Foot"]


def test_a_layout_table_inside_a_layout_table_is_unwrapped_too() -> None:
    root = parse(
        "<html><body><table><tr><td><p>Outer.</p>"
        "<table><tr><td><p>Inner.</p></td></tr></table>"
        "</td></tr></table></body></html>"
    )
    unwrap_layout_tables(root)
    assert not list(root.iter("table", "tr", "td"))


# --- furniture ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "holder",
    [
        "<nav>{}</nav>",
        "<footer>{}</footer>",
        "<aside>{}</aside>",
        "<form>{}</form>",
        '<div role="navigation">{}</div>',
        '<div role="Navigation">{}</div>',
        '<div role="banner">{}</div>',
        '<div role="contentinfo">{}</div>',
        '<div role="search">{}</div>',
    ],
)
def test_blocks_in_page_furniture_are_marked(holder: str) -> None:
    page = "<p>Before.</p>" + holder.format("<p>Menu</p>") + "<p>After.</p>"
    assert blocks_of(page) == [
        ("Before.", "p", False),
        ("Menu", "p", True),
        ("After.", "p", False),
    ]


def test_a_div_with_another_role_is_not_furniture() -> None:
    assert blocks_of('<div role="main"><p>Body.</p></div>') == [("Body.", "p", False)]


def test_furniture_inside_furniture_ends_with_the_outer_one() -> None:
    page = "<footer><nav><p>Links</p></nav><p>Copyright</p></footer><p>After.</p>"
    assert blocks_of(page) == [
        ("Links", "p", True),
        ("Copyright", "p", True),
        ("After.", "p", False),
    ]


# --- invisible elements ------------------------------------------------------------------


def test_scripts_styles_and_drawings_hold_no_text_but_their_tails_are_read() -> None:
    page = (
        "<p>Start <script>var x = '<p>no</p>';</script>middle "
        "<svg><text>drawn</text><g><text>more</text></g></svg>end</p>"
        "<style>p { color: red }</style><p>Next.</p>"
    )
    assert texts_of(page) == ["Start middle end", "Next."]


def test_text_after_a_hidden_element_inside_another_is_still_hidden() -> None:
    assert texts_of("<p>Shown<noscript>Hidden <b>bold</b> tail</noscript> again</p>") == [
        "Shown again"
    ]


def test_the_page_size_leaves_out_scripts_styles_and_drawings() -> None:
    root = parse(
        "<html><body><p>a</p>"
        "<script>x</script><style>y</style>"
        "<svg><g><circle/></g></svg><math><mi>x</mi></math></body></html>"
    )
    assert element_count(root) == 3  # html, body, p


# --- parsing ---------------------------------------------------------------------------


def test_an_xml_declaration_is_not_read_as_text() -> None:
    root = parse('<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Hi</p></body></html>')
    assert [b.text for b in page_blocks(root)] == ["Hi"]


def test_comments_and_processing_instructions_are_not_text() -> None:
    root = parse("<html><body><p>Hi<!-- hidden --><?php echo 1 ?> there</p></body></html>")
    assert [b.text for b in page_blocks(root)] == ["Hi there"]


@pytest.mark.parametrize("raw", ["", "   \n "])
def test_an_empty_page_is_an_empty_body(raw: str) -> None:
    root = parse(raw)
    assert root.tag == "html"
    assert root.find("body") is not None
    assert page_blocks(root) == []


def test_a_page_nested_deeper_than_the_parser_reads_is_refused() -> None:
    deep = "<div>" * (MAX_DEPTH + 10) + "text" + "</div>" * (MAX_DEPTH + 10)
    with pytest.raises(PageTooDeepError, match=f"more than {MAX_DEPTH} levels deep"):
        parse(f"<html><body>{deep}</body></html>")


# --- pages too deep: the plain scan ---------------------------------------------------


def test_the_plain_scan_breaks_blocks_at_block_tags_only() -> None:
    raw = "<div>One <b>bold</b> line<br>Two<p>Three &amp; four</p><TD>Five</td>"
    assert [b.text for b in flat_blocks(raw)] == ["One bold line", "Two", "Three & four", "Five"]


def test_the_plain_scan_skips_scripts_styles_and_their_text() -> None:
    raw = "<p>Kept</p><script type='x'>if (a < b) { x(); }</SCRIPT><p>Also kept</p>"
    assert [b.text for b in flat_blocks(raw)] == ["Kept", "Also kept"]


def test_the_plain_scan_drops_the_rest_after_an_unclosed_script() -> None:
    assert [b.text for b in flat_blocks("<p>Kept</p><style>p {}")] == ["Kept"]


def test_the_plain_scan_keeps_text_after_the_last_tag_and_a_stray_bracket() -> None:
    assert [b.text for b in flat_blocks("<p>One</p>tail text")] == ["One", "tail text"]
    assert [b.text for b in flat_blocks("<p>a < b")] == ["a < b"]


def test_the_plain_scan_does_not_close_a_script_at_a_longer_tag_name() -> None:
    raw = "<p>Kept</p><script>x = '</scripts>'</script><p>After</p>"
    assert [b.text for b in flat_blocks(raw)] == ["Kept", "After"]


def test_every_block_of_the_plain_scan_is_a_paragraph() -> None:
    assert flat_blocks("<li>Item</li>") == [Block("Item", "p")]
