"""Separating an article's body from site chrome, web-page debris and repeated paragraphs.

Works on paragraphs ("blocks"): the header is scanned for the title, byline, date and
site labels; the tail for notes and for a list of links after which only page furniture
follows; the body for prompts ("Sign up here.", "Read also: …") and paragraphs that appear
twice. Everything removed is reported as a :class:`Dropped`, with its text; a removal with
body text after it is flagged for review.
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
    is_dated_line,
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
    r"recommended(?: for you)?:?|popular:?|most read:?|"
    r"related(?: news| stories| articles| posts| content| research| coverage)?:?)$",
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
    "credits of the wire story": re.compile(
        r"^(?:(?:additional )?reporting|writing|editing|compiled|translated) by\b.{0,300}$", re.I
    ),
    "publisher's standards or licence note": re.compile(
        r"^(?:our standards\b.{0,200}|you (?:may|can) republish\b.{0,300}|"
        r"republish this (?:article|story)|this (?:article|story) (?:may|must) not be "
        r"(?:republished|reproduced)\b.{0,200})$",
        re.I,
    ),
    "contact details": re.compile(r"^(?:press|media) contacts?\b.{0,300}$", re.I),
    "sharing and comment prompt": re.compile(
        r"^(?:share(?: this(?: article)?)?|comments?|advertisement|subscribe\b.{0,80}|"
        r"follow us\b.{0,80}|sign up\b.{0,80}|thanks for reading\b.{0,200})$",
        re.I,
    ),
}
_BOILERPLATE = re.compile(
    r"^(?:advertisement|advertising|anzeige|publicité|sponsored|"
    r"(?:the )?story continues (?:below|after)(?: (?:the|this))? (?:advertisement|ad)|"
    r"(?:read|see) (?:also|more)\b.{0,160}|(?:related|recommended)(?: for you)?:.{0,160}|"
    r"(?:à )?lire aussi\b.{0,160}|lesen sie auch\b.{0,160}|mehr zum thema\b.{0,160}|"
    r"sign up (?:here|now|for (?:our|the) [\w ]{1,40}newsletter)\.?|"
    r"subscribe (?:here|now|to (?:our|the) [\w ]{1,40}newsletter)\.?|"
    r"(?:.{0,120}\W)?click here\b.{0,80}|share (?:this|on)\b.{0,40}|"
    r"start (?:your|a) free trial\b.{0,40}|already (?:a )?(?:member|subscriber)\b.{0,40}|"
    r"continue reading\b.{0,80})$",
    re.IGNORECASE,
)
_PROSE_MIN_CHARS = 120
_END_MARK = re.compile(r"^(?:#{3}|-30-|- ?ends? ?-|end of (?:press )?release)$", re.I)
_PAGE_NUMBER = re.compile(r"^(?:page )?\d{1,4}(?: (?:of|/) \d{1,4})?$", re.IGNORECASE)
_LINK_ROW = re.compile(r"^(?:[^|.!?]{1,40}\|){1,8}[^|.!?]{1,40}$")
_HEADLINE_LABELS = re.compile(r"^(?:exclusive|review|updated|interview|opinion|video|photo)$", re.I)


@dataclass(frozen=True)
class Dropped:
    """Text removed from an article on import, and why (nothing vanishes unreported)."""

    reason: str
    lines: tuple[str, ...]
    review: bool = False  # removed from between body paragraphs: a person should check it

    def describe(self, width: int = 60) -> str:
        """One line for a person: the reason and what the removed text looked like."""
        flag = "CHECK: " if self.review else ""
        if len(self.lines) == 1:
            return f"{flag}{self.reason}: {_clip(self.lines[0], width)!r}"
        return flag + self.reason


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


def _title_at(blocks: list[str], title: str | None) -> tuple[int, int]:
    """Where the known title stands among the opening blocks (it may be cut in two
    lines), as (index, number of blocks); (-1, 0) when it is not there."""
    if title is None:
        return -1, 0
    key = _squash(title)
    for index, block in enumerate(blocks):
        if _is_body(block):
            break
        if _squash(block) == key:
            return index, 1
        if index + 1 < len(blocks) and _squash(f"{block} {blocks[index + 1]}") == key:
            return index, 2
    return -1, 0


def _is_short_line(block: str) -> bool:
    return len(block) <= 60 and len(block.split()) <= 8 and not block.endswith((".", "!", "?"))


def strip_header(  # noqa: C901, PLR0912  one ordered chain of header-line tests: the order is the rule
    blocks: list[str], meta: Metadata, dropped: list[Dropped]
) -> list[str]:
    """Take the masthead, rubric, title, byline, date and time lines off the top."""
    kept: list[str] = []
    index = 0
    at, lines = _title_at(blocks, meta.title)
    if at >= 0:  # short lines above a known title are the site's masthead and rubrics
        for block in blocks[:at]:
            if _is_short_line(block) or is_section_label(block):
                dropped.append(Dropped("site header or rubric line above the title", (block,)))
            else:
                kept.append(block)
        dropped.append(Dropped("title repeated in the text", tuple(blocks[at : at + lines])))
        index = at + lines
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
        elif is_dated_line(block):
            meta.published = meta.published or parse_date(block)
            dropped.append(Dropped("date and byline line", (block,)))
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


def _last_body(blocks: list[str]) -> int:
    return max((i for i, b in enumerate(blocks) if _is_body(b)), default=-1)


def _note(block: str, meta: Metadata) -> str | None:
    """Why a line after the body is a note to remove wherever it stands, or None."""
    if is_author_note(block) or _is_author_bio(block, meta.author):
        return "note about the author"
    if publisher_from_note(block):
        return "publication note"
    return next((why for why, p in _NOTE_DEBRIS.items() if p.match(block)), None)


def _closing_line(block: str) -> str | None:
    """Why a line is page furniture when nothing but furniture follows it, or None: such
    lines (a row of links, a page number, a dated headline) can be body text elsewhere."""
    if _LINK_ROW.match(block) and len(block) <= 200:
        return "row of page links"
    if _PAGE_NUMBER.match(block):
        return "page number"
    if is_dated_line(block):
        return "dated headline after the article"
    return None


def _is_author_bio(block: str, author: str | None) -> bool:
    """ "Jane Doe is a senior fellow…" / "…writes about…" after an article by Jane Doe."""
    if not author or len(block) > 300 or not block.startswith(author):
        return False
    return block[len(author) :].startswith((" is ", " was ", " writes ", " covers ", " has "))


def _starts_list(blocks: list[str], index: int) -> bool:
    """A "Tags:" / "Read also" / "More news" line, or the first of several timestamps."""
    block = blocks[index]
    if _LIST_DEBRIS.match(block):
        return True
    window = blocks[index : index + 8]
    return is_time_line(block) and sum(is_time_line(b) for b in window) >= 3


def _looks_like_prose(block: str) -> bool:
    return len(block) >= _PROSE_MIN_CHARS and block.rstrip("”\"’')]").endswith((".", "!", "?"))


def strip_tail(  # noqa: PLR0912  one ordered pass of closing-line tests, then one of verdicts
    blocks: list[str], meta: Metadata, dropped: list[Dropped]
) -> list[str]:
    """Remove author notes, disclaimers and prompts after the body, the furniture that
    closes the page, a closing list of links (tags, "Read also", headlines) with everything
    after it unless prose follows (then only the list's heading goes), and what follows an
    end mark ("###"). Body text after a removed line is kept, and the removal flagged."""
    start = _last_body(blocks) + 1
    verdicts: list[tuple[str, Dropped | None, bool]] = []  # block, removal, only if closing
    cut: Dropped | None = None
    for index in range(start, len(blocks)):
        block = blocks[index]
        note = _note(block, meta)
        if _END_MARK.match(block):
            cut = Dropped("end mark and what follows it", tuple(blocks[index:]))
            break
        if note == "note about the author":
            author = author_from_note(block)
            if author and meta.author is None:
                meta.author = author
                note += " (author detected)"
        elif note == "publication note":
            meta.publisher = meta.publisher or publisher_from_note(block)
            note += " (publisher detected)"
        if note:
            verdicts.append((block, Dropped(note, (block,)), False))
        elif _starts_list(blocks, index):
            rest = blocks[index:]
            if not any(_looks_like_prose(b) for b in rest[1:]):
                cut = _debris(rest)
                break
            verdicts.append((block, Dropped("list heading", (block,)), False))
        else:
            closing = _closing_line(block)
            verdicts.append((block, Dropped(closing, (block,)) if closing else None, True))
    last_kept = max((i for i, (_b, d, _c) in enumerate(verdicts) if d is None), default=-1)
    kept = blocks[:start]
    for index, (block, removal, only_closing) in enumerate(verdicts):
        if removal is None or (only_closing and index < last_kept):
            kept.append(block)
        else:
            dropped.append(_flagged(removal) if index < last_kept else removal)
    if cut is not None:
        dropped.append(cut)
    return kept


def _flagged(dropped: Dropped) -> Dropped:
    return Dropped(dropped.reason, dropped.lines, review=True)


def drop_boilerplate(blocks: list[str], dropped: list[Dropped]) -> list[str]:
    """Remove prompts and link lines inside the body ("Advertisement", "Sign up here.",
    "Read also: …"); each is reported and flagged for review."""
    kept = []
    for block in blocks:
        if _BOILERPLATE.match(block) and len(block) <= 200:
            dropped.append(Dropped("prompt or link line inside the article", (block,), True))
        else:
            kept.append(block)
    return kept


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


def drop_repeats(
    blocks: list[str], dropped: list[Dropped], removed: frozenset[str] = frozenset()
) -> list[str]:
    """Keep the first copy of a repeated paragraph; drop a paragraph contained in another,
    and the repeats of a line already removed as page furniture (a running header)."""
    first_seen: dict[str, int] = {}
    keep = [True] * len(blocks)
    for index, block in enumerate(blocks):
        key = _squash(block)
        if len(key) < DUPLICATE_MIN_CHARS:
            continue
        if key in removed:
            keep[index] = False
            dropped.append(Dropped("repeat of a line removed as page furniture", (block,), True))
        elif key in first_seen:
            keep[index] = False
            original = first_seen[key] + 1
            dropped.append(
                Dropped(f"repeated paragraph (2nd copy of paragraph {original})", (block,), True)
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
                        True,
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
    blocks = drop_boilerplate(blocks, dropped)
    furniture = frozenset(_squash(d.lines[0]) for d in dropped if len(d.lines) == 1)
    blocks = drop_repeats(blocks, dropped, furniture)
    return blocks, dropped
