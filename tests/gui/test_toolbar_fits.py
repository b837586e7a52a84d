"""The main toolbar fits a 1280 px window: nothing hides behind the overflow chevron
(at 1280x800 the layer switcher did, #15), every toolbar command is also in a menu, and
each button's tooltip names its command and shortcut.

Measured in a fresh process started as ``argmap`` starts (its fonts, its first window on
the sample map): the test process's default font is smaller than the app's, and there the
toolbar fitted while the real one overflowed.
"""

from __future__ import annotations

import pytest
from gui.fresh_process import run_probe

PROBE = r"""
import json, sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton
from argmap.ui.app import application, launch

app = application()
win = launch(None)[0]
report = {}
for width in map(int, sys.argv[1:]):
    win.resize(width, 800)
    for _ in range(5):
        QCoreApplication.processEvents()
    bar = win.toolbar
    hidden = []
    for action in bar.actions():
        if action.isSeparator():
            continue
        widget = bar.widgetForAction(action)
        box = widget.geometry() if widget is not None else None
        if widget is None or not widget.isVisible() or box.right() > bar.contentsRect().right():
            hidden.append(action.iconText() or type(widget).__name__)
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    report[width] = {"window": win.width(), "hidden": hidden,
                     "chevron": bool(more is not None and more.isVisible())}

def leaves(menu):
    for action in menu.actions():
        if isinstance(action.menu(), QMenu):
            yield from leaves(action.menu())
        else:
            yield action

in_menus = {a for top in win.menuBar().actions() if isinstance(top.menu(), QMenu)
            for a in leaves(top.menu())}
buttons = [a for a in win.toolbar.actions()
           if not a.isSeparator() and type(a) is QAction]
report["not_in_menus"] = [a.iconText() for a in buttons if a not in in_menus]
report["tips"] = [[a.iconText(), a.toolTip(), a.shortcut().toString()] for a in buttons]
win.controller.undo_stack.setClean()
win.close()
print("REPORT " + json.dumps(report), flush=True)
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    found: dict[str, object] = run_probe(
        ["-c", PROBE, "1280", "1366", "1920"], tmp_path_factory.mktemp("home")
    )
    return found


@pytest.mark.parametrize("width", ["1280", "1366", "1920"])
def test_every_toolbar_command_is_shown(report: dict[str, object], width: str) -> None:
    seen = report[width]
    assert isinstance(seen, dict)
    assert seen["window"] == int(width)
    assert seen["hidden"] == []
    assert not seen["chevron"], "the overflow chevron is shown"


def test_every_toolbar_command_is_in_a_menu(report: dict[str, object]) -> None:
    assert report["not_in_menus"] == []


def test_every_toolbar_button_says_what_it_does_and_its_key(report: dict[str, object]) -> None:
    """A short label on the bar; the tooltip names the command and, if any, its shortcut."""
    tips = report["tips"]
    assert isinstance(tips, list) and len(tips) >= 10
    for label, tip, key in tips:
        assert len(tip) > len(label), label
        if key:
            assert key in tip, label
