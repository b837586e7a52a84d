"""Card sizes from statement text: padding, the kind label line, quote badge, wrapping.

The canvas, the raster and the SVG exporters all size and wrap cards here, so a card's
lines are the same everywhere.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from argmap.layout import text_metrics
from argmap.model import Statement, StatementKind

# Kinds whose text is set in bold (the map's anchors).
BOLD_KINDS = frozenset({StatementKind.QUESTION.value, StatementKind.SCENARIO.value})
# Plain-str kind names by kind (an enum's ``.value`` is a slow descriptor lookup).
KIND_VALUES: dict[str, str] = {k: k.value for k in StatementKind}
_QUESTION = StatementKind.QUESTION.value
_SCENARIO = StatementKind.SCENARIO.value


@dataclass(frozen=True, slots=True)
class CardMetrics:
    """Font sizes (px) and spacing of cards; themes scale these for projectors."""

    body_px: int = 14
    label_px: int = 10
    pad_x: float = 12.0
    pad_y: float = 9.0
    label_gap: float = 5.0
    min_width: float = 150.0
    max_width: float = 270.0
    max_lines: int = 14
    depth_gap: float = 64.0  # between a conclusion's row and its premises' row
    sibling_gap: float = 18.0  # between premises of one linked group
    group_gap: float = 34.0  # between different inferences' premise groups
    tree_gap: float = 56.0  # between separate root trees

    def scaled(self, factor: float) -> CardMetrics:
        """The same proportions with fonts and spacing multiplied by ``factor``."""
        return CardMetrics(
            body_px=round(self.body_px * factor),
            label_px=round(self.label_px * factor),
            pad_x=self.pad_x * factor,
            pad_y=self.pad_y * factor,
            label_gap=self.label_gap * factor,
            min_width=self.min_width * factor,
            max_width=self.max_width * factor,
            max_lines=self.max_lines,
            depth_gap=self.depth_gap * factor,
            sibling_gap=self.sibling_gap * factor,
            group_gap=self.group_gap * factor,
            tree_gap=self.tree_gap * factor,
        )

    @property
    def label_height(self) -> float:
        return text_metrics.line_height(self.label_px)

    @property
    def body_line_height(self) -> float:
        return text_metrics.line_height(self.body_px)

    @property
    def text_top(self) -> float:
        """Offset from the card's top to the top of its first body line."""
        return self.pad_y + self.label_height + self.label_gap


def kind_label(kind: str) -> str:
    """The small capitals line naming the kind, e.g. "EVIDENCE"."""
    return kind.upper()


def badge_text(quote_count: int) -> str:
    """The quote badge's text: a quote mark and the count ("" when there are none)."""
    return f"\u201c{quote_count}" if quote_count > 0 else ""


@functools.lru_cache(maxsize=1024)
def label_line_width(kind: str, quote_count: int, m: CardMetrics) -> float:
    """Width the label line needs: icon, kind name, badge (and a scenario's weight)."""
    icon = m.label_height * 1.3
    width = icon + text_metrics.text_width(kind_label(kind), m.label_px, bold=True)
    badge = badge_text(quote_count)
    if badge:
        width += m.label_px + text_metrics.text_width(badge, m.label_px, bold=True) + m.label_px
    if kind == StatementKind.SCENARIO.value:
        width += m.label_px + text_metrics.text_width("100 %", m.label_px, bold=True) + 8
    return width


class CardMeasurer:
    """:func:`measure_card` for one :class:`CardMetrics`, its constants worked out once
    (layout measures thousands of cards with the same metrics)."""

    __slots__ = (
        "_labels",
        "_sizes",
        "_line",
        "_m",
        "_max_width",
        "_min_width",
        "_pad2",
        "_top",
        "_weight_bar",
        "_wrap",
        "_wrap_bold",
    )

    def __init__(self, m: CardMetrics) -> None:
        self._m = m
        wrap_width = m.max_width - 2 * m.pad_x
        self._wrap = text_metrics.LineWrapper(wrap_width, m.body_px, False, m.max_lines)
        self._wrap_bold = text_metrics.LineWrapper(wrap_width, m.body_px, True, m.max_lines)
        self._top = m.text_top + m.pad_y
        self._line = m.body_line_height
        self._max_width = m.max_width
        self._pad2 = 2 * m.pad_x
        self._min_width = m.min_width
        self._weight_bar = m.pad_y * 0.8
        self._labels: dict[tuple[str, int], float] = {}
        # Cards come in few sizes (widths follow the longest line, heights the line count):
        # equal sizes share one float, so the layout's later passes over thousands of
        # cards read a few hot objects instead of two cold ones per card.
        self._sizes: dict[float, float] = {}

    def __call__(self, kind: str, text: str, quote_count: int) -> tuple[float, float, list[str]]:
        """(width, height, wrapped lines) of a card; width shrinks to the longest line."""
        lines, longest = (self._wrap_bold if kind in BOLD_KINDS else self._wrap)(text)
        label = self._labels.get((kind, quote_count))
        if label is None:
            label = self._labels[kind, quote_count] = label_line_width(kind, quote_count, self._m)
        # min(max_width, max(min_width, ...)) without the calls (thousands of cards a layout)
        width = (longest if longest > label else label) + self._pad2
        width = self._min_width if width < self._min_width else width
        width = self._max_width if width > self._max_width else width
        height = self._top + (len(lines) or 1) * self._line
        if kind == _QUESTION:
            width += height * 0.5  # room for the pill's round ends
        elif kind == _SCENARIO:
            height += self._weight_bar  # room for the weight bar inside the double border
        same = self._sizes.setdefault
        return same(width, width), same(height, height), lines


@functools.lru_cache(maxsize=16)
def _measurer(m: CardMetrics) -> CardMeasurer:
    return CardMeasurer(m)


def measure_card(
    kind: str, text: str, quote_count: int, m: CardMetrics
) -> tuple[float, float, list[str]]:
    """(width, height, wrapped lines) of a card; width shrinks to the longest line."""
    return _measurer(m)(kind, text, quote_count)


def measure_statement(statement: Statement, m: CardMetrics) -> tuple[float, float, list[str]]:
    """:func:`measure_card` for a model statement."""
    return measure_card(statement.kind.value, statement.text, len(statement.quotes), m)
