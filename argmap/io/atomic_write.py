"""Writing a file so that a crash or a full disk can never leave half of it.

Every file argmap writes goes through here: maps, recovery copies, PNG, PDF and SVG
exports, every ``convert`` target. The content goes to a temporary file in the same
folder (bytes, or whatever a producer such as Qt's PDF writer puts at a path), which is
fsynced and then *checked*: its size when the bytes are known, otherwise that it is not
empty and, where a format check is given, that it is whole (a PNG's end chunk, a PDF's
trailer; a writer that ignores a full disk leaves a file cut short). Only then does
``os.replace`` swap it in and the folder get fsynced. The previous file, if any, is kept
as ``NAME.bak`` when asked. On any failure :class:`WriteFailedError` says why, the old file
is untouched and no temporary file stays; temporaries a killed process left behind are
cleared by the next write of the same file.

Permissions: the ``mode`` the caller asks for (a copy of a map takes the map's), else
an existing file's own, else the usual mode for new files (0666 less the umask).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BACKUP_SUFFIX = ".bak"


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of ``path`` is kept: ``x.argmap.json`` → ``x.argmap.json.bak``."""
    p = Path(path)
    return p.with_name(p.name + BACKUP_SUFFIX)


class WriteFailedError(OSError):
    """A file could not be written whole; the previous file (if any) is unchanged."""

    def __init__(self, path: Path, reason: str, *, existed: bool, code: int | None = None) -> None:
        kept = "the previous file is unchanged" if existed else "no file was written"
        super().__init__(code or 0, f"{reason}; {kept}")
        self.path, self.reason, self.existed = path, reason, existed

    def __str__(self) -> str:
        return f"{self.path}: {self.strerror}"


