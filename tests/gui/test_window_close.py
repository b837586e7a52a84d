"""Closing a map's window closes the windows that belong to it: Find in articles, the
timeline, the merge conflicts and the panes floating in windows of their own are not left
open on a map no longer shown (with two maps open, they were; and in the tests they stayed
over the next test's window, where they took its mouse: the hand-cursor test failed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, small_map_window
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from argmap.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


def _shown_windows() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if w.isVisible()}


def test_closing_a_map_window_closes_its_own_windows(window: MainWindow, qtbot: QtBot) -> None:
    search = window.editor_actions.show_search()
    timeline = window.history.show_timeline()
    conflicts = window.merging.show_conflicts()
    ach = window.layout_.dock("ACH matrix")
    ach.toggleViewAction().trigger()  # View > Panels: it floats in a window of its own
    qtbot.waitExposed(search)
    own = _shown_windows() - {window}
    assert {search, timeline, conflicts, ach} <= own

    close_window(window)

    assert not window.isVisible()
    assert [w.windowTitle() for w in own if w.isVisible()] == []


def test_closing_one_of_two_maps_leaves_the_other_and_its_windows_open(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    other_windows = small_map_window(qtbot, other_folder, monkeypatch)
    other = next(other_windows)
    try:
        kept = other.editor_actions.show_search()
        gone = window.editor_actions.show_search()
        close_window(window)
        assert not gone.isVisible()
        assert other.isVisible() and kept.isVisible()
    finally:
        close_window(other)
