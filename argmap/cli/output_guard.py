"""Before a command writes a file: an existing map or a write-protected file is replaced
only when asked (``--force``), and then its old version is kept as ``NAME.bak``.

Links are followed, as saving does: what is checked (and later replaced) is the file a
link points to, never the link itself. Ordinary outputs (a PNG written again, say) are
replaced as usual, without a ``.bak``.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

MAP_SUFFIX = ".argmap.json"
SNIFF_BYTES = 4096


class OutputRefusedError(Exception):
    """Writing there needs ``--force`` (or cannot be done at all); the message says why."""


@dataclass(frozen=True)
class Output:
    """Where a command will write, once checked: ``backup`` when the file it replaces
    must be kept as ``NAME.bak`` (a map or a protected file replaced with ``--force``)."""

    path: Path
    backup: bool


def looks_like_map(path: Path) -> bool:
    """Whether ``path`` is an argmap map, by its name or its first bytes."""
    if path.name.endswith(MAP_SUFFIX):
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    return b'"format"' in head and b'"argmap"' in head


def _protected(info: os.stat_result, path: Path) -> bool:
    no_write_bits = not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    return no_write_bits or not os.access(path, os.W_OK)


def check_output(path: str | os.PathLike[str], *, force: bool, updating: bool = False) -> Output:
    """May a command write ``path``? OutputRefusedError says why not.

    ``updating``: the command is meant to change this map (``import --into``), so only
    write protection needs ``--force``.
    """
    given = Path(path)
    real = Path(os.path.realpath(given))
    shown = str(given) if real == given.absolute() else f"{given} (a link to {real})"
    try:
        info = os.stat(real)
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise OutputRefusedError(f"{shown}: the folder {real.parent} does not exist") from None
        return Output(given, backup=False)
    except OSError as exc:
        raise OutputRefusedError(f"{shown}: cannot be checked ({exc.strerror})") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise OutputRefusedError(f"{shown} is {kind}; nothing was written")
    protected = _protected(info, real)
    is_map = not updating and looks_like_map(real)
    if not (protected or is_map):
        return Output(given, backup=False)
    if not force:
        what = "is write-protected" if protected else "is an existing argmap map"
        raise OutputRefusedError(
            f"{shown} {what}; nothing was written. Pass --force to replace it "
            f"(its current version is kept as {real.name}.bak)"
        )
    return Output(given, backup=True)
