"""Opens every dialog of a real argmap start-up and prints what is wrong with each.

Run as ``python dialog_sweep_driver.py``, with ``tests`` on PYTHONPATH, ARGMAP_HOME set
(its settings choose the theme) and a Qt platform whose screen is 1280 x 800: argmap starts
as the ``argmap`` command does (``argmap.cli.main([])``: its font, the bundled sample map),
then each dialog of ``gui.dialog_openers`` is opened in turn, looked at once shown
(``gui.layout_faults``) and closed. The last line printed is JSON: each dialog's name with
the faults found in it.
"""

from __future__ import annotations

import json
import sys

from gui.dialog_openers import OPENERS, STATES, Opener
from gui.layout_faults import faults
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from argmap.cli import main
from argmap.ui.app import application
from argmap.ui.window.main_window import MainWindow

SETTLE_MS = 150  # a shown dialog's layout and deferred sizes are done by then


class Sweep(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.todo: list[tuple[str, Opener]] = [*OPENERS.items(), *STATES.items()]
        self.found: dict[str, list[str]] = {}
        self.window: MainWindow | None = None
        self.shown: QWidget | None = None
        QTimer.singleShot(50, self.wait_for_window)

    def wait_for_window(self) -> None:
        windows = [w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows or not windows[0].isVisible():
            QTimer.singleShot(50, self.wait_for_window)
            return
        self.window = windows[0]
        QTimer.singleShot(SETTLE_MS, self.next)

    def next(self) -> None:
        assert self.window is not None
        if not self.todo:
            print(json.dumps(self.found), flush=True)
            self.window.controller.undo_stack.setClean()
            self.app.closeAllWindows()
            self.app.quit()
            return
        name, opener = self.todo.pop(0)
        self.shown = opener(self.window)
        self.shown.show()
        QTimer.singleShot(SETTLE_MS, lambda: self.look(name))

    def look(self, name: str) -> None:
        assert self.window is not None and self.shown is not None
        self.found[name] = faults(self.shown)
        self.shown.close()
        if self.window.presentation is not None:
            self.window.presentation.leave()
        self.window.controller.undo_stack.setClean()
        QTimer.singleShot(SETTLE_MS, self.next)


if __name__ == "__main__":
    sweep = Sweep(application())
    sys.exit(main([]))