def os_reason(exc: OSError) -> str:
    """An OSError in plain words, without the Python exception dressing (for a failed
    write: why, and that the previous file is unchanged)."""
    if isinstance(exc, WriteFailedError):
        return exc.strerror or exc.reason
    reasons = {
        errno.ENOENT: "the file or folder does not exist",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.EISDIR: "it is a folder",
        errno.ENOTDIR: "part of the path is not a folder",
        errno.EDQUOT: "the disk quota is exceeded",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _keep_backup(target: Path) -> None:
    """Copy ``target`` to its ``.bak`` atomically (a hard link when the disk allows)."""
    bak = backup_path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        try:
            os.unlink(tmp)
            os.link(target, tmp)
        except OSError:
            shutil.copy2(target, tmp)
        os.replace(tmp, bak)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # e.g. Windows cannot open folders; replace is still atomic there
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


STALE_TEMP_SECONDS = 600


def remove_stale_temporaries(target: Path, *, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Delete ``.NAME.*.tmp`` files a killed save left beside ``target``; returns how many.

    Only files older than ``older_than`` seconds go, so a save still running in another
    process keeps its temporary file.
    """
    cutoff = time.time() - older_than
    removed = 0
    for pattern in (f".{target.name}.*.tmp", f".{backup_path(target).name}.*.tmp"):
        for stale in target.parent.glob(pattern):
            with contextlib.suppress(OSError):
                if stale.stat().st_mtime < cutoff:
                    stale.unlink()
                    removed += 1
    return removed


Produce = Callable[[str], None]
"""Writes the whole new file at the (temporary) path it is given; raises OSError."""
Check = Callable[[Path], str]
"""Looks at a written file: "" when it is whole, else what is wrong with it."""


def write_atomically(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    backup: bool = True,
    mode: int | None = None,
) -> Path:
    """Replace ``path`` with ``data`` all at once, keeping the old file as ``NAME.bak``.

    See :func:`write_file`; the written size is checked against ``len(data)``.
    """

    def produce(tmp: str) -> None:
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_TRUNC), "wb") as handle:
            handle.write(data)

    return write_file(path, produce, backup=backup, mode=mode, size=len(data))


def write_file(
    path: str | os.PathLike[str],
    produce: Produce,
    *,
    backup: bool = False,
    mode: int | None = None,
    size: int | None = None,
    check: Check | None = None,
) -> Path:
    """Replace ``path`` with what ``produce`` writes, all at once; returns the file written.

    A symlink is followed (its target is replaced). The new file must have ``size``
    bytes when given (else at least one) and pass ``check``. Raises :class:`WriteFailedError`
    (an OSError) with nothing changed but possibly the ``.bak``.
    """
    target = Path(os.path.realpath(path))
    try:
        old_mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        old_mode = None
    except OSError as exc:
        raise WriteFailedError(target, os_reason(exc), existed=False, code=exc.errno) from exc
    if old_mode is not None and not os.path.isfile(target):
        raise WriteFailedError(target, "it is not a regular file", existed=True)
    new_mode = mode if mode is not None else old_mode
    if new_mode is None:
        new_mode = 0o666 & ~_current_umask()
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        produce(tmp_name)
        _sync_and_check(Path(tmp_name), size, check)
        os.chmod(tmp_name, new_mode)
        if backup and old_mode is not None:
            _keep_backup(target)
        os.replace(tmp_name, target)
    except OSError as exc:
        _remove(tmp_name)
        reason = exc.reason if isinstance(exc, _IncompleteError) else os_reason(exc)
        if "disk is full" not in reason:
            reason += _disk_hint(target)
        existed = old_mode is not None
        raise WriteFailedError(target, reason, existed=existed, code=exc.errno) from exc
    except BaseException:
        _remove(tmp_name)
        raise
    _fsync_folder(target.parent)
    remove_stale_temporaries(target)
    return target


class _IncompleteError(OSError):
    def __init__(self, reason: str) -> None:
        super().__init__(errno.EIO, reason)
        self.reason = reason


def _sync_and_check(tmp: Path, size: int | None, check: Check | None) -> None:
    """fsync what the producer wrote (a late write error shows here), then look at it."""
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
        written = os.fstat(handle.fileno()).st_size
    if size is not None and written != size:
        raise _IncompleteError(f"only {written:,} of {size:,} bytes were written")
    if size is None and written == 0:
        raise _IncompleteError("nothing was written")
    problem = check(tmp) if check is not None else ""
    if problem:
        raise _IncompleteError(problem)


FULL_DISK_BYTES = 1 << 20  # less than this free: a cut-short file is most likely the disk


def _disk_hint(target: Path) -> str:
    """The words to add when the target's disk has (almost) no room left, else ""."""
    try:
        info = os.statvfs(target.parent)
    except (OSError, AttributeError):
        return ""
    free = info.f_bavail * info.f_frsize
    return " (the disk is full)" if free < FULL_DISK_BYTES else ""


def _remove(name: str) -> None:
    if name:
        with contextlib.suppress(OSError):
            os.unlink(name)


# --- checks that a written file is whole, by format ------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
PDF_TAIL_BYTES = 2048


def _head_and_tail(path: Path, head: int, tail: int) -> tuple[bytes, bytes]:
    with open(path, "rb") as handle:
        first = handle.read(head)
        end = handle.seek(0, os.SEEK_END)
        handle.seek(max(0, end - tail))
        return first, handle.read(tail)


def png_is_whole(path: Path) -> str:
    """An empty string for a PNG that starts and ends as a PNG must (signature, IEND
    chunk), else what is wrong."""
    first, last = _head_and_tail(path, len(PNG_SIGNATURE), len(PNG_END))
    if first != PNG_SIGNATURE:
        return "the PNG writer did not write a PNG"
    if last != PNG_END:
        return "the PNG came out incomplete (no end chunk)"
    return ""


def pdf_is_whole(path: Path) -> str:
    """An empty string for a PDF with its header and its end-of-file trailer, else what
    is wrong."""
    first, last = _head_and_tail(path, 5, PDF_TAIL_BYTES)
    if first != b"%PDF-":
        return "the PDF writer did not write a PDF"
    if b"%%EOF" not in last or b"startxref" not in last:
        return "the PDF came out incomplete (no trailer)"
    return ""
