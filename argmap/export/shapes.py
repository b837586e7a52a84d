"""Card outlines, kind icons and arrowheads as plain path operations, no Qt.

The Qt painter and the SVG writer both draw these, so a card looks the same on the
canvas, in a PNG/PDF and in an SVG. Operations: ("M", x, y), ("L", x, y),
("C", x1, y1, x2, y2, x, y), ("Z",).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from argmap.layout.geometry import Box

PathOp = tuple[float | str, ...]
Path = list[PathOp]
_K = 0.5523  # cubic Bézier handle length for a quarter circle


def rounded_rect(x: float, y: float, w: float, h: float, r: float) -> Path:
    """A rectangle with corners of radius ``r`` (clamped to fit)."""
    r = max(0.0, min(r, w / 2, h / 2))
    if r == 0:
        return [("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)]
    k = r * _K
    x1, y1 = x + w, y + h
    return [
        ("M", x + r, y),
        ("L", x1 - r, y),
        ("C", x1 - r + k, y, x1, y + r - k, x1, y + r),
        ("L", x1, y1 - r),
        ("C", x1, y1 - r + k, x1 - r + k, y1, x1 - r, y1),
        ("L", x + r, y1),
        ("C", x + r - k, y1, x, y1 - r + k, x, y1 - r),
        ("L", x, y + r),
        ("C", x, y + r - k, x + r - k, y, x + r, y),
        ("Z",),
    ]


def circle(cx: float, cy: float, r: float) -> Path:
    """A circle as four Bézier arcs."""
    return rounded_rect(cx - r, cy - r, 2 * r, 2 * r, r)


def polygon(points: list[tuple[float, float]]) -> Path:
    """A closed polygon."""
    ops: Path = [("M", *points[0])]
    ops += [("L", *p) for p in points[1:]]
    ops.append(("Z",))
    return ops


@dataclass(frozen=True, slots=True)
class CardShape:
    """A card's outline and its decorations (all in scene units)."""

    outline: Path
    inner: Path | None = None  # second border (scenario)
    fold: Path | None = None  # folded corner (evidence), filled with the border colour
    dashed: bool = False  # assumption
    border_scale: float = 1.0  # scenario borders are bolder
    corner: float | None = None  # the outline is a rectangle with this corner radius
    inner_inset: float = 0.0  # the inner border's distance from the outline


def card_shape(kind: str, box: Box, scale: float = 1.0) -> CardShape:
    """The outline that tells ``kind`` apart without colour."""
    x, y, w, h = box.x, box.y, box.w, box.h
    if kind == "question":
        return CardShape(rounded_rect(x, y, w, h, h / 2), border_scale=1.4, corner=h / 2)
    if kind == "scenario":
        gap = 4.0 * scale
        inner = rounded_rect(x + gap, y + gap, w - 2 * gap, h - 2 * gap, 4 * scale)
        outline = rounded_rect(x, y, w, h, 7 * scale)
        return CardShape(outline, inner=inner, border_scale=1.5, corner=7 * scale, inner_inset=gap)
    if kind == "claim":
        return CardShape(rounded_rect(x, y, w, h, 12 * scale), border_scale=1.2, corner=12 * scale)
    if kind == "evidence":
        f = 13.0 * scale
        outline = polygon([(x, y), (x + w - f, y), (x + w, y + f), (x + w, y + h), (x, y + h)])
        fold = polygon([(x + w - f, y), (x + w - f, y + f), (x + w, y + f)])
        return CardShape(outline, fold=fold)
    if kind == "assumption":
        outline = rounded_rect(x, y, w, h, 5 * scale)
        return CardShape(outline, dashed=True, border_scale=1.2, corner=5 * scale)
    if kind == "objection":
        c = 9.0 * scale
        pts = [
            (x + c, y),
            (x + w - c, y),
            (x + w, y + c),
            (x + w, y + h - c),
            (x + w - c, y + h),
            (x + c, y + h),
            (x, y + h - c),
            (x, y + c),
        ]
        return CardShape(polygon(pts))
    return CardShape(rounded_rect(x, y, w, h, 2 * scale), corner=2 * scale)  # premise


@dataclass(frozen=True, slots=True)
class IconPart:
    """One stroke or fill of an icon."""

    path: Path
    filled: bool


def kind_icon(kind: str, x: float, y: float, size: float) -> list[IconPart]:
    """The small icon before the kind label, in a ``size`` square at (x, y)."""
    cx, cy, r = x + size / 2, y + size / 2, size / 2
    if kind == "question":
        return [IconPart(circle(cx, cy, r * 0.95), True)]  # painters put a "?" on it
    if kind == "scenario":
        return [IconPart(polygon([(cx, y), (x + size, cy), (cx, y + size), (x, cy)]), True)]
    if kind == "claim":
        return [IconPart(circle(cx, cy, r * 0.8), True)]
    if kind == "evidence":
        f = size * 0.3
        x0, x1 = x + size * 0.12, x + size * 0.88
        page = polygon([(x0, y), (x1 - f, y), (x1, y + f), (x1, y + size), (x0, y + size)])
        lines: Path = []
        for t in (0.45, 0.65, 0.85):
            lines += [("M", x0 + size * 0.15, y + size * t), ("L", x1 - size * 0.15, y + size * t)]
        return [IconPart(page, False), IconPart(lines, False)]
    if kind == "assumption":
        return [IconPart(circle(cx, cy, r * 0.75), False)]
    if kind == "objection":
        a, b = size * 0.12, size * 0.88
        cross: Path = [
            ("M", x + a, y + a),
            ("L", x + b, y + b),
            ("M", x + b, y + a),
            ("L", x + a, y + b),
        ]
        return [IconPart(cross, False)]
    s = size * 0.7
    return [IconPart(rounded_rect(cx - s / 2, cy - s / 2, s, s, 0), True)]  # premise


def arrow_head(
    kind: str, tip: tuple[float, float], before: tuple[float, float], size: float
) -> list[IconPart]:
    """The head of an edge of ``kind`` pointing from ``before`` to ``tip``.

    Support: a filled triangle. Attack: a bar across the line (a "T") behind an open
    chevron. Undercut: an open chevron.
    """
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length  # along the edge
    nx, ny = -uy, ux  # across it
    tx, ty = tip
    back = (tx - ux * size, ty - uy * size)
    half = size * 0.5
    left = (back[0] + nx * half, back[1] + ny * half)
    right = (back[0] - nx * half, back[1] - ny * half)
    if kind == "support":
        return [IconPart(polygon([tip, left, right]), True)]
    chevron: Path = [("M", *left), ("L", tx, ty), ("L", *right)]
    if kind == "attack":
        bx, by = tx - ux * size * 0.35, ty - uy * size * 0.35
        w = size * 0.7
        bar: Path = [("M", bx + nx * w, by + ny * w), ("L", bx - nx * w, by - ny * w)]
        return [IconPart(bar, False)]
    return [IconPart(chevron, False)]


def end_trim(kind: str, size: float) -> float:
    """How far the line stops short of the tip so it does not poke through the head."""
    return {"support": size * 0.8, "attack": size * 0.35}.get(kind, size * 0.1)
