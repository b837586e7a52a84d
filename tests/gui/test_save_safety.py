"""Saving respects another argmap's open map, and a deleted folder is called deleted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from argmap.io.map_file import load_map, save_map
from argmap.model import ArgMap, Statement, StatementKind
from argmap.ui.safety.file_guard import FileGuard
from argmap.ui.window.main_window import MainWindow

HOLDER = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from argmap.ui.safety.file_guard import FileGuard
app = QCoreApplication([])
guard = FileGuard()
guard.attach(Path(sys.argv[1]))
print("holding" if not guard.read_only else "could not lock", flush=True)
sys.stdin.read()
"""


def _doc(text: str) -> ArgMap:
    return ArgMap(title=text, statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text=text)])


@pytest.fixture
def theirs(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A map another argmap process has open: its path and that process's id."""
    path = tmp_path / "theirs.argmap.json"
    save_map(_doc("their work"), path)
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    ) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        yield path, holder.pid
        holder.kill()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = make_window(qtbot, Path(os.environ["ARGMAP_HOME"]))
    win.open_document(_doc("my work"))
    yield win
    close_window(win)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {"warnings": [], "save_as": []}

    def warn(_parent: QWidget, _title: str, text: str) -> QMessageBox.StandardButton:
        seen["warnings"].append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return seen


def test_save_as_onto_a_map_open_in_another_argmap_is_refused(
    window: MainWindow,
    theirs: tuple[Path, int],
    dialogs: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, pid = theirs

    def choose(*_args: object) -> tuple[str, str]:
        dialogs["save_as"].append(str(path))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert not window.save_as()

    assert load_map(path).title == "their work"
    assert len(dialogs["warnings"]) == 1
    assert (
        f"theirs.argmap.json is open in another argmap window (process {pid}"
        in (dialogs["warnings"][0])
    )
    assert window.controller.path is None and window.controller.is_dirty


def test_saving_a_map_locked_elsewhere_asks_once_and_says_why(
    qtbot: QtBot,
    theirs: tuple[Path, int],
    dialogs: dict[str, list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The map opened read-only; choosing its own path again used to reopen the dialog."""
    path, pid = theirs
    win = make_window(qtbot, Path(os.environ["ARGMAP_HOME"]))
    assert win.open_path(path)
    assert win.safety.guard.read_only
    win.controller.set_statement_field("s-1", "text", "my edit")

    def choose(*_args: object) -> tuple[str, str]:
        dialogs["save_as"].append(str(path))
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert not win.save()
    assert dialogs["save_as"] == [str(path)]  # one dialog, then a message
    assert len(dialogs["warnings"]) == 1 and f"(process {pid}" in dialogs["warnings"][0]
    assert load_map(path).statements[0].text == "their work"
    close_window(win)


def test_a_deleted_folder_is_not_called_read_only(tmp_path: Path, qtbot: QtBot) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    path = folder / "talks.argmap.json"
    save_map(_doc("x"), path)
    guard = FileGuard()
    guard.attach(path)
    assert guard.banner_text() == ""

    shutil.rmtree(folder)
    guard.check_now()

    assert guard.read_only
    text = guard.banner_text()
    assert "read-only" not in text
    assert text == (
        f"The folder of talks.argmap.json ({folder}) was deleted or moved. "
        "Use Save As to keep your changes."
    )
    guard.release()
