"""What a controller owns does not keep it alive: the autosaver and the live analysis are
its children in C++, and a reference back from one of them made a cycle through C++ that
only the garbage collector could break; breaking it freed the controller, and its undo
stack, from inside the child's teardown (a segfault inside ``gc.collect()`` after the
autosave tests, seed 109 of tests/gui)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from gui.ui_maps import small_map
from pytestqt.qtbot import QtBot

from argmap.io.recovery import RecoveryStore
from argmap.ui.editing.controller import DocumentController
from argmap.ui.safety.autosave import Autosaver
from argmap.ui.scenarios.live_analysis import live_analysis_for


def _freed_at_once(controller: weakref.ref[DocumentController]) -> bool:
    """Whether the controller is gone once its last reference is (no collection run)."""
    return controller() is None


def _edited_controller() -> DocumentController:
    controller = DocumentController(small_map())
    controller.add_statement("Talks resume", parent="s-q")  # an undo history
    return controller


def test_a_controller_with_an_autosaver_is_freed_without_the_garbage_collector(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller = _edited_controller()
    saver = Autosaver(controller, RecoveryStore(tmp_path / "recovery"), interval_s=3600)
    assert saver.parent() is controller
    del saver
    gone = weakref.ref(controller)
    gc.collect()
    gc.disable()
    try:
        del controller
        assert _freed_at_once(gone)
    finally:
        gc.enable()


def test_a_controller_with_a_live_analysis_is_freed_without_the_garbage_collector(
    qtbot: QtBot,
) -> None:
    controller = _edited_controller()
    live = live_analysis_for(controller)
    assert live.parent() is controller
    del live
    gone = weakref.ref(controller)
    gc.collect()
    gc.disable()
    try:
        del controller
        assert _freed_at_once(gone)
    finally:
        gc.enable()


def test_the_autosaver_and_live_analysis_still_follow_their_controller(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller = DocumentController(small_map())
    saver = Autosaver(controller, RecoveryStore(tmp_path / "recovery"), interval_s=3600)
    live = live_analysis_for(controller)
    with qtbot.waitSignal(live.updated, timeout=5000):
        controller.add_statement("Talks resume", parent="s-q")
    assert saver.write_if_needed()  # the edit made the map dirty: a snapshot is due
    saver.flush()
    assert saver.snapshot_file.is_file()
    saver.abandon()
