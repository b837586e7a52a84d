"""Turning plain text, Markdown and HTML articles into paragraphs plus metadata."""

from __future__ import annotations

import re
from typing import Any

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
# Parsed by markdown-it-py (CommonMark), whose block and inline parsers run in linear
# time. It stops reading at its nesting limit and leaves the rest out, so a text nested
# deeper than MAX_MARKDOWN_NESTING (block quotes, lists in lists) is read as plain text.

MAX_MARKDOWN_NESTING = 32
MAX_BRACKETS_PER_LINE = 200  # markdown-it scans to the end for each unclosed "["
_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)
_CONTAINER_MARKS = re.compile(r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*")
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


def markdown_nesting(text: str) -> int:
    """An upper bound of how deep the text nests block quotes and lists (marks at the
    start of a line, and indentation)."""
    deepest = 0
    for line in text.split("\n"):
        marks = _CONTAINER_MARKS.match(line)
        prefix = marks.group(0) if marks else ""
        count = sum(1 for ch in prefix if ch in ">-*+.)")
        indent = len(line) - len(line.lstrip(" \t"))
        deepest = max(deepest, count + indent // 2)
    return deepest


def _inline_text(token: Any) -> str:
    """The visible text of an inline token: markup, link targets and images left out."""
    parts = []
    for child in token.children or []:
        if child.type in {"text", "code_inline", "html_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return normalise_line("".join(parts))


def markdown_blocks(  # noqa: C901, PLR0912  one dispatch over token types (a state machine)
    raw: str, meta: Metadata, dropped: list[Dropped], warnings: list[str], name: str
) -> list[str]:
    """Paragraphs of a Markdown article; its first heading becomes the title."""
    from markdown_it import MarkdownIt  # noqa: PLC0415 (loaded on first use)

    body = _front_matter(raw, meta)
    depth = markdown_nesting(body)
    if max((line.count("[") for line in body.split("\n")), default=0) > MAX_BRACKETS_PER_LINE:
        warnings.append(
            f"{name}: a line holds more than {MAX_BRACKETS_PER_LINE} '[' (link parsing would "
            "take quadratic time); read as plain text, with its Markdown marks"
        )
        return text_blocks(body)
    if depth > MAX_MARKDOWN_NESTING:
        warnings.append(
            f"{name}: block quotes or lists nested about {depth} levels deep (more than "
            f"{MAX_MARKDOWN_NESTING}); read as plain text, with its Markdown marks"
        )
        return text_blocks(body)
    parser = MarkdownIt("commonmark", {"maxNesting": 4 * MAX_MARKDOWN_NESTING + 8})
    parser.enable(["table", "strikethrough"])
    env: dict[str, Any] = {}
    tokens = parser.parse(body, env)
    blocks: list[str] = []
    items: list[str] = []  # the bullet of each open list ("-" or "1.")
    pending_bullet: str | None = None
    heading = False
    row: list[str] = []
    in_cell = False
    for token in tokens:
        kind = token.type
        if kind == "bullet_list_open":
            items.append("-")
        elif kind == "ordered_list_open":
            items.append("1.")
        elif kind in {"bullet_list_close", "ordered_list_close"}:
            items.pop()
        elif kind == "list_item_open":
            pending_bullet = f"{token.info}{token.markup}" if items[-1] != "-" else "-"
        elif kind == "heading_open":
            heading = True
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            blocks.append(" | ".join(row))
        elif kind in {"th_open", "td_open", "th_close", "td_close"}:
            in_cell = kind.endswith("open")
        elif kind == "inline" and in_cell:
            row.append(_inline_text(token))
        elif kind == "inline":
            text = _inline_text(token)
            if heading:
                heading = False
                if meta.title is None:
                    meta.title = text
                    continue
            if pending_bullet is not None and text:
                text = f"{pending_bullet} {text}"
                pending_bullet = None
            blocks.append(text)
        elif kind in {"fence", "code_block", "html_block"}:
            blocks += [normalise_line(line) for line in token.content.split("\n")]
    for label, reference in env.get("references", {}).items():
        dropped.append(Dropped("Markdown link definition", (f"[{label}]: {reference['href']}",)))
    return [b for b in blocks if b]
