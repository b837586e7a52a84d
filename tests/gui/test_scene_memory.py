"""An open map's items share what they can: big maps repeat card sizes."""

from __future__ import annotations

from gui.ui_maps import small_map

from argmap.model import Statement, StatementKind
from argmap.ui.canvas.scene import MapScene
from argmap.ui.controller import DocumentController


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
