"""Light/dark follows the desktop unless overridden; Help lists the real shortcuts;
F5 presents the map and Esc comes back; ``argmap present`` refuses bad files."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, small_map_window, use_home
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.cli import present_cmd
from argmap.ui.help_dialogs import shortcut_rows
from argmap.ui.presentation import PresentationWindow
from argmap.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


def _desktop_switches_to(scheme: Qt.ColorScheme) -> None:
    """What the platform does when the user flips the desktop's light/dark setting."""
    QApplication.styleHints().colorSchemeChanged.emit(scheme)


def _window_is_dark(win: MainWindow) -> bool:
    p = win.palette()
    return p.color(QPalette.ColorRole.Window).lightness() < 100


def _page_lightness(win: MainWindow) -> int:
    """How light the reader's page and the article list are drawn (the darker of the two)."""
    shots = [
        w.grab().toImage() for w in (win.sources.reader.viewport(), win.sources.list.viewport())
    ]
    return min(shot.pixelColor(shot.width() - 3, shot.height() - 3).lightness() for shot in shots)


def test_the_canvas_and_chrome_follow_the_desktop_scheme(window: MainWindow) -> None:
    assert window.appearance.mode == "system"
    try:
        _desktop_switches_to(Qt.ColorScheme.Dark)
        assert window.scene.theme.name == "dark"
        assert window.scene.backgroundBrush().color().lightness() < 60
        assert _window_is_dark(window)
        # the sources follow: the article list and the reader's page go dark too (#15)
        assert _page_lightness(window) < 60
        _desktop_switches_to(Qt.ColorScheme.Light)
        assert window.scene.theme.name == "light"
        assert not _window_is_dark(window)
        assert _page_lightness(window) > 200
    finally:
        _desktop_switches_to(Qt.ColorScheme.Unknown)


def test_a_chosen_theme_overrides_the_desktop_and_is_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.actions_by_name["theme_dark"].trigger()
    assert window.scene.theme.name == "dark"
    try:
        _desktop_switches_to(Qt.ColorScheme.Light)
        assert window.scene.theme.name == "dark"  # the user's choice wins
    finally:
        _desktop_switches_to(Qt.ColorScheme.Unknown)
    close_window(window)
    again = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert again.appearance.mode == "dark"
    assert again.actions_by_name["theme_dark"].isChecked()
    assert again.scene.theme.name == "dark"
    again.actions_by_name["theme_system"].trigger()
    assert again.scene.theme.name == "light"
    close_window(again)


def test_the_shortcuts_list_comes_from_the_real_actions(window: MainWindow) -> None:
    rows = shortcut_rows(window)
    save = QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert ("File", "Save", save) in rows
    sections = [sec for k, (sec, _, _) in enumerate(rows) if k == 0 or rows[k - 1][0] != sec]
    assert len(sections) == len(set(sections))  # "File" once, not again after File > Import
    assert sections.index("File") < sections.index("File ▸ Import")
    assert save == "Ctrl+S"
    # every row is a live action's shortcut: change one and the list follows
    window.actions_by_name["find"].setShortcut(QKeySequence("Ctrl+Alt+G"))
    assert ("Edit", "Find", "Ctrl+Alt+G") in shortcut_rows(window)
    dialog = window.help.show_shortcuts()
    assert "Ctrl+S" in dialog.browser.toPlainText()
    assert "Presentation" in dialog.browser.toPlainText()
    dialog.close()


def test_f5_presents_and_escape_comes_back(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    shown = window.presentation
    assert isinstance(shown, PresentationWindow)
    qtbot.waitUntil(shown.isVisible)
    assert shown.isFullScreen()
    with qtbot.waitSignal(shown.finished, timeout=2000):
        qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert window.presentation is None
    assert window.isVisible()


def test_present_command_rejects_a_broken_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    present_cmd.register(parser.add_subparsers())
    bad = tmp_path / "bad.argmap.json"
    bad.write_text("{ not json")
    args = parser.parse_args(["present", str(bad)])
    assert args.func(args) == 2
    assert "bad.argmap.json" in capsys.readouterr().err
