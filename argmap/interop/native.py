"""argmap's own ``.argmap.json`` files, for conversions that start or end with a map.

Uses ``argmap.io.map_file`` (validation, atomic save with backup) when this build has it;
otherwise reads and writes the pydantic model directly.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from pydantic import ValidationError

from argmap.interop.aif_reader import Imported
from argmap.interop.errors import InteropError
from argmap.model import ArgMap

MAX_BYTES = 64 * 1024 * 1024


def _map_file() -> ModuleType | None:
    try:
        return importlib.import_module("argmap.io.map_file")
    except ImportError:
        return None


def read_argmap(path: Path) -> Imported:
    """Load a map file; InteropError names the file and the first problem."""
    module = _map_file()
    if module is not None:
        try:
            return Imported(module.load_map(path))
        except module.MapFileError as exc:
            raise InteropError(str(path), str(exc).removeprefix(f"{path}:").strip()) from None
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InteropError(str(path), f"larger than the {MAX_BYTES:,} bytes allowed")
        return Imported(ArgMap.model_validate_json(path.read_bytes()))
    except OSError as exc:
        raise InteropError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
        raise InteropError(str(path), f"not a valid argmap map: {where}: {first['msg']}") from None
    except RecursionError:
        raise InteropError(str(path), "JSON nested too deeply") from None


def dumps_argmap(doc: ArgMap) -> str:
    """The map as ``.argmap.json`` text."""
    module = _map_file()
    if module is not None:
        text: str = module.dumps_map(doc)
        return text
    return doc.model_dump_json(indent=2) + "\n"
