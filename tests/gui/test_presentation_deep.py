"""Presenting a deep or wide map costs in proportion to it, however far the presenter goes."""

from __future__ import annotations

import pytest
from map_shapes import chain_map, fan_map
from pytestqt.qtbot import QtBot

from argmap.model import ArgMap
from argmap.ui.presentation import PresentationWindow
from argmap.ui.presentation.step_frames import KEPT_FRAMES


def _shown(qtbot: QtBot, doc: ArgMap) -> PresentationWindow:
    win = PresentationWindow(doc)
    qtbot.addWidget(win)
    win.stage.glide_ms = 0
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_walking_through_a_long_chain_keeps_a_few_steps_laid_out(qtbot: QtBot) -> None:
    """Every step shown is laid out; keeping them all would cost the square of the map."""
    win = _shown(qtbot, chain_map(400))
    stage = win.stage
    for _ in range(60):
        stage.next()
        win.grab()  # painted: the step's layout is made
    assert stage.index == 60
    assert len(stage.frames._frames) <= KEPT_FRAMES
    assert stage.breadcrumb()[0] == "The claim at the top of it all"
    assert len(stage.breadcrumb()) == 59  # step 60 tells s-59's reasons, under 59 others


def test_paging_a_wide_fan_looks_statements_up_by_id(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paging measures every reason; finding each by scanning the map was n squared."""
    scans = []
    original = ArgMap.statement

    def counted(self: ArgMap, statement_id: str) -> object:
        scans.append(statement_id)
        return original(self, statement_id)

    monkeypatch.setattr(ArgMap, "statement", counted)
    win = _shown(qtbot, fan_map(1500))
    assert win.stage.steps[1].parts > 1  # the claim's reasons come in pages
    assert len(scans) < 50
