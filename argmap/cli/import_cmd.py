"""``argmap import ARTICLE... --into MAP``: add articles to a map as sources.

Re-importing an article already in the map (same URL or title) replaces its text and
finds its quotes again, reporting for each quote whether it is exact, moved, fuzzy or lost.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from argmap.io.article_import import ImportedArticle
    from argmap.model.document import ArgMap
    from argmap.model.source import Source

SAME_OPENING_RATIO = 90.0  # untitled articles match when their openings are this similar
_OPENING_CHARS = 300
_LABEL = 11


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``import`` sub-command."""
    parser = subparsers.add_parser(
        "import",
        help="add articles (.txt, .md, .html) to a map as sources",
        description=(
            "Add each article to MAP as a source (MAP is created if absent), showing the "
            "title, author, date and publisher found and the web-page debris removed. "
            "An article already in the map (same URL or title) gets its text replaced and "
            "its quotes re-anchored."
        ),
    )
    parser.add_argument("articles", nargs="+", metavar="ARTICLE", help="article file")
    parser.add_argument("--into", required=True, metavar="MAP", help="map file (.argmap.json)")
    parser.add_argument("--title", help="title for a new map (default: the first article's)")
    parser.add_argument(
        "--force", action="store_true", help="change MAP even if it is write-protected"
    )
    parser.set_defaults(func=run)


def _say(line: str, file: TextIO) -> None:
    """Print one line of the report; article titles and texts are not to be trusted."""
    from argmap.cli.terminal_text import shown  # noqa: PLC0415

    print(shown(line), file=file)


def _squash(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def find_same_article(doc: ArgMap, article: ImportedArticle) -> Source | None:
    """The source in ``doc`` that is this article: same text, URL, title or opening."""
    from rapidfuzz import fuzz  # noqa: PLC0415

    from argmap.model.source import text_sha256  # noqa: PLC0415

    digest = text_sha256(article.text)
    for test in (
        lambda s: s.sha256 == digest,
        lambda s: bool(article.url) and s.url == article.url,
        lambda s: bool(article.title) and _squash(s.title) == _squash(article.title),
        lambda s: (
            not article.title
            and not s.title
            and fuzz.ratio(s.text[:_OPENING_CHARS], article.text[:_OPENING_CHARS])
            >= SAME_OPENING_RATIO
        ),
    ):
        match = next((s for s in doc.sources if test(s)), None)
        if match is not None:
            return match
    return None


def _show_article(article: ImportedArticle, out: TextIO) -> None:
    paragraphs = len(article.paragraphs)
    rows = [
        ("title", article.title or "(none found)"),
        ("author", article.author),
        ("publisher", article.publisher),
        ("published", article.published),
        ("url", article.url),
        ("text", f"{paragraphs} paragraph{'s' * (paragraphs != 1)}, {len(article.text):,} chars"),
    ]
    for label, value in rows:
        if value:
            _say(f"  {label:<{_LABEL}}{value}", file=out)
    for n, dropped in enumerate(article.dropped):
        _say(f"  {'removed' if n == 0 else '':<{_LABEL}}{dropped.describe()}", file=out)
        for line in dropped.lines:  # nothing removed goes unseen: its text, line by line
            _say(f"  {'':<{_LABEL}}  | {line}", file=out)
    for warning in article.warnings:
        _say(f"  {'warning':<{_LABEL}}{warning}", file=out)


def _updated_fields(source: Source, article: ImportedArticle) -> dict[str, str]:
    fields = {
        "title": article.title,
        "author": article.author,
        "publisher": article.publisher,
        "published": article.published,
        "url": article.url,
    }
    return {k: v for k, v in fields.items() if v is not None and getattr(source, k) != v}


def add_article(doc: ArgMap, article: ImportedArticle, out: TextIO) -> ArgMap:
    """``doc`` with the article added or its source replaced; reports to ``out``."""
    from argmap.model.ids import PREFIXES, new_id  # noqa: PLC0415
    from argmap.model.quote_anchor import reanchor_source  # noqa: PLC0415

    existing = find_same_article(doc, article)
    if existing is None:
        source_id = new_id(PREFIXES["source"], {s.id for s in doc.sources})
        doc = doc.model_copy(update={"sources": [*doc.sources, article.to_source(source_id)]})
        _say(f"{article.name}: added as source {source_id}", file=out)
        _show_article(article, out)
        return doc
    updates = _updated_fields(existing, article)
    if existing.text == article.text:
        doc = _with_source_fields(doc, existing.id, updates)
        changed = f"; updated {', '.join(updates)}" if updates else ""
        _say(f"{article.name}: already in the map as {existing.id}, text unchanged{changed}",
              file=out)  # fmt: skip
        return doc
    report = reanchor_source(doc, existing.id, article.text)
    doc = _with_source_fields(report.doc, existing.id, updates)
    counts = ", ".join(f"{n} {status}" for status, n in report.counts().items())
    _say(f"{article.name}: replaced the text of source {existing.id}", file=out)
    _show_article(article, out)
    _say(f"  {'quotes':<{_LABEL}}{counts or 'none'}", file=out)
    for result in report.results:
        marker = "! " if result.status == "lost" else "  "
        _say(f"  {marker}{result.describe()}", file=out)
    if report.lost:
        _say(
            f"  {len(report.lost)} quote(s) could not be found in the new text; they are kept "
            "unchanged: fix or delete them in the app",
            file=out,
        )
    return doc


def _with_source_fields(doc: ArgMap, source_id: str, updates: dict[str, str]) -> ArgMap:
    if not updates:
        return doc
    sources = [s.model_copy(update=updates) if s.id == source_id else s for s in doc.sources]
    return doc.model_copy(update={"sources": sources})


def run(args: argparse.Namespace) -> int:
    """Import the articles into the map; 1 if any article or the map could not be used."""
    from argmap.cli.output_guard import OutputRefusedError, check_output  # noqa: PLC0415
    from argmap.io.article_import import ArticleImportError, import_article  # noqa: PLC0415
    from argmap.io.map_file import MapFileError, load_map, save_map  # noqa: PLC0415
    from argmap.model.document import ArgMap  # noqa: PLC0415

    map_path = Path(args.into)
    out, err = sys.stdout, sys.stderr
    try:  # the old map is kept as MAP.bak by the save
        check_output(map_path, force=args.force, updating=True)
    except OutputRefusedError as exc:
        _say(f"error: {exc}", file=err)
        return 1
    doc: ArgMap | None = None
    if map_path.exists():
        try:
            doc = load_map(map_path)
        except MapFileError as exc:
            _say(f"error: cannot add to {exc}", file=err)
            _say("error: the map was left unchanged", file=err)
            return 1
    failed = 0
    articles = []
    for name in args.articles:
        try:
            articles.append(import_article(name))
        except ArticleImportError as exc:
            _say(f"error: {exc}", file=err)
            failed += 1
    if not articles:
        _say(f"error: no article imported; {map_path} was not changed", file=err)
        return 1
    if doc is None:
        title = (
            args.title or articles[0].title or Path(map_path.name.removesuffix(".argmap.json")).stem
        )
        doc = ArgMap(title=title)
        _say(f"{map_path}: new map {title!r}", file=out)
    for article in articles:
        doc = add_article(doc, article, out)
    try:
        save_map(doc, map_path)
    except MapFileError as exc:
        _say(f"error: {exc}", file=err)
        return 1
    _say(f"Saved {map_path}: {len(doc.sources)} sources, {len(doc.quotes)} quotes", file=out)
    return 1 if failed else 0
