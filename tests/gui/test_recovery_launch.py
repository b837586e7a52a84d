"""Recovery through the real start-up function (``argmap.ui.app.launch``), for every button.

A session edits a map and dies after autosave; then ``launch`` runs as the ``argmap``
command runs it, and a timer presses Restore, Discard or Later in the dialog it shows.
Building the dialog by hand (as the older tests do) kept it alive and hid a crash:
Restore and Discard freed the dialog while a row's deferred delete was still queued.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.io.map_file import load_map, save_map
from argmap.io.recovery import SNAPSHOT_SUFFIX, RecoveryStore
from argmap.model import ArgMap, Statement, StatementKind
from argmap.ui import pane_colours
from argmap.ui.app import launch
from argmap.ui.editing.controller import DocumentController
from argmap.ui.safety.autosave import Autosaver
from argmap.ui.safety.recovery_dialog import RecoveryDialog
from argmap.ui.window.app_settings import app_settings
from argmap.ui.window.appearance import is_dark
from argmap.ui.window.main_window import MainWindow

ADDED = "Both sides are exhausted"


class Answer(QObject):
    """Presses ``button`` in the recovery dialog when the start-up shows one."""

    def __init__(self, button: str) -> None:
        super().__init__()
        self.button = button
        self.listed: list[str] | None = None  # the maps the dialog offered; None: no dialog
        self.drawn_dark: bool | None = None  # the dialog as drawn: light text on dark
        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecoveryDialog):
            return
        self.timer.stop()
        self.listed = [row.snapshot.display_name for row in dialog.rows]
        self.drawn_dark = is_dark(dialog.palette()) and pane_colours.current().name == "dark"
        row = dialog.rows[0]
        target = {
            "Restore": row.restore_button,
            "Discard": row.discard_button,
            "Later": dialog.later_button,
        }[self.button]
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "talks.argmap.json"
    doc = ArgMap(
        title="Ceasefire talks",
        statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="A ceasefire holds")],
    )
    save_map(doc, path)
    return path


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    shown: list[MainWindow] = []
    yield shown
    for window in shown:
        close_window(window)


def _crash(map_file: Path, qtbot: QtBot) -> Path:
    """A session edits the map, autosaves, and dies without closing; the snapshot file."""
    controller = DocumentController()
    controller.open(map_file)
    saver = Autosaver(controller, RecoveryStore(), interval_s=0.05)
    with qtbot.waitSignal(saver.snapshot_written, timeout=3000) as written:
        controller.add_statement(ADDED, parent="s-1")
    saver.abandon()
    return Path(str(written.args[0]))


def _start(button: str, path: Path | None, windows: list[MainWindow], qtbot: QtBot) -> Answer:
    answer = Answer(button)
    windows.extend(launch(str(path) if path else None))
    answer.timer.stop()
    # What the event loop does next: deferred deletes (the crash was one), queued timers.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(50)
    return answer


def _texts(window: MainWindow) -> list[str]:
    return [s.text for s in window.controller.doc.statements]


def test_restore_at_launch_opens_the_edits_as_unsaved(
    map_file: Path, qtbot: QtBot, windows: list[MainWindow]
) -> None:
    on_disk = map_file.read_bytes()
    snapshot = _crash(map_file, qtbot)

    answer = _start("Restore", None, windows, qtbot)

    assert answer.listed == ["Ceasefire talks"]
    [window] = windows
    assert _texts(window) == ["A ceasefire holds", ADDED]
    assert window.controller.is_dirty and window.controller.path == map_file
    assert "Recovered unsaved changes to talks.argmap.json" in window.banner.text()
    assert map_file.read_bytes() == on_disk
    assert snapshot.is_file()  # until the map is saved
    assert window.save()
    window.safety.autosaver.flush()
    assert not snapshot.exists()
    assert [s.text for s in load_map(map_file).statements] == ["A ceasefire holds", ADDED]


def test_discard_at_launch_removes_the_copy_and_is_not_asked_again(
    map_file: Path, qtbot: QtBot, windows: list[MainWindow]
) -> None:
    snapshot = _crash(map_file, qtbot)

    answer = _start("Discard", map_file, windows, qtbot)
    assert answer.listed == ["Ceasefire talks"]
    assert [_texts(w) for w in windows] == [["A ceasefire holds"]]
    assert not snapshot.exists()
    assert RecoveryStore().snapshots() == []

    again = _start("Restore", map_file, windows, qtbot)
    assert again.listed is None


def test_later_at_launch_keeps_the_copy_even_when_the_map_is_opened(
    map_file: Path, qtbot: QtBot, windows: list[MainWindow]
) -> None:
    snapshot = _crash(map_file, qtbot)

    answer = _start("Later", map_file, windows, qtbot)
    assert answer.listed == ["Ceasefire talks"]
    [window] = windows
    assert _texts(window) == ["A ceasefire holds"]
    window.controller.add_statement("a new edit in this session", parent="s-1")
    window.safety.autosaver.write_if_needed()
    window.controller.save()  # saving this session removes only this session's copy
    window.safety.autosaver.flush()
    assert snapshot.is_file()
    assert [s.title for s in RecoveryStore().snapshots()] == ["Ceasefire talks"]


def test_launch_clears_locks_killed_sessions_left(
    map_file: Path, qtbot: QtBot, windows: list[MainWindow]
) -> None:
    store = RecoveryStore()
    left = store.folder / f"unsaved-killed{SNAPSHOT_SUFFIX}.lock"
    holder = (
        "import sys, time\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0)\n"
        "print('locked', flush=True); time.sleep(60)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", holder, str(left)], stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert left.exists()

    _start("Later", map_file, windows, qtbot)

    assert not left.exists()


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_offer_at_launch_is_in_the_theme_the_user_chose(
    map_file: Path, qtbot: QtBot, windows: list[MainWindow], theme: str
) -> None:
    """View ▸ Theme ▸ Dark reached the windows, not the recovery offer shown before them:
    after a crash, argmap came back with a light dialog on a dark desktop session."""
    _crash(map_file, qtbot)
    settings = app_settings()
    settings.setValue("appearance/theme", theme)
    settings.sync()
    try:
        answer = _start("Later", None, windows, qtbot)
        assert answer.listed == ["Ceasefire talks"]
        assert answer.drawn_dark == (theme == "dark")
    finally:
        for window in windows:
            window.appearance.set_mode("light")
        pane_colours.use("light")
