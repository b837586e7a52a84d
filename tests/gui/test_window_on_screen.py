"""The main window on common screen sizes (issue #15): the ACH matrix opens as a window
inside the screen, beside the Scenarios panel (on a 1,280 px screen it opened 1,460 px
wide over the panel, because its legend and counts did not wrap, and widened the main
window past the screen too); each group of tabbed panes shows one tab bar (a twin of
"Inspector | Scenarios" showed over the status bar on a 768 px high screen).

Each case runs in a fresh process whose offscreen screen has the size under test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui.fresh_process import run_probe
from PySide6.QtCore import QMargins, QRect, QSize

from argmap.ui.window.window_layout import FLOAT_MIN_WIDTH, floating_box

PROBE = Path(__file__).with_name("window_probe.py")


def _probe(tmp_path: Path, width: int, height: int) -> dict[str, Any]:
    found: dict[str, Any] = run_probe([str(PROBE)], tmp_path / "home", screen=(width, height))
    return found


def _right(box: list[int]) -> int:
    return box[0] + box[2]


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1920, 1080)])
def test_the_ach_window_fits_the_screen_beside_the_scenarios(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    seen = _probe(tmp_path, *size)
    sx, sy, sw, sh = seen["screen"]
    x, y, w, h = seen["ach"]
    assert seen["floating"]
    assert sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh, seen
    assert seen["window"][2] <= sw, seen  # the main window stays on the screen
    assert _right(seen["ach"]) <= seen["scenarios"][0], seen  # the panel stays uncovered
    assert w >= FLOAT_MIN_WIDTH and h >= 300, seen  # a table, not a sliver


def test_a_floating_pane_covers_the_right_column_only_when_beside_it_is_too_narrow() -> None:
    screen = QRect(0, 0, 1024, 700)
    frame = QRect(0, 0, 1024, 700)
    margins = QMargins(2, 30, 2, 2)
    wide = QSize(1400, 350)
    beside = floating_box(frame, screen, QRect(700, 40, 324, 640), left=290, wanted=wide,
                          margins=margins)  # fmt: skip
    assert beside.right() < 700 - 2 and beside.width() >= FLOAT_MIN_WIDTH
    narrow = floating_box(frame, screen, QRect(500, 40, 524, 640), left=290, wanted=wide,
                          margins=margins)  # fmt: skip
    assert narrow.width() == 1024 - 4  # the whole screen, less the frame: not a sliver
    for box in (beside, narrow):
        outer = box.marginsAdded(margins)
        assert screen.contains(outer), (screen, outer)


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_each_group_of_tabbed_panes_shows_one_tab_bar(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    seen = _probe(tmp_path, *size)
    groups = sorted(tuple(tabs) for tabs, _box in seen["tab_bars"])
    assert groups == [("Inspector", "Scenarios"), ("Sources", "Outline")], seen["tab_bars"]
