"""Turning plain text, Markdown and HTML articles into paragraphs plus metadata."""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

from argmap.io.article_cleanup import Dropped
from argmap.io.article_metadata import Metadata, normalise_line, parse_date

_BULLET = re.compile(r"^\s*(?:[-*+•–]|\d{1,3}[.)])\s+")
_WRAP_MIN, _WRAP_MAX = 40, 100


def text_blocks(raw: str) -> list[str]:
    """Paragraphs of a plain-text article: one per line, unless the text is hard-wrapped."""
    lines = raw.split("\n")
    filled = [line for line in lines if line.strip()]
    wrapped = (
        len(filled) >= 4
        and max(len(line) for line in filled) <= _WRAP_MAX
        and sum(_WRAP_MIN <= len(line) for line in filled) >= 0.6 * len(filled)
        and any(not line.strip() for line in lines)
    )
    if not wrapped:
        return [normalise_line(line) for line in filled]
    return _join_wrapped(lines)


def _join_wrapped(lines: list[str]) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if not line.strip() or _BULLET.match(line):
            if current:
                blocks.append(normalise_line(" ".join(current)))
            current = [line] if line.strip() else []
        else:
            current.append(line)
    return blocks


# ---------------------------------------------------------------- Markdown

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\[\]]+\]:\s*\S+")
_INLINE = [
    # Bracket classes exclude "[" as well as "]": a long run of "[" stays linear.
    (re.compile(r"!\[([^\[\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\[\]]+)\]\([^)]*\)"), r"\1"),  # links -> their text
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])"), r"\1"),  # backslash escapes
]
_META_KEYS = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "date": "published",
    "published": "published",
    "publisher": "publisher",
    "site": "publisher",
    "publication": "publisher",
    "url": "url",
    "link": "url",
    "source": "url",
}


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


def _front_matter(raw: str, meta: Metadata) -> str:
    match = _FRONT_MATTER.match(raw)
    if not match:
        return raw
    for line in match.group("body").split("\n"):
        key, sep, value = line.partition(":")
        field = _META_KEYS.get(key.strip().lower())
        value = value.strip().strip("\"'")
        if sep and field and value and getattr(meta, field) is None:
            if field == "published":
                value = parse_date(value) or value
            setattr(meta, field, value)
    return raw[match.end() :]


def markdown_blocks(  # noqa: C901  being replaced on h5-articles
    raw: str, meta: Metadata, dropped: list[Dropped]
) -> list[str]:
    """Paragraphs of a Markdown article; its first heading becomes the title."""
    body = _front_matter(raw, meta)
    blocks: list[str] = []
    current: list[str] = []
    in_fence = False

    def flush() -> None:
        if current:
            blocks.append(normalise_line(_inline(" ".join(current))))
            current.clear()

    for line in body.split("\n"):
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            blocks.append(normalise_line(line))
            continue
        heading = _HEADING.match(line)
        stripped = re.sub(r"^\s{0,3}(?:>\s?)+", "", line)  # block quotes
        if heading:
            flush()
            text = normalise_line(_inline(heading.group("text")))
            if meta.title is None:
                meta.title = text
            elif text:
                blocks.append(text)
        elif _RULE.match(line) or _REF_DEFINITION.match(line):
            flush()
            if _REF_DEFINITION.match(line):
                dropped.append(Dropped("Markdown link definition", (line.strip(),)))
        elif not stripped.strip():
            flush()
        elif _BULLET.match(stripped):
            flush()
            current.append(re.sub(r"^\s*[*+]\s+", "- ", stripped))
        else:
            current.append(stripped)
    flush()
    return [b for b in blocks if b]


# -------------------------------------------------------------------- HTML

_FURNITURE = ["script", "style", "noscript", "template", "nav", "aside", "footer", "form",
              "iframe", "svg", "button", "figure", "select", "dialog"]  # fmt: skip
_FURNITURE_ROLES = {"navigation", "complementary", "contentinfo", "banner", "search"}
_BLOCK_TAGS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt",
               "div", "section", "td", "th", "figcaption", "address"]  # fmt: skip
