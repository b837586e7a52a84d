"""The canvas mirrors the document and turns pointer gestures into single undo steps."""

from __future__ import annotations

import dataclasses

import pytest
from gui.ui_maps import big_map, click, drag, move_to, press_and_move, small_map
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QImage,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication

from argmap.model import InferenceKind
from argmap.ui.canvas.canvas_drop import QuoteDrop
from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.view import MapView
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes.source_reader import QUOTE_MIME


@pytest.fixture
def canvas(qtbot):  # type: ignore[no-untyped-def]
    controller = DocumentController(small_map())
    scene = MapScene(controller)
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    view.reset_zoom()
    view.centerOn(scene.itemsBoundingRect().center())
    return controller, scene, view


def _at(view: MapView, scene: MapScene, sid: str, dx: float = 0.5, dy: float = 0.6) -> QPoint:
    """Viewport point at a fraction of a card's box."""
    r = scene.cards[sid].sceneBoundingRect().adjusted(8, 8, -8, -8)
    return view.mapFromScene(QPointF(r.left() + r.width() * dx, r.top() + r.height() * dy))


def test_scene_has_a_card_per_statement_and_an_arrow_per_inference(canvas) -> None:
    controller, scene, _ = canvas
    assert set(scene.cards) == {s.id for s in controller.doc.statements}
    assert set(scene.edges) == {i.id for i in controller.doc.inferences}
    assert all(card.isVisible() for card in scene.cards.values())
    # Conclusions sit above their premises in a top-down layout.
    assert scene.cards["s-q"].y() < scene.cards["s-a"].y() < scene.cards["s-c"].y()


def test_edits_update_items_in_place(canvas) -> None:
    controller, scene, _ = canvas
    kept = scene.cards["s-e"]
    old_height = scene.cards["s-c"].rect().height()
    sid = controller.add_statement("Fresh evidence", parent="s-c")
    assert scene.cards[sid].isVisible()
    assert scene.cards["s-e"] is kept  # untouched items are not rebuilt
    controller.set_statement_field("s-c", "text", "Talks have started " * 8)
    assert scene.cards["s-c"].rect().height() > old_height
    assert scene.cards["s-c"].layout.lines[0].startswith("Talks have started")
    controller.remove_statements([sid])
    assert sid not in scene.cards
    controller.undo_stack.undo()  # the removal
    assert scene.cards[sid].isVisible()
    controller.undo_stack.undo()  # the text
    assert scene.cards["s-c"].rect().height() == old_height
    controller.undo_stack.undo()  # the addition
    assert sid not in scene.cards


def test_dragging_a_card_pins_it_in_one_undo_step(canvas) -> None:
    controller, scene, view = canvas
    before = controller.doc.model_dump()
    card = scene.cards["s-o"]
    start = _at(view, scene, "s-o", 0.3, 0.8)
    origin = card.pos()
    drag(view, start, start + QPoint(0, 140), steps=8)
    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == "Move"
    pinned = controller.doc.view.pinned["s-o"]
    assert pinned[1] == pytest.approx(origin.y() + 140, abs=1)
    assert card.pos().y() == pytest.approx(pinned[1])
    controller.undo_stack.undo()
    assert controller.doc.model_dump() == before
    assert card.pos() == origin


def test_dropping_a_card_on_another_reparents_it(canvas) -> None:
    controller, scene, view = canvas
    drag(view, _at(view, scene, "s-o"), _at(view, scene, "s-e"))
    assert controller.index.parents("s-o") == ["s-e"]
    assert controller.undo_stack.count() == 1
    assert "s-o" not in controller.doc.view.pinned
    # The layout put it under its new parent.
    assert scene.cards["s-o"].y() > scene.cards["s-e"].y()


def test_link_drag_from_handle_adds_support_or_attack(canvas) -> None:
    controller, scene, view = canvas
    card = scene.cards["s-e"]
    scene.controller.set_selection(["s-e"])
    handle = view.mapFromScene(card.mapToScene(card.handle_center()))
    drag(view, handle, _at(view, scene, "s-c"))
    new = [i for i in controller.index.concluding_in("s-c") if i != "i-5"]
    assert len(new) == 1 and controller.index.inferences[new[0]].kind is InferenceKind.SUPPORT
    assert new[0] in scene.edges and scene.edges[new[0]].isVisible()
    controller.set_selection(["s-e"])
    handle = view.mapFromScene(card.mapToScene(card.handle_center()))
    drag(view, handle, _at(view, scene, "s-a"), mods=Qt.KeyboardModifier.AltModifier)
    kinds = {controller.index.inferences[i].kind for i in controller.index.concluding_in("s-a")}
    assert InferenceKind.ATTACK in kinds
    assert controller.undo_stack.count() == 2


