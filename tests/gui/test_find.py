"""The find bar: type, step through matches in order, close."""

from __future__ import annotations

import pytest
from gui.panes_sample import seed_map
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from argmap.ui.editing.controller import DocumentController
from argmap.ui.editing.find_bar import FindBar


@pytest.fixture
def controller() -> DocumentController:
    return DocumentController(seed_map())


@pytest.fixture
def window(qtbot) -> QMainWindow:
    main = QMainWindow()
    qtbot.addWidget(main)
    return main


@pytest.fixture
def bar(qtbot, window: QMainWindow, controller: DocumentController) -> FindBar:
    find = FindBar(controller)
    window.setMenuWidget(find)
    window.show()
    qtbot.waitExposed(window)
    find.activate()
    return find


def test_typing_finds_matches_and_selects_the_first(qtbot, bar: FindBar, controller) -> None:
    with qtbot.waitSignal(bar.matches_changed):
        qtbot.keyClicks(bar.edit, "CEASEFIRE")
    assert bar.matches == ["s-claim"]  # nothing else says ceasefire
    assert bar.count.text() == "1 of 1"
    assert controller.selection == ["s-claim"]


def test_enter_and_shift_enter_step_in_order_and_wrap(qtbot, bar: FindBar, controller) -> None:
    qtbot.keyClicks(bar.edit, "IN")  # "in 2026", "Kremlin", "posturing"...
    expected = [
        s.id
        for s in controller.doc.statements
        if "in" in " ".join([s.text, s.notes, *s.tags]).lower()
    ]
    assert len(expected) >= 3
    assert bar.matches == expected
    seen = [bar.current]
    for step in range(1, len(expected) + 1):
        with qtbot.waitSignal(bar.match_selected) as selected:
            qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        seen.append(selected.args[0])
        assert bar.count.text() == f"{step % len(expected) + 1} of {len(expected)}"
    assert seen == [*expected, expected[0]]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current == expected[-1]
    assert controller.selection == [expected[-1]]


def test_f3_steps_from_anywhere_in_the_window(qtbot, bar: FindBar) -> None:
    bar.edit.setText("in")
    matches = bar.matches
    assert len(matches) >= 2
    window = bar.window()
    window.activateWindow()
    qtbot.waitActive(window)
    window.setFocus()
    with qtbot.waitSignal(bar.match_selected) as selected:
        qtbot.keyClick(window, Qt.Key.Key_F3)
    assert selected.args[0] == matches[1]
    with qtbot.waitSignal(bar.match_selected) as selected:
        qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert selected.args[0] == matches[0]


def test_matches_notes_and_tags_too(qtbot, bar: FindBar) -> None:
    bar.edit.setText("economy")
    assert bar.matches == ["s-econ"]
    bar.edit.setText("compromise")  # s-nuke's notes
    assert bar.matches == ["s-nuke"]
    bar.edit.setText("nothing like this")
    assert bar.matches == []
    assert bar.count.text() == "No matches"


def test_escape_closes_and_clears_highlights(qtbot, bar: FindBar) -> None:
    bar.edit.setText("ceasefire")
    with qtbot.waitSignal(bar.matches_changed) as changed:
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert changed.args[0] == []
    assert not bar.isVisible()


def test_an_edit_updates_matches_without_stealing_the_selection(
    qtbot, bar: FindBar, controller
) -> None:
    bar.edit.setText("ceasefire")
    controller.set_selection(["s-nuke"])
    with qtbot.waitSignal(bar.matches_changed) as changed:
        controller.set_statement_field("s-nuke", "text", "No ceasefire while posturing")
    assert changed.args[0] == ["s-claim", "s-nuke"]
    assert bar.count.text() == "1 of 2"
    assert controller.selection == ["s-nuke"]
