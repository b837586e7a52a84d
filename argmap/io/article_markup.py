"""Turning plain text, Markdown and HTML articles into paragraphs plus metadata."""

from __future__ import annotations

import re

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


def markdown_blocks(raw: str, meta: Metadata, dropped: list[Dropped]) -> list[str]:
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
