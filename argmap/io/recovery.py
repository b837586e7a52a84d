"""Recovery snapshots of unsaved maps, so a crash or a kill never costs more than a few seconds.

One snapshot per open document lives in :func:`argmap.io.locations.recovery_dir`, never
next to (let alone over) the user's file. A snapshot is one file written atomically:
a one-line JSON header (original path, title, time, process) followed by the map as
compact JSON, so listing reads only the header and restoring goes through the same
guarded loader as opening a map. Discarded snapshots
go to a ``discarded/`` folder for :data:`DISCARD_KEEP_DAYS` days before they are deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import stat
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic_core import PydanticSerializationError

from argmap.io.atomic_write import os_reason, write_atomically
from argmap.io.locations import private_folder, recovery_dir
from argmap.io.map_file import (
    MAX_FILE_BYTES,
    LoadResult,
    MapFileError,
    loads_map_with_report,
)
from argmap.model.document import ArgMap
from argmap.model.validation import Problem

SNAPSHOT_SUFFIX = ".argmap-recovery"
HEADER_FORMAT = "argmap-recovery"
HEADER_VERSION = 1
MAX_HEADER_BYTES = 64 * 1024  # a header holds a path and a title; more is not ours
DISCARDED_FOLDER = "discarded"
DISCARD_KEEP_DAYS = 14


class RecoveryError(Exception):
    """A snapshot that cannot be written or read back; the message names the file."""


@dataclass(frozen=True)
class Snapshot:
    """What a recovery file says about itself (its header), without the map."""

    key: str
    file: Path
    original_path: Path | None  # None: the map was never saved
    title: str
    saved_at: datetime  # aware, UTC
    pid: int
    host: str
    size: int  # bytes of the whole snapshot file

    @property
    def display_name(self) -> str:
        """The title, else the original file's name, else "Untitled map"."""
        if self.title.strip():
            return self.title.strip()
        if self.original_path is not None:
            return self.original_path.name
        return "Untitled map"


@dataclass(frozen=True)
class Recovered:
    """A restored map with the snapshot it came from and what validation found."""

    snapshot: Snapshot
    doc: ArgMap
    problems: list[Problem]


def key_for(original_path: str | os.PathLike[str] | None, session: str | None = None) -> str:
    """A stable snapshot name: a hash of the map's real path, or ``unsaved-<session>``."""
    if original_path is None:
        return f"unsaved-{session or uuid.uuid4().hex}"
    real = os.path.realpath(os.fspath(original_path))
    return "map-" + hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def new_session() -> str:
    """A fresh id for a map that has no file yet."""
    return uuid.uuid4().hex


