"""QPainter drawing of one card, one edge and the legend.

The interactive canvas calls these from its items' ``paint()``, and the PNG/PDF exporters
call them for every card, so the map looks the same everywhere. Geometry comes from
:mod:`argmap.layout` (already wrapped lines) and :mod:`argmap.export.shapes`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPainterPath,
    QPen,
)

from argmap.export import shapes
from argmap.export.themes import Theme
from argmap.layout.card_metrics import BOLD_KINDS, badge_text, kind_label
from argmap.layout.geometry import CardLayout, EdgeLayout
from argmap.layout.text_metrics import ascent, text_width
from argmap.model import Inference, Statement
from argmap.resources import resource

# Below this many screen pixels of body text, cards are drawn as plain coloured boxes.
MIN_READABLE_PX = 4.5


@dataclass(frozen=True, slots=True)
class CardState:
    """How a card is shown right now (selection, find matches, focus dimming)."""

    selected: bool = False
    dimmed: bool = False
    highlighted: bool = False
    quote_count: int | None = None  # None: the count the layout measured
    weight: float | None = None  # a scenario's current weight, 0..1


@functools.cache
def register_fonts() -> str:
    """Load the bundled DejaVu fonts into Qt once; returns the family name."""
    for name in ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf"):
        data = resource(name).read_bytes()
        QFontDatabase.addApplicationFontFromData(data)
    return "DejaVu Sans"


@functools.lru_cache(maxsize=64)
def font(px: int, bold: bool = False) -> QFont:
    """The bundled font at ``px`` pixels, kerning off so lines match the layout's widths."""
    f = QFont(register_fonts())
    f.setPixelSize(max(1, px))
    f.setBold(bold)
    f.setKerning(False)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


@functools.lru_cache(maxsize=256)
def color(hex_code: str) -> QColor:
    return QColor(hex_code)


def qpath(ops: shapes.Path) -> QPainterPath:
    """A Qt path from shape operations."""
    path = QPainterPath()
    for op in ops:
        code, *v = op
        if code == "M":
            path.moveTo(float(v[0]), float(v[1]))
        elif code == "L":
            path.lineTo(float(v[0]), float(v[1]))
        elif code == "C":
            f = [float(n) for n in v]
            path.cubicTo(f[0], f[1], f[2], f[3], f[4], f[5])
        else:
            path.closeSubpath()
    return path


def _detail(painter: QPainter) -> float:
    t = painter.worldTransform()
    return max(abs(t.m11()), abs(t.m12()))


def paint_card(
    painter: QPainter,
    card: CardLayout,
    statement: Statement | None,
    theme: Theme,
    state: CardState = CardState(),  # noqa: B008 (frozen, shared default is safe)
    *,
    detail: float | None = None,
) -> None:
    """Draw a card in scene coordinates; ``detail`` is the zoom (default: from painter)."""
    m = theme.metrics
    kind = statement.kind.value if statement is not None else card.kind
    style = theme.kind(kind)
    s = theme.scale
    box = card.box
    shape = shapes.card_shape(kind, box, s)
    outline = qpath(shape.outline)
    zoom = _detail(painter) if detail is None else detail
    painter.save()
    if state.dimmed:
        painter.setOpacity(theme.dimmed_opacity)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    halo = theme.border_width * 2.5 + 3 * s
    if state.highlighted:
        painter.strokePath(outline, _pen(theme.highlight, halo * (1.8 if state.selected else 1)))
    if state.selected:
        painter.strokePath(outline, _pen(theme.selection, halo))
    pen = _pen(style.border, theme.border_width * shape.border_scale)
    if shape.dashed:
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([4.0, 2.5])
    painter.setPen(pen)
    painter.setBrush(QBrush(color(style.fill)))
    painter.drawPath(outline)
    if shape.inner is not None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(style.border, theme.border_width * 0.9))
        painter.drawPath(qpath(shape.inner))
    if shape.fold is not None:
        painter.setPen(_pen(style.border, theme.border_width))
        painter.setBrush(QBrush(color(style.border)))
        painter.drawPath(qpath(shape.fold))
    if m.body_px * zoom >= MIN_READABLE_PX:
        quotes = card.quote_count if state.quote_count is None else state.quote_count
        _paint_label_line(painter, card, kind, theme, quotes=quotes, weight=state.weight)
        _paint_body(painter, card, kind, theme)
    if card.hidden_count:
        _paint_collapsed_tab(painter, card, theme, style.border)
    painter.restore()


