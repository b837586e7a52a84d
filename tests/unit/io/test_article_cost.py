"""Article import costs linear work on pathological input (issue 18, item 5).

Work is counted, not timed: the number of Python function calls (and calls into C, such
as each regular-expression search) made while importing an input and one four times as
large. Linear work grows about four times; the quadratic patterns this replaces grew 16
times (a 60 KB Markdown line took 12 s, 180 KB 16.5 s). Timings are benchmark rows
(benchmarks/bench_articles.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from argmap.io import html_article
from argmap.io.article_import import ArticleImportError, Format, import_article_text

GROWTH_LIMIT = 5.0  # work for 4x the input, relative to the work for 1x


def calls(fmt: Format, raw: str) -> int:
    count = 0

    def tally(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(tally)
    try:
        import_article_text(raw, "pathological", fmt)
    except ArticleImportError:
        pass
    finally:
        sys.setprofile(None)
    return count


SHAPES: dict[str, tuple[Format, Callable[[int], str]]] = {
    "md strong": ("md", lambda n: "# T\n\n" + "**a " * n),
    "md emphasis *": ("md", lambda n: "# T\n\n" + "*a " * n),
    "md emphasis _": ("md", lambda n: "# T\n\n" + "_a " * n),
    "md strike": ("md", lambda n: "# T\n\n" + "~~a " * n),
    "md open links": ("md", lambda n: "# T\n\n" + "[a](" * n),
    "md brackets": ("md", lambda n: "# T\n\n" + "[" * n + "]" * n),
    "md unclosed brackets": ("md", lambda n: "# T\n\n" + "[" * n),
    "md bullets": ("md", lambda n: "# T\n\n" + "".join(f"- item {i}\n" for i in range(n))),
    "md quotes": ("md", lambda n: "# T\n\n" + "> " * 30 + "x " * n),
    "txt bullets": ("txt", lambda n: "T\n\n" + "".join(f"- item {i}\n" for i in range(n))),
    "txt one line": ("txt", lambda n: "T\n\n" + "word " * n),
    "html nested": ("html", lambda n: "<p>" + "<b>x " * n),
    "html deep divs": ("html", lambda n: "<div>" * n + "text" + "</div>" * n),
    "html unclosed tags": ("html", lambda n: "<p>" + "<" * n),
    "html wide list": (
        "html",
        lambda n: "<ul>" + "".join(f"<li>item {i}</li>" for i in range(n)) + "</ul>",
    ),
}


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_work_grows_linearly_with_the_input(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_article, "MAX_ELEMENTS", 100)  # extraction's cost is bounded
    fmt, make = SHAPES[shape]
    calls(fmt, make(50))  # first use loads the parsers
    small, large = calls(fmt, make(2_000)), calls(fmt, make(8_000))
    assert large <= GROWTH_LIMIT * small, f"{shape}: {small} -> {large} calls"


def test_extraction_is_skipped_past_its_element_limit() -> None:
    page = "<html><body>" + "".join(f"<p>Paragraph {i} of the page.</p>" for i in range(10_001))
    article = import_article_text(page + "</body></html>", "wide.html", "html")
    assert len(article.paragraphs) == 10_001  # all kept
    assert any("main-text extraction stops at 10,000" in w for w in article.warnings)
    assert html_article.MAX_ELEMENTS == 10_000
