"""The article in an HTML page: trafilatura finds the main text, and nothing else is lost.

The page is cut into blocks (:mod:`argmap.io.html_page`); trafilatura (with htmldate for
the date) decides which of them are the article. The body is made of those blocks, with
the page's own characters; every other block is reported as removed, with its text, and
blocks removed between two body paragraphs (advertisements, "Read more" boxes, pull
quotes) are flagged for review. Nothing is fetched: trafilatura only reads the string.

Cost: parsing and block-cutting are linear. Main-text extraction is not (it grows faster
than the page), so a page with more than ``MAX_ELEMENTS`` elements keeps all its text and
says so; a page nested deeper than libxml2 reads is scanned as plain text.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from argmap.io.article_cleanup import Dropped
from argmap.io.article_metadata import Metadata, normalise_line, parse_date
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

MAX_ELEMENTS = 10_000  # visible elements; larger pages skip main-text extraction, whose
# time grows faster than the page (10,000 paragraphs: about 3 s here; 20,000: 8.5 s)
_WINDOW = 64  # characters of extracted text a kept block may start after the last one
_MAX_LONG_SEARCHES = 256  # searches through the whole extracted text, per page
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•]|::|»)\s+|:\s+")
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|NewsArticle|BlogPosting", re.IGNORECASE)


_INLINE = frozenset({"hi", "ref", "lb", "cell", "del", "span", "b", "i", "em", "strong", "a"})
_BOUNDARY = "\x00"


def _squash(text: str) -> str:
    """Text for matching: case-folded, without white space or table bars."""
    return "".join(text.casefold().replace("|", " ").split())


def extracted_text(body: Any) -> str:
    """The extractor's text, squashed, with a boundary mark where each of its blocks
    (paragraph, heading, list item, table row) starts and ends."""
    from lxml import etree  # noqa: PLC0415

    parts = [_BOUNDARY]
    for event, element in etree.iterwalk(body, events=("start", "end")):
        inline = element.tag in _INLINE
        if event == "start":
            if not inline:
                parts.append(_BOUNDARY)
            parts.append(_squash(element.text or ""))
        else:
            if not inline:
                parts.append(_BOUNDARY)
            parts.append(_squash(element.tail or ""))
    return "".join(parts)


def html_blocks(
    raw: str, meta: Metadata, dropped: list[Dropped], warnings: list[str], name: str
) -> list[str]:
    """The article's paragraphs; metadata into ``meta``, removed blocks into ``dropped``."""
    try:
        root = parse(raw)
    except PageTooDeepError:
        warnings.append(
            f"{name}: the page nests elements more than {MAX_DEPTH} levels deep; read as plain "
            "text without looking for the article in it: check for page furniture"
        )
        return [b.paragraph for b in flat_blocks(raw)]
    unwrap_layout_tables(root)
    blocks = page_blocks(root)
    size = element_count(root)
    if size > MAX_ELEMENTS:
        warnings.append(
            f"{name}: the page has {size:,} elements (main-text extraction stops at "
            f"{MAX_ELEMENTS:,}); all its text is kept: check for page furniture"
        )
        _metadata(root, None, blocks, meta)
        return [b.paragraph for b in blocks]
    document = _extract(copy.deepcopy(root))
    if document is None or document.body is None:
        keep = [not b.furniture for b in blocks]
        why = "navigation, sidebars, footers and forms (no article found in the page)"
    else:
        keep = kept_blocks(blocks, extracted_text(document.body))
        why = "not part of the article (main-text extraction)"
    _metadata(root, document, blocks, meta)
    keep_standfirst(blocks, keep, meta.title)
    dropped += removed_blocks(blocks, keep, why)
    return [b.paragraph for b, k in zip(blocks, keep, strict=True) if k]


def _extract(root: Any) -> Any:
    """trafilatura's main text of the page (None when it finds none)."""
    from trafilatura import bare_extraction  # noqa: PLC0415 (heavy: only when used)

    return bare_extraction(
        root,
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )


def kept_blocks(blocks: list[Block], extracted: str) -> list[bool]:
    """For each block, whether the extracted text (squashed) holds it, in order.

    Both follow the page's order, so each block is looked for just after the previous
    one, or at the start of one of the extractor's blocks a little further on (so a short
    line such as a site name is not found inside a paragraph); a long block is also looked
    for further on (a bounded number of times), which finds the article again after a
    block the extractor kept only in part.
    """
    keep = []
    cursor = 0
    long_searches = 0
    for block in blocks:
        key = _squash(block.text)
        while extracted.startswith(_BOUNDARY, cursor):
            cursor += 1
        found = -1
        if extracted.startswith(key, cursor):
            found = cursor
        else:  # a block of its own further on, or (long blocks) anywhere further on
            at = extracted.find(_BOUNDARY + key, cursor, cursor + len(key) + _WINDOW)
            found = at + 1 if at >= 0 else -1
            if found < 0 and len(key) >= 40 and long_searches < _MAX_LONG_SEARCHES:
                long_searches += 1
                found = extracted.find(key, cursor)
        keep.append(found >= 0)
        if found >= 0:
            cursor = found + len(key)
    # The extractor may move a block (a live blog's newest entry): whole blocks it holds
    # anywhere count too.
    segments = set(extracted.split(_BOUNDARY))
    return [k or _squash(b.text) in segments for b, k in zip(blocks, keep, strict=True)]


