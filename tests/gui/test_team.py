"""Working as a team in the window: the layer switcher shows each analyst's weights live,
edits under a layer stay in it, and the Team pane pools and ranks the disagreements."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home
from layer_maps import two_scenarios
from pytestqt.qtbot import QtBot

from argmap.analysis.scenario_weights import scenario_weights
from argmap.io.map_file import save_map
from argmap.model import ArgMap, Layer
from argmap.model.layer_view import seen_by
from argmap.ui.editing.controller import DocumentController
from argmap.ui.presentation.weights_strip import scenario_weights as strip_weights
from argmap.ui.scenarios import live_analysis_for
from argmap.ui.team import LayerSwitcher, TeamPanel
from argmap.ui.team.layer_commands import SwitchLayerCommand
from argmap.ui.team.layer_switcher import BASE_LABEL
from argmap.ui.window.main_window import MainWindow


def _team() -> ArgMap:
    return two_scenarios(
        Layer(name="Alice", credibility={"e1": 0.2}, prior={"a": 3.0, "b": 1.0}),
        Layer(name="Bob", strength={"i2": 0.95}),
    )


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    path = tmp_path / "team.argmap.json"
    save_map(_team(), path)
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert win.open_path(path)
    yield win
    close_window(win)


def _panel_weights(win: MainWindow) -> list[float]:
    live = live_analysis_for(win.controller)
    live.refresh()
    panel = win.scenario_panes.panel
    return [round(panel.displayed_weight(sid), 4) for sid in panel.scenario_ids()]


def _expected(doc: ArgMap, name: str | None) -> list[float]:
    return [round(w.weight, 4) for w in scenario_weights(seen_by(doc, name))]


def test_the_switcher_shows_each_analysts_weights_and_undo_switches_back(
    window: MainWindow,
) -> None:
    switcher = window.layer_switcher
    combo = switcher.combo
    assert [combo.itemText(k) for k in range(combo.count())] == [
        "Map's own judgements",
        "Alice",
        "Bob",
    ]
    doc = window.controller.doc
    own = _panel_weights(window)
    assert own == _expected(doc, None)
    shown = {}
    for k, name in ((1, "Alice"), (2, "Bob")):
        combo.activated.emit(k)  # what choosing an entry does
        assert doc.view.layer == name
        shown[name] = _panel_weights(window)
        assert shown[name] == _expected(doc, name)
    assert len({tuple(own), tuple(shown["Alice"]), tuple(shown["Bob"])}) == 3
    window.controller.undo_stack.undo()
    assert doc.view.layer == "Alice" and combo.currentText() == "Alice"
    assert _panel_weights(window) == shown["Alice"]


def test_an_edit_under_a_layer_changes_that_analyst_only_and_undoes_exactly(
    window: MainWindow,
) -> None:
    c = window.controller
    before = c.doc.model_dump()
    window.layer_switcher.switch_to("Bob")
    c.set_selection(["e1"])
    window.inspector.credibility.committed.emit(0.4)  # the inspector's credibility field
    assert c.doc.layers[1].credibility == {"e1": 0.4}
    assert c.doc.statement("e1").credibility == 0.9 and c.doc.layers[0].credibility == {"e1": 0.2}
    assert window.inspector.credibility.value() == pytest.approx(0.4)
    assert _panel_weights(window) == _expected(c.doc, "Bob")
    window.layer_switcher.switch_to(None)
    assert window.inspector.credibility.value() == pytest.approx(0.9)  # the map's own
    while c.undo_stack.canUndo():
        c.undo_stack.undo()
    assert c.doc.model_dump() == before


def test_a_new_layer_starts_from_the_maps_own_judgements(window: MainWindow) -> None:
    switcher = window.layer_switcher
    assert switcher.add_layer("Carol")
    assert window.controller.doc.view.layer == "Carol"
    assert switcher.combo.currentText() == "Carol"
    assert _panel_weights(window) == _expected(window.controller.doc, None)
    messages: list[str] = []
    switcher.message.connect(messages.append)
    assert not switcher.add_layer("Carol")
    assert messages == ["there is already a layer 'Carol'"]


@pytest.fixture
def team_panel(qtbot: QtBot) -> TeamPanel:
    layers = [
        Layer(name="Alice", credibility={"e1": 0.0, "e2": 0.0}, prior={"a": 3.0, "b": 1.0}),
        Layer(name="Bob", credibility={"e1": 0.0, "e2": 0.0}),
        Layer(name="Carol", credibility={"e1": 0.0, "e2": 0.0}, prior={"a": 1.0, "b": 4.0}),
    ]
    panel = TeamPanel(DocumentController(two_scenarios(*layers)))
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    return panel


def _row(table: object, row: int) -> list[str]:
    return [table.item(row, k).text() for k in range(table.columnCount())]  # type: ignore[attr-defined]


def test_the_team_pane_pools_the_analysts_and_ranks_what_decides_the_lead(
    qtbot: QtBot, team_panel: TeamPanel
) -> None:
    team_panel.show()
    with qtbot.waitSignal(team_panel.updated, timeout=10000):
        pass  # the worker's first run, once shown
    weights = team_panel.weights
    assert _row(weights, 0) == ["Scenario A", "75 %", "50 %", "20 %", "48 %", "48 %"]
    assert _row(weights, 1) == ["Scenario B", "25 %", "50 %", "80 %", "52 %", "52 %"]
    assert weights.item(1, 0).font().bold()  # the team's leader
    table = team_panel.table
    first = _row(table, 0)
    assert first[:3] == ["⚑", "prior", "Scenario A"]
    assert first[3:6] == ["75 %", "50 %", "20 %"]
    assert first[-1] == "25 % – 80 % (55 pts)"
    table.clearSelection()  # a row already selected would not signal a change (seen once)
    table.selectRow(0)
    assert team_panel.controller.selection == ["a"]
    # An edit is followed: Bob's layer now rules scenario A out.
    c = team_panel.controller
    c.push(SwitchLayerCommand(c, "Bob"))
    with qtbot.waitSignal(team_panel.updated, timeout=10000):
        c.set_statement_field("a", "prior", 0.0)
    assert _row(team_panel.weights, 0)[2] == "0 %"
    assert _row(team_panel.weights, 0)[-1] == "0 %"  # one analyst's 0 vetoes in the log pool
    team_panel.wait()


def test_without_layers_the_team_pane_says_what_to_do(qtbot: QtBot) -> None:
    panel = TeamPanel(DocumentController(two_scenarios()))
    qtbot.addWidget(panel)
    panel.refresh_now()
    assert "No analyst layers yet" in panel.heading.text()
    assert panel.weights.rowCount() == 0 and panel.table.rowCount() == 0


def test_the_switcher_alone_follows_a_map_opened_later(qtbot: QtBot) -> None:
    c = DocumentController(two_scenarios())
    switcher = LayerSwitcher(c)
    qtbot.addWidget(switcher)
    assert switcher.combo.count() == 1 and not switcher.remove_action.isEnabled()
    c.set_document(_team())
    assert switcher.combo.count() == 3


def test_the_presentation_strip_shows_the_shown_layers_weights() -> None:
    doc = _team()
    doc.view.layer = "Alice"
    shown = [round(w.weight, 4) for w in strip_weights(doc)]
    assert shown == _expected(doc, "Alice") != _expected(doc, None)


LONG_NAME = "Dr. Alexandra Konstantinova-Whitfield (regional economics)"


def test_a_long_analyst_name_does_not_widen_the_switcher(qtbot: QtBot) -> None:
    """A long name grew the box until the toolbar cut it and "Layers" without an
    ellipsis; the box keeps its width, and the list and tooltip give the name whole."""
    c = DocumentController(two_scenarios())
    switcher = LayerSwitcher(c)
    qtbot.addWidget(switcher)
    switcher.show()
    qtbot.waitExposed(switcher)
    width = switcher.sizeHint().width()
    assert switcher.add_layer(LONG_NAME)
    assert switcher.combo.currentText() == LONG_NAME
    assert switcher.sizeHint().width() == width
    assert switcher.combo.fontMetrics().horizontalAdvance(BASE_LABEL) <= switcher.combo.width()
    shown = switcher.combo.shown_text()
    assert shown.endswith("…") and LONG_NAME.startswith(shown[:-1])
    assert switcher.combo.fontMetrics().horizontalAdvance(shown) < switcher.combo.width()
    assert LONG_NAME in switcher.combo.toolTip()
    view = switcher.combo.view()
    assert view.minimumWidth() >= view.fontMetrics().horizontalAdvance(LONG_NAME)
