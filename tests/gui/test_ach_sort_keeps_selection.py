"""The ACH matrix keeps the chosen item of evidence chosen, and in sight, when its rows
move: a click on a column header re-sorts them (on the bundled sample: 49 items, far more
than the pane shows at once), hiding the non-diagnostic rows rebuilds them."""

from __future__ import annotations

import pytest
from gui.scenario_maps import scenario_map, with_everywhere_evidence
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from argmap.io.map_file import load_map
from argmap.resources import resource
from argmap.ui.editing.controller import DocumentController
from argmap.ui.scenarios import AchTable
from argmap.ui.scenarios.ach_columns import EVIDENCE_COL, FIRST_SCENARIO_COL


@pytest.fixture
def table(qtbot: QtBot) -> AchTable:
    controller = DocumentController(load_map(str(resource("sample.argmap.json"))))
    widget = AchTable(controller)
    qtbot.addWidget(widget)
    widget.resize(1100, 330)  # about six rows in sight
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _chosen(table: AchTable) -> tuple[list[str], str]:
    """The evidence of the selected cells, and of the current one."""
    model = table.model
    selected = table.view.selectionModel().selectedIndexes()
    ids = [e.id for i in selected if (e := model.evidence_at(i.row())) is not None]
    current = model.evidence_at(table.view.currentIndex().row())
    return ids, current.id if current is not None else ""


def _in_sight(table: AchTable, evidence_id: str) -> bool:
    model = table.model
    rect = table.view.visualRect(model.index(model.row_of(evidence_id), EVIDENCE_COL))
    return table.view.viewport().rect().contains(rect)


def _click_header(qtbot: QtBot, table: AchTable, column: int) -> None:
    header = table.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 6))


def test_a_header_click_keeps_the_selected_row_selected_and_in_sight(
    qtbot: QtBot, table: AchTable
) -> None:
    model = table.model
    index = model.index(2, FIRST_SCENARIO_COL)
    qtbot.mouseClick(
        table.view.viewport(), Qt.MouseButton.LeftButton, pos=table.view.visualRect(index).center()
    )
    chosen = model.evidence_at(2).id  # type: ignore[union-attr]
    assert table.controller.selection == [chosen]
    for column in (model.diagnosticity_col, EVIDENCE_COL, FIRST_SCENARIO_COL + 1):
        before = model.row_of(chosen)
        _click_header(qtbot, table, column)
        assert model.row_of(chosen) != before, "the sort did not move the row: no test"
        assert _chosen(table) == ([chosen], chosen), column
        assert table.controller.selection == [chosen]
        assert _in_sight(table, chosen), column
    assert table.view.currentIndex().column() == FIRST_SCENARIO_COL  # the same cell


def test_hiding_non_diagnostic_rows_keeps_the_selected_row(qtbot: QtBot, table: AchTable) -> None:
    table.controller.set_document(with_everywhere_evidence(scenario_map()))
    model = table.model
    assert [e.id for e in model.matrix.evidence] == ["s-revenue", "s-rejects", "s-army", "s-talks"]
    assert model.matrix.evidence[1].non_diagnostic  # hiding it moves s-army up a row
    table.controller.set_selection(["s-army"])
    assert _chosen(table) == (["s-army"], "s-army")
    table.hide_button.click()
    assert model.row_of("s-army") == 1
    assert _chosen(table) == (["s-army"], "s-army")
    assert table.controller.selection == ["s-army"]
    table.hide_button.click()
    assert model.row_of("s-army") == 2
    assert _chosen(table) == (["s-army"], "s-army")
