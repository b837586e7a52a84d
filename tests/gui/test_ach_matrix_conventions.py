"""The ACH matrix as an ACH user expects it: hide non-diagnostic rows (remembered), NA,
row credibility and relevance editable with undo, a re-rated cell keeps its relevance,
type and date columns, and the notes on warnings and sensitivity."""

from __future__ import annotations

import pytest
from gui.scenario_maps import scenario_map, with_everywhere_evidence
from gui.ui_maps import choose_in_popup
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox

from argmap.io.map_file import load_map
from argmap.model import AchRating, AchRow, Rating, RowLevel
from argmap.resources import resource
from argmap.ui.editing.controller import DocumentController
from argmap.ui.scenarios import AchTable
from argmap.ui.scenarios.ach_columns import (
    CREDIBILITY_COL,
    DATE_COL,
    EXPLICIT_ROLE,
    FIRST_SCENARIO_COL,
    RELEVANCE_COL,
    TYPE_COL,
)


def _table(qtbot, controller: DocumentController) -> AchTable:
    widget = AchTable(controller)
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def controller() -> DocumentController:
    return DocumentController(with_everywhere_evidence(scenario_map()))


def _cell(table: AchTable, evidence: str, column: int) -> QModelIndex:
    return table.model.index(table.model.row_of(evidence), column)


def _scenario_col(table: AchTable, scenario: str) -> int:
    return FIRST_SCENARIO_COL + table.model.matrix.scenarios.index(scenario)


def _press(qtbot, table: AchTable, index: QModelIndex, key, shift: bool = False) -> None:
    table.view.setCurrentIndex(index)
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(table.view, key, modifier)


def _shown(table: AchTable) -> list[str]:
    model = table.model
    return [e.id for r in range(model.footer_row) if (e := model.evidence_at(r)) is not None]


def test_hiding_non_diagnostic_rows_is_a_remembered_toggle(qtbot, controller) -> None:
    table = _table(qtbot, controller)
    footer = [table.model.data(table.model.index(table.model.footer_row, c))
              for c in range(table.model.columnCount())]  # fmt: skip
    assert _shown(table) == ["s-revenue", "s-rejects", "s-army", "s-talks"]
    table.hide_button.click()
    assert _shown(table) == ["s-revenue", "s-army"]  # s-rejects (I, I), s-talks (C, C, C)
    assert "(2 hidden)" in table.counts.text()
    assert footer == [table.model.data(table.model.index(table.model.footer_row, c))
                      for c in range(table.model.columnCount())]  # fmt: skip
    again = _table(qtbot, controller)  # a new pane (next session) remembers the choice
    assert again.hide_button.isChecked() and _shown(again) == ["s-revenue", "s-army"]
    again.set_hide_non_diagnostic(False)
    assert _shown(again) == ["s-revenue", "s-rejects", "s-army", "s-talks"]
    assert not _table(qtbot, controller).hide_button.isChecked()


def test_a_hidden_row_comes_back_when_a_rating_makes_it_diagnostic(qtbot, controller) -> None:
    table = _table(qtbot, controller)
    table.set_hide_non_diagnostic(True)
    table.set_rating("s-talks", "s-war", AchRating.II)
    assert "s-talks" in _shown(table)


def test_a_judged_not_applicable_cell(qtbot, controller) -> None:
    table = _table(qtbot, controller)
    index = _cell(table, "s-army", _scenario_col(table, "s-frozen"))
    _press(qtbot, table, index, Qt.Key.Key_A)
    assert Rating(evidence="s-army", scenario="s-frozen", rating=AchRating.NA) in (
        controller.doc.ratings
    )
    assert table.model.data(_cell(table, "s-army", _scenario_col(table, "s-frozen"))) == "NA"
    assert table.model.matrix.row("s-army").diagnosticity is None  # NA is not judged


