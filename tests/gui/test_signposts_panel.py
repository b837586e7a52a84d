"""Signposts in the Scenarios panel: added, reworded, given a status (dated today) and
deleted under their scenario, each one undoable step."""

from __future__ import annotations

import datetime as dt

import pytest
from gui.scenario_maps import scenario_map
from PySide6.QtCore import Qt

from argmap.model import Signpost, SignpostStatus
from argmap.ui.editing.controller import DocumentController
from argmap.ui.scenarios import ScenarioPanel


@pytest.fixture
def controller() -> DocumentController:
    doc = scenario_map()
    doc.signposts = [Signpost(id="sp-1", scenario="s-war", text="New mobilisation wave")]
    return DocumentController(doc)


@pytest.fixture
def panel(qtbot, controller: DocumentController) -> ScenarioPanel:
    widget = ScenarioPanel(controller)
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_each_scenario_shows_its_own_signposts(panel: ScenarioPanel) -> None:
    war = panel.row("s-war").signposts
    assert list(war.lines) == ["sp-1"]
    assert war.lines["sp-1"].text.text() == "New mobilisation wave"
    assert war.caption.text() == "Signposts: 1 not seen"
    assert panel.row("s-deal").signposts.lines == {}
    assert panel.row("s-deal").signposts.caption.text() == "Signposts: none yet"


def test_add_type_and_undo(qtbot, panel: ScenarioPanel, controller) -> None:
    before = controller.doc.model_dump()
    qtbot.mouseClick(panel.row("s-deal").signposts.add, Qt.MouseButton.LeftButton)
    (added,) = [s for s in controller.doc.signposts if s.scenario == "s-deal"]
    line = panel.row("s-deal").signposts.lines[added.id]
    line.text.setFocus()
    line.text.selectAll()
    qtbot.keyClicks(line.text, "Envoys named for talks")
    qtbot.keyClick(line.text, Qt.Key.Key_Return)
    assert controller.doc.signposts[-1].text == "Envoys named for talks"
    assert controller.undo_stack.count() == 2
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert controller.doc.model_dump() == before
    panel.live.refresh()
    assert panel.row("s-deal").signposts.lines == {}


def test_status_is_set_dated_and_undone(panel: ScenarioPanel, controller) -> None:
    line = panel.row("s-war").signposts.lines["sp-1"]
    line.status.setCurrentIndex(2)
    line.status.activated.emit(2)
    signpost = controller.doc.signposts[0]
    assert signpost.status is SignpostStatus.OBSERVED
    assert signpost.changed == dt.date.today().isoformat()
    assert "observed since" in line.status.toolTip()
    assert panel.row("s-war").signposts.caption.text() == "Signposts: 1 observed"
    controller.undo_stack.undo()
    assert controller.doc.signposts[0].status is SignpostStatus.NOT_SEEN
    assert controller.doc.signposts[0].changed is None


def test_delete_and_undo(qtbot, panel: ScenarioPanel, controller) -> None:
    line = panel.row("s-war").signposts.lines["sp-1"]
    qtbot.mouseClick(line.delete, Qt.MouseButton.LeftButton)
    assert controller.doc.signposts == []
    assert panel.row("s-war").signposts.lines == {}
    controller.undo_stack.undo()
    panel.live.refresh()
    assert list(panel.row("s-war").signposts.lines) == ["sp-1"]


def test_an_empty_text_is_refused_and_restored(qtbot, panel: ScenarioPanel, controller) -> None:
    line = panel.row("s-war").signposts.lines["sp-1"]
    line.text.setFocus()
    line.text.clear()
    qtbot.keyClick(line.text, Qt.Key.Key_Return)
    assert controller.doc.signposts[0].text == "New mobilisation wave"
    assert line.text.text() == "New mobilisation wave"
    assert controller.undo_stack.count() == 0
