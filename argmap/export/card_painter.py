"""QPainter drawing of one card, one edge and the legend.

The interactive canvas calls these from its items' ``paint()``, and the PNG/PDF exporters
call them for every card, so the map looks the same everywhere. Geometry comes from
:mod:`argmap.layout` (already wrapped lines) and :mod:`argmap.export.shapes`.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)

from argmap.export import card_decor, line_clip, map_extras, shapes
from argmap.export.themes import Theme
from argmap.layout.card_metrics import BOLD_KINDS, badge_text, kind_label
from argmap.layout.geometry import CardLayout, EdgeLayout
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
    """The bundled font at ``px`` px; no kerning or ligatures, so lines match the layout."""
    f = QFont(register_fonts())
    f.setPixelSize(max(1, px))
    f.setBold(bold)
    f.setKerning(False)
    # No ligatures: "fi" stays two letters (copyable from PDFs, widths as measured).
    for tag in ("liga", "clig"):
        f.setFeature(QFont.Tag(tag), 0)
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


_SCALES: dict[int, tuple[Theme, float]] = {}


def theme_scale(theme: Theme) -> float:
    """``theme.scale``, computed once per theme (it builds default metrics each time)."""
    hit = _SCALES.get(id(theme))
    if hit is None or hit[0] is not theme:
        hit = _SCALES[id(theme)] = (theme, theme.scale)
    return hit[1]


def _detail(painter: QPainter) -> float:
    t = painter.worldTransform()
    return max(abs(t.m11()), abs(t.m12()))


def paint_card(
    painter: QPainter,
    card: CardLayout,
    statement: Statement | None,
    theme: Theme,
    state: CardState = CardState(),
    *,
    detail: float | None = None,
) -> None:
    """Draw a card in scene coordinates; ``detail`` is the zoom (default: from painter)."""
    m = theme.metrics
    kind = statement.kind.value if statement is not None else card.kind
    style = theme.kind(kind)
    s = theme_scale(theme)
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
    width = theme.border_width * shape.border_scale
    painter.setPen(_dashed_pen(style.border, width) if shape.dashed else _pen(style.border, width))
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


@functools.lru_cache(maxsize=256)
def _pen(hex_code: str, width: float) -> QPen:
    """A round-joined pen; shared, so callers must not change it."""
    pen = QPen(color(hex_code), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


@functools.lru_cache(maxsize=64)
def _dashed_pen(hex_code: str, width: float) -> QPen:
    pen = QPen(_pen(hex_code, width))
    pen.setStyle(Qt.PenStyle.CustomDashLine)
    pen.setDashPattern([4.0, 2.5])
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
    line = card_decor.label_line(card, kind, theme, badge_text(quotes), weight)
    ic = line.icon
    icon = shapes.kind_icon(kind, ic.x, ic.y, ic.w)
    _paint_icon(painter, icon, style.label, 1.3 * theme_scale(theme))
    painter.setFont(font(m.label_px, True))
    if kind == "question":
        painter.setPen(color(style.fill))
        painter.drawText(QRectF(ic.x, ic.y, ic.w, ic.h), Qt.AlignmentFlag.AlignCenter, "?")
    painter.setPen(color(style.label))
    painter.drawText(QPointF(line.label_x, line.baseline), kind_label(kind))
    for pill in line.pills:
        _paint_pill(painter, pill, style.label if pill.weight else style.border, theme)
    if kind == "scenario" and weight is not None:
        bar = card_decor.weight_bar(card, weight, theme)
        painter.fillRect(QRectF(bar.x, bar.y, bar.w, bar.h), color(style.border))


def _paint_pill(painter: QPainter, pill: card_decor.Pill, fill: str, theme: Theme) -> None:
    b = pill.box
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color(fill))
    painter.drawRoundedRect(QRectF(b.x, b.y, b.w, b.h), b.h / 2, b.h / 2)
    painter.setFont(font(theme.metrics.label_px, True))
    painter.setPen(color(theme.badge_text))
    painter.drawText(QPointF(pill.text_x, pill.baseline), pill.text)


def _paint_body(painter: QPainter, card: CardLayout, kind: str, theme: Theme) -> None:
    m = theme.metrics
    painter.setFont(font(m.body_px, kind in BOLD_KINDS))
    painter.setPen(color(theme.text))
    x = card_decor.text_left(kind, card, theme)
    lh = m.body_line_height
    y = card_decor.body_baseline(card, theme)
    for line in card.lines:
        painter.drawText(QPointF(x, y), line)
        y += lh


def _paint_collapsed_tab(painter: QPainter, card: CardLayout, theme: Theme, fill: str) -> None:
    _paint_pill(painter, card_decor.collapsed_tab(card, theme), fill, theme)


def edge_color(kind: str, theme: Theme) -> str:
    """The colour of an edge kind."""
    return {"attack": theme.attack, "undercut": theme.undercut}.get(kind, theme.support)


@functools.lru_cache(maxsize=64)
def _edge_pen(kind: str, hex_code: str, width: float) -> QPen:
    """Solid for support, dashed for attack, dotted for undercut."""
    pen = QPen(_pen(hex_code, width))
    if kind == "attack":
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([4.0, 2.5])
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    elif kind == "undercut":
        pen.setWidthF(width * map_extras.UNDERCUT_WIDTH)
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern(list(map_extras.DASH["undercut"]))
    return pen


def head_size(theme: Theme) -> float:
    return 9.0 * theme_scale(theme) + theme.edge_width * 1.5


@dataclass(frozen=True, slots=True)
class EdgeDrawing:
    """An arrow turned into Qt pens and shapes once, to be drawn many times."""

    kind: str
    pen: QPen
    feeders: list[QPolygonF]
    bar: tuple[QPen, QPointF, QPointF] | None
    line: QPolygonF
    points: list[tuple[float, float]]  # the line's points, for clipping
    head: list[tuple[QPainterPath, QColor | None, QPen | None]]  # fill or stroke
    width: float
    marker: tuple[float, float]


def edge_drawing(
    edge: EdgeLayout, inference: Inference | None, theme: Theme, *, highlighted: bool = False
) -> EdgeDrawing:
    """What :func:`paint_edge` draws for ``edge``, ready for :func:`draw_edge`."""
    kind = inference.kind.value if inference is not None else edge.kind
    width = theme.edge_width * (1.8 if highlighted else 1.0)
    hex_code = edge_color(kind, theme)
    bar = None
    if edge.bar is not None:
        (x0, y0), (x1, y1) = edge.bar
        bar = (_pen(hex_code, width * 2.6), QPointF(x0, y0), QPointF(x1, y1))
    size = head_size(theme)
    trimmed = trimmed_points(edge.points, shapes.end_trim(kind, size))
    head = shapes.arrow_head(kind, edge.points[-1], edge.points[-2], size)
    return EdgeDrawing(
        kind,
        _edge_pen(kind, hex_code, width),
        [QPolygonF([QPointF(x, y) for x, y in feeder]) for feeder in edge.feeders],
        bar,
        QPolygonF([QPointF(x, y) for x, y in trimmed]),
        trimmed,
        [
            (qpath(part.path), color(hex_code), None)
            if part.filled
            else (qpath(part.path), None, _pen(hex_code, width * 1.2))
            for part in head
        ],
        width,
        edge.marker,
    )


def draw_edge(
    painter: QPainter,
    drawing: EdgeDrawing,
    theme: Theme,
    *,
    dimmed: bool = False,
    clip: QRectF | None = None,
) -> None:
    """Draw a prepared arrow (see :func:`edge_drawing`); with ``clip``, only the part of
    its line inside that rectangle (a canvas showing part of a long arrow)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if dimmed:
        painter.setOpacity(theme.dimmed_opacity)
    pen = drawing.pen
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen)
    for feeder in drawing.feeders:
        painter.drawPolyline(feeder)
    if drawing.bar is not None:
        bar_pen, a, b = drawing.bar
        painter.setPen(bar_pen)
        painter.drawLine(a, b)
        painter.setPen(pen)
    # Solid lines are cheap whole; Qt dashes a line dash by dash, even off screen.
    if clip is not None and not (
        pen.style() == Qt.PenStyle.SolidLine or clip.contains(drawing.line.boundingRect())
    ):
        rect = (clip.left(), clip.top(), clip.right(), clip.bottom())
        _draw_runs(painter, drawing, line_clip.visible_runs(drawing.points, rect))
    else:
        _draw_line(painter, drawing)
    for path, fill, stroke in drawing.head:
        if fill is not None:
            painter.fillPath(path, fill)
        elif stroke is not None:
            painter.strokePath(path, stroke)
        forget_drawn_copy(path)
    if drawing.kind == "attack":
        paint_minus_marker(painter, drawing.marker, theme, drawing.width)
    painter.restore()


