"""Arrows prepared for repainting stay small once drawn (a canvas keeps thousands)."""

from __future__ import annotations

import gc

import pytest
from heap_usage import heap_in_use
from layout_maps import synthetic_map
from PySide6.QtGui import QImage, QPainter

from argmap.export.card_painter import draw_edge, edge_drawing
from argmap.export.themes import theme
from argmap.layout.tidy_tree import TreeLayouter


def test_drawing_prepared_arrows_leaves_them_their_size(qapp) -> None:  # type: ignore[no-untyped-def]
    if heap_in_use() is None:
        pytest.skip("needs glibc's mallinfo2")
    light = theme("light")
    layout = TreeLayouter(light.metrics).layout(synthetic_map(400, seed=3))
    drawings = [edge_drawing(edge, None, light) for edge in layout.edges.values()]
    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    b = layout.bounds

    def draw_all() -> None:
        painter = QPainter(image)
        painter.scale(400 / b.w, 300 / b.h)
        painter.translate(-b.x, -b.y)
        for drawing in drawings:
            draw_edge(painter, drawing, light)
        painter.end()

    draw_all()  # what Qt sets up once
    drawings = [edge_drawing(edge, None, light) for edge in layout.edges.values()]
    gc.collect()
    before = heap_in_use()
    draw_all()
    gc.collect()
    grown = heap_in_use() - before  # type: ignore[operator]
    # Qt keeps a converted copy in each path it draws: 3.6 KB for an arrowhead.
    assert grown / len(drawings) < 256
