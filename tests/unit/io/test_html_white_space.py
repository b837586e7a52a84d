"""An HTML article reads as a browser shows it: the page source's line breaks and
indentation inside a paragraph are one space each, a ``<br>`` is a line break, and
``<pre>`` text keeps its lines and spaces. A map quoting an article imported before this
rule keeps its text; re-importing the article finds every quote again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from argmap.io.article_import import import_article_text
from argmap.io.html_page import flat_blocks, page_blocks, parse
from argmap.model import ArgMap, Quote, Source

ARGMAP = Path(sys.executable).with_name("argmap")

PAGE = """\
<html><head><title>Budget talks stall</title></head><body>
<article>
<h1>Budget talks stall</h1>
<p>On Monday the ministry
   expected revenues to fall by a
\tquarter, <em>officials</em>
   said.</p>
<p>The plan has three parts:<br>
   spending cuts,<br>a new tax,<br>\r
   and borrowing.</p>
<pre>
total   = 26.7
  share = 0.4</pre>
<p>Analysts doubt the figures add up, and the opposition has called the plan a fiction
   that shifts the burden onto the regions.</p>
</article></body></html>
"""

BODY = [
    "On Monday the ministry expected revenues to fall by a quarter, officials said.",
    "The plan has three parts:\nspending cuts,\na new tax,\nand borrowing.",
    "total   = 26.7\n  share = 0.4",
    "Analysts doubt the figures add up, and the opposition has called the plan a fiction "
    "that shifts the burden onto the regions.",
]

# What argmap made of PAGE before: the source's line breaks and indentation kept.
OLD_TEXT = (
    "On Monday the ministry\n expected revenues to fall by a\n quarter, officials\n said."
    "\n\nThe plan has three parts: \n spending cuts, a new tax, \n and borrowing."
    "\n\ntotal = 26.7\n share = 0.4"
    "\n\nAnalysts doubt the figures add up, and the opposition has called the plan a fiction"
    "\n that shifts the burden onto the regions."
)


def texts(body: str) -> list[str]:
    root = parse(f"<html><body>{body}</body></html>")
    return [b.text for b in page_blocks(root)]


def test_source_line_breaks_inside_a_paragraph_are_spaces() -> None:
    assert texts("<p>the ministry\n   expected\r\n\trevenues</p>") == [
        "the ministry expected revenues"
    ]
    assert texts("<p>a <b>bold</b>\n  word and <i>\n italic\n</i> one</p>") == [
        "a bold word and italic one"
    ]
    assert texts("<li>one\n  item</li><h2>a\n  heading</h2>") == ["one item", "a heading"]


def test_a_line_break_tag_is_a_line_break_without_the_spaces_around_it() -> None:
    assert texts("<p>First line<br>second line</p>") == ["First line\nsecond line"]
    assert texts("<p>First line \n <br/>\n   second line</p>") == ["First line\nsecond line"]


def test_preformatted_text_keeps_its_lines_and_spaces() -> None:
    assert texts("<pre>\na  =  1\n   b = 2\n</pre>") == ["a  =  1\n   b = 2"]
    assert texts("<pre>x <b>y\n  z</b></pre><p>after\n  it</p>") == ["x y\n  z", "after it"]


def test_a_data_table_row_stays_on_one_line() -> None:
    table = "<table><tr><td>Oil\n   and gas</td><td>26.7<br>per cent</td></tr></table>"
    assert texts(table) == ["Oil and gas | 26.7 per cent"]


def test_the_plain_scan_of_a_page_too_deep_joins_wrapped_lines_too() -> None:
    assert [b.text for b in flat_blocks("<p>the ministry\n   expected</p>")] == [
        "the ministry expected"
    ]


def test_an_imported_page_reads_as_a_browser_shows_it() -> None:
    article = import_article_text(PAGE, "budget.html", "html")
    assert article.paragraphs == BODY


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ARGMAP), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
    )


def test_argmap_import_of_a_page_keeps_no_source_line_breaks(tmp_path: Path) -> None:
    (tmp_path / "budget.html").write_text(PAGE, encoding="utf-8")
    run = _run("import", "budget.html", "--into", "m.argmap.json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    doc = json.loads((tmp_path / "m.argmap.json").read_text(encoding="utf-8"))
    assert doc["sources"][0]["text"].split("\n\n") == BODY


def test_a_map_quoting_the_old_text_finds_every_quote_after_a_re_import(tmp_path: Path) -> None:
    source = Source.from_text("src-1", OLD_TEXT, title="Budget talks stall")
    quoted = [
        "the ministry\n expected revenues",  # across a wrapped line
        "officials\n said",  # short, across a wrapped line
        "three parts: \n spending cuts",  # across a <br>
        "a new tax",  # inside one line
        "share = 0.4",  # in the <pre>, whose spaces the old text lost
    ]
    quotes = []
    for n, exact in enumerate(quoted):
        start = OLD_TEXT.index(exact)
        quotes.append(Quote.from_range(f"q-{n}", "src-1", OLD_TEXT, start, start + len(exact)))
    doc = ArgMap(title="Budget", sources=[source], quotes=quotes)
    (tmp_path / "m.argmap.json").write_text(doc.model_dump_json(), encoding="utf-8")
    (tmp_path / "budget.html").write_text(PAGE, encoding="utf-8")
    run = _run("import", "budget.html", "--into", "m.argmap.json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "replaced the text of source src-1" in run.stdout
    assert "0 lost" in run.stdout, run.stdout
    after = ArgMap.model_validate_json((tmp_path / "m.argmap.json").read_text(encoding="utf-8"))
    text = after.sources[0].text
    assert text.split("\n\n") == BODY
    assert [text[q.start : q.end] for q in after.quotes] == [
        "the ministry expected revenues",
        "officials said",
        "three parts:\nspending cuts",
        "a new tax",
        "share = 0.4",
    ]


def test_blank_lines_inside_preformatted_text_are_one_empty_line() -> None:
    assert texts("<pre>one\n\n  \n\n  two\n\n</pre>") == ["one\n\n  two"]
