"""The scenario and team panes follow View ▸ Theme, switched while they are shown.

Grabbed as drawn on the bundled sample: in dark every pane's ground is dark and its text
light (a pane painting a hard-coded light colour shows up as a light pane, or as large
light patches); back in light they are light again. A scan of the sources keeps colour
literals out of the panes' code: colours come from argmap.ui.pane_colours.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

import argmap
from argmap.resources import resource
from argmap.ui import pane_colours
from argmap.ui.window.main_window import MainWindow

PANES = ["Scenarios", "ACH matrix", "Sensitivity", "Key assumptions", "Team"]


def _tones(image: QImage) -> tuple[float, float, float]:
    """Mean lightness (0..1), the share of light pixels (> 0.75) and of dark ones (< 0.3)."""
    seen = light = dark = 0
    total = 0.0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            value = image.pixelColor(x, y).lightnessF()
            total += value
            light += value > 0.75
            dark += value < 0.3
            seen += 1
    return total / seen, light / seen, dark / seen


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert win.open_path(resource("sample.argmap.json"))
    win.appearance.set_mode("light")
    for title in PANES:
        win.layout_.bring_forward(title)
        win.layout_.dock(title).resize(900, 560)
    qtbot.wait(50)
    yield win
    close_window(win)
    pane_colours.use("light")  # the schemes are the process's: leave the light one on


def _pane(win: MainWindow, title: str) -> QWidget:
    widget = win.layout_.dock(title).widget()
    assert widget is not None and widget.isVisible(), title
    return widget


def test_the_panes_turn_dark_and_back_while_shown(qtbot: QtBot, window: MainWindow) -> None:
    window.scenario_panes.live.refresh()
    qtbot.waitUntil(lambda: window.scenario_panes.live.sensitivity_current, timeout=10_000)
    for title in PANES:
        mean, light, _dark = _tones(_pane(window, title).grab().toImage())
        assert mean > 0.7, f"{title} in light: mean lightness {mean:.2f}"
    window.appearance.set_mode("dark")
    qtbot.wait(20)
    for title in PANES:
        mean, light, dark = _tones(_pane(window, title).grab().toImage())
        # text and marks are light: at most a fifth of the pixels; the ground dark
        assert mean < 0.3, f"{title} in dark: mean lightness {mean:.2f}"
        assert light < 0.2, f"{title} in dark: {light:.0%} light pixels"
        assert dark > 0.6, f"{title} in dark: {dark:.0%} dark pixels"
        assert light > 0.003, f"{title} in dark: no light text at all"
    window.appearance.set_mode("light")
    qtbot.wait(20)
    for title in PANES:
        mean, _light, _dark = _tones(_pane(window, title).grab().toImage())
        assert mean > 0.7, f"{title} back in light: mean lightness {mean:.2f}"


def test_no_field_or_button_keeps_a_light_palette_in_dark(qtbot: QtBot, window: MainWindow) -> None:
    """A style sheet on a widget or an ancestor freezes its palette in the scheme it was built
    in: the scenario cards' prior boxes, signpost fields and menus, and the matrix, stayed
    white in dark (too small a share of the pane for the tones above to see)."""
    window.appearance.set_mode("dark")
    qtbot.wait(20)
    role = QPalette.ColorRole
    kinds = ((QAbstractSpinBox, role.Base), (QLineEdit, role.Base), (QComboBox, role.Button),
             (QAbstractScrollArea, role.Base), (QHeaderView, role.Button),
             (QScrollBar, role.Button), (QAbstractButton, role.Button))  # fmt: skip
    light = []
    for title in PANES:
        for widget in _pane(window, title).findChildren(QWidget):
            for kind, colour_role in kinds:
                if isinstance(widget, kind) and widget.isVisible():
                    colour = widget.palette().color(colour_role)
                    if colour.lightnessF() > 0.5:
                        light.append(f"{title}: {type(widget).__name__} {colour.name()}")
    assert light == []


def test_key_assumption_figures_take_the_schemes_colours(qtbot: QtBot, window: MainWindow) -> None:
    """Its cells are coloured when filled: a switch recolours them."""
    table = window.scenario_panes.assumptions.table
    assert table.rowCount() > 0

    def inks() -> set[str]:
        return {
            table.item(r, c).foreground().color().name().upper()
            for r in range(table.rowCount())
            for c in range(2, table.columnCount())
        }

    light, dark = pane_colours.LIGHT, pane_colours.DARK
    assert inks() <= {light.falls_ink, light.rises, light.muted}
    window.appearance.set_mode("dark")
    assert inks() <= {dark.falls_ink, dark.rises, dark.muted}
    assert inks() & {dark.falls_ink, dark.rises}  # the sample's assumptions move something


_PANE_SOURCES = ["ui/scenarios", "ui/team", "ui/history/timeline_chart.py"]
_ALLOWED = {"ui/scenarios/palette.py"}  # names PaneColours fields, holds no colour
_HEX = re.compile(r"#[0-9A-Fa-f]{3}(?:[0-9A-Fa-f]{3})?(?:[0-9A-Fa-f]{2})?\b")
_NAMED = re.compile(
    r"(?:color|background|border|gridline-color)\s*:[^;$\"']*\b(?:white|black|gr[ae]y|red|blue"
    r"|green|yellow|orange|purple|silver|navy)\b",
    re.IGNORECASE,
)
_GLOBAL = re.compile(r"\bQt\.(?:GlobalColor\.)?(?:white|black|gray|darkGray|lightGray|red|blue)\b")


def _colour_literals(path: Path) -> list[str]:
    found = []
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for token in tokens:
        if token.type == tokenize.STRING and (
            _HEX.search(token.string) or _NAMED.search(token.string)
        ):
            found.append(f"{path.name}:{token.start[0]}: {token.string[:60]}")
    text = path.read_text(encoding="utf-8")
    found += [f"{path.name}: {m.group(0)}" for m in _GLOBAL.finditer(text)]
    return found


def test_no_pane_code_holds_a_colour_of_its_own() -> None:
    root = Path(argmap.__file__).parent
    files = []
    for where in _PANE_SOURCES:
        target = root / where
        files += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    assert len(files) > 15
    literals = [
        hit
        for path in files
        if path.relative_to(root).as_posix() not in _ALLOWED
        for hit in _colour_literals(path)
    ]
    assert literals == []


def test_the_scan_finds_a_colour_literal(tmp_path: Path) -> None:
    """Not vacuous: each way of writing a colour into a pane is caught."""
    sample = tmp_path / "pane.py"
    sample.write_text(
        'a = QColor("#fff3c4")\n'
        'b.setStyleSheet(f"background: {x}; color: white;")\n'
        "c = Qt.GlobalColor.white\n"
        'd = "issue #15 and $ink"\n',
        encoding="utf-8",
    )
    assert len(_colour_literals(sample)) == 3
