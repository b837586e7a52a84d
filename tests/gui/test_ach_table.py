"""The ACH matrix pane: derived and explicit cells, undoable ratings, sorting, selection."""

from __future__ import annotations

import pytest
from gui.scenario_maps import scenario_map, with_everywhere_evidence
from gui.ui_maps import choose_in_popup
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox

from argmap.analysis.report import analyze
from argmap.model import AchRating, Rating
from argmap.ui.editing.controller import DocumentController
from argmap.ui.scenarios import AchTable
from argmap.ui.scenarios import palette as pal
from argmap.ui.scenarios.ach_columns import (
    EXPLICIT_ROLE,
    FIRST_SCENARIO_COL,
    FOOTER_TEXT,
    RATING_ROLE,
)


@pytest.fixture
def controller() -> DocumentController:
    return DocumentController(scenario_map())


@pytest.fixture
def table(qtbot, controller: DocumentController) -> AchTable:
    widget = AchTable(controller)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _cell(table: AchTable, evidence: str, scenario: str) -> QModelIndex:
    model = table.model
    col = FIRST_SCENARIO_COL + model.matrix.scenarios.index(scenario)
    return model.index(model.row_of(evidence), col)


def _footer(table: AchTable, scenario: str) -> str:
    model = table.model
    col = FIRST_SCENARIO_COL + model.matrix.scenarios.index(scenario)
    return str(model.data(model.index(model.footer_row, col)))


def _press(qtbot, table: AchTable, index: QModelIndex, key, shift: bool = False) -> None:
    table.view.setCurrentIndex(index)
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(table.view, key, modifier)


def test_rows_columns_and_cells_follow_the_analysis(table: AchTable, controller) -> None:
    analysis = analyze(controller.doc)
    model = table.model
    assert model.rowCount() == len(analysis.ach.evidence) + 1
    assert model.columnCount() == FIRST_SCENARIO_COL + len(analysis.scenarios) + 1
    for row in analysis.ach.evidence:
        for j, sid in enumerate(analysis.ach.scenarios):
            index = _cell(table, row.id, sid)
            rating = row.ratings[j]
            assert model.data(index) == (rating.value if rating is not None else "")
            assert model.data(index, EXPLICIT_ROLE) == row.explicit[j]
    assert model.data(_cell(table, "s-rejects", "s-frozen"), EXPLICIT_ROLE) is True
    assert model.data(model.index(model.footer_row, 0)) == FOOTER_TEXT
    for sid in analysis.ach.scenarios:
        assert _footer(table, sid).startswith(f"{analysis.ach.inconsistency[sid]:.2f}")
    header = model.headerData(FIRST_SCENARIO_COL + 2, Qt.Orientation.Horizontal)
    assert "Frozen conflict" in " ".join(header.split())  # wrapped to fit its column


def test_typing_a_rating_adds_it_and_undo_removes_it(
    qtbot, table: AchTable, controller: DocumentController
) -> None:
    before = controller.doc.model_dump()
    footer_before = _footer(table, "s-war")
    index = _cell(table, "s-revenue", "s-war")
    assert table.model.data(index) == ""  # no chain, not rated: blank, not N
    assert table.model.data(index, RATING_ROLE) is None
    _press(qtbot, table, index, Qt.Key.Key_I)
    assert Rating(evidence="s-revenue", scenario="s-war", rating=AchRating.I) in (
        controller.doc.ratings
    )
    index = _cell(table, "s-revenue", "s-war")
    assert table.model.data(index, RATING_ROLE) is AchRating.I
    assert table.model.data(index, EXPLICIT_ROLE) is True
    assert _footer(table, "s-war") != footer_before
    expected = analyze(controller.doc).ach.inconsistency["s-war"]
    assert _footer(table, "s-war").startswith(f"{expected:.2f}")

    controller.undo_stack.undo()
    assert controller.doc.model_dump() == before
    table.live.refresh()
    assert _footer(table, "s-war") == footer_before
    assert table.model.data(_cell(table, "s-revenue", "s-war"), EXPLICIT_ROLE) is False


def test_shift_doubles_and_delete_returns_to_the_derived_rating(
    qtbot, table: AchTable, controller: DocumentController
) -> None:
    before = controller.doc.model_dump()
    index = _cell(table, "s-army", "s-deal")
    _press(qtbot, table, index, Qt.Key.Key_I, shift=True)
    assert table.model.data(_cell(table, "s-army", "s-deal")) == "II"
    _press(qtbot, table, _cell(table, "s-army", "s-deal"), Qt.Key.Key_C, shift=True)
    ratings = [r for r in controller.doc.ratings if r.evidence == "s-army"]
    assert [r.rating for r in ratings] == [AchRating.CC]  # replaced, not added twice
    _press(qtbot, table, _cell(table, "s-army", "s-deal"), Qt.Key.Key_Delete)
    assert not [r for r in controller.doc.ratings if r.evidence == "s-army"]
    assert table.model.data(_cell(table, "s-army", "s-deal")) == ""  # blank again
    # The hand-made rating that came with the map can be cleared too.
    _press(qtbot, table, _cell(table, "s-rejects", "s-frozen"), Qt.Key.Key_Delete)
    assert controller.doc.ratings == []
    while controller.undo_stack.canUndo():
        controller.undo_stack.undo()
    assert controller.doc.model_dump() == before