# Qt strokes an antialiased line in more than linear time in its length on the device (a
# line of 16,000 px: 75 ms, 1,000 px: 0.6 ms), so a long one is drawn in pieces of this.
PIECE_PX = 512.0


def _draw_line(painter: QPainter, drawing: EdgeDrawing) -> None:
    """The whole line: at once, or where it is long on the device, the part on the
    device in pieces."""
    t = painter.deviceTransform()
    scale = max(abs(t.m11()) + abs(t.m21()), abs(t.m12()) + abs(t.m22()))
    most = PIECE_PX / scale if scale > 0 else math.inf
    points = drawing.points
    engine = painter.paintEngine()
    if (engine is not None and engine.type() != QPaintEngine.Type.Raster) or all(
        abs(q[0] - p[0]) + abs(q[1] - p[1]) <= most for p, q in itertools.pairwise(points)
    ):  # (a PDF only writes the line down: one path, however long)
        painter.drawPolyline(drawing.line)
        return
    device, (inverse, invertible) = painter.device(), t.inverted()
    if device is None or not invertible:
        runs = [(0.0, points)]
    else:
        seen = inverse.mapRect(QRectF(0, 0, device.width(), device.height()))
        pad = drawing.width * 4
        rect = (seen.left() - pad, seen.top() - pad, seen.right() + pad, seen.bottom() + pad)
        runs = line_clip.visible_runs(points, rect)
    pieces = [(at + a, part) for at, run in runs for a, part in line_clip.pieces(run, most)]
    _draw_runs(painter, drawing, pieces)


