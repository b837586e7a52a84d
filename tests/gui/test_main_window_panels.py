"""Docks, their View ▸ Panels toggles, the saved layout, and live weights on the cards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, small_map_window, use_home
from PySide6.QtWidgets import QTabBar
from pytestqt.qtbot import QtBot

from argmap.ui.app import sample_path
from argmap.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


PANES = [
    "Sources", "Outline", "Inspector", "Scenarios", "ACH matrix", "Sensitivity",
    "Key assumptions", "Team",
]  # fmt: skip


def _panel_action(win: MainWindow, title: str):  # type: ignore[no-untyped-def]
    return next(a for a in win.panels_menu.actions() if a.text() == title)


def test_every_pane_is_docked_and_listed_under_view_panels(window: MainWindow) -> None:
    assert window.layout_.titles() == PANES
    assert [a.text() for a in window.panels_menu.actions()] == PANES
    visible = {t: window.layout_.dock(t).isVisible() for t in PANES}
    assert visible == {
        "Sources": True, "Outline": True, "Inspector": True, "Scenarios": True,
        "ACH matrix": False, "Sensitivity": False, "Key assumptions": False, "Team": False,
    }  # fmt: skip
    assert window.layout_.dock("Scenarios") in window.tabifiedDockWidgets(
        window.layout_.dock("Inspector")
    )


def test_panels_toggle_from_the_view_menu(window: MainWindow, qtbot: QtBot) -> None:
    ach = window.layout_.dock("ACH matrix")
    _panel_action(window, "ACH matrix").trigger()
    qtbot.waitUntil(ach.isVisible)
    assert window.scenario_panes.ach.isVisible() or window.scenario_panes.tornado.isVisible()
    _panel_action(window, "ACH matrix").trigger()
    qtbot.waitUntil(lambda: not ach.isVisible())
    _panel_action(window, "Sources").trigger()
    assert not window.layout_.dock("Sources").isVisible()


def test_scenarios_are_in_front_for_a_map_with_scenarios(window: MainWindow) -> None:
    # A dock behind another tab stays "visible" but is moved out of sight.
    assert not window.scenario_panes.panel.visibleRegion().isEmpty()
    assert window.inspector.visibleRegion().isEmpty()


def test_scenario_cards_show_their_live_weight(window: MainWindow, qtbot: QtBot) -> None:
    live = window.scenario_panes.live
    weights = {s.id: s.weight for s in live.analysis.scenarios}
    assert window.scene.cards["s-a"].marks.weight == weights["s-a"]
    assert window.scene.cards["s-c"].marks.weight is None  # a claim has none
    before = weights["s-a"]
    with qtbot.waitSignal(live.updated, timeout=2000):
        window.controller.set_statement_field("s-a", "prior", 9.0)
    after = window.scene.cards["s-a"].marks.weight
    assert after is not None and after > before


def test_layout_and_geometry_persist_across_windows(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = use_home(tmp_path, monkeypatch)
    first = make_window(qtbot, home, (1100, 640))
    _panel_action(first, "Sources").trigger()
    _panel_action(first, "ACH matrix").trigger()
    qtbot.waitUntil(lambda: first.layout_.dock("ACH matrix").isVisible())
    first_size = (first.width(), first.height())
    close_window(first)
    assert (home / "config" / "argmap.ini").is_file()

    second = make_window(qtbot, home, None)
    assert second.layout_.restored
    # The offscreen screen is 800 px wide: a restored window may be narrowed to fit it.
    assert second.height() == first_size[1] == 640
    screen = second.screen().availableGeometry().width()
    assert abs(second.width() - min(first_size[0], screen)) <= 0.02 * first_size[0]
    assert not second.layout_.dock("Sources").isVisible()
    assert second.layout_.dock("ACH matrix").isVisible()

    second.actions_by_name["reset_layout"].trigger()
    assert second.layout_.dock("Sources").isVisible()
    assert not second.layout_.dock("ACH matrix").isVisible()
    close_window(second)


def test_first_view_frames_the_question_and_a_scenario_readably(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert win.open_sample(sample_path())
    qtbot.wait(10)
    win.show_first_view()
    view = win.view
    assert view.zoom >= 0.6
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    doc = win.controller.doc
    assert doc.question is not None
    assert shown.contains(win.scene.cards[doc.question].sceneBoundingRect())
    scenarios = [s.id for s in doc.statements if s.kind.value == "scenario"]
    framed = [s for s in scenarios if shown.contains(win.scene.cards[s].sceneBoundingRect())]
    assert framed
    sources_width = win.layout_.dock("Sources").width()
    right_width = win.layout_.dock("Scenarios").width()
    assert view.width() > sources_width + right_width  # the canvas gets most of the room
    close_window(win)


def test_ach_opens_in_its_own_window_leaving_reader_and_scenarios_their_height(
    window: MainWindow, qtbot: QtBot
) -> None:
    """At 1280x800 a docked ACH matrix left the reader two lines and the scenarios a card
    and a half (issue #15); as a window of its own it takes nothing from the columns."""
    reader = window.sources.reader.viewport()
    panel = window.scenario_panes.panel
    before = (reader.height(), panel.height())
    _panel_action(window, "ACH matrix").trigger()
    ach = window.layout_.dock("ACH matrix")
    qtbot.waitUntil(ach.isVisible)
    assert ach.isFloating()
    qtbot.wait(20)
    assert (reader.height(), panel.height()) == before
    lines = reader.height() / window.sources.reader.fontMetrics().lineSpacing()
    assert lines > 10


def test_a_restored_window_leaves_no_tab_bar_over_the_menus(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Team pane was tabbed with the ACH matrix, which floats: their tab bar, with the
    one tab "Team", came back at the window's top-left corner over File and Edit."""
    home = use_home(tmp_path, monkeypatch)
    close_window(make_window(qtbot, home))
    second = make_window(qtbot, home)
    assert second.layout_.restored
    menus = second.menuBar().geometry().united(second.toolbar.geometry())
    stray = [
        [bar.tabText(i) for i in range(bar.count())]
        for bar in second.findChildren(QTabBar)
        if bar.parent() is second and bar.isVisible() and bar.geometry().intersects(menus)
    ]
    assert stray == []
    close_window(second)
