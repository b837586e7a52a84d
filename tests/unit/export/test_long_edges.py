"""A long arrow drawn in pieces looks as drawn whole, and costs in proportion to its length.

Qt strokes one antialiased line in more than linear time in its length on the device (a
fan's 16,000 px arrows made its PNG take 35 s), so :func:`draw_edge` cuts long lines into
pieces, dashes kept in phase.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter, QPolygonF

from argmap.export import card_painter
from argmap.export.card_painter import draw_edge, edge_drawing
from argmap.export.themes import theme
from argmap.layout.geometry import EdgeLayout

W, H = 4000, 120


def _edge(kind: str) -> EdgeLayout:
    points = [(20.0, 100.0), (20.0, 60.0), (3900.0, 30.0), (3900.0, 10.0)]
    return EdgeLayout("i-1", points, [points[0]], kind, "s-0", ["s-1"], (1960.0, 45.0))


def _image(kind: str, *, whole: bool, width: int = W, shift: float = 0.0) -> QImage:
    light = theme("light")
    drawing = edge_drawing(_edge(kind), None, light)
    image = QImage(width, H, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(-shift, 0)
    if whole:  # the line as one stroke, then the head as draw_edge adds it
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(drawing.pen)
        painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in drawing.points]))
        painter.end()
        return image
    draw_edge(painter, drawing, light)
    painter.end()
    return image


def _ink(image: QImage, x0: int, x1: int) -> set[tuple[int, int]]:
    return {(x, y) for x in range(x0, x1) for y in range(H) if image.pixelColor(x, y).alpha() > 100}


@pytest.mark.parametrize("kind", ["support", "attack"])
def test_a_long_arrow_in_pieces_draws_what_one_stroke_draws(
    qapp: object, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = QPainter.drawPolyline

    def counted(self: QPainter, *args: object) -> None:
        calls.append(1)
        real(self, *args)  # type: ignore[call-overload]

    whole = _image(kind, whole=True)
    monkeypatch.setattr(QPainter, "drawPolyline", counted)
    pieces = _image(kind, whole=False)
    assert len(calls) >= 3900 / card_painter.PIECE_PX  # drawn in pieces
    for x0 in range(100, 3600, 400):  # along the long run (not the head): the same pixels
        a, b = _ink(whole, x0, x0 + 200), _ink(pieces, x0, x0 + 200)
        assert a and len(a ^ b) <= len(a) // 20, (x0, len(a), len(a ^ b))


@pytest.mark.parametrize("kind", ["support", "attack"])
def test_where_a_long_arrow_runs_off_the_picture_only_its_part_on_it_is_drawn(
    qapp: object, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A presentation zoomed in on a wide fan drew every piece of every far arrow."""
    calls = []
    real = QPainter.drawPolyline

    def counted(self: QPainter, *args: object) -> None:
        calls.append(1)
        real(self, *args)  # type: ignore[call-overload]

    whole = _image(kind, whole=True, width=600, shift=2400.0)
    monkeypatch.setattr(QPainter, "drawPolyline", counted)
    part = _image(kind, whole=False, width=600, shift=2400.0)
    assert len(calls) <= 4  # the pieces near the picture, not the 8 along the arrow
    a, b = _ink(whole, 0, 600), _ink(part, 0, 600)
    assert a and len(a ^ b) <= len(a) // 20, (len(a), len(a ^ b))


def test_every_arrow_of_a_wide_fan_lies_inside_the_exported_picture() -> None:
    """A row of columns has the first column's lanes left of every card."""
    from map_shapes import fan_map  # noqa: PLC0415

    from argmap.export.map_scene import prepare  # noqa: PLC0415

    scene = prepare(fan_map(60), direction="TB")
    r = scene.rect
    points = [p for edge in scene.layout.edges.values() for p in edge.points]
    assert min(x for x, _ in points) < min(c.box.x for c in scene.layout.cards.values())
    assert all(r.x <= x <= r.right and r.y <= y <= r.bottom for x, y in points)


def test_a_pdf_writes_a_long_arrow_as_one_line(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    """Pieces help Qt's rasteriser only; in a PDF they would be thousands of paths."""
    from pathlib import Path  # noqa: PLC0415

    from PySide6.QtGui import QPdfWriter  # noqa: PLC0415

    calls = []
    real = QPainter.drawPolyline

    def counted(self: QPainter, *args: object) -> None:
        calls.append(1)
        real(self, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QPainter, "drawPolyline", counted)
    writer = QPdfWriter(str(Path(str(tmp_path)) / "edge.pdf"))
    painter = QPainter(writer)
    painter.scale(10, 10)  # long on the device: 39,000 units
    light = theme("light")
    draw_edge(painter, edge_drawing(_edge("attack"), None, light), light)
    painter.end()
    assert len(calls) == 1
