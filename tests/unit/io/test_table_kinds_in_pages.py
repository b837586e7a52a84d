"""A data table whose cells hold bold, italic or linked words is still data, not page
layout: its rows read as lines with their cells joined by bars, and the line breaks of
a table written over several lines add no bars."""

from __future__ import annotations

from argmap.io.html_page import page_blocks, parse, unwrap_layout_tables


def test_a_data_table_with_marked_up_words_keeps_its_rows() -> None:
    root = parse(
        "<html><body><table><tr><td><b>Kyiv</b> <i>(capital)</i></td>"
        '<td><a href="#a">3.1</a> <em>est.</em></td></tr></table></body></html>'
    )
    assert unwrap_layout_tables(root) == 0
    assert [b.text for b in page_blocks(root)] == ["Kyiv (capital) | 3.1 est."]


def test_a_table_written_over_several_lines_reads_without_stray_bars() -> None:
    root = parse(
        "<html><body><table>\n"
        "  <tr>\n    <th>Year</th>\n    <th>GDP</th>\n  </tr>\n"
        "  <tr>\n    <td></td>\n    <td>n/a</td>\n  </tr>\n"
        "</table></body></html>"
    )
    # Words only: the source's line breaks inside a row are a separate matter.
    assert [" ".join(b.text.split()) for b in page_blocks(root)] == ["Year | GDP", "n/a"]