def text_left(kind: str, card: CardLayout, theme: Theme) -> float:
    """x of the card's text: the question pill indents past its round end."""
    pad = theme.metrics.pad_x
    return card.box.x + pad + (card.box.h * 0.25 if kind == "question" else 0.0)


def _pen(hex_code: str, width: float) -> QPen:
    pen = QPen(color(hex_code), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _paint_icon(painter: QPainter, parts: list[shapes.IconPart], hex_code: str, w: float) -> None:
    for part in parts:
        path = qpath(part.path)
        if part.filled:
            painter.fillPath(path, color(hex_code))
        else:
            painter.strokePath(path, _pen(hex_code, w))


def _paint_label_line(
    painter: QPainter,
    card: CardLayout,
    kind: str,
    theme: Theme,
    *,
    quotes: int,
    weight: float | None,
) -> None:
    m = theme.metrics
    style = theme.kind(kind)
    box = card.box
    x = text_left(kind, card, theme)
    top = box.y + m.pad_y
    lh = m.label_height
    size = lh * 0.9
    iy = top + (lh - size) / 2
    _paint_icon(painter, shapes.kind_icon(kind, x, iy, size), style.label, 1.3 * theme.scale)
    label_font = font(m.label_px, True)
    baseline = top + lh * 0.8
    if kind == "question":
        painter.setFont(label_font)
        painter.setPen(color(style.fill))
        painter.drawText(QRectF(x, iy, size, size), Qt.AlignmentFlag.AlignCenter, "?")
    painter.setFont(label_font)
    painter.setPen(color(style.label))
    painter.drawText(QPointF(x + size * 1.45, baseline), kind_label(kind))
    right = box.right - m.pad_x - (box.h * 0.25 if kind == "question" else 0.0)
    if kind == "evidence":
        right -= 6 * theme.scale
    badge = badge_text(quotes)
    if badge:
        right = _paint_pill(painter, badge, style.border, theme, right=right, top=top)
    if kind == "scenario" and weight is not None:
        _paint_pill(painter, f"{round(weight * 100)} %", style.label, theme, right=right, top=top)
        bar_h = 3 * theme.scale
        bar = QRectF(box.x + 6 * theme.scale, box.bottom - 6 * theme.scale - bar_h, 0, bar_h)
        bar.setWidth((box.w - 12 * theme.scale) * max(0.0, min(1.0, weight)))
        painter.fillRect(bar, color(style.border))


def _paint_pill(
    painter: QPainter, text: str, fill: str, theme: Theme, *, right: float, top: float
) -> float:
    """A small filled pill ending at ``right``; returns where the next one may end."""
    m = theme.metrics
    f = font(m.label_px, True)
    painter.setFont(f)
    w = text_width(text, m.label_px, True) + m.label_px
    lh = m.label_height
    rect = QRectF(right - w, top - lh * 0.05, w, lh * 1.1)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(fill))
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(color(theme.badge_text))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    return rect.left() - m.label_px * 0.5


def _paint_body(painter: QPainter, card: CardLayout, kind: str, theme: Theme) -> None:
    m = theme.metrics
    painter.setFont(font(m.body_px, kind in BOLD_KINDS))
    painter.setPen(color(theme.text))
    x = text_left(kind, card, theme)
    lh = m.body_line_height
    y = card.box.y + m.text_top + ascent(m.body_px)
    for line in card.lines:
        painter.drawText(QPointF(x, y), line)
        y += lh


