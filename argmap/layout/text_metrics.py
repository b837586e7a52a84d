"""Text measurement and word wrapping with the bundled DejaVu fonts, in pure Python.

Layout and SVG export wrap text with these tables, so they are headless and agree with
what Qt draws with the same font (Qt's kerning only ever makes a line slightly shorter).
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.layout import font_widths

FONT_FAMILY = "DejaVu Sans"
_EM = float(font_widths.UNITS_PER_EM)
_FALLBACK_UNITS = font_widths.UNITS_PER_EM  # glyphs the font lacks: assume 1 em
_WORD_CACHE_LIMIT = 200_000


def _table(runs: Iterable[tuple[int, tuple[int, ...]]]) -> dict[str, int]:
    table: dict[str, int] = {}
    for start, widths in runs:
        for offset, width in enumerate(widths):
            table[chr(start + offset)] = width
    return table


_TABLES = (_table(font_widths.REGULAR_RUNS), _table(font_widths.BOLD_RUNS))
_WORD_UNITS: tuple[dict[str, int], dict[str, int]] = ({}, {})


def _units(text: str, bold: bool) -> int:
    """Advance of ``text`` in font units (1/UNITS_PER_EM of the pixel size)."""
    table = _TABLES[bold]
    total = 0
    for ch in text:
        w = table.get(ch)
        total += _FALLBACK_UNITS if w is None else w
    return total


def _word_units(word: str, bold: bool) -> int:
    cache = _WORD_UNITS[bold]
    units = cache.get(word)
    if units is None:
        if len(cache) > _WORD_CACHE_LIMIT:
            cache.clear()
        units = cache[word] = _units(word, bold)
    return units


def text_width(text: str, size_px: float, bold: bool = False) -> float:
    """Width in px of ``text`` on one line at ``size_px`` pixels."""
    return _units(text, bold) * size_px / _EM


def line_height(size_px: float) -> float:
    """Distance in px between the baselines of two lines (ascent + descent + gap)."""
    return (font_widths.ASCENT + font_widths.DESCENT + font_widths.LINE_GAP) * size_px / _EM


def ascent(size_px: float) -> float:
    """Height in px from the top of a line to its baseline."""
    return font_widths.ASCENT * size_px / _EM


def _break_word(word: str, limit: int, bold: bool) -> list[str]:
    """Split a word wider than ``limit`` units into pieces that fit (at least one char)."""
    table = _TABLES[bold]
    pieces: list[str] = []
    start = 0
    used = 0
    for i, ch in enumerate(word):
        w = table.get(ch, _FALLBACK_UNITS)
        if used + w > limit and i > start:
            pieces.append(word[start:i])
            start, used = i, 0
        used += w
    pieces.append(word[start:])
    return pieces


def wrap_text(
    text: str,
    max_width: float,
    size_px: float,
    bold: bool = False,
    max_lines: int | None = None,
) -> list[str]:
    """Greedy word wrap into lines no wider than ``max_width`` px.

    Whitespace runs collapse to one space; explicit newlines start a new line (blank lines
    are dropped); a word wider than a line is broken between characters. With
    ``max_lines``, the last kept line ends in an ellipsis when text was cut. Empty text
    gives no lines.
    """
    return wrap_measured(text, max_width, size_px, bold, max_lines)[0]


def wrap_measured(
    text: str,
    max_width: float,
    size_px: float,
    bold: bool = False,
    max_lines: int | None = None,
) -> tuple[list[str], float]:
    """:func:`wrap_text`, and the width in px of its widest line."""
    return LineWrapper(max_width, size_px, bold, max_lines)(text)


class LineWrapper:
    """:func:`wrap_measured` at one width, size and weight, its constants worked out once
    (a layout wraps thousands of texts alike)."""

    __slots__ = ("_bold", "_fits", "_limit", "_max_lines", "_max_width", "_scale", "_size_px")

    def __init__(
        self, max_width: float, size_px: float, bold: bool = False, max_lines: int | None = None
    ) -> None:
        self._max_width = max_width
        self._size_px = size_px
        self._bold = bold
        self._max_lines = max_lines
        self._scale = size_px / _EM
        self._limit = max(1, int(max_width / self._scale))
        # A word w units wide still fits after ``used`` units if used + w <= fits.
        self._fits = self._limit - _TABLES[bold][" "]

    def __call__(self, text: str) -> tuple[list[str], float]:
        """(lines, width in px of the widest)."""
        bold, limit, fits = self._bold, self._limit, self._fits
        space = limit - fits
        cache = _WORD_UNITS[bold]
        lines: list[str] = []
        widest = 0
        for paragraph in text.split("\n") if "\n" in text else (text,):
            current: list[str] = []
            used = 0
            for word in paragraph.split():
                w = cache.get(word)
                if w is None:
                    w = _word_units(word, bold)
                if current and used + w <= fits:
                    current.append(word)
                    used += space + w
                    continue
                if current:
                    lines.append(" ".join(current))
                    widest = used if used > widest else widest  # (max() costs a call a line)
                if w <= limit:
                    current, used = [word], w
                    continue
                *full, last = _break_word(word, limit, bold)
                lines.extend(full)
                widest = limit
                current, used = [last], _units(last, bold)
            if current:
                lines.append(" ".join(current))
                widest = used if used > widest else widest
        max_lines = self._max_lines
        if max_lines is not None and len(lines) > max_lines:
            max_width, size_px = self._max_width, self._size_px
            lines = lines[:max_lines]
            last = elide(lines[-1] + " …", max_width, size_px, bold)
            if not last.endswith("…"):
                last = elide(last, max_width, size_px, bold, force=True)
            lines[-1] = last
            widest = max(_units(line, bold) for line in lines)
        return lines, widest * self._scale


def elide(
    text: str, max_width: float, size_px: float, bold: bool = False, force: bool = False
) -> str:
    """``text`` cut to fit ``max_width`` px, ending in "…" if cut (or if ``force``)."""
    limit = max_width * _EM / size_px
    if not force and _units(text, bold) <= limit:
        return text
    table = _TABLES[bold]
    budget = limit - table["…"]
    used = 0
    for i, ch in enumerate(text):
        used += table.get(ch, _FALLBACK_UNITS)
        if used > budget:
            return text[:i].rstrip() + "…"
    return text.rstrip() + "…"
