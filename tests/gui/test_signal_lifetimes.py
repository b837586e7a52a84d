"""A widget bound to a controller that outlives it stops listening when it is deleted.

A lambda connected to the controller would run after the widget is gone ("Internal C++
object already deleted", reported by pytest-qt as an error in the test); bound methods
are disconnected by Qt when their receiver is destroyed.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from gui.panes_sample import seed_map
from PySide6.QtWidgets import QWidget

from argmap.ui.editing.controller import DocumentController
from argmap.ui.editing.find_bar import FindBar
from argmap.ui.panes import Inspector
from argmap.ui.window.main_window import MainWindow
from argmap.ui.window.recent_files import RecentFiles


def _edit_everything(controller: DocumentController, tmp_path: Path) -> None:
    """Fire every controller signal a pane or window listens to."""
    first = controller.doc.statements[0].id
    controller.set_selection([first])
    controller.set_statement_field(first, "text", "Edited after the widget was deleted")
    controller.add_statement("Added after the widget was deleted", parent=first)
    controller.undo_stack.undo()
    controller.undo_stack.redo()
    controller.request_quote(controller.doc.quotes[0].id)
    controller.save(tmp_path / "later.argmap.json")
    controller.set_document(seed_map(), None)


def _delete(widget: QWidget) -> None:
    shiboken6.delete(widget)
    assert not shiboken6.isValid(widget)


def test_a_deleted_find_bar_ignores_later_edits(qtbot, tmp_path: Path) -> None:
    controller = DocumentController(seed_map())
    _delete(FindBar(controller))
    _edit_everything(controller, tmp_path)


def test_a_deleted_inspector_ignores_later_edits(qtbot, tmp_path: Path) -> None:
    controller = DocumentController(seed_map())
    _delete(Inspector(controller))
    _edit_everything(controller, tmp_path)


def test_a_deleted_window_ignores_edits_to_a_controller_it_was_given(qtbot, tmp_path: Path) -> None:
    controller = DocumentController(seed_map())
    window = MainWindow(controller, recent=RecentFiles(tmp_path / "recent.json"))
    window.safety.close()
    _delete(window)
    _edit_everything(controller, tmp_path)
