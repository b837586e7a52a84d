"""An undo command must not keep its controller alive: the controller's undo stack owns
its commands in C++, and a reference back from a command made a cycle through C++ that
only the garbage collector could break, in an order that crashed at exit (exit 139)."""

from __future__ import annotations

import gc
import weakref

from gui.ui_maps import small_map
from pytestqt.qtbot import QtBot

from argmap.model import StatementKind
from argmap.ui.editing.commands import AddStatementCommand
from argmap.ui.editing.controller import DocumentController
from argmap.ui.team.layer_commands import AddLayerCommand, SwitchLayerCommand


def test_a_controller_with_an_undo_history_is_freed_without_the_garbage_collector(
    qtbot: QtBot,
) -> None:
    controller = DocumentController(small_map())
    controller.push(AddStatementCommand(controller, "Talks resume", StatementKind.CLAIM))
    controller.push(AddLayerCommand(controller, "Alice"))
    controller.push(SwitchLayerCommand(controller, None))
    controller.undo_stack.undo()
    assert controller.undo_stack.count() == 3
    gone = weakref.ref(controller)
    gc.collect()
    gc.disable()
    try:
        del controller
        assert gone() is None  # freed at once, with its stack and the commands in it
    finally:
        gc.enable()


def test_commands_still_undo_and_redo_through_their_controller(qtbot: QtBot) -> None:
    controller = DocumentController(small_map())
    before = len(controller.doc.statements)
    controller.push(AddStatementCommand(controller, "Talks resume", StatementKind.CLAIM))
    assert len(controller.doc.statements) == before + 1
    controller.undo_stack.undo()
    assert len(controller.doc.statements) == before
    controller.undo_stack.redo()
    assert controller.doc.statements[-1].text == "Talks resume"