class RecoveryStore:
    """Snapshots in one folder (default: the user's recovery folder)."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = private_folder(Path(folder) if folder is not None else recovery_dir())
        self.notes: list[str] = []  # what the last ``snapshots()`` skipped, and why

    def path_for(self, key: str) -> Path:
        """The snapshot file for ``key``."""
        if not key or "/" in key or "\\" in key or key.startswith("."):
            raise ValueError(f"not a snapshot key: {key!r}")
        return self.folder / f"{key}{SNAPSHOT_SUFFIX}"

    def write(
        self,
        key: str,
        doc: ArgMap,
        original_path: str | os.PathLike[str] | None,
        *,
        now: datetime | None = None,
    ) -> Path:
        """Write (or replace) the snapshot ``key`` of ``doc`` atomically; returns its file."""
        return self.write_bytes(key, self.encode(doc, original_path, now=now), original_path)

    @staticmethod
    def encode(
        doc: ArgMap,
        original_path: str | os.PathLike[str] | None,
        *,
        now: datetime | None = None,
    ) -> bytes:
        """The snapshot file's bytes: header line + map. Cheap enough for the UI thread;
        the slow part (writing and syncing) is :meth:`write_bytes`."""
        header = {
            "format": HEADER_FORMAT,
            "version": HEADER_VERSION,
            "original_path": (
                os.path.abspath(os.fspath(original_path)) if original_path is not None else None
            ),
            "title": doc.title,
            "saved_at": (now or datetime.now(UTC)).astimezone(UTC).isoformat(),
            "pid": os.getpid(),
            "host": socket.gethostname(),
        }
        try:
            # Compact JSON from pydantic's serializer: ~3 ms per 1,000 statements, so a
            # snapshot taken on the UI thread is not felt. Restoring reads any layout.
            body = doc.model_dump_json(warnings="error")
        except (ValueError, PydanticSerializationError) as exc:
            raise RecoveryError(f"cannot snapshot the map: {exc}") from None
        line = json.dumps(header, ensure_ascii=True)
        data = (line + "\n" + body).encode("utf-8", "surrogatepass")
        size = len(data) - len(line) - 1  # the map's bytes (the header is ASCII)
        if size > MAX_FILE_BYTES:  # a copy argmap could not open again helps no one
            raise RecoveryError(
                f"no recovery copy: the map is {size / 2**20:.1f} MB, and argmap opens maps "
                f"of at most {MAX_FILE_BYTES // 2**20} MB (remove articles or statements, "
                "or split the map)"
            )
        return data

    def write_bytes(
        self, key: str, data: bytes, original_path: str | os.PathLike[str] | None = None
    ) -> Path:
        """Atomically put already encoded snapshot bytes in place (safe from any thread).

        The copy gets the permissions of the map it copies (``original_path``), or
        owner-only ones for a map never saved.
        """
        target = self.path_for(key)
        try:
            write_atomically(target, data, backup=False, mode=copy_mode(original_path))
        except OSError as exc:
            raise RecoveryError(
                f"{target}: cannot write the recovery copy: {os_reason(exc)}"
            ) from None
        return target

    def snapshots(self, *, verify: bool = True) -> list[Snapshot]:
        """Every readable snapshot, newest first; unreadable ones are skipped into ``notes``.

        With ``verify`` each map is parsed too, so a listed snapshot restores.
        """
        self.notes = []
        found: list[Snapshot] = []
        for file in sorted(self.folder.glob(f"*{SNAPSHOT_SUFFIX}")):
            try:
                found.append(self._load(file)[0] if verify else read_header(file))
            except RecoveryError as exc:
                self.notes.append(f"skipped {exc}")
        found.sort(key=lambda s: s.saved_at, reverse=True)
        return found

    def get(self, key: str) -> Snapshot | None:
        """The snapshot ``key``, or None if there is none (or it is unreadable)."""
        file = self.path_for(key)
        if not file.exists():
            return None
        try:
            return read_header(file)
        except RecoveryError:
            return None

    def restore(self, key: str) -> Recovered:
        """The map in snapshot ``key`` (kept on disk until removed or discarded)."""
        snapshot, result = self._load(self.path_for(key))
        return Recovered(snapshot, result.doc, result.problems)

    @staticmethod
    def _load(file: Path) -> tuple[Snapshot, LoadResult]:
        snapshot = read_header(file)
        data = _read(file)
        body = data[data.find(b"\n") + 1 :]
        try:
            return snapshot, loads_map_with_report(body, str(file), allow_errors=True)
        except MapFileError as exc:
            raise RecoveryError(str(exc)) from None

    def remove(self, key: str) -> None:
        """Delete snapshot ``key`` for good: its work was saved (or it never held any)."""
        with contextlib.suppress(FileNotFoundError):
            self.path_for(key).unlink()

    def discard(self, key: str, *, now: float | None = None) -> None:
        """The user threw this work away: keep it in ``discarded/`` for a while, just in case."""
        file = self.path_for(key)
        if not file.exists():
            return
        trash = self.folder / DISCARDED_FOLDER
        private_folder(trash)
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
        try:
            os.replace(file, trash / f"{stamp}-{file.name}")
        except OSError as exc:
            raise RecoveryError(f"{file}: cannot discard: {os_reason(exc)}") from None
        self.prune_discarded(now=now)

    def prune_discarded(self, *, now: float | None = None) -> int:
        """Delete discarded snapshots older than ``DISCARD_KEEP_DAYS``; how many went."""
        trash = self.folder / DISCARDED_FOLDER
        cutoff = (time.time() if now is None else now) - DISCARD_KEEP_DAYS * 86400
        removed = 0
        for file in trash.glob(f"*{SNAPSHOT_SUFFIX}") if trash.is_dir() else ():
            with contextlib.suppress(OSError):
                if file.stat().st_mtime < cutoff:
                    file.unlink()
                    removed += 1
        return removed


UNSAVED_MODE = 0o600


def copy_mode(original_path: str | os.PathLike[str] | None) -> int:
    """Permissions for a copy of the map at ``original_path``: the map's own, or
    owner-only when it has no file (yet)."""
    if original_path is None:
        return UNSAVED_MODE
    try:
        return stat.S_IMODE(os.stat(original_path).st_mode)
    except OSError:
        return UNSAVED_MODE


def _read(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError as exc:
        raise RecoveryError(f"{file}: cannot read: {os_reason(exc)}") from None


def read_header(file: Path) -> Snapshot:
    """The header of a snapshot file; RecoveryError if it is not a readable snapshot."""
    try:
        with open(file, "rb") as handle:
            line = handle.readline(MAX_HEADER_BYTES + 1)
        size = file.stat().st_size
    except OSError as exc:
        raise RecoveryError(f"{file}: cannot read: {os_reason(exc)}") from None
    if not line.endswith(b"\n"):
        raise RecoveryError(f"{file}: not a recovery copy (no header line)")
    try:
        header: Any = json.loads(line)
    except ValueError:
        raise RecoveryError(f"{file}: the recovery header is damaged") from None
    if not isinstance(header, dict) or header.get("format") != HEADER_FORMAT:
        raise RecoveryError(f"{file}: not a recovery copy")
    if header.get("version") != HEADER_VERSION:
        raise RecoveryError(f"{file}: recovery copy from another argmap version")
    try:
        original = header["original_path"]
        saved_at = datetime.fromisoformat(header["saved_at"])
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=UTC)
        title, pid, host = header["title"], header["pid"], header["host"]
        if not (isinstance(title, str) and isinstance(pid, int) and isinstance(host, str)):
            raise TypeError
        if original is not None and not isinstance(original, str):
            raise TypeError
    except (KeyError, TypeError, ValueError):
        raise RecoveryError(f"{file}: the recovery header is damaged") from None
    return Snapshot(
        key=file.name.removesuffix(SNAPSHOT_SUFFIX),
        file=file,
        original_path=Path(original) if original is not None else None,
        title=title,
        saved_at=saved_at,
        pid=pid,
        host=host,
        size=size,
    )
