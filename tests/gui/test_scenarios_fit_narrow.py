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
