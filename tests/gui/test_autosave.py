"""Autosave: unsaved edits reach a recovery snapshot on a timer and on focus loss, and only then."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.io.map_file import save_map
from argmap.io.recovery import RecoveryStore
from argmap.model import ArgMap, Statement, StatementKind
from argmap.ui.editing.controller import DocumentController
from argmap.ui.safety.autosave import Autosaver, configured_interval, snapshot_in_use
from argmap.ui.window.app_settings import app_settings

TICK_S = 0.05


def _doc() -> ArgMap:
    return ArgMap(
        title="Talks",
        statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="A ceasefire holds")],
    )


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_HOME", str(tmp_path / "home"))


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def saved(tmp_path: Path, qtbot: QtBot) -> Iterator[DocumentController]:
    path = tmp_path / "talks.argmap.json"
    save_map(_doc(), path)
    controller = DocumentController()
    controller.open(path)
    yield controller


def _autosaver(controller: DocumentController, store: RecoveryStore) -> Autosaver:
    return Autosaver(controller, store, interval_s=TICK_S)


def test_dirty_map_is_snapshotted_on_the_timer_and_the_users_file_is_untouched(
    saved: DocumentController, store: RecoveryStore, qtbot: QtBot
) -> None:
    saver = _autosaver(saved, store)
    assert saved.path is not None
    on_disk = saved.path.read_bytes()
    qtbot.wait(int(4 * TICK_S * 1000))
    assert store.snapshots() == []  # clean: nothing to protect

    with qtbot.waitSignal(saver.snapshot_written, timeout=3000) as written:
        saved.add_statement("Both sides are exhausted", parent="s-1")

    assert written.args == [str(saver.snapshot_file)]
    recovered = store.restore(saver.key)
    assert recovered.doc.model_dump() == saved.doc.model_dump()
    assert recovered.snapshot.original_path == saved.path
    assert saved.path.read_bytes() == on_disk
    saver.close()


def test_no_rewrite_when_nothing_changed_since_the_last_snapshot(
    saved: DocumentController, store: RecoveryStore, qtbot: QtBot
) -> None:
    saver = _autosaver(saved, store)
    writes: list[str] = []
    saver.snapshot_written.connect(writes.append)
    saved.add_statement("edit", parent="s-1")
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=3000)

    qtbot.wait(int(6 * TICK_S * 1000))
    assert len(writes) == 1
    saved.set_statement_field("s-1", "text", "changed again")
    qtbot.waitUntil(lambda: len(writes) == 2, timeout=3000)
    assert store.restore(saver.key).doc.statement("s-1").text == "changed again"
    saver.close()


def test_losing_focus_writes_at_once(saved: DocumentController, store: RecoveryStore) -> None:
    saver = Autosaver(saved, store, interval_s=3600)
    saved.add_statement("edit", parent="s-1")
    assert store.snapshots() == []

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    saver.flush()

    assert [s.key for s in store.snapshots()] == [saver.key]
    saver.close()


def test_saving_or_undoing_to_the_saved_state_removes_the_snapshot(
    saved: DocumentController, store: RecoveryStore
) -> None:
    saver = Autosaver(saved, store, interval_s=3600)
    saved.add_statement("edit", parent="s-1")
    assert saver.write_if_needed()
    saver.flush()
    assert saver.snapshot_file.exists()

    saved.save()
    saver.flush()
    assert not saver.snapshot_file.exists()

    saved.add_statement("another", parent="s-1")
    saver.write_if_needed()
    saver.flush()
    assert saver.snapshot_file.exists()
    saved.undo_stack.undo()
    saver.flush()
    assert not saver.snapshot_file.exists()
    saver.close()


def test_save_as_moves_an_untitled_maps_snapshot(
    store: RecoveryStore, tmp_path: Path, qtbot: QtBot
) -> None:
    controller = DocumentController(_doc())
    saver = Autosaver(controller, store, interval_s=3600)
    controller.add_statement("edit", parent="s-1")
    saver.write_if_needed()
    saver.flush()
    untitled = saver.snapshot_file
    assert untitled.name.startswith("unsaved-")

    controller.save(tmp_path / "new.argmap.json")
    saver.flush()

    assert not untitled.exists()
    assert store.snapshots() == []
    controller.add_statement("after save", parent="s-1")
    saver.write_if_needed()
    saver.flush()
    assert [s.original_path for s in store.snapshots()] == [tmp_path / "new.argmap.json"]
    saver.close()


def test_clean_close_removes_and_a_crash_keeps_the_snapshot(
    saved: DocumentController, store: RecoveryStore
) -> None:
    first = Autosaver(saved, store, interval_s=3600)
    saved.add_statement("edit", parent="s-1")
    first.write_if_needed()
    first.close()
    assert store.snapshots() == []

    crashed = Autosaver(saved, store, interval_s=3600)
    saved.add_statement("more", parent="s-1")
    crashed.write_if_needed()
    assert snapshot_in_use(store, crashed.key)
    crashed.abandon()
    assert [s.key for s in store.snapshots()] == [crashed.key]
    assert not snapshot_in_use(store, crashed.key)


def test_a_second_window_on_the_same_file_keeps_its_own_snapshot(
    saved: DocumentController, store: RecoveryStore
) -> None:
    other = DocumentController()
    assert saved.path is not None
    other.open(saved.path)
    first = Autosaver(saved, store, interval_s=3600)
    second = Autosaver(other, store, interval_s=3600)

    assert first.key != second.key
    saved.add_statement("mine", parent="s-1")
    other.add_statement("theirs", parent="s-1")
    first.write_if_needed()
    second.write_if_needed()
    first.flush()
    second.flush()
    assert len(store.snapshots()) == 2
    first.close()
    second.close()


def test_a_failed_write_is_reported_not_raised(
    saved: DocumentController, store: RecoveryStore, qtbot: QtBot
) -> None:
    saver = Autosaver(saved, store, interval_s=3600)
    saved.add_statement("edit", parent="s-1")
    for child in store.folder.iterdir():
        child.unlink()
    store.folder.rmdir()
    store.folder.write_text("not a folder")  # every write into it now fails

    with qtbot.waitSignal(saver.failed, timeout=3000) as failure:
        saver.write_if_needed()

    assert "Autosave failed" in failure.args[0] and str(store.folder) in failure.args[0]
    assert saved.is_dirty  # the work is still there, in memory
    saver.abandon()


def test_interval_comes_from_the_settings(tmp_path: Path, saved: DocumentController) -> None:
    settings = QSettings(str(tmp_path / "argmap.ini"), QSettings.Format.IniFormat)
    assert configured_interval(settings) == 30.0
    settings.setValue("autosave/interval_s", 5)
    assert configured_interval(settings) == 5.0
    settings.setValue("autosave/interval_s", "nonsense")
    assert configured_interval(settings) == 30.0

    settings.setValue("autosave/interval_s", 12.5)
    saver = Autosaver(saved, RecoveryStore(tmp_path / "r"), settings=settings)
    assert saver.interval_s == 12.5
    saver.close()


def test_the_app_reads_the_interval_from_its_own_settings_file(
    saved: DocumentController, tmp_path: Path
) -> None:
    """The README's setting lives in argmap.ini under ARGMAP_HOME (it was read elsewhere)."""
    settings = app_settings()
    settings.setValue("autosave/interval_s", 0.5)
    settings.sync()
    assert configured_interval() == 0.5
    saver = Autosaver(saved, RecoveryStore(tmp_path / "r2"))
    assert saver.interval_s == 0.5
    saver.abandon()
