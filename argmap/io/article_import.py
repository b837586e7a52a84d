"""Importing an article file (.txt, .md, .html) as clean text plus metadata for a Source.

The body keeps the article's characters exactly, so quotes can index into it, with two
normalisations: paragraphs are separated by one blank line (``"\\n\\n"``), and inside a
paragraph runs of spaces, tabs and no-break spaces become one space (soft hyphens and
zero-width spaces are removed, text is NFC). A web page's text is what a browser shows:
the source's line wrapping is a space, ``<br>`` a line break, ``<pre>`` text keeps its
spaces (see :mod:`argmap.io.html_page`). Nothing is fetched: URLs are only recorded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from argmap.io.article_cleanup import Dropped, clean_blocks
from argmap.io.article_markup import markdown_blocks, text_blocks
from argmap.io.article_metadata import Metadata
from argmap.model.source import Source

__all__ = [
    "MAX_BYTES",
    "PARAGRAPH_SEPARATOR",
    "ArticleImportError",
    "Dropped",
    "Format",
    "ImportedArticle",
    "import_article",
    "import_article_text",
]

Format = Literal["txt", "md", "html"]
MAX_BYTES = 5 * 1024 * 1024  # an article's file (or text) may be at most 5 MB
PARAGRAPH_SEPARATOR = "\n\n"
_SUFFIXES: dict[str, Format] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".mdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}  # fmt: skip
_CONTROL_LIMIT = 0.01  # more control characters than this: not a text file
_MAGIC = {b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (e.g. .docx)",
          b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
          b"\x7fELF": "a program"}  # fmt: skip


class ArticleImportError(ValueError):
    """An article that cannot be imported; the message names the file and the problem."""


@dataclass
class ImportedArticle:
    """An article's clean body text, its detected metadata, and what import removed."""

    name: str  # where it came from: the path as given, or the name passed with raw text
    format: Format
    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO YYYY-MM-DD when parseable, else as found
    url: str | None = None
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        """The body's paragraphs, in order."""
        return self.text.split(PARAGRAPH_SEPARATOR)

    def to_source(self, id: str) -> Source:
        """A map Source holding this article's text and metadata."""
        return Source.from_text(
            id,
            self.text,
            title=self.title,
            author=self.author,
            publisher=self.publisher,
            published=self.published,
            url=self.url,
        )


def _format_for(path: Path, raw: bytes) -> Format:
    known = _SUFFIXES.get(path.suffix.lower())
    if known:
        return known
    head = raw[:1024].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "txt"


def _decode(raw: bytes, name: str, warnings: list[str]) -> str:
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise ArticleImportError(f"{name}: this is {kind}, not an article; save it as text")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleImportError(f"{name}: broken UTF-16 text ({exc.reason})") from exc
    if b"\x00" in raw:
        raise ArticleImportError(f"{name}: looks like a binary file (it holds NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ArticleImportError(
            f"{name}: not text in UTF-8 or Windows-1252 (undecodable byte at offset {bad})"
        ) from exc
    warnings.append(
        f"{name}: not valid UTF-8 (bad byte at offset {bad}); read as Windows-1252, "
        "check accented letters and quotation marks"
    )
    return text


def _check_text(text: str, name: str) -> None:
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ArticleImportError(f"{name}: more than {MAX_BYTES // 2**20} MB of text")
    control = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if text and control > _CONTROL_LIMIT * len(text):
        raise ArticleImportError(
            f"{name}: looks like a binary file ({control} control characters), not an article"
        )


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_lone_surrogates(text: str, name: str, warnings: list[str] | None) -> str:
    """Text with unpaired UTF-16 halves (not encodable) replaced by U+FFFD, and a warning."""
    cleaned, count = _LONE_SURROGATE.subn("\ufffd", text)
    if count and warnings is not None:
        warnings.append(f"{name}: {count} invalid characters replaced with \ufffd")
    return cleaned


def import_article_text(
    raw: str, name: str, fmt: Format, warnings: list[str] | None = None
) -> ImportedArticle:
    """Import an article from its raw text; ``name`` is used in messages."""
    _check_text(raw, name)
    raw = _replace_lone_surrogates(raw, name, warnings)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    meta = Metadata()
    dropped: list[Dropped] = []
    warnings = [] if warnings is None else warnings
    if fmt == "html":
        from argmap.io.html_article import html_blocks  # noqa: PLC0415 (lxml, trafilatura)

        blocks = html_blocks(raw, meta, dropped, warnings, name)
    elif fmt == "md":
        blocks = markdown_blocks(raw, meta, dropped, warnings, name)
    elif fmt == "txt":
        blocks = text_blocks(raw)
    else:
        raise ArticleImportError(f"{name}: unknown article format {fmt!r}")
    body, cleaned = clean_blocks(blocks, meta)
    if not body:
        raise ArticleImportError(f"{name}: no article text found")
    return ImportedArticle(
        name=name,
        format=fmt,
        text=PARAGRAPH_SEPARATOR.join(body),
        title=meta.title,
        author=meta.author,
        publisher=meta.publisher,
        published=meta.published,
        url=meta.url,
        dropped=dropped + cleaned,
        warnings=list(warnings),
    )


def import_article(path: str | Path) -> ImportedArticle:
    """Import the article in ``path``; ArticleImportError if it is not a usable article."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ArticleImportError(f"{name}: not a file")
        if size > MAX_BYTES:
            raise ArticleImportError(
                f"{name}: {size / 2**20:.1f} MB is too big for an article "
                f"(limit {MAX_BYTES // 2**20} MB)"
            )
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ArticleImportError(f"{name}: no such file") from exc
    except OSError as exc:
        raise ArticleImportError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise ArticleImportError(f"{name}: the file is empty")
    warnings: list[str] = []
    text = _decode(raw, name, warnings)
    return import_article_text(text, name, _format_for(path, raw), warnings)
