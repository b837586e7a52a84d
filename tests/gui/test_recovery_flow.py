"""Crash and recover, two windows on one map, read-only files, changes made by another program."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from argmap.io.map_file import dumps_map, save_map
from argmap.io.recovery import RecoveryStore
from argmap.model import ArgMap, Statement, StatementKind
from argmap.ui.editing.controller import DocumentController
from argmap.ui.safety.autosave import Autosaver
from argmap.ui.safety.banner import MessageBanner
from argmap.ui.safety.file_guard import FileGuard
from argmap.ui.safety.recovery_dialog import (
    RecoveryDialog,
    offer_recovery,
    recovered_notice,
    restore_into,
)

LEFT = Qt.MouseButton.LeftButton


def _doc(title: str = "Ceasefire talks") -> ArgMap:
    return ArgMap(
        title=title,
        statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="A ceasefire holds")],
    )


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_HOME", str(tmp_path / "home"))


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "talks.argmap.json"
    save_map(_doc(), path)
    return path


def _labels(widget: RecoveryDialog) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisibleTo(widget)]


def _crash_with_edits(map_file: Path, store: RecoveryStore, qtbot: QtBot) -> ArgMap:
    """A session that edits the map, autosaves on its timer, then dies without closing."""
    controller = DocumentController()
    controller.open(map_file)
    saver = Autosaver(controller, store, interval_s=0.05)
    with qtbot.waitSignal(saver.snapshot_written, timeout=3000):
        controller.add_statement("Both sides are exhausted", parent="s-1")
        controller.set_statement_field("s-1", "text", "A ceasefire holds by June")
    edited = controller.doc.model_copy(deep=True)
    saver.abandon()  # the process dies here: no clean close
    return edited


def test_crash_then_restore_gives_back_the_unsaved_edits(
    map_file: Path, store: RecoveryStore, qtbot: QtBot
) -> None:
    on_disk = map_file.read_bytes()
    edited = _crash_with_edits(map_file, store, qtbot)

    dialog = RecoveryDialog(store)  # the next launch
    qtbot.addWidget(dialog)
    assert len(dialog.rows) == 1
    shown = " | ".join(_labels(dialog))
    assert "Ceasefire talks" in shown and str(map_file) in shown and "Autosaved today" in shown
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.mouseClick(dialog.rows[0].restore_button, LEFT)

    [recovered] = dialog.restored
    controller = DocumentController()
    restore_into(controller, recovered)
    assert controller.doc.model_dump() == edited.model_dump()
    assert controller.is_dirty
    assert controller.path == map_file
    assert map_file.read_bytes() == on_disk  # nothing was written over the user's file
    assert "Recovered unsaved changes to talks.argmap.json" in recovered_notice(recovered)

    saver = Autosaver(controller, store, interval_s=3600, key=recovered.snapshot.key)
    assert [s.key for s in store.snapshots()] == [recovered.snapshot.key]  # kept until saved
    controller.save()
    saver.close()
    assert store.snapshots() == []
    assert map_file.read_bytes() == dumps_map(edited).encode()


def test_an_untitled_map_is_recovered_as_untitled(store: RecoveryStore, qtbot: QtBot) -> None:
    controller = DocumentController(_doc("Draft"))
    saver = Autosaver(controller, store, interval_s=3600)
    controller.add_statement("unsaved thought", parent="s-1")
    saver.write_if_needed()
    saver.abandon()

    dialog = RecoveryDialog(store)
    qtbot.addWidget(dialog)
    assert "File: never saved" in _labels(dialog)
    dialog.restore(dialog.rows[0])
    fresh = DocumentController()
    restore_into(fresh, dialog.restored[0])
    assert fresh.path is None and fresh.is_dirty
    assert [s.text for s in fresh.doc.statements] == ["A ceasefire holds", "unsaved thought"]


def test_discard_and_later(map_file: Path, store: RecoveryStore, qtbot: QtBot) -> None:
    _crash_with_edits(map_file, store, qtbot)
    store.write("unsaved-other", _doc("Other draft"), None)

    later = RecoveryDialog(store)
    qtbot.addWidget(later)
    qtbot.mouseClick(later.later_button, LEFT)
    assert later.restored == [] and len(store.snapshots()) == 2

    dialog = RecoveryDialog(store)
    qtbot.addWidget(dialog)
    other = next(r for r in dialog.rows if r.snapshot.title == "Other draft")
    qtbot.mouseClick(other.discard_button, LEFT)
    assert [s.title for s in store.snapshots()] == ["Ceasefire talks"]
    assert len(list((store.folder / "discarded").iterdir())) == 1
    assert [r.snapshot.title for r in dialog.rows] == ["Ceasefire talks"]


def test_a_running_windows_snapshot_is_not_offered(
    map_file: Path, store: RecoveryStore, qtbot: QtBot
) -> None:
    controller = DocumentController()
    controller.open(map_file)
    alive = Autosaver(controller, store, interval_s=3600)
    controller.add_statement("still being edited", parent="s-1")
    alive.write_if_needed()
    alive.flush()

    assert len(store.snapshots()) == 1
    assert offer_recovery(store) == []  # no dialog: the other window still owns it
    alive.close()


def test_second_window_on_the_same_map_is_warned_and_read_only(
    map_file: Path, qtbot: QtBot
) -> None:
    first, second = DocumentController(), DocumentController()
    first.open(map_file)
    second.open(map_file)
    guard_1, guard_2 = FileGuard(), FileGuard()
    guard_1.follow(first)
    guard_2.follow(second)

    assert not guard_1.read_only
    assert guard_2.read_only and guard_2.locked_elsewhere
    assert f"process {os.getpid()}" in guard_2.lock_owner
    text = guard_2.banner_text()
    assert "talks.argmap.json is already open in another argmap window" in text
    assert "read-only" in text

    guard_1.release()
    third = FileGuard()
    third.attach(map_file)
    assert not third.read_only
    third.release()
    guard_2.release()


def test_read_only_file_opens_with_a_banner(map_file: Path, qtbot: QtBot) -> None:
    os.chmod(map_file, stat.S_IRUSR | stat.S_IRGRP)
    try:
        controller = DocumentController()
        controller.open(map_file)
        guard = FileGuard()
        guard.follow(controller)
        banner = MessageBanner()
        qtbot.addWidget(banner)
        banner.show_message(guard.banner_text(), "warning", [("save-as", "Save As…")])

        assert guard.read_only and not guard.locked_elsewhere
        assert banner.text() == (
            "talks.argmap.json is opened read-only: the file is read-only. "
            "Use Save As to keep changes."
        )
        assert banner.actions_shown() == ["Save As…"]
        guard.release()
    finally:
        os.chmod(map_file, stat.S_IRUSR | stat.S_IWUSR)


def test_change_by_another_program_is_detected_but_our_saves_are_not(
    map_file: Path, qtbot: QtBot
) -> None:
    controller = DocumentController()
    controller.open(map_file)
    guard = FileGuard()
    guard.follow(controller)

    controller.add_statement("ours", parent="s-1")
    with qtbot.assertNotEmitted(guard.changed_on_disk, wait=800):
        controller.save()

    with qtbot.waitSignal(guard.changed_on_disk, timeout=5000) as changed:
        save_map(_doc("Edited in another program"), map_file)  # an atomic replace, like ours
    assert changed.args == [str(map_file)]
    assert guard.disk_differs()

    guard.acknowledge()  # "keep mine"
    assert not guard.disk_differs()
    with qtbot.waitSignal(guard.changed_on_disk, timeout=5000):
        map_file.write_text(dumps_map(_doc("Written in place")), encoding="utf-8")
    guard.release()


def test_removed_file_is_reported(map_file: Path, qtbot: QtBot) -> None:
    guard = FileGuard()
    guard.attach(map_file)
    with qtbot.waitSignal(guard.removed_on_disk, timeout=5000):
        map_file.unlink()
    guard.release()


def test_banner_shows_markup_literally_and_reports_its_buttons(qtbot: QtBot) -> None:
    banner = MessageBanner()
    qtbot.addWidget(banner)
    hostile = '<img src=x onerror="alert(1)"> <a href="http://evil">x</a>.argmap.json changed'
    banner.show_message(hostile, "warning", [("reload", "Reload"), ("keep", "Keep mine")])

    assert banner.label.text() == hostile
    assert banner.label.textFormat().name == "PlainText"
    reload_button = banner.findChild(QPushButton, "banner-action-reload")
    with qtbot.waitSignal(banner.action_triggered) as pressed:
        qtbot.mouseClick(reload_button, LEFT)
    assert pressed.args == ["reload"]
    assert banner.isHidden() and banner.text() == ""
