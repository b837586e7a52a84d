"""Where the parts inside a card go (label line, badges, weight bar, collapsed tab). No Qt.

Shared by the Qt painter and the SVG writer so both place them identically.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.export.themes import Theme
from argmap.layout.geometry import Box, CardLayout
from argmap.layout.text_metrics import ascent, text_width


@dataclass(frozen=True, slots=True)
class Pill:
    """A rounded badge with centred bold text (quote count, scenario weight, +N)."""

    box: Box
    text: str
    baseline: float
    text_x: float
    weight: bool = False  # a scenario weight (drawn in the label colour)


@dataclass(frozen=True, slots=True)
class LabelLine:
    """The top line of a card: kind icon square, kind label baseline, pills at the right."""

    icon: Box
    label_x: float
    baseline: float
    pills: list[Pill]


def text_left(kind: str, card: CardLayout, theme: Theme) -> float:
    """x of the card's text: the question pill indents past its round end."""
    return card.box.x + theme.metrics.pad_x + (card.box.h * 0.25 if kind == "question" else 0.0)


def _pill(text: str, right: float, top: float, theme: Theme, weight: bool = False) -> Pill:
    m = theme.metrics
    lh = m.label_height
    w = text_width(text, m.label_px, True) + m.label_px
    box = Box(right - w, top - lh * 0.05, w, lh * 1.1)
    baseline = box.y + (box.h - lh) / 2 + ascent(m.label_px)
    return Pill(box, text, baseline, box.x + m.label_px / 2, weight)


def label_line(
    card: CardLayout, kind: str, theme: Theme, quote_badge: str, weight: float | None
) -> LabelLine:
    """Positions of the label line's parts for ``card``."""
    m = theme.metrics
    box = card.box
    x = text_left(kind, card, theme)
    top = box.y + m.pad_y
    lh = m.label_height
    size = lh * 0.9
    icon = Box(x, top + (lh - size) / 2, size, size)
    right = box.right - m.pad_x - (box.h * 0.25 if kind == "question" else 0.0)
    if kind == "evidence":
        right -= 6 * theme.scale
    pills: list[Pill] = []
    if quote_badge:
        pills.append(_pill(quote_badge, right, top, theme))
        right = pills[-1].box.x - m.label_px * 0.5
    if kind == "scenario" and weight is not None:
        pills.append(_pill(f"{round(weight * 100)} %", right, top, theme, weight=True))
    return LabelLine(icon, x + size * 1.45, top + ascent(m.label_px), pills)


def weight_bar(card: CardLayout, weight: float, theme: Theme) -> Box:
    """The bar along a scenario card's bottom showing its weight (0..1)."""
    inset = 8 * theme.scale
    h = 3 * theme.scale
    full = card.box.w - 2 * inset
    return Box(
        card.box.x + inset, card.box.bottom - inset - h, full * max(0.0, min(1.0, weight)), h
    )


def body_baseline(card: CardLayout, theme: Theme) -> float:
    """Baseline of the first body line."""
    return card.box.y + theme.metrics.text_top + ascent(theme.metrics.body_px)


def collapsed_tab(card: CardLayout, theme: Theme) -> Pill:
    """The "+N" tab on a collapsed card's bottom edge."""
    m = theme.metrics
    text = f"+{card.hidden_count}"
    w = text_width(text, m.label_px, True) + m.label_px * 1.2
    h = m.label_height * 1.3
    box = Box(card.box.cx - w / 2, card.box.bottom - h * 0.35, w, h)
    baseline = box.y + (box.h - m.label_height) / 2 + ascent(m.label_px)
    return Pill(box, text, baseline, box.x + m.label_px * 0.6)
