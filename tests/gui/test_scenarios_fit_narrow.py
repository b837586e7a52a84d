"""At 1280×800 the Scenarios panel's rows fit its width: with signposts under each
scenario, the row ran 406 px wide in a 282 px panel and its titles and signposts were cut
at the right edge (the panel has no horizontal scroll bar)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home
from PySide6.QtWidgets import QScrollArea

from argmap.ui.app import sample_path


def test_every_scenario_row_fits_the_panel_at_1280_by_800(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = make_window(qtbot, use_home(tmp_path, monkeypatch), (1280, 800))
    try:
        assert win.open_path(sample_path())
        assert win.controller.doc.signposts  # the rows carry their signposts
        qtbot.wait(50)
        (scroll,) = win.scenario_panes.panel.findChildren(QScrollArea)
        inner = scroll.widget()
        assert inner.minimumSizeHint().width() <= scroll.viewport().width()
        assert inner.width() <= scroll.viewport().width()
    finally:
        close_window(win)


def test_showing_the_matrix_and_the_chart_keeps_the_window_on_a_1280_screen(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Their legends ran in one line each: the ACH matrix asked for 1,458 px, and showing it
    (docked below before it floats) widened the window to 1,458 px, past the screen."""
    win = make_window(qtbot, use_home(tmp_path, monkeypatch), (1280, 800))
    try:
        assert win.open_path(sample_path())
        for title in ("ACH matrix", "Sensitivity", "Key assumptions"):
            win.layout_.bring_forward(title)
            qtbot.wait(20)
            assert win.width() == 1280, title
        sides = win.layout_.dock("Sources").width() + win.layout_.dock("Scenarios").width()
        for pane in (win.scenario_panes.ach, win.scenario_panes.tornado):
            assert pane.minimumSizeHint().width() <= 1280 - sides
    finally:
        close_window(win)
