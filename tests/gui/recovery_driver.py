"""Drives a real argmap start-up in its own process, for the crash-recovery tests.

Run as ``python recovery_driver.py PHASE ARGV...``: it starts argmap exactly as the
``argmap`` command does (``argmap.cli.main(ARGV)``: the start-up path, the recovery
offer, the event loop), and acts on it from a timer, as a user would:

- ``edit``: once the window shows, add a statement and wait for autosave (on the
  interval set in ``ARGMAP_HOME``'s settings) to write the recovery copy; then print
  ``snapshot FILE`` and idle until the test kills the process.
- ``answer BUTTON`` (Restore, Discard or Later): when the recovery dialog shows, print
  the maps it lists and press BUTTON with the mouse. Once a main window is up, print
  what the windows hold (JSON) and quit through the event loop. A start without a
  recovery dialog prints ``"dialog": null``.

Nothing in argmap knows about this driver: it only watches the widgets the start-up made.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from argmap.cli import main
from argmap.ui.app import application
from argmap.ui.safety.recovery_dialog import RecoveryDialog
from argmap.ui.window.main_window import MainWindow

ADDED_TEXT = "Written just before the crash"


def _windows(app: QApplication) -> list[MainWindow]:
    return [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


class Driver(QObject):
    def __init__(self, app: QApplication, phase: str, button: str) -> None:
        super().__init__()
        self.app, self.phase, self.button = app, phase, button
        self.dialog: list[str] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, RecoveryDialog) and self.dialog is None:
            self.dialog = [row.snapshot.display_name for row in modal.rows]
            if self.phase == "edit":
                print("unexpected recovery dialog", flush=True)
                self.app.exit(3)
                return
            self.press(modal)
            return
        windows = _windows(self.app)
        if not windows or modal is not None:
            return
        self.timer.stop()
        if self.phase == "edit":
            self.edit(windows[0])
        else:
            QTimer.singleShot(200, self.report)  # let deferred deletes and timers run

    def press(self, dialog: RecoveryDialog) -> None:
        if self.button == "Later":
            target = dialog.later_button
        elif self.button == "Restore":
            target = dialog.rows[0].restore_button
        else:
            target = dialog.rows[0].discard_button
        QTest.mouseClick(target, Qt.MouseButton.LeftButton)

    def edit(self, window: MainWindow) -> None:
        saver = window.safety.autosaver
        saver.snapshot_written.connect(self.written, Qt.ConnectionType.QueuedConnection)
        doc = window.controller.doc
        window.controller.add_statement(ADDED_TEXT, parent=doc.statements[0].id)

    def written(self, file: str) -> None:
        print(f"snapshot {file}", flush=True)

    def report(self) -> None:
        state: dict[str, Any] = {
            "dialog": self.dialog,
            "windows": [
                {
                    "path": str(w.controller.path) if w.controller.path else None,
                    "dirty": w.controller.is_dirty,
                    "texts": [s.text for s in w.controller.doc.statements],
                    "banner": w.banner.text(),
                }
                for w in _windows(self.app)
            ],
        }
        print(json.dumps(state), flush=True)
        for window in _windows(self.app):
            window.safety.autosaver.abandon()  # quit as a test: keep what is on disk
            window.controller.undo_stack.setClean()
        self.app.quit()


if __name__ == "__main__":
    phase, rest = sys.argv[1], sys.argv[2:]
    button = rest.pop(0) if phase == "answer" else ""
    driver = Driver(application(), phase, button)
    sys.exit(main(rest))
