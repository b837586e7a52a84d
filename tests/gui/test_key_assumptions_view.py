"""The Key Assumptions Check pane: one row per assumption, each scenario's reliance in
points, kept current while shown, selection mirrored to the map."""

from __future__ import annotations

import pytest
from gui.scenario_maps import scenario_map
from PySide6.QtCore import Qt

from argmap.analysis.key_assumptions import key_assumptions
from argmap.model import Inference, Statement, StatementKind
from argmap.ui.editing.controller import DocumentController
from argmap.ui.scenarios import KeyAssumptionsView
from argmap.ui.scenarios.key_assumptions_view import FIRST_SCENARIO_COL, NONE_YET, points


def _with_assumption() -> DocumentController:
    doc = scenario_map()
    doc.statements.append(
        Statement(
            id="s-elites",
            kind=StatementKind.ASSUMPTION,
            text="Elites can sway Putin",
            credibility=0.6,
        )
    )
    doc.inferences.append(
        Inference(id="i-elites", premises=["s-elites"], conclusion="s-deal", strength=0.8)
    )
    return DocumentController(doc)


@pytest.fixture
def controller() -> DocumentController:
    return _with_assumption()


@pytest.fixture
def view(qtbot, controller: DocumentController) -> KeyAssumptionsView:
    widget = KeyAssumptionsView(controller)
    qtbot.addWidget(widget)
    widget.resize(900, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_points_read_as_a_signed_change() -> None:
    assert (points(-0.123), points(0.05), points(0.0001)) == ("−12.3 pts", "+5.0 pts", "0")


def test_one_row_per_assumption_with_each_scenarios_reliance(view, controller) -> None:
    check = key_assumptions(controller.doc)
    (assumption,) = check.assumptions
    assert view.table.rowCount() == 1
    assert view.table.item(0, 0).text() == "Elites can sway Putin"
    assert view.table.item(0, 1).text() == "60%"
    deal = view.table.item(0, FIRST_SCENARIO_COL)
    assert deal.text() == points(-assumption.reliance[0])
    assert deal.text().startswith("−")  # the deal would lose weight without it
    assert deal.font().bold()  # the largest reliance of the row
    assert "would fall" in deal.toolTip()
    header = view.table.horizontalHeaderItem(FIRST_SCENARIO_COL).text()
    assert header.startswith("Ceasefire deal\n(now ")


def test_it_follows_edits_while_shown(view, controller) -> None:
    controller.set_statement_field("s-elites", "credibility", 0.95)
    view.live.refresh()
    after = key_assumptions(controller.doc).assumptions[0].reliance[0]
    assert view.table.item(0, FIRST_SCENARIO_COL).text() == points(-after)


def test_a_tagged_premise_counts_and_a_map_without_any_says_how_to_add_one(
    view, controller
) -> None:
    controller.set_statement_field("s-elites", "kind", StatementKind.PREMISE)
    view.live.refresh()
    assert view.table.isHidden() and view.empty.text() == NONE_YET
    controller.set_statement_field("s-econ", "tags", ["key-assumption"])
    view.live.refresh()
    assert view.table.rowCount() == 1
    assert view.table.item(0, 0).text().endswith("(tagged)")


def test_selecting_a_row_selects_the_assumption(qtbot, view, controller) -> None:
    rect = view.table.visualItemRect(view.table.item(0, 0))
    with qtbot.waitSignal(controller.selection_changed) as signal:
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [["s-elites"]]
