"""An HTML page as a list of text blocks, in reading order, each with what holds it.

A block is the text of one block-level element (a paragraph, a heading, a list item)
with its inline children; loose text around a container's child blocks forms blocks of
its own; a data table's row is one block, its cells joined by " | ". Two ``<br>`` in a
row, or one directly inside a container (old pages write paragraphs that way), end a
block; one ``<br>`` inside a paragraph is a line break (a space in a table row).
Scripts, styles and other invisible elements hold no blocks.

Text reads as a browser shows it: a run of white space in the page source (a wrapped
line and its indentation) is one space, and none is left around a line break; in
``<pre>`` the text keeps its lines and spaces.

Parsing is lxml's (libxml2, linear time). libxml2 stops at 256 levels of nesting; a page
nested deeper is read with :func:`flat_blocks`, a linear scan that keeps all its text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from argmap.io.article_metadata import normalise_line

MAX_DEPTH = 255  # libxml2 refuses deeper documents (XML_PARSE_HUGE would lift it)
INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "head", "title", "meta",
     "link", "iframe", "object", "embed", "select", "option", "button", "input", "textarea"}
)  # fmt: skip
PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "pre",
                        "figcaption", "caption", "address", "summary", "legend"})  # fmt: skip
CONTAINERS = frozenset({"body", "div", "section", "article", "main", "header", "footer", "nav",
                        "aside", "blockquote", "ul", "ol", "dl", "figure", "form", "fieldset",
                        "table", "thead", "tbody", "tfoot", "center", "details",
                        "hgroup", "menu", "dialog", "html"})  # fmt: skip
FURNITURE = frozenset({"nav", "footer", "aside", "form", "menu", "dialog"})
_BLOCK_IN_CELL = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "blockquote", "form")
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]{0,200}\?>")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # what HTML collapses (not no-break spaces)
_AROUND_BREAK = re.compile(r" *\n[ \n]*")
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")


@dataclass(frozen=True)
class Block:
    """One block of a page: its text, and the tag of the element that holds it."""

    text: str
    tag: str
    furniture: bool = False  # inside navigation, a footer, a sidebar or a form

    @property
    def paragraph(self) -> str:
        """The block as an article paragraph (list items keep a "- " bullet)."""
        return f"- {self.text}" if self.tag == "li" else self.text


class PageTooDeepError(ValueError):
    """The page nests elements deeper than libxml2 reads."""


def parse(raw: str) -> Any:
    """The page's element tree; PageTooDeepError when libxml2 had to stop early."""
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, default_doctype=False)
    text = _XML_DECLARATION.sub("", raw, count=1)  # lxml refuses str with an encoding line
    try:
        root = etree.fromstring(text, parser) if text.strip() else None
    except etree.XMLSyntaxError:
        root = None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise PageTooDeepError(f"elements nested more than {MAX_DEPTH} levels deep")
    if root is None:
        root = lxml_html.fromstring("<html><body></body></html>")
    return root


def unwrap_layout_tables(root: Any) -> int:
    """Turn tables used for page layout (cells holding paragraphs) into plain divisions,
    so that a page laid out in a table reads like one laid out in divs. Returns how many."""
    count = 0
    for table in list(root.iter("table")):
        cells = [c for c in table.iter("td", "th")]
        if not any(_holds_blocks(cell) for cell in cells):
            continue
        count += 1
        # A data table inside keeps its rows and cells (the set holds each element, so
        # lxml hands out the same proxy for it below).
        data = [t for t in table.iter("table") if t is not table and not _is_layout(t)]
        inside_data = {e for t in data for e in t.iter()}
        for element in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th"):
            if element not in inside_data:
                element.tag = "div"
    return count


def _holds_blocks(cell: Any) -> bool:
    if any(True for _ in cell.iterdescendants(*_BLOCK_IN_CELL)):
        return True
    return sum(1 for _ in cell.iterdescendants("br")) >= 2


def _is_layout(table: Any) -> bool:
    return any(_holds_blocks(c) for c in table.iter("td", "th"))


def element_count(root: Any) -> int:
    """How many elements the page has outside scripts, styles and drawings (its size for
    the extractor)."""
    hidden = sum(sum(1 for _ in e.iter()) for e in root.iter("svg", "math", "script", "style"))
    return sum(1 for _ in root.iter()) - hidden


