"""Article import: extraction quality on the hand-labelled corpus, and the cost of
pathological inputs (medians). ``python benchmarks/bench_articles.py [--quick]``.

Quality: character-weighted recall and precision of the body, share of titles and dates
right (tests/article_corpus.py says how). Cost: time and peak memory (tracemalloc) of
importing the inputs that were quadratic before (issue 18, item 5).
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from article_corpus import pages, score, totals  # noqa: E402

from argmap.io.article_import import (  # noqa: E402
    ArticleImportError,
    Format,
    import_article,
    import_article_text,
)


def corpus() -> None:
    scores = []
    for expected in pages():
        article = import_article(expected.page)
        scores.append(score(expected, article.text, article.title, article.published))
    figures = totals(scores)
    print(f"corpus: {len(scores)} pages")
    print(f"{'body recall (target >= 0.99)':<48}{figures.recall:>10.3f}")
    print(f"{'body precision (target >= 0.97)':<48}{figures.precision:>10.3f}")
    print(f"{'titles right (target >= 95 %)':<48}{figures.titles:>9.0%}")
    print(f"{'dates right (target >= 95 %)':<48}{figures.dates:>9.0%}")


def _import(fmt: Format, raw: str) -> None:
    try:
        import_article_text(raw, "bench", fmt)
    except ArticleImportError:
        pass


def cost(runs: int) -> None:
    line = 60_000
    shapes: list[tuple[str, Format, Callable[[], str]]] = [
        ("Markdown line of '**a ', 60 KB", "md", lambda: "# T\n\n" + "**a " * (line // 4)),
        ("Markdown line of '*a ', 180 KB", "md", lambda: "# T\n\n" + "*a " * (180_000 // 3)),
        ("Markdown line of '[a](', 60 KB", "md", lambda: "# T\n\n" + "[a](" * (line // 4)),
        ("Markdown bullet list, 4.2 MB", "md",
         lambda: "# T\n\n" + "".join(f"* point {i}\n" for i in range(4_200_000 // 12))),
        ("text bullet list, 4.2 MB", "txt",
         lambda: "T\n\n" + "".join(f"- item number {i} of the list\n" for i in range(140_000))),
        ("HTML nested <div>, 2.4 MB", "html",
         lambda: "<div>" * 240_000 + "text" + "</div>" * 240_000),
        ("HTML nested <b>, 2.4 MB", "html", lambda: "<p>" + "<b>x " * 480_000),
        ("HTML 250-deep blocks x 1000 (1 MB)", "html", lambda: "".join(
            "<div>" * 250 + f"<p>deep words {i}</p>" + "</div>" * 250 for i in range(1000))),
        ("HTML 9,000 paragraphs (extracted), 0.8 MB", "html", lambda: "<article>" + "".join(
            f"<p>Paragraph {i} of the article, with words to make it prose.</p>"
            for i in range(9_000)) + "</article>"),
    ]  # fmt: skip
    print(f"{'input':<48}{'median':>10}{'peak':>10}")
    for name, fmt, make in shapes:
        raw = make()
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            _import(fmt, raw)
            times.append(time.perf_counter() - start)
        tracemalloc.start()
        _import(fmt, raw)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{name:<48}{statistics.median(times):>8.2f} s{peak / 2**20:>7.0f} MB")


def main() -> None:
    quick = "--quick" in sys.argv
    corpus()
    cost(1 if quick else 3)


if __name__ == "__main__":
    main()
