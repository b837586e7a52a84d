"""argmap's own ``.argmap.json`` files, for conversions that start or end with a map.

Reading and writing go through ``argmap.io.map_file`` (validation, the size limit, the
same JSON text as a save).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from argmap.interop.aif_reader import Imported
from argmap.interop.errors import InteropError
from argmap.io.map_file import MapFileError, dumps_map, load_map
from argmap.model import ArgMap


def read_argmap(path: Path) -> Imported:
    """Load a map file; InteropError names the file and the first problem."""
    try:
        return Imported(load_map(path))
    except MapFileError as exc:
        raise InteropError(str(path), str(exc).removeprefix(f"{path}:").strip()) from None


def dumps_argmap(doc: ArgMap) -> str:
    """The map as ``.argmap.json`` text."""
    return dumps_map(doc)


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` so that ``path`` is either the old file or the whole new one."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or the usual ones for a new file (umask applied)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
