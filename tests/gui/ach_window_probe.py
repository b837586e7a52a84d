"""Run in a fresh process on a screen of a given size (the offscreen platform's
configfile): open the sample full-screen, open the ACH matrix, print the geometries.

    python ach_window_probe.py  -> JSON on stdout
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication


def _box(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> None:
    app = QApplication(sys.argv[:1])
    from argmap.ui.app import sample_path  # noqa: PLC0415 (after the QApplication)
    from argmap.ui.window.main_window import MainWindow  # noqa: PLC0415

    screen = app.primaryScreen().availableGeometry()
    win = MainWindow()
    win.showMaximized()
    win.open_sample(sample_path())
    app.processEvents()
    frame_before = win.frameGeometry()
    panel = win.layout_.dock("Scenarios")
    action = next(a for a in win.panels_menu.actions() if a.text() == "ACH matrix")
    action.trigger()
    for _ in range(20):
        app.processEvents()
    ach = win.layout_.dock("ACH matrix")
    print(json.dumps({
        "screen": _box(screen),
        "window_before": _box(frame_before),
        "window": _box(win.frameGeometry()),
        "ach": _box(ach.frameGeometry()),
        "floating": ach.isFloating(),
        "scenarios": _box(QRect(panel.mapToGlobal(panel.rect().topLeft()), panel.size())),
    }))  # fmt: skip
    win.controller.undo_stack.setClean()
    win.close()


if __name__ == "__main__":
    main()
