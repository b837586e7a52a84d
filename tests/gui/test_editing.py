"""Real editing sessions in the main window: keyboard, drag, undo, save and reopen."""

from __future__ import annotations

import json

import pytest
from gui.ui_maps import drag, small_map
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from argmap.io.map_file import load_map, save_map
from argmap.model import InferenceKind, StatementKind
from argmap.ui.window.main_window import MainWindow
from argmap.ui.window.recent_files import RecentFiles


@pytest.fixture
def window(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "talks.argmap.json"
    save_map(small_map(), path)
    win = MainWindow(recent=RecentFiles(tmp_path / "recent.json"))
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_path(path)
    win.view.setFocus()
    yield win
    win.controller.undo_stack.setClean()  # closing must not stop at a "save changes?" prompt
    win.close()
    win.deleteLater()


def _type_into_editor(qtbot, win: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = win.view.editor
    assert editor.is_open
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.is_open


def test_keyboard_session_then_undo_all_restores_the_document(window, qtbot) -> None:
    win, c = window, window.controller
    start = c.doc.model_dump()
    c.set_selection(["s-c"])
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_Insert)  # supporting child, editor opens
    _type_into_editor(qtbot, win, "Delegations booked hotels")
    child = c.current
    assert child is not None and c.index.statement(child).text == "Delegations booked hotels"
    assert c.index.parents(child) == ["s-c"]
    qtbot.keyClick(win.view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    _type_into_editor(qtbot, win, "Hotels get booked for show")
    objection = c.current
    assert objection is not None
    assert c.index.statement(objection).kind is StatementKind.OBJECTION
    inf = c.index.inferences[c.index.with_premise(objection)[0]]
    assert (inf.conclusion, inf.kind) == (child, InferenceKind.ATTACK)
    qtbot.keyClick(win.view, Qt.Key.Key_Return)  # sibling of the objection
    _type_into_editor(qtbot, win, "Sibling")
    assert c.index.parents(c.current) == [child]  # type: ignore[arg-type]
    qtbot.keyClick(win.view, Qt.Key.Key_F2)
    _type_into_editor(qtbot, win, "Renamed sibling")
    assert c.index.statement(c.current).text == "Renamed sibling"  # type: ignore[arg-type]
    qtbot.keyClick(win.view, Qt.Key.Key_Up)
    assert c.current == child
    qtbot.keyClick(win.view, Qt.Key.Key_Delete)  # child with its two premises' links
    assert child not in c.index.statements and c.current == "s-c"
    assert win.isWindowModified() and win.windowTitle().startswith("talks.argmap.json")
    while c.undo_stack.canUndo():
        c.undo_stack.undo()
    assert c.doc.model_dump() == start
    assert not win.isWindowModified()


def test_drag_is_one_undo_step_and_survives_save_and_reopen(window, qtbot, tmp_path) -> None:
    win, c = window, window.controller
    view, scene = win.view, win.scene
    view.reset_zoom()
    card = scene.cards["s-o"]
    view.centerOn(card)
    QApplication.processEvents()
    r = card.sceneBoundingRect()
    start = view.mapFromScene(QPointF(r.left() + 30, r.bottom() - 14))
    drag(view, start, start + QPoint(90, 60), steps=10)
    assert c.undo_stack.count() == 1
    pinned = c.doc.view.pinned["s-o"]
    c.set_collapsed("s-b", True)
    target = tmp_path / "saved.argmap.json"
    assert win._save_to(target)
    assert not win.isWindowModified() and "saved.argmap.json" in win.windowTitle()
    assert load_map(target).model_dump() == c.doc.model_dump()
    assert win.open_path(target)
    assert c.doc.view.pinned["s-o"] == pytest.approx(pinned)
    assert scene.cards["s-o"].pos().x() == pytest.approx(pinned[0])
    assert not scene.cards["s-e"].isVisible()  # still collapsed under s-b
    assert str(target.resolve()) in win.recent.paths()


def test_collapse_and_expand_by_keyboard(window, qtbot) -> None:
    win, c = window, window.controller
    c.set_selection(["s-a"])
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_Minus)
    assert c.doc.view.collapsed == ["s-a"]
    assert not win.scene.cards["s-c"].isVisible()
    qtbot.keyClick(win.view, Qt.Key.Key_Plus)
    assert c.doc.view.collapsed == [] and win.scene.cards["s-c"].isVisible()


def test_focus_mode_and_find_highlight(window, qtbot) -> None:
    win, c = window, window.controller
    c.set_selection(["s-e"])
    win.actions_by_name["focus_mode"].setChecked(True)
    dimmed = {sid for sid, card in win.scene.cards.items() if card.marks.dimmed}
    assert dimmed == {"s-a", "s-c", "s-o"}
    win.actions_by_name["focus_mode"].setChecked(False)
    win.show_find()
    qtbot.keyClicks(win.find_bar.edit, "talks")
    lit = {sid for sid, card in win.scene.cards.items() if card.marks.highlighted}
    assert lit == {"s-c", "s-o"}
    assert c.current in lit


def test_link_selected_statements_with_ctrl_l(window, qtbot) -> None:
    win, c = window, window.controller
    c.set_selection(["s-e", "s-c"])
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert "s-c" in c.index.parents("s-e")
    assert c.undo_stack.undoText() == "Add link"


def test_closing_with_unsaved_changes_asks(window, monkeypatch) -> None:
    win, c = window, window.controller
    c.set_statement_field("s-c", "text", "Changed")
    asked = []

    def answer(*_args: object) -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not win.close()
    assert asked and win.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    assert win.close()


def test_a_broken_file_is_reported_and_the_map_kept(window, tmp_path, monkeypatch) -> None:
    win, c = window, window.controller
    before = c.doc.model_dump()
    bad = tmp_path / "bad.argmap.json"
    bad.write_text(json.dumps({"format": "argmap", "version": 1, "statements": "oops"}))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _w, _t, text: shown.append(text))
    assert not win.open_path(bad)
    assert shown and "bad.argmap.json" in shown[0]
    assert c.doc.model_dump() == before


def test_new_premise_from_a_quote_dropped_on_a_card(window) -> None:
    win, c = window, window.controller
    text = c.doc.sources[0].text
    start = text.index("Observers")
    win.quote_drop.drop(("src-1", start + 2, start + 30), "s-a", attack=False)
    sid = c.current
    assert sid is not None
    statement = c.index.statement(sid)
    quote = c.index.quote(statement.quotes[0])
    assert quote.exact == text[quote.start : quote.end]
    assert quote.exact.startswith("Observers")  # snapped to the whole word
    assert c.index.parents(sid) == ["s-a"]
    c.undo_stack.undo()
    assert sid not in c.index.statements and quote.id not in c.index.quotes
