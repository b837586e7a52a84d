"""Every shortcut of a map's window does one thing. Two window-wide actions on one key make
Qt refuse both ("ambiguous shortcut"): Ctrl+Shift+R was New scenario and Record estimate,
Ctrl+Shift+T New top-level statement and the estimate timeline, Ctrl+Shift+6 the Key
assumptions and Outline panels, and pressing any of them did nothing at all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import small_map_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from argmap.model import StatementKind
from argmap.ui.window.main_window import MainWindow

WIDE = {Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut}


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


def _bindings(window: MainWindow) -> dict[tuple[str, str], list[str]]:
    """Key and where it applies (the whole window, or one widget) -> the actions on it."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for action in window.findChildren(QAction):
        wide = action.shortcutContext() in WIDE
        for key in action.shortcuts():
            if key.isEmpty():
                continue
            places = ["window"] if wide else [repr(o) for o in action.associatedObjects()]
            for place in places:
                found[(key.toString(), place)].append(action.text().replace("&", ""))
    return found


def test_no_two_actions_of_a_window_share_a_key(window: MainWindow) -> None:
    found = _bindings(window)
    assert len(found) > 40  # the menus are all there
    window_keys = {key for key, place in found if place == "window"}
    shared = {k: v for k, v in found.items() if len(v) > 1}
    assert shared == {}
    on_a_widget = {key for key, place in found if place != "window"}
    assert window_keys & on_a_widget == set()  # a pane's key does not hide a window's


def _press(window: MainWindow, qtbot: QtBot, key: str) -> None:
    window.activateWindow()
    window.view.setFocus()
    sequence = QKeySequence(key)[0]
    qtbot.keyClick(window.view, sequence.key(), sequence.keyboardModifiers())


def _kinds(window: MainWindow) -> list[StatementKind]:
    return [s.kind for s in window.controller.doc.statements]


def test_the_editor_keys_once_shared_make_what_they_name(window: MainWindow, qtbot: QtBot) -> None:
    scenarios = _kinds(window).count(StatementKind.SCENARIO)
    _press(window, qtbot, "Ctrl+Shift+R")
    assert _kinds(window).count(StatementKind.SCENARIO) == scenarios + 1
    count = len(window.controller.doc.statements)
    _press(window, qtbot, "Ctrl+Shift+T")
    assert len(window.controller.doc.statements) == count + 1


def test_the_estimate_keys_open_their_windows(window: MainWindow, qtbot: QtBot) -> None:
    _press(window, qtbot, "Ctrl+Shift+H")
    timeline = window.history.timeline
    assert timeline is not None and timeline.isVisible()
    timeline.close()
    _press(window, qtbot, "Ctrl+Shift+K")
    dialog = window.history._estimate_dialog
    assert isinstance(dialog, QDialog) and dialog.isVisible()
    dialog.reject()


def test_the_outline_and_key_assumptions_panels_have_keys_of_their_own(
    window: MainWindow, qtbot: QtBot
) -> None:
    outline = window.layout_.dock("Outline")
    assumptions = window.layout_.dock("Key assumptions")
    shown = outline.isVisible(), assumptions.isVisible()
    _press(window, qtbot, "Ctrl+Shift+8")
    assert (outline.isVisible(), assumptions.isVisible()) == (not shown[0], shown[1])
    _press(window, qtbot, "Ctrl+Shift+6")
    assert (outline.isVisible(), assumptions.isVisible()) == (not shown[0], not shown[1])
    if assumptions.isVisible():
        assumptions.toggleViewAction().trigger()