def test_the_menu_editor_sets_and_clears_a_rating(
    qtbot, table: AchTable, controller: DocumentController
) -> None:
    index = _cell(table, "s-revenue", "s-frozen")
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    combo = table.view.findChild(QComboBox)
    assert combo is not None
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[0].startswith("CC") and "(blank)" in labels[-1]
    assert any(label.startswith("NA") for label in labels)
    choose_in_popup(qtbot, combo, 0)
    qtbot.waitUntil(lambda: table.view.findChild(QComboBox) is None or not combo.isVisible())
    assert Rating(evidence="s-revenue", scenario="s-frozen", rating=AchRating.CC) in (
        controller.doc.ratings
    )
    assert controller.undo_stack.count() == 1


def test_sorting_by_diagnosticity_keeps_the_footer_last(
    table: AchTable, controller: DocumentController
) -> None:
    doc = with_everywhere_evidence(scenario_map())
    doc.ratings.append(Rating(evidence="s-revenue", scenario="s-war", rating=AchRating.I))
    controller.set_document(doc)
    model = table.model
    doc_order = [e.id for e in model.matrix.evidence]
    assert doc_order == ["s-revenue", "s-rejects", "s-army", "s-talks"]
    table.sort_by_diagnosticity()
    shown = [model.evidence_at(r) for r in range(model.footer_row)]
    # s-revenue spans C..I (2); s-rejects (I, I) and s-talks (C, C, C) are alike (0, ties
    # in map order); s-army is judged against one scenario only (no diagnosticity: last).
    assert [e.id for e in shown if e is not None] == [
        "s-revenue",
        "s-rejects",
        "s-talks",
        "s-army",
    ]
    assert model.data(model.index(model.rowCount() - 1, 0)) == FOOTER_TEXT
    table.view.sortByColumn(model.diagnosticity_col, Qt.SortOrder.AscendingOrder)
    assert model.evidence_at(0).id == "s-army"  # type: ignore[union-attr]


def test_non_diagnostic_evidence_is_flagged(table: AchTable, controller) -> None:
    controller.set_document(with_everywhere_evidence(scenario_map()))
    model = table.model
    row = model.row_of("s-talks")
    diag = model.data(model.index(row, model.diagnosticity_col))
    assert "none" in diag
    assert model.data(model.index(row, 0), Qt.ItemDataRole.FontRole).italic()
    assert "Non-diagnostic" in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    other = model.row_of("s-army")
    assert not model.data(model.index(other, 0), Qt.ItemDataRole.FontRole).italic()
    assert model.data(model.index(other, model.diagnosticity_col)) == "—"
    tip = model.data(model.index(other, 0), Qt.ItemDataRole.ToolTipRole)
    assert "judged against fewer than two scenarios" in tip
    assert "2 non-diagnostic" in table.counts.text()  # s-talks and s-rejects (I, I)


def test_clicking_a_row_selects_its_statement(
    qtbot, table: AchTable, controller: DocumentController
) -> None:
    model = table.model
    index = model.index(model.row_of("s-army"), 0)
    rect = table.view.visualRect(index)
    with qtbot.waitSignal(controller.selection_changed) as signal:
        qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [["s-army"]]
    footer = table.view.visualRect(model.index(model.footer_row, 0))
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=footer.center())
    assert controller.selection == ["s-army"]  # the footer selects nothing
    controller.set_selection(["s-revenue"])
    assert table.view.currentIndex().row() == model.row_of("s-revenue")


def test_selection_follows_its_row_when_sorted(table: AchTable, controller) -> None:
    model = table.model
    table.view.setCurrentIndex(model.index(model.row_of("s-army"), 0))
    table.sort_by_diagnosticity()
    assert model.evidence_at(table.view.currentIndex().row()).id == "s-army"  # type: ignore[union-attr]


def _colour_at(table: AchTable, index: QModelIndex) -> QColor:
    image = table.view.viewport().grab().toImage()
    rect = table.view.visualRect(index)
    return QColor(image.pixel(rect.center().x() - 20, rect.center().y()))


def test_explicit_cells_are_drawn_in_full_colour_derived_ones_pale(table: AchTable) -> None:
    explicit = _colour_at(table, _cell(table, "s-rejects", "s-frozen"))
    derived = _colour_at(table, _cell(table, "s-rejects", "s-deal"))
    assert explicit == pal.rating_fill(AchRating.I, True)
    assert derived == pal.rating_fill(AchRating.I, False)
    assert derived.lightness() > explicit.lightness()