def _paint_collapsed_tab(painter: QPainter, card: CardLayout, theme: Theme, fill: str) -> None:
    m = theme.metrics
    text = f"+{card.hidden_count}"
    f = font(m.label_px, True)
    w = text_width(text, m.label_px, True) + m.label_px * 1.2
    h = m.label_height * 1.3
    rect = QRectF(card.box.cx - w / 2, card.box.bottom - h * 0.35, w, h)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(fill))
    painter.drawRoundedRect(rect, h / 2, h / 2)
    painter.setFont(f)
    painter.setPen(color(theme.badge_text))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def edge_color(kind: str, theme: Theme) -> str:
    """The colour of an edge kind."""
    return {"attack": theme.attack, "undercut": theme.undercut}.get(kind, theme.support)


def edge_pen(kind: str, theme: Theme, width: float | None = None) -> QPen:
    """Solid for support, dashed for attack, dotted for undercut."""
    w = theme.edge_width if width is None else width
    pen = _pen(edge_color(kind, theme), w)
    if kind == "attack":
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([4.0, 2.5])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    elif kind == "undercut":
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([0.1, 2.2])
    return pen


def head_size(theme: Theme) -> float:
    return 9.0 * theme.scale + theme.edge_width * 1.5


def paint_edge(
    painter: QPainter,
    edge: EdgeLayout,
    inference: Inference | None,
    theme: Theme,
    *,
    dimmed: bool = False,
    highlighted: bool = False,
) -> None:
    """Draw an inference arrow: feeders and bar of linked premises, line, head, marker."""
    kind = inference.kind.value if inference is not None else edge.kind
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if dimmed:
        painter.setOpacity(theme.dimmed_opacity)
    width = theme.edge_width * (1.8 if highlighted else 1.0)
    pen = edge_pen(kind, theme, width)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen)
    for feeder in edge.feeders:
        painter.drawPolyline([QPointF(x, y) for x, y in feeder])
    if edge.bar is not None:
        (x0, y0), (x1, y1) = edge.bar
        bar_pen = _pen(edge_color(kind, theme), width * 2.6)
        painter.setPen(bar_pen)
        painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))
        painter.setPen(pen)
    size = head_size(theme)
    pts = [QPointF(x, y) for x, y in trimmed_points(edge.points, shapes.end_trim(kind, size))]
    painter.drawPolyline(pts)
    head = shapes.arrow_head(kind, edge.points[-1], edge.points[-2], size)
    _paint_icon(painter, head, edge_color(kind, theme), width * 1.2)
    if kind == "attack":
        paint_minus_marker(painter, edge.marker, theme, width)
    painter.restore()


def paint_minus_marker(
    painter: QPainter, at: tuple[float, float], theme: Theme, width: float
) -> None:
    """The "−" disc in the middle of an attack, readable without colour."""
    r = 6.5 * theme.scale + width
    c = QPointF(*at)
    painter.setPen(_pen(theme.attack, width))
    painter.setBrush(color(theme.background))
    painter.drawEllipse(c, r, r)
    painter.setPen(_pen(theme.attack, width * 1.2))
    painter.drawLine(QPointF(c.x() - r * 0.5, c.y()), QPointF(c.x() + r * 0.5, c.y()))


def trimmed_points(points: list[tuple[float, float]], trim: float) -> list[tuple[float, float]]:
    """The polyline with its last segment shortened by ``trim``."""
    if len(points) < 2 or trim <= 0:
        return list(points)
    (x0, y0), (x1, y1) = points[-2], points[-1]
    dx, dy = x1 - x0, y1 - y0
    length = (dx * dx + dy * dy) ** 0.5
    if length <= trim:
        return list(points)
    f = (length - trim) / length
    return [*points[:-1], (x0 + dx * f, y0 + dy * f)]
