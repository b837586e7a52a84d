"""A printable handout of a whole map on A4 or Letter.

The first page carries the title, the question, the legend, the scenario weights and the
sources. The map follows at a size where its text stays readable on paper (body text at
least 7 pt): on the first page when it fits there, else tiled over as many pages as it
needs (turned sideways when that takes fewer). Neighbouring tiles overlap by more than
the largest card, so every card is whole on at least one page and nothing is cut at a
page edge without the next page repeating it; dashed marks in the margin show where the
overlap starts, and a page map on the first page shows which page holds which part.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from argmap.export import map_extras
from argmap.export.card_painter import font
from argmap.export.map_render import paint_items, paint_map
from argmap.export.map_scene import MapScene, prepare
from argmap.export.paged_pdf import DPI, paper_page, write_pages_pdf
from argmap.layout.geometry import Box
from argmap.layout.tidy_tree import Direction
from argmap.model import ArgMap
from argmap.model.display_text import isolate

MIN_BODY_PT = 7.0  # smallest statement text on paper
MARGIN_PT = 36.0
_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


@dataclass(frozen=True, slots=True)
class Handout:
    """What was written: pages in all, and how many of them hold the map (1: fitted)."""

    path: Path
    pages: int
    tiles: int
    scale: float  # device pixels (1/96 in) per map unit


def tile_origins(length: float, page: float, overlap: float) -> list[float]:
    """Where tiles of ``page`` start along a map ``length`` long, neighbours sharing at
    least ``overlap`` (the last tile ends with the map)."""
    if length <= page:
        return [0.0]
    step = page - overlap
    n = math.ceil((length - overlap) / step)
    return [min(k * step, length - page) for k in range(n)]


def plan_tiles(scene: MapScene, scale: float, content: QRectF) -> list[Box]:
    """The map regions (scene units) each tile page shows."""
    r = scene.rect
    biggest = max((max(c.box.w, c.box.h) for c in scene.layout.cards.values()), default=0.0)
    overlap = min((biggest + 24) * scale, 0.45 * min(content.width(), content.height()))
    xs = tile_origins(r.w * scale, content.width(), overlap)
    ys = tile_origins(r.h * scale, content.height(), overlap)
    w, h = content.width() / scale, content.height() / scale
    return [Box(r.x + x / scale, r.y + y / scale, w, h) for y in ys for x in xs]


def write_handout(
    doc: ArgMap,
    path: str | os.PathLike[str],
    paper: str,
    *,
    theme_name: str = "light",
    direction: Direction | None = None,
    backup: bool = False,
) -> Handout:
    """Write the handout PDF (see the module's docstring)."""
    from argmap.analysis.report import analyze  # noqa: PLC0415

    try:
        weights = {s.id: s.weight for s in analyze(doc).scenarios}
    except Exception:  # a map the analysis cannot weigh still prints
        weights = {}
    scene = prepare(doc, theme_name, direction=direction)
    scene.weights = weights
    page = paper_page(paper).rectPixels(DPI)
    margin = MARGIN_PT * DPI / 72
    content = QRectF(margin, margin, page.width() - 2 * margin, page.height() - 2 * margin)
    header_h = _first_page(None, doc, scene, content, weights)
    below = QRectF(content.left(), content.top() + header_h, content.width(), 0)
    below.setBottom(content.bottom())
    r = scene.rect
    readable = MIN_BODY_PT * DPI / 72 / scene.theme.metrics.body_px
    fit = min(below.width() / r.w, below.height() / r.h, 1.0) if below.height() > 0 else 0.0
    tiles: list[Box] = []
    scale = fit
    sideways = False
    turned = QRectF(content.top(), content.left(), content.height(), content.width())
    if fit < readable:  # tiled, on the page turn that needs fewer pages
        scale = min(readable, 1.0)
        tiles = plan_tiles(scene, scale, content)
        across = plan_tiles(scene, scale, turned)
        if len(across) < len(tiles):
            tiles, sideways = across, True
    tile_content = turned if sideways else content

    def paint(p: QPainter, k: int, _page: QRectF) -> None:
        if k == 0:
            _first_page(p, doc, scene, content, weights)
            if tiles:
                _page_map(p, scene, tiles, below)
            else:
                _map_into(p, scene, QRectF(below.topLeft(), below.size()), scale)
            return
        _tile_page(p, scene, tiles, k - 1, content=tile_content, scale=scale)

    def landscape(k: int) -> bool:
        return sideways and k > 0

    pages = 1 + len(tiles)
    target = write_pages_pdf(
        path, pages, paint, paper_page(paper), title=doc.title, landscape=landscape, backup=backup
    )
    return Handout(target, pages, max(1, len(tiles)), scale)


def _map_into(p: QPainter, scene: MapScene, area: QRectF, scale: float) -> None:
    r = scene.rect
    p.save()
    p.translate(area.left() + (area.width() - r.w * scale) / 2, area.top())
    p.scale(scale, scale)
    p.translate(-r.x, -r.y)
    paint_map(p, scene)
    p.restore()


def _first_page(
    p: QPainter | None, doc: ArgMap, scene: MapScene, content: QRectF, weights: dict[str, float]
) -> float:
    """Title, question, legend and weights, sources; returns the height used."""
    y = content.top()
    x, w = content.left(), content.width()

    def block(px: int, bold: bool, text: str, gap: float) -> None:
        nonlocal y
        f = font(px, bold)
        h = QFontMetricsF(f).boundingRect(QRectF(0, 0, w, 1e6), _WRAP, text).height()
        if p is not None:
            p.setFont(f)
            p.setPen(QColor(scene.theme.text))
            p.drawText(QRectF(x, y, w, h + 2), _WRAP, text)
        y += h + gap

    block(20, True, isolate(doc.title) or "Map", 6)
    if doc.question:
        try:
            block(15, True, doc.statement(doc.question).text, 10)
        except KeyError:
            pass
    th = scene.theme
    items, box = map_extras.legend(th, 0, 0)
    boxes = [(items, box)]
    if weights:
        boxes.append(map_extras.weights_summary(scene.doc, weights, th, 0, 0))
    row_h = max(b.h for _, b in boxes)
    fit = min(1.0, w / (sum(b.w for _, b in boxes) + 12 * (len(boxes) - 1)))
    if p is not None:
        bx = x
        for its, b in boxes:
            p.save()
            p.translate(bx, y)
            p.scale(fit, fit)
            p.translate(-b.x, -b.y)
            paint_items(p, its)
            p.restore()
            bx += (b.w + 12) * fit
    y += row_h * fit + 10
    if doc.sources:
        block(10, True, "Sources", 2)
        from argmap.ui.presentation.quote_callout import source_line  # noqa: PLC0415

        for src in doc.sources:
            block(9, False, source_line(doc, src.id), 1)
    return y - content.top() + 12


def _page_map(p: QPainter, scene: MapScene, tiles: list[Box], area: QRectF) -> None:
    """The whole map in miniature with each tile page's part outlined and numbered."""
    r = scene.rect
    p.setFont(font(10, True))
    p.setPen(QColor(scene.theme.text))
    p.drawText(QPointF(area.left(), area.top() + 10), "Page map: the map is on the next pages")
    area = area.adjusted(0, 18, 0, 0)
    s = min(area.width() / r.w, area.height() / r.h)
    _map_into(p, scene, area, s)
    ox = area.left() + (area.width() - r.w * s) / 2
    for k, t in enumerate(tiles):
        rect = QRectF(ox + (t.x - r.x) * s, area.top() + (t.y - r.y) * s, t.w * s, t.h * s)
        rect = rect.intersected(QRectF(ox, area.top(), r.w * s, r.h * s))
        p.setPen(QPen(QColor("#D55E00"), 1.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)
        p.setFont(font(12, True))
        p.drawText(rect.adjusted(4, 2, 0, 0), Qt.AlignmentFlag.AlignLeft, str(k + 2))


def _tile_page(
    p: QPainter, scene: MapScene, tiles: list[Box], k: int, *, content: QRectF, scale: float
) -> None:
    """One tile of the map, clipped to the page's content, with overlap marks."""
    t = tiles[k]
    p.save()
    p.setClipRect(content)
    p.translate(content.topLeft())
    p.scale(scale, scale)
    p.translate(-t.x, -t.y)
    paint_map(p, scene)
    p.restore()
    grey = QColor("#6B7480")
    p.setPen(QPen(grey, 0.8, Qt.PenStyle.DashLine))
    for other in tiles:
        if other is t:
            continue
        ov = QRectF(other.x, other.y, other.w, other.h).intersected(QRectF(t.x, t.y, t.w, t.h))
        if ov.isEmpty():
            continue
        left = content.left() + (ov.left() - t.x) * scale
        right = content.left() + (ov.right() - t.x) * scale
        top = content.top() + (ov.top() - t.y) * scale
        bottom = content.top() + (ov.bottom() - t.y) * scale
        for xx in (left, right):  # overlap marks in the top and bottom margins
            p.drawLine(QPointF(xx, content.top() - 14), QPointF(xx, content.top() - 4))
            p.drawLine(QPointF(xx, content.bottom() + 4), QPointF(xx, content.bottom() + 14))
        for yy in (top, bottom):  # and in the side margins
            p.drawLine(QPointF(content.left() - 14, yy), QPointF(content.left() - 4, yy))
            p.drawLine(QPointF(content.right() + 4, yy), QPointF(content.right() + 14, yy))
    p.setPen(grey)
    p.setFont(font(9))
    p.drawText(
        QRectF(content.left(), content.bottom() + 16, content.width(), 14),
        Qt.AlignmentFlag.AlignRight,
        f"map page {k + 1} of {len(tiles)} (page {k + 2}); dashed marks: overlap with the "
        "neighbouring pages",
    )