def test_row_credibility_and_relevance_are_set_by_key_and_undone(qtbot, controller) -> None:
    table = _table(qtbot, controller)
    before = controller.doc.model_dump()
    assert table.model.data(_cell(table, "s-army", CREDIBILITY_COL)) == "Med"  # 0.7
    assert table.model.data(_cell(table, "s-army", RELEVANCE_COL)) == "Med"
    footer_before = table.model.matrix.inconsistency["s-deal"]
    _press(qtbot, table, _cell(table, "s-rejects", CREDIBILITY_COL), Qt.Key.Key_H)
    _press(qtbot, table, _cell(table, "s-rejects", RELEVANCE_COL), Qt.Key.Key_L)
    assert controller.doc.ach_rows == [
        AchRow(evidence="s-rejects", credibility=RowLevel.HIGH, relevance=RowLevel.LOW)
    ]
    index = _cell(table, "s-rejects", CREDIBILITY_COL)
    assert table.model.data(index) == "High" and table.model.data(index, EXPLICIT_ROLE)
    # s-rejects (I for the deal): Medium x Medium = 1 -> High x Low = 1
    assert table.model.matrix.inconsistency["s-deal"] == pytest.approx(footer_before)
    _press(qtbot, table, _cell(table, "s-rejects", RELEVANCE_COL), Qt.Key.Key_Delete)
    assert controller.doc.ach_rows == [AchRow(evidence="s-rejects", credibility=RowLevel.HIGH)]
    assert table.model.matrix.inconsistency["s-deal"] == pytest.approx(2**0.5)
    while controller.undo_stack.canUndo():
        controller.undo_stack.undo()
    assert controller.doc.model_dump() == before


def test_the_level_menu_sets_relevance(qtbot, controller) -> None:
    table = _table(qtbot, controller)
    index = _cell(table, "s-army", RELEVANCE_COL)
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    combo = table.view.findChild(QComboBox)
    assert combo is not None
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Low",
        "Medium",
        "High",
        "default",
    ]
    choose_in_popup(qtbot, combo, 2)
    assert controller.doc.ach_rows == [AchRow(evidence="s-army", relevance=RowLevel.HIGH)]
    assert controller.undo_stack.count() == 1


def test_type_and_date_columns(qtbot, controller) -> None:
    table = _table(qtbot, controller)
    assert table.model.data(_cell(table, "s-rejects", TYPE_COL)) == "objection"
    assert table.model.data(_cell(table, "s-rejects", DATE_COL)) == "—"  # quotes nothing


def test_pressing_c_on_a_rated_cell_keeps_its_relevance(qtbot) -> None:
    """Issue 14's repro on the bundled sample: s-private-openness x "Ceasefire deal within a
    year" carries relevance 0.6; pressing C on it reset the relevance to none."""
    doc = load_map(str(resource("sample.argmap.json")))
    pair = ("s-private-openness", "s-sc-deal")
    (old,) = [r for r in doc.ratings if (r.evidence, r.scenario) == pair]
    # the cell as the issue found it (the rebuilt sample leaves cell relevance unset)
    doc.ratings[doc.ratings.index(old)] = old.model_copy(update={"relevance": 0.6})
    controller = DocumentController(doc)
    table = _table(qtbot, controller)
    _press(qtbot, table, _cell(table, pair[0], _scenario_col(table, pair[1])), Qt.Key.Key_C)
    (new,) = [r for r in controller.doc.ratings if (r.evidence, r.scenario) == pair]
    assert (new.rating, new.relevance) == (AchRating.C, 0.6)


def test_the_notes_say_what_is_uneven_and_what_is_critical(qtbot) -> None:
    doc = scenario_map()
    doc.ratings += [
        Rating(evidence=e, scenario="s-deal", rating=AchRating.I)
        for e in ("s-revenue", "s-army", "s-rejects")
    ]
    table = _table(qtbot, DocumentController(doc))
    hand = table.model.matrix.hand_inconsistent
    assert hand == {"s-deal": 3, "s-war": 0, "s-frozen": 1}
    assert "rated unevenly" in table.notes.warnings.text()
    assert table.notes.sensitivity.text().startswith("Sensitivity (Heuer's step 6): ACH favours")
