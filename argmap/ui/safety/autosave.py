"""Autosave: while a map has unsaved changes, keep a recovery snapshot of it up to date.

The snapshot is written every ``interval_s`` seconds (default 30, QSettings key
``autosave/interval_s``) and whenever argmap loses focus, only when something changed
since the last one. It goes to the recovery folder (:mod:`argmap.io.recovery`), never to
the user's file. Saving, undoing back to the saved state, or closing cleanly removes it;
a crash leaves it for the next launch to offer. The map is serialised on the UI thread
(a few ms per thousand statements); writing and syncing the file happen on a worker thread.
"""

from __future__ import annotations

import contextlib
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

from argmap.io.recovery import (
    SNAPSHOT_SUFFIX,
    RecoveryError,
    RecoveryStore,
    key_for,
    new_session,
)
from argmap.ui.editing.controller import DocumentController
from argmap.ui.window.app_settings import app_settings

DEFAULT_INTERVAL_S = 30.0
SETTINGS_KEY = "autosave/interval_s"
MIN_INTERVAL_S = 0.05


def configured_interval(settings: QSettings | None = None) -> float:
    """The autosave interval in seconds from the settings (30 when unset or invalid).

    Without ``settings``, the app's own settings file (:func:`app_settings`, which
    honours ``ARGMAP_HOME``) is read, as the README promises.
    """
    value = (settings if settings is not None else app_settings()).value(
        SETTINGS_KEY, DEFAULT_INTERVAL_S
    )
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return DEFAULT_INTERVAL_S
    return seconds if seconds >= MIN_INTERVAL_S else DEFAULT_INTERVAL_S


def _lock_for(store: RecoveryStore, key: str) -> QLockFile:
    lock = QLockFile(str(store.path_for(key)) + ".lock")
    lock.setStaleLockTime(0)  # stale only when the owning process is gone
    return lock


def snapshot_in_use(store: RecoveryStore, key: str) -> bool:
    """Whether a running argmap still owns snapshot ``key`` (so it is not a crash's leftover)."""
    lock = _lock_for(store, key)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True


def remove_stale_locks(store: RecoveryStore) -> int:
    """Delete the lock files killed sessions left in the recovery folder (a lock whose
    process is gone); how many went. Locks of running windows stay."""
    removed = 0
    for file in store.folder.glob(f"*{SNAPSHOT_SUFFIX}.lock"):
        lock = QLockFile(str(file))
        lock.setStaleLockTime(0)
        if lock.tryLock(0):  # its owner is gone: taking it over and letting go removes it
            lock.unlock()
            removed += 1
    return removed


