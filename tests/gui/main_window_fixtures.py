"""A main window on a small map with its settings in a temporary ARGMAP_HOME."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.ui_maps import small_map
from pytestqt.qtbot import QtBot

from argmap.io.map_file import save_map
from argmap.ui.window.app_settings import app_settings
from argmap.ui.window.main_window import MainWindow
from argmap.ui.window.recent_files import RecentFiles


def make_window(qtbot: QtBot, home: Path, size: tuple[int, int] | None = (1280, 800)) -> MainWindow:
    """A shown main window whose settings live under ``home`` (ARGMAP_HOME); ``size=None``
    keeps the size the window restored from its settings."""
    win = MainWindow(recent=RecentFiles(home / "recent.json"), settings=app_settings())
    if size is not None:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


def close_window(win: MainWindow) -> None:
    """Close without a "save changes?" prompt."""
    win.controller.undo_stack.setClean()
    win.close()
    win.deleteLater()


def use_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ARGMAP_HOME at a fresh folder for this test; returns it."""
    monkeypatch.setenv("ARGMAP_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def small_map_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """For a fixture: a window on the small test map, closed afterwards."""
    path = tmp_path / "talks.argmap.json"
    save_map(small_map(), path)
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert win.open_path(path)
    yield win
    close_window(win)