class _Collector:
    """Gathers text into blocks while walking the tree."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.tag = "body"
        self.breaks = 0
        self.furniture = 0  # how many furniture elements enclose the position
        self.preformatted = 0  # how many <pre> enclose the position

    def text(self, value: str | None) -> None:
        if value:
            if self.breaks and value.strip():
                self._break_pending()
            if self.preformatted:
                pass
            elif value.isascii() and value.isspace():  # most often a line end between tags
                value = " "
            elif "  " in value or not value.isprintable():  # (printable: no tab or line end)
                value = _HTML_SPACE.sub(" ", value)
            self.parts.append(value)

    def line_break(self, holder: str) -> None:
        self.breaks += 1
        if holder in CONTAINERS:  # one <br> straight in a container: a new line of text
            self.flush()
        else:  # a line of a paragraph; a table row stays one line
            self.parts.append(" " if holder == "tr" else "\n")

    def _break_pending(self) -> None:
        if self.breaks >= 2:
            self.flush()
        self.breaks = 0

    def flush(self, tag: str | None = None) -> None:
        if self.tag == "pre":
            text = _preformatted("".join(self.parts))
        else:
            text = normalise_line("".join(self.parts))
            if "\n" in text:  # a <br>
                text = _AROUND_BREAK.sub("\n", text)
        if text:
            self.blocks.append(Block(text, self.tag, self.furniture > 0))
        self.parts.clear()
        self.breaks = 0
        if tag is not None:
            self.tag = tag


def page_blocks(root: Any) -> list[Block]:
    """The text blocks of the page's body, in document order."""
    body = root.find("body")
    body = body if body is not None else root
    out = _Collector()
    holders: list[str] = []  # block-level tags open around the current position
    hidden = 0  # how many invisible elements enclose the current position
    for event, element in etree.iterwalk(body, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in INVISIBLE or hidden:
                hidden += tag in INVISIBLE
                continue
            if tag == "br":
                out.line_break(holders[-1] if holders else "body")
            elif tag in {"td", "th"}:  # a data table's cell: its row is one block
                if out.parts and "".join(out.parts).strip():
                    out.parts.append(" | ")
            elif tag in PARAGRAPHS or tag in CONTAINERS or tag == "tr":
                out.flush(tag)
                holders.append(tag)
                out.furniture += _is_furniture(element)
                out.preformatted += tag == "pre"
            out.text(element.text)
        else:
            if tag in INVISIBLE:
                hidden -= 1
                if not hidden:
                    out.text(element.tail)
                continue
            if hidden:
                continue
            if (tag in PARAGRAPHS or tag in CONTAINERS or tag == "tr") and holders:
                holders.pop()
                out.flush(holders[-1] if holders else "body")
                out.furniture -= _is_furniture(element)
                out.preformatted -= tag == "pre"
            out.text(element.tail)
    out.flush()
    return out.blocks


def _preformatted(text: str) -> str:
    """``<pre>`` text as shown: its lines and spaces, without the blank lines around it;
    blank lines inside are one empty line each, as between an article's paragraphs (and
    its characters are normalised as every article's are)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    return _BLANK_LINES.sub("\n\n", text.rstrip()).strip("\n")


def _is_furniture(element: Any) -> bool:
    role = str(element.get("role", "")).lower()
    return element.tag in FURNITURE or role in {"navigation", "banner", "contentinfo", "search"}


# --------------------------------------------------------------- pages too deep to parse

_SKIPPED = ("script", "style", "noscript", "template", "svg", "title")
_BREAKING = re.compile(
    r"^/?(?:p|div|br|li|h[1-6]|tr|td|th|section|article|header|footer|blockquote|pre|dd|dt|"
    r"ul|ol|table|main|nav|aside|figure|figcaption|hr)\b",
    re.IGNORECASE,
)


def flat_blocks(raw: str) -> list[Block]:
    """Every text block of a page, by a linear scan of its tags (no tree is built)."""
    from html import unescape  # noqa: PLC0415

    blocks: list[Block] = []
    parts: list[str] = []
    position, size = 0, len(raw)

    def flush() -> None:
        text = normalise_line(_HTML_SPACE.sub(" ", unescape("".join(parts))))
        if text:
            blocks.append(Block(text, "p"))
        parts.clear()

    while position < size:
        start = raw.find("<", position)
        if start < 0:
            parts.append(raw[position:])
            break
        parts.append(raw[position:start])
        end = raw.find(">", start + 1)
        if end < 0:
            parts.append(raw[start:])
            break
        tag = raw[start + 1 : min(end, start + 40)].strip()
        name = tag.split(None, 1)[0].lower() if tag else ""
        position = end + 1
        if name in _SKIPPED:
            close = _find_close(raw, name, position)
            position = size if close < 0 else close
        elif _BREAKING.match(tag):
            flush()
    flush()
    return blocks


def _find_close(raw: str, name: str, position: int) -> int:
    """Where ``</name`` starts at or after ``position`` (case-insensitive), or -1."""
    pattern = re.compile(rf"</{name}\b", re.IGNORECASE)
    match = pattern.search(raw, position)
    return match.start() if match else -1
