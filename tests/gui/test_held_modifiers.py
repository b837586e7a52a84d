"""QTest leaves a modifier key held in the application's state after a key click with it;
an item view then extends a selection where a click would select one row. Each test
starts with no modifier held (tests/conftest.py), as a user's next action does."""

from __future__ import annotations

from conftest import _release_qtest_modifiers
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot


def _table(qtbot: QtBot) -> QTableWidget:
    table = QTableWidget(3, 2)
    qtbot.addWidget(table)
    for row in range(3):
        for column in range(2):
            table.setItem(row, column, QTableWidgetItem(f"{row}:{column}"))
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    return table


def test_a_shift_click_leaves_shift_held_and_the_release_lets_go(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    held = QApplication.keyboardModifiers()
    table = _table(qtbot)
    table.selectRow(0)
    rows_with_shift = {i.row() for i in table.selectedItems()}
    _release_qtest_modifiers()
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    table.clearSelection()
    table.selectRow(0)
    assert {i.row() for i in table.selectedItems()} == {0}
    # What the release is for: while QTest's Shift was held, selecting row 0 selected none.
    assert held == Qt.KeyboardModifier.ShiftModifier and rows_with_shift == set()