def _marked(scene: MapScene) -> set[str]:
    return {sid for sid, card in scene.cards.items() if card.marks.drop_target}


def test_the_card_a_drag_would_drop_on_is_marked_alone_until_the_drag_ends(canvas, qtbot) -> None:
    controller, scene, view = canvas
    start, over_e, over_c = (_at(view, scene, s) for s in ("s-o", "s-e", "s-c"))
    press_and_move(view, start, over_e)
    assert _marked(scene) == {"s-e"}
    move_to(view, over_e, over_c)
    assert _marked(scene) == {"s-c"}
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert _marked(scene) == set()
    card = scene.cards["s-e"]
    controller.set_selection(["s-e"])
    handle = view.mapFromScene(card.mapToScene(card.handle_center()))
    press_and_move(view, handle, over_c)
    assert _marked(scene) == {"s-c"}
    drag(view, over_c, over_c, steps=1)  # released on it: linked, and unmarked
    assert _marked(scene) == set()


def test_a_quote_dragged_over_cards_marks_the_one_under_it_until_it_leaves(canvas) -> None:
    _, scene, view = canvas
    drop = QuoteDrop(view)
    mime = QMimeData()
    mime.setData(QUOTE_MIME, b'{"source": "src-1", "start": 0, "end": 5}')
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    viewport = view.viewport()
    QApplication.sendEvent(viewport, QDragEnterEvent(_at(view, scene, "s-c"), *args))
    assert _marked(scene) == {"s-c"}
    QApplication.sendEvent(viewport, QDragMoveEvent(_at(view, scene, "s-e"), *args))
    assert _marked(scene) == {"s-e"}
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert _marked(scene) == set()
    assert drop.target.card is None


def test_circular_link_is_refused_with_a_message(canvas, qtbot) -> None:
    controller, scene, view = canvas
    card = scene.cards["s-q"]
    controller.set_selection(["s-q"])
    handle = view.mapFromScene(card.mapToScene(card.handle_center()))
    with qtbot.waitSignal(scene.message) as blocker:
        drag(view, handle, _at(view, scene, "s-c"))
    assert "circular" in blocker.args[0]
    assert controller.undo_stack.count() == 0


def test_rubber_band_selects_cards_inside(canvas) -> None:
    controller, scene, view = canvas
    a = scene.cards["s-c"].sceneBoundingRect()
    b = scene.cards["s-e"].sceneBoundingRect()
    top_left = view.mapFromScene(QPointF(min(a.left(), b.left()) - 20, a.top() - 20))
    bottom_right = view.mapFromScene(QPointF(max(a.right(), b.right()) + 20, b.bottom() + 20))
    drag(view, top_left, bottom_right)
    assert {"s-c", "s-e"} <= set(controller.selection)
    assert "s-q" not in controller.selection
    click(view, top_left)  # a click on empty canvas clears the selection
    assert controller.selection == []


def test_clicking_the_quote_badge_requests_the_quote(canvas, qtbot) -> None:
    controller, scene, view = canvas
    card = scene.cards["s-e"]
    r = card.rect()
    badge = view.mapFromScene(card.mapToScene(QPointF(r.right() - 22, r.top() + 12)))
    with qtbot.waitSignal(controller.quote_requested) as blocker:
        click(view, badge)
    assert blocker.args == ["q-1"]
    assert controller.undo_stack.count() == 0


