"""Writing a file so that a crash or a full disk can never leave half of it.

The bytes go to a temporary file in the same folder, are flushed and fsynced, then
``os.replace`` swaps it in and the folder is fsynced. The previous file, if any, is kept
as ``NAME.bak``. On any failure the old file is untouched and no temporary file stays.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

BACKUP_SUFFIX = ".bak"


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of ``path`` is kept: ``x.argmap.json`` → ``x.argmap.json.bak``."""
    p = Path(path)
    return p.with_name(p.name + BACKUP_SUFFIX)


def os_reason(exc: OSError) -> str:
    """An OSError in plain words, without the Python exception dressing."""
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


def write_atomically(path: str | os.PathLike[str], data: bytes, *, backup: bool = True) -> None:
    """Replace ``path`` with ``data`` all at once, keeping the old file as ``NAME.bak``.

    A symlink is followed (its target is replaced); an existing file keeps its
    permission bits. Raises OSError, with nothing changed but possibly the ``.bak``.
    """
    target = Path(os.path.realpath(path))
    try:
        old_mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        old_mode = None
    mode = old_mode if old_mode is not None else 0o666 & ~_current_umask()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        if backup and old_mode is not None:
            _keep_backup(target)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(target.parent)
    remove_stale_temporaries(target)
