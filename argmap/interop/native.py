"""argmap's own ``.argmap.json`` files, for conversions that start or end with a map.

Reading and writing go through ``argmap.io.map_file`` (validation, the size limit, the
same JSON text as a save).
"""

from __future__ import annotations

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
