"""Guarding an open map file: one editor at a time, read-only files, changes made by others.

A :class:`FileGuard` follows one document's file. It holds a ``QLockFile`` for it (in
the state folder's ``locks/``), so a second window or a second argmap opening the same
map is told and opens it read-only; it notices a file (or folder) it cannot write; and a
``QFileSystemWatcher`` compares the file's SHA-256 with what argmap last loaded or saved,
so only another program's change raises ``changed_on_disk`` (never argmap's own saves).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, QTimer, Signal

from argmap.io.locations import lock_dir
from argmap.ui.editing.controller import DocumentController

DEBOUNCE_MS = 250  # another program may write in several steps: wait for it to finish
_CHUNK = 1 << 20


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None if it cannot be read (e.g. it is gone)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


FOLDER_GONE = "its folder no longer exists"


def read_only_reason(path: Path) -> str:
    """Why argmap cannot save over ``path`` ("" when it can)."""
    if not path.parent.is_dir():
        return FOLDER_GONE  # deleted or moved: not the same as a folder one may not write
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return f"the file cannot be checked ({exc.strerror})"
    if info is not None:
        no_write_bits = not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        if no_write_bits or not os.access(path, os.W_OK):
            return "the file is read-only"
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        # A save writes a temporary file next to the map, then swaps it in.
        return "its folder is read-only"
    return ""


class FileGuard(QObject):
    """Lock, read-only state and change watch for the file of one open document.

    Signals: ``changed_on_disk(path)`` when another program changed the file's content,
    ``removed_on_disk(path)`` when the file disappeared, ``state_changed()`` when the
    read-only state or its reason changed.
    """

    changed_on_disk = Signal(str)
    removed_on_disk = Signal(str)
    state_changed = Signal()

    def __init__(self, parent: QObject | None = None, *, locks: Path | None = None) -> None:
        super().__init__(parent)
        self._locks = locks
        self.path: Path | None = None
        self._lock: QLockFile | None = None
        self.locked_elsewhere = False
        self.lock_owner = ""  # "process 123 on host" of the other editor
        self.read_only_reason = ""
        self._known: str | None = None  # digest of what we loaded or saved last
        self._reported: str | None = None  # digest already announced as an outside change
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._schedule_check)
        self._watcher.directoryChanged.connect(self._schedule_check)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)

    # --- following a document -------------------------------------------------------------

    def follow(self, controller: DocumentController) -> None:
        """Track the controller's file: open, save and save-as all re-attach the guard."""
        controller.path_changed.connect(self._on_path_changed)
        self.attach(controller.path)

    def _on_path_changed(self, path: str) -> None:
        self.attach(Path(path) if path else None)

    def attach(self, path: Path | None) -> None:
        """Guard ``path`` (None: an unsaved map); called again after each save of it."""
        same = path is not None and self.path is not None and _same(path, self.path)
        if not same:
            self.release()
            self.path = path
            if path is not None:
                self._acquire(path)
                self._watch(path)
        self._known = file_digest(path) if path is not None else None
        self._reported = None
        self._update_read_only()

    def release(self) -> None:
        """Stop guarding: unlock and unwatch (call on closing the document)."""
        self._timer.stop()
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        if self._lock is not None and self._lock.isLocked():
            self._lock.unlock()
        self._lock = None
        self.path = None
        self.locked_elsewhere = False
        self.lock_owner = ""
        self._known = self._reported = None
        self._update_read_only()

    def acknowledge(self) -> None:
        """ "Keep mine": take the file as it is now as known, so this change is not asked again."""
        if self.path is not None:
            self._known = file_digest(self.path)
            self._reported = None

    def disk_differs(self) -> bool:
        """Whether the file on disk is no longer what argmap loaded or saved (ask before
        saving over it)."""
        if self.path is None or self._known is None:
            return False
        return file_digest(self.path) != self._known

    # --- state -----------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """Whether saving over the file must be refused (offer "Save As…" instead)."""
        return bool(self.read_only_reason)

    def banner_text(self) -> str:
        """The read-only notice for the message bar ("" when the map can be saved)."""
        if not self.read_only or self.path is None:
            return ""
        name = self.path.name
        if self.read_only_reason == FOLDER_GONE:
            return (
                f"The folder of {name} ({self.path.parent}) was deleted or moved. "
                "Use Save As to keep your changes."
            )
        if self.locked_elsewhere:
            return (
                f"{name} is already open in another argmap window ({self.lock_owner}); "
                "opened read-only. Use Save As to keep your changes in another file."
            )
        return f"{name} is opened read-only: {self.read_only_reason}. Use Save As to keep changes."

    def _acquire(self, path: Path) -> None:
        lock = _lock_file(path, self._locks)
        if lock.tryLock(0):
            self._lock = lock
            return
        self.locked_elsewhere = True
        self.lock_owner = _owner(lock)

    def _update_read_only(self) -> None:
        reason = ""
        if self.locked_elsewhere:
            reason = "it is open in another argmap window"
        elif self.path is not None:
            reason = read_only_reason(self.path)
        if reason != self.read_only_reason:
            self.read_only_reason = reason
            self.state_changed.emit()

    # --- watching -------------------------------------------------------------------------

    def _watch(self, path: Path) -> None:
        wanted = [str(path.parent)] + ([str(path)] if path.exists() else [])
        missing = [
            p for p in wanted if p not in self._watcher.files() + self._watcher.directories()
        ]
        if missing:
            self._watcher.addPaths(missing)

    def _schedule_check(self, _changed: str = "") -> None:
        self._timer.start()

    def check_now(self) -> None:
        """Compare the file with what we know; announce a change made by someone else."""
        path = self.path
        if path is None:
            return
        self._watch(path)  # an atomic replace drops the old file's watch: watch the new one
        digest = file_digest(path)
        if digest is None:
            if not path.exists() and self._reported != "gone" and self._known is not None:
                self._reported = "gone"
                self.removed_on_disk.emit(str(path))
        elif digest not in (self._known, self._reported):
            self._reported = digest
            self.changed_on_disk.emit(str(path))
        self._update_read_only()


def _lock_file(path: Path, folder: Path | None = None) -> QLockFile:
    key = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogatepass")).hexdigest()
    lock = QLockFile(str((folder if folder is not None else lock_dir()) / f"{key[:24]}.lock"))
    lock.setStaleLockTime(0)  # stale only when its process is gone
    return lock


def _owner(lock: QLockFile) -> str:
    # PySide6 returns (found, pid, host, app) though its stub says (pid, host, app).
    info: tuple[object, ...] = tuple(lock.getLockInfo())
    pid, host = info[-3:-1]
    return f"process {pid} on {host}" if info[0] else "another process"


def held_elsewhere(path: Path, *, locks: Path | None = None) -> str:
    """Who else has ``path`` open in argmap ("process 123 on host"), or "" if no one does.
    Ask before saving to a file other than one's own: its editor would lose its work."""
    lock = _lock_file(path, locks)
    if lock.tryLock(0):
        lock.unlock()
        return ""
    return _owner(lock)


def _same(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        return os.path.realpath(a) == os.path.realpath(b)
    return False