def keep_standfirst(blocks: list[Block], keep: list[bool], title: str | None) -> None:
    """Keep the summary line under the headline (the standfirst), which extractors often
    take for part of the page's header: the first block after the title, when it reads as
    a sentence and the article follows it."""
    from argmap.io.article_metadata import byline, is_dated_line  # noqa: PLC0415

    if not title:
        return
    key = _squash(title)
    at = next((i for i, b in enumerate(blocks) if _squash(b.text) == key), -1)
    if at < 0 or at + 1 >= len(blocks) or keep[at + 1] or not any(keep[at + 2 :]):
        return
    text = blocks[at + 1].text
    if (
        8 <= len(text.split())
        and len(text) <= 400
        and not blocks[at + 1].furniture
        and byline(text) is None
        and not is_dated_line(text)
    ):
        keep[at + 1] = True


def removed_blocks(blocks: list[Block], keep: list[bool], why: str) -> list[Dropped]:
    """The blocks not kept, as runs before, inside and after the article; inside ones are
    flagged for review (they may be body text the extractor misjudged)."""
    kept_at = [i for i, k in enumerate(keep) if k]
    first, last = (kept_at[0], kept_at[-1]) if kept_at else (len(blocks), len(blocks))
    runs: list[Dropped] = []
    run: list[str] = []
    for index, (block, kept) in enumerate(zip(blocks, keep, strict=True)):
        if not kept:
            run.append(block.text)
        end_of_run = kept or index == len(blocks) - 1 or index + 1 == first
        if run and end_of_run:
            where = "before" if index < first else "after" if index > last else "inside"
            runs.append(_run(run, where, why))
            run = []
    return runs


def _run(lines: list[str], where: str, why: str) -> Dropped:
    count = f"{len(lines)} block" + ("s" if len(lines) != 1 else "")
    if where == "inside":
        return Dropped(f"removed inside the article ({why}): {count}", tuple(lines), review=True)
    return Dropped(f"page text {where} the article ({why}): {count}", tuple(lines))


# ------------------------------------------------------------------------------ metadata


def _metadata(root: Any, document: Any, blocks: list[Block], meta: Metadata) -> None:
    if document is None:
        from lxml import html as lxml_html  # noqa: PLC0415
        from trafilatura.metadata import extract_metadata  # noqa: PLC0415

        head = root.find("head")  # a page too big to extract: its head only, in bounded time
        small = lxml_html.fromstring("<html><body></body></html>")
        if head is not None:
            small.insert(0, copy.deepcopy(head))
        document = extract_metadata(small, date_config=_DATE_PARAMS, extensive=False)
    meta.title = meta.title or _title(root, document.title, blocks)
    author = document.author
    if author and not author.startswith("http"):
        meta.author = meta.author or normalise_line(author)
    meta.publisher = meta.publisher or (normalise_line(document.sitename or "") or None)
    published = json_ld_published(root) or document.date
    if published:
        meta.published = meta.published or parse_date(published) or published
    if document.url and meta.url is None:
        meta.url = str(document.url)


def _title(root: Any, found: str | None, blocks: list[Block]) -> str | None:
    """The headline: the extractor's title, or the part of it (or of ``<title>``) that
    the page shows as a block, without the site's name around it."""
    shown = {_squash(b.text.rstrip(":.,;|-–— ")) for b in blocks if len(b.text) <= 300}
    page_title = normalise_line(root.findtext(".//title") or "") or None
    candidates = [t for t in (found, page_title) if t]
    for candidate in candidates:
        if _squash(candidate.rstrip(":.,;|-–— ")) in shown:
            return normalise_line(candidate)
    for candidate in candidates:  # "Site - Headline" or "Headline | Site"
        spans = [m.span() for m in _TITLE_SEPARATORS.finditer(candidate)]
        pieces = [(candidate[:a], candidate[b:]) for a, b in spans]
        pieces += [(rest, head) for head, rest in pieces]
        matches = [
            head
            for head, rest in pieces
            if _squash(head.rstrip(":.,;|-–— ")) in shown
            and len(head.split()) >= 2
            and _squash(rest.rstrip(":.,;|-–— ")) not in shown  # the site, not a title line
        ]
        if matches:
            return normalise_line(max(matches, key=len))
    return normalise_line(found) if found else page_title


def json_ld_published(root: Any) -> str | None:
    """The ``datePublished`` of the page's JSON-LD article, if it has one."""
    for script in root.iter("script"):
        if str(script.get("type", "")).lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        found = _published_in(data, depth=0)
        if found:
            return found
    return None


def _published_in(data: Any, depth: int) -> str | None:
    if depth > 8:
        return None
    if isinstance(data, list):
        for item in data[:100]:
            found = _published_in(item, depth + 1)
            if found:
                return found
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("@type", "")
    kinds = " ".join(kind) if isinstance(kind, list) else str(kind)
    value = data.get("datePublished")
    if isinstance(value, str) and _ARTICLE_TYPES.search(kinds):
        return value
    return _published_in(data.get("@graph", []), depth + 1)
