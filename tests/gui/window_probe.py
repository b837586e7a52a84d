"""Run in a fresh process on a screen of a given size (the offscreen platform's
configfile), as the app starts (its fonts, a fresh settings folder): open the sample
maximized, note the dock tab bars shown, open the ACH matrix, print the geometries.

    python window_probe.py  -> JSON on stdout
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QTabBar


def _box(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> None:
    from argmap.ui.app import application, sample_path  # noqa: PLC0415

    app = application(sys.argv[:1])
    from argmap.ui.window.app_settings import app_settings  # noqa: PLC0415 (after the app)
    from argmap.ui.window.main_window import MainWindow  # noqa: PLC0415

    screen = app.primaryScreen().availableGeometry()
    win = MainWindow(settings=app_settings())
    win.showMaximized()
    win.open_sample(sample_path())
    for _ in range(20):
        app.processEvents()
    bars = [
        [[bar.tabText(i) for i in range(bar.count())], _box(bar.geometry())]
        for bar in win.findChildren(QTabBar)
        if bar.parent() is win and bar.isVisible()
    ]
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
        "tab_bars": bars,
        "scenarios": _box(QRect(panel.mapToGlobal(panel.rect().topLeft()), panel.size())),
    }))  # fmt: skip
    win.controller.undo_stack.setClean()
    win.close()


if __name__ == "__main__":
    main()