def _draw_runs(
    painter: QPainter, drawing: EdgeDrawing, runs: list[tuple[float, list[tuple[float, float]]]]
) -> None:
    """Parts of the line (clipped, or pieces of it), dashes in phase with the whole line."""
    pen = drawing.pen
    pattern = pen.dashPattern()
    if len(pattern) == 2 and pattern[0] < 0.5:  # dotted: drawn as rows of points
        w = pen.widthF()
        period, first = sum(pattern) * w, (pattern[0] / 2 - pen.dashOffset()) * w
        painter.setPen(_dot_pen(pen))
        for along, points in runs:
            for x, y, ux, uy, count in line_clip.dot_rows(points, along, period, first):
                row = QPolygonF(_dot_row(period, count))
                row.resize(count)
                painter.drawPoints(QTransform(ux, uy, -uy, ux, x, y).map(row))
        painter.setPen(pen)
        return
    solid = pen.style() == Qt.PenStyle.SolidLine
    for along, points in runs:
        if not solid:
            phased = QPen(pen)
            phased.setDashOffset(pen.dashOffset() + along / pen.widthF())
            painter.setPen(phased)
        painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in points]))
    painter.setPen(pen)


def _dot_pen(pen: QPen) -> QPen:
    """Square points as wide as the line: the same 2 px dots, 12x faster than round."""
    dots = QPen(pen)
    dots.setStyle(Qt.PenStyle.SolidLine)
    dots.setCapStyle(Qt.PenCapStyle.SquareCap)
    return dots


_DOT_ROWS: dict[float, QPolygonF] = {}


def _dot_row(period: float, count: int) -> QPolygonF:
    """Points 0, period, 2 period... along x (at least ``count``), shared and reused."""
    row = _DOT_ROWS.get(period)
    if row is None or row.size() < count:
        n = max(count, 512)
        row = _DOT_ROWS[period] = QPolygonF([QPointF(k * period, 0.0) for k in range(n)])
    return row


def forget_drawn_copy(path: QPainterPath) -> None:
    """Free the copy Qt converted ``path`` into to draw it, which it keeps in the path.

    It is as big as the path, and at least 3 KB (room for 256 points), so arrows kept
    for repainting would hold 3 KB each. Any change to a path drops it; putting the
    first point where it is changes nothing else. Converting again is cheap.
    """
    if path.elementCount():
        first = path.elementAt(0)
        path.setElementPositionAt(0, first.x, first.y)


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
    drawing = edge_drawing(edge, inference, theme, highlighted=highlighted)
    draw_edge(painter, drawing, theme, dimmed=dimmed)


def paint_minus_marker(
    painter: QPainter, at: tuple[float, float], theme: Theme, width: float
) -> None:
    """The "−" disc in the middle of an attack, readable without colour."""
    r = 6.5 * theme_scale(theme) + width
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
