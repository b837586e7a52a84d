"""Separating an article's body from site chrome, web-page debris and repeated paragraphs.

Works on paragraphs ("blocks"): the header is scanned for the title, byline, date and
site labels; the tail for the point after which only page furniture follows; the body
for paragraphs that appear twice. Everything removed is reported as a :class:`Dropped`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.io.article_metadata import (
    Metadata,
    author_from_note,
    byline,
    date_line,
    is_author_note,
    is_section_label,
    is_time_line,
    parse_date,
    publisher_from_note,
)

TITLE_MAX_CHARS = 200
BODY_MIN_CHARS = 200  # a block this long that ends a sentence is article prose
DUPLICATE_MIN_CHARS = 40  # shorter repeated lines ("Exclusive", "* * *") are left alone
NEAR_DUPLICATE_MIN_CHARS = 80
NEAR_DUPLICATE_MAX_WORK = 200_000_000  # blocks x characters: the containment check is
# quadratic, so very long documents skip it (exact repeats are still removed)

_PLACEHOLDER = re.compile(r"^[A-Za-z_][\w-]*(?:[/.][A-Za-z_][\w-]*)+$")
_LIST_DEBRIS = re.compile(
    r"^(?:tags?\s*:.*|read (?:also|more)\b.*|(?:more|related|latest|other|top) "
    r"(?:news|stories|articles|posts)\b.*|\W*\s*news|you (?:may|might) also like\b.*|"
    r"recommended(?: for you)?:?|popular:?|most read:?)$",
    re.IGNORECASE,
)
_NOTE_DEBRIS = {
    "link to the original source": re.compile(r"^(?:source|sources|original source):?$", re.I),
    "publisher's disclaimer": re.compile(
        r"^(?:the )?(?:editors?|editorial (?:staff|board|team|office)) (?:do|does|may) not "
        r"(?:always |necessarily )?share\b.*$",
        re.I,
    ),
    "copyright notice": re.compile(r"^(?:©|\(c\)|copyright\b).{0,200}$", re.I),
    "sharing and comment prompt": re.compile(
        r"^(?:share(?: this(?: article)?)?|comments?|advertisement|subscribe\b.{0,80}|"
        r"follow us\b.{0,80}|sign up\b.{0,80})$",
        re.I,
    ),
}
_HEADLINE_LABELS = re.compile(r"^(?:exclusive|review|updated|interview|opinion|video|photo)$", re.I)


@dataclass(frozen=True)
class Dropped:
    """Text removed from an article on import, and why (nothing vanishes unreported)."""

    reason: str
    lines: tuple[str, ...]

    def describe(self, width: int = 60) -> str:
        """One line for a person: the reason and what the removed text looked like."""
        if len(self.lines) == 1:
            return f"{self.reason}: {_clip(self.lines[0], width)!r}"
        return self.reason


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _is_body(block: str) -> bool:
    return len(block) >= BODY_MIN_CHARS and block.rstrip("”\"’')]").endswith((".", "!", "?"))


def _is_title_like(block: str) -> bool:
    return (
        len(block) <= TITLE_MAX_CHARS
        and len(block.split()) >= 2
        and not block.endswith((".", ",", ";", ":"))
        and not block.startswith(("-", "•", "*", "–", "—"))
    )


def _squash(text: str) -> str:
    return " ".join(text.casefold().split())


def drop_placeholders(blocks: list[str], dropped: list[Dropped]) -> list[str]:
    """Remove unrendered template keys such as ``client/title.list_title``."""
    kept = []
    for block in blocks:
        if _PLACEHOLDER.match(block) and ("/" in block or "_" in block):
            dropped.append(Dropped("unfilled web-page template key", (block,)))
        else:
            kept.append(block)
    return kept


def strip_header(blocks: list[str], meta: Metadata, dropped: list[Dropped]) -> list[str]:
    """Take the masthead, rubric, title, byline, date and time lines off the top."""
    kept: list[str] = []
    index = 0
    while index < len(blocks) and not _is_body(blocks[index]):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else ""
        name = byline(block)
        iso = date_line(block)
        if name is not None:
            meta.published = meta.published or parse_date(block)
            if name and meta.author is None:
                meta.author = name
                dropped.append(Dropped("byline (author detected)", (block,)))
            else:
                dropped.append(Dropped("empty byline" if not name else "byline", (block,)))
        elif iso is not None:
            meta.published = meta.published or iso
            dropped.append(Dropped("date line (publication date detected)", (block,)))
        elif is_time_line(block):
            dropped.append(Dropped("time of publication", (block,)))
        elif is_section_label(block) and not kept:
            dropped.append(Dropped("section label", (block,)))
        elif not kept and is_section_label(following) and len(block) <= 60:
            meta.publisher = meta.publisher or block
            dropped.append(Dropped("site name (publisher detected)", (block,)))
        elif meta.title is not None and _squash(block) == _squash(meta.title):
            dropped.append(Dropped("title repeated in the text", (block,)))
        elif meta.title is None and not kept and _is_title_like(block):
            meta.title = block
        else:
            kept.append(block)
        index += 1
    return kept + blocks[index:]


def _tail_start(blocks: list[str]) -> int:
    """Index of the first block after which only page furniture follows."""
    last_body = max((i for i, b in enumerate(blocks) if _is_body(b)), default=-1)
    for index in range(last_body + 1, len(blocks)):
        if _starts_debris(blocks, index):
            return index
    return len(blocks)


def _starts_debris(blocks: list[str], index: int) -> bool:
    block = blocks[index]
    if _LIST_DEBRIS.match(block) or is_author_note(block) or publisher_from_note(block):
        return True
    if any(p.match(block) for p in _NOTE_DEBRIS.values()):
        return True
    window = blocks[index : index + 8]
    return is_time_line(block) and sum(is_time_line(b) for b in window) >= 3


def strip_tail(blocks: list[str], meta: Metadata, dropped: list[Dropped]) -> list[str]:
    """Cut author notes, disclaimers, tag lists and headline lists after the body."""
    start = _tail_start(blocks)
    index = start
    while index < len(blocks):
        block = blocks[index]
        author = author_from_note(block) if is_author_note(block) else None
        publisher = publisher_from_note(block)
        note = next((why for why, p in _NOTE_DEBRIS.items() if p.match(block)), None)
        if is_author_note(block):
            if author and meta.author is None:
                meta.author = author
                dropped.append(Dropped("note about the author (author detected)", (block,)))
            else:
                dropped.append(Dropped("note about the author", (block,)))
        elif publisher:
            meta.publisher = meta.publisher or publisher
            dropped.append(Dropped("publication note (publisher detected)", (block,)))
        elif note:
            dropped.append(Dropped(note, (block,)))
        else:
            dropped.append(_debris(blocks[index:]))
            break
        index += 1
    return blocks[:start]


def _debris(lines: list[str]) -> Dropped:
    times = sum(is_time_line(b) for b in lines)
    markers = [b for b in lines if _LIST_DEBRIS.match(b) and len(b) <= 30]
    seen = list(dict.fromkeys(markers))[:4]
    parts = [repr(m) for m in seen]
    if times:
        parts.append(f"{times} timestamped headlines")
    labels = sorted({b.capitalize() for b in lines if _HEADLINE_LABELS.match(b)})
    if labels:
        parts.append("/".join(repr(label) for label in labels) + " labels")
    count = f"{len(lines)} line" + ("s" if len(lines) != 1 else "")
    detail = f" ({', '.join(parts)})" if parts else ""
    return Dropped(f"web-page debris after the article: {count}{detail}", tuple(lines))


def drop_repeats(blocks: list[str], dropped: list[Dropped]) -> list[str]:
    """Keep the first copy of a repeated paragraph; drop a paragraph contained in another."""
    first_seen: dict[str, int] = {}
    keep = [True] * len(blocks)
    for index, block in enumerate(blocks):
        key = _squash(block)
        if len(key) < DUPLICATE_MIN_CHARS:
            continue
        if key in first_seen:
            keep[index] = False
            original = first_seen[key] + 1
            dropped.append(
                Dropped(f"repeated paragraph (2nd copy of paragraph {original})", (block,))
            )
        else:
            first_seen[key] = index
    if len(blocks) * sum(map(len, blocks)) <= NEAR_DUPLICATE_MAX_WORK:
        squashed = [_squash(b) for b in blocks]
        for index, key in enumerate(squashed):
            if not keep[index] or len(key) < NEAR_DUPLICATE_MIN_CHARS:
                continue
            host = next(
                (
                    other
                    for other, text in enumerate(squashed)
                    if other != index and keep[other] and len(text) > len(key) and key in text
                ),
                None,
            )
            if host is not None:
                keep[index] = False
                dropped.append(
                    Dropped(
                        f"repeated paragraph (shorter copy of paragraph {host + 1})",
                        (blocks[index],),
                    )
                )
    return [b for b, k in zip(blocks, keep, strict=True) if k]


def clean_blocks(blocks: list[str], meta: Metadata) -> tuple[list[str], list[Dropped]]:
    """The article body's paragraphs, and what was removed to get them."""
    dropped: list[Dropped] = []
    placeholders: list[Dropped] = []
    blocks = drop_placeholders([b for b in blocks if b], placeholders)
    blocks = strip_header(blocks, meta, dropped)
    dropped += placeholders  # template keys sit in the page header: report them after it
    blocks = strip_tail(blocks, meta, dropped)
    blocks = drop_repeats(blocks, dropped)
    return blocks, dropped