def test_wheel_zooms_about_the_cursor(canvas) -> None:
    _, scene, view = canvas
    at = _at(view, scene, "s-c")
    under = view.mapToScene(at)
    event = QWheelEvent(
        QPointF(at), QPointF(view.viewport().mapToGlobal(at)), QPoint(0, 0), QPoint(0, 240),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom > 1.2
    after = view.mapToScene(at)
    assert abs(after.x() - under.x()) < 2 and abs(after.y() - under.y()) < 2


def test_arrow_keys_walk_parent_child_and_siblings(canvas, qtbot) -> None:
    controller, _, view = canvas
    controller.set_selection(["s-a"])
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert controller.current == "s-b"
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert controller.current == "s-e"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert controller.current == "s-q"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert controller.current == "s-q"  # no sibling: stays


def test_collapse_hides_the_subtree_and_focus_mode_dims_others(canvas) -> None:
    controller, scene, _ = canvas
    controller.set_collapsed("s-a", True)
    assert not scene.cards["s-c"].isVisible() and not scene.cards["s-o"].isVisible()
    assert scene.cards["s-a"].layout.hidden_count == 2
    controller.set_collapsed("s-a", False)
    assert scene.cards["s-o"].isVisible()
    controller.set_selection(["s-c"])
    scene.marks.set_focus_mode(True)
    bright = {sid for sid, card in scene.cards.items() if not card.marks.dimmed}
    assert bright == {"s-c", "s-a", "s-q", "s-o"}
    assert scene.edges["i-4"].dimmed and not scene.edges["i-3"].dimmed
    scene.marks.set_focus_mode(False)
    assert not any(card.marks.dimmed for card in scene.cards.values())


def test_painting_normal_selected_dimmed_and_far_out(canvas) -> None:
    controller, scene, view = canvas
    images = []
    for setup in (
        lambda: None,
        lambda: controller.set_selection(["s-c", "s-e"]),
        lambda: scene.marks.set_focus_mode(True),
        lambda: view.zoom_by(0.05),
    ):
        setup()
        QApplication.processEvents()
        images.append(view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32))
    assert len({img.cacheKey() for img in images}) == 4
    assert images[0] != images[1] != images[2] != images[3]


def _ring_pixels(view: MapView, scene: MapScene, sid: str, colour: str) -> int:
    """Pixels of ``colour`` in a thin frame just around a card, as the view shows it."""
    image = view.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    box = view.mapFromScene(scene.cards[sid].sceneBoundingRect()).boundingRect()
    want = QColor(colour)
    found = 0
    for x in range(box.left() - 5, box.right() + 6):
        for y in range(box.top() - 5, box.bottom() + 6):
            if box.adjusted(2, 2, -2, -2).contains(x, y):
                continue
            c = image.pixelColor(x, y)
            near = abs(c.red() - want.red()) + abs(c.green() - want.green())
            found += near + abs(c.blue() - want.blue()) < 30
    return found


def test_far_out_the_drop_target_still_gets_its_ring(canvas, qtbot) -> None:
    controller, scene, view = canvas
    view.zoom_by(0.3)
    assert view.low_detail
    card = scene.cards["s-e"]
    controller.set_selection(["s-e"])
    handle = view.mapFromScene(card.mapToScene(card.handle_center()))
    press_and_move(view, handle, _at(view, scene, "s-q"))
    assert scene.gestures.action is not None and _marked(scene) == {"s-q"}
    ringed = _ring_pixels(view, scene, "s-q", scene.theme.selection)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert _ring_pixels(view, scene, "s-q", scene.theme.selection) == 0 < ringed


def test_five_thousand_statements_are_built_once_and_edits_touch_only_their_cards(
    qtbot,
) -> None:
    # Work counted, not timed: the times are benchmark rows ("Open 5,000 statements in
    # the canvas", "Canvas edit: ..."), and tests/gui/test_scene_incremental.py counts
    # each kind of edit in detail.
    controller = DocumentController(big_map(5000))
    scene = MapScene(controller)
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.fit_all()
    view.grab()
    assert scene.work.cards_created == 5000
    built = dataclasses.replace(scene.work)
    for k in range(5):
        controller.set_statement_field(f"s-{k * 7}", "text", f"Edited statement {k}")
    sid = controller.add_statement("New", parent="s-10")
    scene.backlog.catch_up()
    assert scene.cards[sid].isVisible()
    assert scene.cards["s-14"].statement.text == "Edited statement 2"
    assert scene.work.cards_created - built.cards_created == 1
    assert scene.work.edges_created - built.edges_created == 1
    assert scene.work.items_removed == built.items_removed
    assert scene.work.items_refreshed - built.items_refreshed == 5  # the five texts
