"""The C heap in use, for tests that bound what Qt objects hold (glibc only)."""

from __future__ import annotations

import ctypes
import sys


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd")
        + ("usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")
    ]


def heap_in_use() -> int | None:
    """Bytes glibc's malloc has handed out and not had back (None: not glibc)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        info = ctypes.CDLL("libc.so.6").mallinfo2
    except (OSError, AttributeError):
        return None
    info.restype = _MallInfo2
    return int(info().uordblks)
