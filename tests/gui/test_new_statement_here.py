"""Right-click on empty canvas ▸ New statement here: the card appears where the user
clicked (pinned there), and one Undo takes the card and its pin away (issue #15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.main_window_fixtures import small_map_window
from gui.ui_maps import double_click
from PySide6.QtCore import QPoint, QPointF, QRectF

from argmap.model import StatementKind
from argmap.ui.canvas.context_menu import CanvasMenus


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


def _empty_spot(win) -> QPoint:
    """A viewport point well away from every card and arrow (right of the map)."""
    view = win.view
    port = view.viewport().rect()
    for x in range(port.width() - 40, 40, -20):
        for y in range(port.height() - 40, 40, -20):
            at = view.mapToScene(QPoint(x, y))
            probe = QRectF(at - QPointF(40, 40), at + QPointF(200, 120))
            if not win.scene.items(probe):
                return QPoint(x, y)
    raise AssertionError("no empty canvas in view")


def _menu_action(win, pos: QPoint, text: str):
    menus = win.findChild(CanvasMenus)
    menu = menus.menu_at(pos)
    names = [a.text().replace("&", "") for a in menu.actions()]
    action = next((a for a in menu.actions() if a.text().replace("&", "") == text), None)
    assert action is not None, names
    return menu, action


def test_new_statement_lands_where_the_user_clicked(window, qtbot) -> None:
    win = window
    before = set(win.controller.index.statements)
    pos = _empty_spot(win)
    clicked = win.view.mapToScene(pos)
    menu, action = _menu_action(win, pos, "New statement here")
    action.trigger()
    menu.deleteLater()
    (sid,) = set(win.controller.index.statements) - before
    assert win.controller.index.statement(sid).kind is StatementKind.CLAIM
    x, y = win.controller.doc.view.pinned[sid]
    assert abs(x - clicked.x()) < 1 and abs(y - clicked.y()) < 1
    win.scene.backlog.catch_up()
    card = win.scene.cards[sid]
    assert card.sceneBoundingRect().contains(clicked + QPointF(20, 10))
    shown = win.view.mapToScene(win.view.viewport().rect()).boundingRect()
    assert shown.contains(card.sceneBoundingRect())  # scrolled into view if need be
    if win.view.editor.isVisible():
        win.view.editor.cancel()
    win.controller.undo_stack.undo()
    assert sid not in win.controller.index.statements
    assert sid not in win.controller.doc.view.pinned
    assert set(win.controller.index.statements) == before


def test_a_double_click_on_empty_canvas_adds_the_card_there_too(window, qtbot) -> None:
    win = window
    before = set(win.controller.index.statements)
    pos = _empty_spot(win)
    clicked = win.view.mapToScene(pos)
    double_click(win.view, pos)
    (sid,) = set(win.controller.index.statements) - before
    x, y = win.controller.doc.view.pinned[sid]
    assert abs(x - clicked.x()) < 1 and abs(y - clicked.y()) < 1


def _copy_and_paste_here(win, sid: str, top_text: str) -> tuple[QPointF, set[str], str]:
    """Copy ``sid`` and choose Paste here on empty canvas: where the user clicked, the
    statements added, and the pasted copy of the card whose text is ``top_text``."""
    c = win.controller
    c.set_selection([sid])
    win.actions_by_name["copy"].trigger()
    before = set(c.index.statements)
    pos = _empty_spot(win)
    clicked = win.view.mapToScene(pos)
    menu, action = _menu_action(win, pos, "Paste here")
    action.trigger()
    menu.deleteLater()
    added = set(c.index.statements) - before
    (top,) = [s for s in added if c.index.statement(s).text == top_text]
    return clicked, added, top


def test_paste_here_puts_the_copied_subtree_where_the_user_clicked(window, qtbot) -> None:
    win, c = window, window.controller
    before = set(c.index.statements)
    # "Talks have started" with the objection under it
    clicked, added, top = _copy_and_paste_here(win, "s-c", "Talks have started")
    assert len(added) == 2  # the claim and its objection
    assert c.index.parents(top) == []  # a top card of its own, not under anything
    x, y = c.doc.view.pinned[top]
    assert abs(x - clicked.x()) < 1 and abs(y - clicked.y()) < 1
    win.scene.backlog.catch_up()
    assert win.scene.cards[top].sceneBoundingRect().contains(clicked + QPointF(20, 10))
    c.undo_stack.undo()  # one step takes the cards and the pin away
    assert set(c.index.statements) == before
    assert top not in c.doc.view.pinned


def test_paste_here_is_offered_only_when_the_clipboard_holds_something(window) -> None:
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    QGuiApplication.clipboard().clear()
    menus = window.findChild(CanvasMenus)
    menu = menus.menu_at(_empty_spot(window))
    names = [a.text().replace("&", "") for a in menu.actions()]
    menu.deleteLater()
    assert "Paste here" not in names
    assert "Paste (the clipboard is empty)" in names


def test_a_scenario_pasted_here_joins_the_question_and_the_status_bar_says_so(
    window, qtbot
) -> None:
    win, c = window, window.controller
    before = set(c.index.statements)
    clicked, added, new = _copy_and_paste_here(win, "s-a", "A freeze")  # a scenario
    assert len(added) == 3  # the scenario, its claim and the claim's objection
    assert c.index.parents(new) == ["s-q"]  # an answer to the question, where clicked
    x, y = c.doc.view.pinned[new]
    assert abs(x - clicked.x()) < 1 and abs(y - clicked.y()) < 1
    assert "1 scenario put under the question" in win.statusBar().currentMessage()
    c.undo_stack.undo()
    assert set(c.index.statements) == before
