"""Edits on a big map touch only the items they change (counted work, so no flaky timings)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from layout_maps import close, synthetic_map
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from argmap.export.line_clip import crosses
from argmap.ui.canvas.scene import MapScene, SceneWork
from argmap.ui.canvas.view import MapView
from argmap.ui.editing.controller import DocumentController


@pytest.fixture(scope="module")
def big(qapp) -> Iterator[tuple[DocumentController, MapScene]]:  # type: ignore[no-untyped-def]
    """A 5,000-statement map on a scene; each test undoes its edits."""
    controller = DocumentController(synthetic_map(5000))
    scene = MapScene(controller)
    yield controller, scene
    scene.deleteLater()


def _spent(scene: MapScene, before: SceneWork) -> dict[str, int]:
    now = dataclasses.asdict(scene.work)
    return {k: v - getattr(before, k) for k, v in now.items()}


def _snapshot(scene: MapScene) -> SceneWork:
    return dataclasses.replace(scene.work)


def _leaf(scene: MapScene, k: int = 0) -> str:
    layout = scene.layout
    assert layout is not None
    leaves = [s for s, c in layout.cards.items() if s not in layout.children and c.parent]
    return leaves[(k * 97) % len(leaves)]


def _delta_size(scene: MapScene) -> tuple[int, int]:
    d = scene.layouter.last_delta
    return len(d.moved | d.added), len(d.edges_changed)


def _undo_all(controller: DocumentController) -> None:
    while controller.undo_stack.canUndo():
        controller.undo_stack.undo()
    controller.undo_stack.clear()


def test_a_text_edit_updates_only_its_card(big) -> None:
    controller, scene = big
    sid = _leaf(scene)
    first, *rest = controller.index.statement(sid).text.split(" ")
    before = _snapshot(scene)
    # The first word spelt backwards: same letters, same width, so the card keeps its size.
    controller.set_statement_field(sid, "text", " ".join([first[::-1], *rest]))
    spent = _spent(scene, before)
    assert scene.cards[sid].statement.text.startswith(first[::-1])
    assert spent["cards_created"] == spent["edges_created"] == 0
    assert spent["cards_placed"] == 1  # new lines, same place
    assert spent["edges_placed"] <= 3  # its own arrows, re-routed
    assert spent["items_refreshed"] == 1  # its statement
    _undo_all(controller)


def test_a_growing_text_moves_only_what_the_layout_moved(big) -> None:
    controller, scene = big
    sid = _leaf(scene, 3)
    before = _snapshot(scene)
    controller.set_statement_field(sid, "text", "A much longer text " * 12)
    spent = _spent(scene, before)
    cards, edges = _delta_size(scene)
    assert spent["cards_placed"] == cards and spent["edges_placed"] == edges
    assert scene.cards[sid].rect().height() == scene.layout.cards[sid].box.h
    _undo_all(controller)


def test_adding_a_premise_creates_one_card_and_one_arrow(big) -> None:
    controller, scene = big
    parent = _leaf(scene, 5)
    before = _snapshot(scene)
    sid = controller.add_statement("A new premise", parent=parent)
    spent = _spent(scene, before)
    assert spent["cards_created"] == 1 and spent["edges_created"] == 1
    cards, edges = _delta_size(scene)
    assert cards < 20 and edges < 20  # the new card sits under its leaf parent
    assert spent["cards_placed"] == cards and spent["edges_placed"] == edges
    card = scene.cards[sid]
    box = scene.layout.cards[sid].box
    assert card.isVisible() and card.pos() == QPointF(box.x, box.y)
    before = _snapshot(scene)
    controller.undo_stack.undo()
    assert sid not in scene.cards
    assert _spent(scene, before)["items_removed"] == 2
    _undo_all(controller)


def test_moving_a_card_places_only_that_card_and_its_arrows(big) -> None:
    controller, scene = big
    sid = _leaf(scene, 7)
    before = _snapshot(scene)
    controller.move({sid: (123.0, -456.0)})
    spent = _spent(scene, before)
    assert spent["cards_placed"] == 1
    assert spent["edges_placed"] == _delta_size(scene)[1] <= 10  # its arrow and siblings'
    assert scene.cards[sid].pos() == QPointF(123.0, -456.0)
    _undo_all(controller)


def test_selection_and_focus_touch_only_the_cards_they_change(big) -> None:
    controller, scene = big
    a, b = _leaf(scene, 11), _leaf(scene, 13)
    controller.set_selection([a])
    before = _snapshot(scene)
    controller.set_selection([b])
    assert _spent(scene, before)["items_refreshed"] <= 2  # the old and new current card
    before = _snapshot(scene)
    scene.marks.set_focus_mode(True)  # everything but b's ancestors dims once...
    dimmed = _spent(scene, before)["items_refreshed"]
    assert dimmed > 4000
    before = _snapshot(scene)
    controller.set_selection([b])  # ...and re-applying the same focus costs nothing
    assert _spent(scene, before)["items_refreshed"] == 0
    scene.marks.set_focus_mode(False)
    controller.set_selection([])


def _placements(scene: MapScene) -> dict[str, object]:
    out: dict[str, object] = {}
    for sid, card in scene.cards.items():
        out[sid] = (card.isVisible(), card.pos().toTuple(), card.rect().size().toTuple())
    for iid, edge in scene.edges.items():
        out[iid] = (edge.isVisible(), edge.layout.points if edge.isVisible() else None)
    return out


def _assert_like_a_fresh_scene(scene: MapScene) -> None:
    """Every item where a scene made afresh from the same map puts it."""
    fresh = MapScene(DocumentController(scene.controller.doc.model_copy(deep=True)))
    got, want = _placements(scene), _placements(fresh)
    assert got.keys() == want.keys()
    assert [k for k in got if not close(got[k], want[k])] == []


def _shown_view(scene: MapScene, qtbot, width: int, height: int) -> MapView:  # type: ignore[no-untyped-def]
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    return view


def test_after_many_edits_the_items_match_a_fresh_scene(qtbot) -> None:
    controller = DocumentController(synthetic_map(400, seed=3))
    scene = MapScene(controller)
    layout = scene.layout
    parents = [s for s in layout.children if layout.cards[s].parent]
    controller.add_statement("First new premise", parent=parents[0])
    controller.set_statement_field(parents[1], "text", "Rewritten, and much longer now " * 4)
    controller.remove_statements([parents[2]])
    controller.set_collapsed(parents[3], True)
    controller.move({parents[4]: (10.0, 20.0)})
    moving = parents[5]
    ix = controller.index
    target = next(s for s in parents[6:] if not ix.reaches(s, moving) and s != moving)
    controller.reparent(moving, target)
    controller.set_statement_field(moving, "text", "Moved and renamed")
    controller.undo_stack.undo()  # the new text
    controller.set_collapsed(parents[3], False)
    _assert_like_a_fresh_scene(scene)


def test_low_zoom_paints_kind_coloured_boxes_and_repaints_few_strips(big, qtbot) -> None:
    controller, scene = big
    view = MapView(scene)
    qtbot.addWidget(view)
    view.resize(800, 500)
    sid = _leaf(scene, 17)
    box = scene.layout.cards[sid].box
    view.zoom_by(0.1 / view.zoom)
    view.centerOn(box.x + box.w / 2, box.y + box.h / 2)
    assert view.low_detail
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    centre = view.mapFromScene(QPointF(box.x + box.w / 2, box.y + box.h / 2))
    fill = QColor(scene.theme.kind(scene.layout.cards[sid].kind).fill)
    assert QColor(image.pixel(centre)) == fill
    built = scene.overview.build_count
    assert built >= 10  # 5,000 cards make many strips...
    first, *rest = controller.index.statement(sid).text.split(" ")
    controller.set_statement_field(sid, "text", " ".join([first[::-1], *rest]))
    view.viewport().grab()
    assert scene.overview.build_count - built <= 2  # ...an edit rebuilds its own
    QApplication.processEvents()
    _undo_all(controller)


def test_an_edit_moving_most_cards_places_the_visible_ones_first(big, qtbot) -> None:
    controller, scene = big
    view = _shown_view(scene, qtbot, 800, 500)
    sid = _leaf(scene, 23)
    card = scene.cards[sid]
    view.centerOn(card.sceneBoundingRect().center())
    # Deleting a leaf closes its row: the cards after it shift, thousands of them.
    neighbour = next(
        s
        for s, c in scene.layout.cards.items()
        if s != sid and view.viewport().rect().contains(view.mapFromScene(c.box.x, c.box.y))
    )
    controller.remove_statements([sid])
    now, _ = _delta_size(scene)
    # Most cards are off screen: their subtrees wait, whole, for idle time...
    assert scene.layouter.pending and now < 300
    box = scene.layout.cards[neighbour].box  # (reading the layout finishes it)
    assert scene.cards[neighbour].pos() == QPointF(box.x, box.y)  # ...the visible ones do not
    waiting = len(scene.backlog.card_ids) + len(scene.backlog.edge_ids)
    assert waiting > 1000  # the rest of the map follows in idle time
    qtbot.waitUntil(lambda: not (scene.backlog.card_ids or scene.backlog.edge_ids))
    _assert_items_follow_layout(scene)
    _undo_all(controller)
    scene.backlog.catch_up()  # a press on the canvas does this before reading positions
    _assert_items_follow_layout(scene)


def test_idle_time_finishes_the_layout_and_the_items(big, qtbot) -> None:
    controller, scene = big
    view = _shown_view(scene, qtbot, 800, 500)
    sid = _leaf(scene, 23)
    view.centerOn(scene.cards[sid].sceneBoundingRect().center())
    controller.remove_statements([sid])
    assert scene.layouter.pending
    qtbot.waitUntil(lambda: not scene.layouter.pending)  # no one asked: idle time did it
    qtbot.waitUntil(lambda: not (scene.backlog.card_ids or scene.backlog.edge_ids))
    _assert_items_follow_layout(scene)
    _assert_like_a_fresh_scene(scene)
    _undo_all(controller)


def test_an_edit_while_far_cards_wait_loses_none_of_their_moves(big, qtbot) -> None:
    # A second edit (a key repeat, an undo) before idle time: the moves worked out for
    # the waiting cards must still reach their items.
    controller, scene = big
    view = _shown_view(scene, qtbot, 800, 500)
    sid, other = _leaf(scene, 23), _leaf(scene, 0)  # (reading scene.layout finishes it)
    view.centerOn(scene.cards[sid].sceneBoundingRect().center())
    controller.remove_statements([sid])
    assert scene.layouter.pending
    first, *rest = controller.index.statement(other).text.split(" ")
    controller.set_statement_field(other, "text", " ".join([first[::-1], *rest]))  # same size
    qtbot.waitUntil(
        lambda: not (scene.layouter.pending or scene.backlog.card_ids or scene.backlog.edge_ids)
    )
    _assert_items_follow_layout(scene)
    _assert_like_a_fresh_scene(scene)
    _undo_all(controller)


def _assert_items_follow_layout(scene: MapScene) -> None:
    layout = scene.layout
    for sid, card in scene.cards.items():
        placed = layout.cards.get(sid)
        assert card.isVisible() == (placed is not None)
        if placed is not None:
            assert card.pos() == QPointF(placed.box.x, placed.box.y), sid
    for iid, edge in scene.edges.items():
        routed = layout.edges.get(iid)
        assert edge.isVisible() == (routed is not None)
        if routed is not None:
            assert edge.layout == routed and edge.pos() == QPointF(*routed.points[0]), iid


def test_the_hand_cursor_shows_over_cards_only(qtbot) -> None:
    controller = DocumentController(synthetic_map(30))
    scene = MapScene(controller)
    view = _shown_view(scene, qtbot, 900, 600)
    qtbot.waitExposed(view)
    view.reset_zoom()
    sid = scene.layout.roots[0]
    view.centerOn(scene.cards[sid].sceneBoundingRect().center())
    over = view.mapFromScene(scene.cards[sid].sceneBoundingRect().center())
    for at in (over, over + QPoint(1, 1)):
        qtbot.mouseMove(view.viewport(), at)
    assert view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    for at in (QPoint(3, 3), QPoint(5, 5)):  # empty canvas in the corner
        qtbot.mouseMove(view.viewport(), at)
    assert view.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor


def test_long_arrows_crossing_the_view_box_but_not_its_area_are_not_drawn(
    big, qtbot, monkeypatch
) -> None:
    from argmap.ui.canvas import edge_item  # noqa: PLC0415

    _, scene = big
    view = _shown_view(scene, qtbot, 400, 300)
    view.resetTransform()
    view.scale(8, 8)  # a view smaller than the empty part of an arrow's box
    # A long arrow whose box meets the view where its line does not (an orthogonal arrow
    # leaves most of its box empty; a diagonal one, the corners).
    single = [e for e in scene.edges.values() if e.layout and not e.layout.feeders]
    longest = max(single, key=lambda e: e.sceneBoundingRect().width())
    box = longest.sceneBoundingRect()
    size = view.mapToScene(view.viewport().rect()).boundingRect()
    w, h = size.width(), size.height()
    x, y = next(
        (box.left() + box.width() * i / 20, box.top() + box.height() * j / 20)
        for j in range(21)
        for i in range(21)
        if not crosses(
            longest.layout.points,
            (
                box.left() + box.width() * i / 20 - w / 2 - 20,
                box.top() + box.height() * j / 20 - h / 2 - 20,
                box.left() + box.width() * i / 20 + w / 2 + 20,
                box.top() + box.height() * j / 20 + h / 2 + 20,
            ),
        )
    )
    view.centerOn(x, y)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert longest.sceneBoundingRect().intersects(shown)
    for edge in scene.edges.values():
        edge._drawing = None
    image = view.viewport().grab().toImage()
    boxed = [e for e in scene.edges.values() if e.sceneBoundingRect().intersects(shown)]
    drawn = [e for e in boxed if e._drawing is not None]
    assert longest in boxed and longest not in drawn
    assert len(drawn) < len(boxed)
    monkeypatch.setattr(edge_item, "_seen", lambda *_: True)
    assert view.viewport().grab().toImage() == image  # what is skipped shows nothing
