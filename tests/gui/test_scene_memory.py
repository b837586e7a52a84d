"""An open map's items share what they can: big maps repeat card sizes."""

from __future__ import annotations

import gc

import pytest
from gui.ui_maps import small_map
from heap_usage import heap_in_use
from layout_maps import synthetic_map
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from argmap.model import Statement, StatementKind
from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.text_editor import InlineTextEditor
from argmap.ui.canvas.view import MapView
from argmap.ui.editing.controller import DocumentController


def _scene_with_twins(qtbot) -> tuple[DocumentController, MapScene]:  # type: ignore[no-untyped-def]
    doc = small_map()
    doc.statements += [
        Statement(id=f"s-t{k}", kind=StatementKind.EVIDENCE, text="Same words, same card")
        for k in range(3)
    ]
    controller = DocumentController(doc)
    scene = MapScene(controller)
    return controller, scene


def test_cards_of_one_size_share_one_bounds_rectangle(qtbot) -> None:  # type: ignore[no-untyped-def]
    _, scene = _scene_with_twins(qtbot)
    twins = [scene.cards[f"s-t{k}"] for k in range(3)]
    assert twins[0].boundingRect() is twins[1].boundingRect() is twins[2].boundingRect()
    rects = {id(card.boundingRect()) for card in scene.cards.values()}
    sizes = {(c.layout.box.w, c.layout.box.h) for c in scene.cards.values() if c.layout}
    assert len(rects) == len(sizes)


def test_a_card_that_changes_size_leaves_its_twins_as_they_were(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller, scene = _scene_with_twins(qtbot)
    twin, other = scene.cards["s-t0"], scene.cards["s-t1"]
    before = other.boundingRect().getRect()
    controller.set_statement_field("s-t0", "text", "Longer words now " * 6)
    assert twin.boundingRect().height() > other.boundingRect().height()
    assert other.boundingRect().getRect() == before
    assert twin.rect().height() == twin.layout.box.h


def test_a_painted_overview_keeps_only_its_paths(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Qt converts a path to draw it and keeps the result in the path: as much again."""
    if heap_in_use() is None:
        pytest.skip("needs glibc's mallinfo2")
    scene = MapScene(DocumentController(synthetic_map(3000)))
    image = QImage(800, 500, QImage.Format.Format_ARGB32_Premultiplied)
    b = scene.layout.bounds if scene.layout else None
    assert b is not None
    world = QRectF(b.x, b.y, b.w, b.h)
    zoom = min(800 / b.w, 500 / b.h)

    def paint() -> None:
        painter = QPainter(image)
        painter.scale(zoom, zoom)
        painter.translate(-b.x, -b.y)
        scene.overview.paint(painter, world, zoom)
        painter.end()

    paint()  # whatever Qt sets up once
    strips = scene.overview._strips
    first = [p for s in strips for p in (*s.card_paths.values(), *s.edge_paths.values())]
    for strip in strips:
        strip.dirty = True  # the next paint builds every path again; ``first`` stays alive
    gc.collect()
    before = heap_in_use()
    paint()
    gc.collect()
    held = heap_in_use() - before  # type: ignore[operator]
    elements = sum(p.elementCount() for p in first)
    # A path element is 24 bytes; Qt's converted copy of it 20 more.
    assert held / elements < 32


def test_the_in_place_editor_is_made_on_the_first_edit(qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = DocumentController(small_map())
    view = MapView(MapScene(controller))
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    view.viewport().grab()
    assert view.viewport().findChildren(InlineTextEditor) == []  # ~1 MB saved until then
    view.edit_text("s-c")
    assert view.viewport().findChildren(InlineTextEditor) == [view.editor]
    assert view.editor.is_open
    qtbot.keyClicks(view.editor, "Talks resumed")  # replaces the selected text
    qtbot.keyClick(view.editor, Qt.Key.Key_Return)
    assert controller.index.statement("s-c").text == "Talks resumed"