_BLOCK_SET = frozenset(_BLOCK_TAGS) | {"body", "main", "article", "ul", "ol", "table", "tr"}
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
_META_FIELDS: dict[str, list[tuple[str, str]]] = {
    "title": [("property", "og:title"), ("name", "twitter:title"), ("name", "title")],
    "author": [("name", "author"), ("property", "article:author"), ("name", "dc.creator")],
    "published": [
        ("property", "article:published_time"),
        ("name", "date"),
        ("name", "pubdate"),
        ("name", "publishdate"),
        ("name", "dc.date"),
        ("name", "dc.date.issued"),
        ("itemprop", "datePublished"),
    ],
    "publisher": [("property", "og:site_name"), ("name", "publisher")],
    "url": [("property", "og:url")],
}


def _meta_value(soup: Any, attr: str, value: str) -> str | None:
    for tag in soup.find_all("meta"):
        if str(tag.get(attr, "")).lower() == value.lower() and tag.get("content"):
            return normalise_line(str(tag["content"])) or None
    return None


def _html_metadata(soup: Any, meta: Metadata) -> None:  # noqa: C901  being replaced on h5-articles
    for field, keys in _META_FIELDS.items():
        for attr, value in keys:
            found = _meta_value(soup, attr, value)
            if field == "author" and found and found.startswith("http"):
                continue  # article:author is often a profile URL; never followed
            if found and getattr(meta, field) is None:
                setattr(meta, field, found)
                break
    if meta.url is None:
        canonical = soup.find("link", rel="canonical")
        if canonical and canonical.get("href"):
            meta.url = str(canonical["href"])
    if meta.title is None:
        for tag_name in ("title", "h1"):
            tag = soup.find(tag_name)
            if tag and normalise_line(tag.get_text(" ")):
                meta.title = normalise_line(tag.get_text(" "))
                break
    if meta.published is None:
        time_tag = soup.find("time")
        if time_tag is not None:
            meta.published = str(time_tag.get("datetime") or time_tag.get_text(" ")).strip()
    if meta.published:
        meta.published = parse_date(meta.published) or meta.published


def _article_root(soup: Any) -> Any:
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda tag: len(tag.get_text()))
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        return main
    scores: dict[int, tuple[int, Any]] = {}
    for paragraph in soup.find_all("p"):
        parent = paragraph.parent
        length, _ = scores.get(id(parent), (0, parent))
        scores[id(parent)] = (length + len(paragraph.get_text()), parent)
    if scores:
        return max(scores.values(), key=lambda pair: pair[0])[1]
    return soup.body or soup


def html_blocks(raw: str, meta: Metadata, dropped: list[Dropped]) -> list[str]:
    """Paragraphs of the article element of an HTML page, with its meta-tag metadata."""
    soup = BeautifulSoup(raw, "html.parser")
    for line_break in soup.find_all("br"):
        line_break.replace_with(" ")
    _html_metadata(soup, meta)
    removed: list[str] = []
    furniture = soup.find_all(_FURNITURE) + soup.find_all(
        lambda tag: str(tag.get("role", "")).lower() in _FURNITURE_ROLES
    )
    for tag in furniture:
        if tag.decomposed:
            continue
        if tag.name not in {"script", "style", "noscript", "template", "svg"}:
            text = normalise_line(tag.get_text(" "))
            if text:
                removed.append(text)
        tag.decompose()
    if removed:
        dropped.append(
            Dropped(
                f"page furniture outside the article (navigation, sidebars, footers, "
                f"forms, figures): {len(removed)} blocks",
                tuple(removed),
            )
        )
    return _blocks_in(_article_root(soup))


def _block_owner(node: Any, root: Any) -> Any:
    """The nearest block-level element holding ``node`` (or the root itself)."""
    parent = node.parent
    while parent is not None and parent is not root and parent.name not in _BLOCK_SET:
        parent = parent.parent
    return parent if parent is not None else root


def _blocks_in(root: Any) -> list[str]:
    """The text of each block-level element under ``root``, in document order; loose
    text around a container's child blocks forms blocks of its own."""
    blocks: list[str] = []
    owner: Any = None
    parts: list[str] = []

    def flush() -> None:
        text = normalise_line("".join(parts))
        if text:
            blocks.append(f"- {text}" if owner is not None and owner.name == "li" else text)
        parts.clear()

    for string in root.find_all(string=True):
        if not isinstance(string, NavigableString) or isinstance(string, _NOT_TEXT):
            continue
        holder = _block_owner(string, root)
        if holder is not owner:
            flush()
            owner = holder
        parts.append(str(string))
    flush()
    return blocks