class Autosaver(QObject):
    """Keeps the recovery snapshot of one document (see the module docstring).

    Signals: ``snapshot_written(file)``, ``snapshot_removed()``, ``failed(message)`` (e.g.
    the disk is full: show it, the user's work is still in memory).
    """

    snapshot_written = Signal(str)
    snapshot_removed = Signal()
    failed = Signal(str)

    def __init__(
        self,
        controller: DocumentController,
        store: RecoveryStore,
        interval_s: float | None = None,
        *,
        window: QWindow | None = None,
        key: str | None = None,
        settings: QSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``key`` adopts an existing snapshot (a restored map keeps its snapshot's name)."""
        super().__init__(parent if parent is not None else controller)
        self._controller = weakref.ref(controller)  # its child: a strong one made a cycle
        self.store = store
        self.window = window
        self._session = new_session()
        self._lock: QLockFile | None = None
        self.key = ""
        self._wanted = ""  # the key this document's path asks for (``key`` may differ)
        if key:
            self._set_key(key, adopt=True)
        else:
            self._set_key(self._key_for(controller.path))
        self._revision = 0
        self._written = -1  # revision of the snapshot on disk; -1: none
        self._pending: Future[object] | None = None
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="argmap-autosave"
        )
        self.timer = QTimer(self)
        self.timer.setInterval(round(1000 * (interval_s or configured_interval(settings))))
        self.timer.timeout.connect(self.write_if_needed)
        controller.edited.connect(self._on_edited)
        controller.document_reset.connect(self._on_edited)
        controller.dirty_changed.connect(self._on_dirty)
        controller.path_changed.connect(self._on_path)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)
            app.focusWindowChanged.connect(self._on_focus_window)
        if controller.is_dirty:
            self.timer.start()
            self._written = -2  # a restored, never-saved map: snapshot it at the next chance

    @property
    def controller(self) -> DocumentController:
        """The map's controller. Held weakly: the autosaver is its child in C++, and a
        reference back made a cycle that only the garbage collector broke, freeing the
        controller and its undo stack from inside this object's teardown (a segfault)."""
        controller = self._controller()
        if controller is None:  # pragma: no cover - a child dies with its controller
            raise RuntimeError("the autosaver's controller is gone")
        return controller

    @property
    def interval_s(self) -> float:
        """Seconds between snapshots while the map has unsaved changes."""
        return self.timer.interval() / 1000

    @property
    def snapshot_file(self) -> Path:
        """Where this document's snapshot is (or would be) written."""
        return self.store.path_for(self.key)

    # --- events ---------------------------------------------------------------------------

    def _on_edited(self) -> None:
        self._revision += 1

    def _on_dirty(self, dirty: bool) -> None:
        if dirty:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
            self.remove_snapshot()

    def _on_path(self, path: str) -> None:
        new_key = self._key_for(Path(path) if path else None)
        if new_key != self._wanted:
            self.remove_snapshot()
            self._set_key(new_key)
            self._written = -1

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.write_if_needed()

    def _on_focus_window(self, focused: QWindow | None) -> None:
        if self.window is not None and focused is not self.window:
            self.write_if_needed()

    # --- snapshots ------------------------------------------------------------------------

    def write_if_needed(self) -> bool:
        """Snapshot the map now if it has unsaved changes the last snapshot lacks."""
        if self._executor is None or not self.controller.is_dirty:
            return False
        if self._written == self._revision:
            return False
        try:
            data = RecoveryStore.encode(self.controller.doc, self.controller.path)
        except RecoveryError as exc:
            self.failed.emit(f"Autosave failed: {exc}")
            return False
        self._written = self._revision
        key, original = self.key, self.controller.path
        self._pending = self._executor.submit(self._write, key, data, original)
        return True

    def _write(self, key: str, data: bytes, original: Path | None) -> None:
        """On the worker thread: put the snapshot in place (with the map's permissions)."""
        try:
            file = self.store.write_bytes(key, data, original)
        except RecoveryError as exc:
            self.failed.emit(f"Autosave failed: {exc}")
        else:
            self.snapshot_written.emit(str(file))

    def remove_snapshot(self) -> None:
        """Delete this document's snapshot (after any write still in flight)."""
        if self._executor is None:
            return
        key = self.key
        self._pending = self._executor.submit(self.store.remove, key)
        self._written = -1
        self.snapshot_removed.emit()

    def flush(self) -> None:
        """Wait until pending snapshot writes and removals are done."""
        if self._pending is not None:
            with contextlib.suppress(Exception):
                self._pending.result()

    def close(self) -> None:
        """A clean close: stop, and remove the snapshot (the user saved or chose to discard)."""
        if self._executor is None:
            return
        self.timer.stop()
        self.remove_snapshot()
        self.flush()
        self._executor.shutdown(wait=True)
        self._executor = None
        self._release_lock()
        self._disconnect()

    def abandon(self) -> None:
        """Stop without removing the snapshot (what a crash does; for tests and shutdowns
        where the user's decision is unknown)."""
        if self._executor is None:
            return
        self.timer.stop()
        self.flush()
        self._executor.shutdown(wait=True)
        self._executor = None
        self._release_lock()
        self._disconnect()

    def _disconnect(self) -> None:
        controller = self._controller()
        if controller is None:
            return  # gone, and its connections with it
        for signal, slot in (
            (controller.edited, self._on_edited),
            (controller.document_reset, self._on_edited),
            (controller.dirty_changed, self._on_dirty),
            (controller.path_changed, self._on_path),
        ):
            with contextlib.suppress(RuntimeError):
                signal.disconnect(slot)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            with contextlib.suppress(RuntimeError):
                app.applicationStateChanged.disconnect(self._on_app_state)
            with contextlib.suppress(RuntimeError):
                app.focusWindowChanged.disconnect(self._on_focus_window)

    # --- keys and locks ---------------------------------------------------------------------

    def _key_for(self, path: Path | None) -> str:
        return key_for(path, self._session)

    def _set_key(self, key: str, *, adopt: bool = False) -> None:
        """Own ``key``'s snapshot. If another window owns it, or a crash left a snapshot
        there that the user has not restored (``adopt``) nor discarded yet ("Later"), use
        this session's own key: this document must not write over, or remove, that work."""
        self._release_lock()
        self._wanted = key
        lock = _lock_for(self.store, key)
        if not lock.tryLock(0):
            key = key_for(None, self._session)
            lock = _lock_for(self.store, key)
            lock.tryLock(0)
        elif not adopt and self.store.path_for(key).exists():
            lock.unlock()
            key = key_for(None, self._session)
            lock = _lock_for(self.store, key)
            lock.tryLock(0)
        self._lock = lock
        self.key = key

    def _release_lock(self) -> None:
        if self._lock is not None and self._lock.isLocked():
            self._lock.unlock()
        self._lock = None
