"""The recently opened maps, most recent first, kept in a small JSON file."""

from __future__ import annotations

import json
import os
from pathlib import Path

MAX_RECENT = 10


class RecentFiles:
    """A list of map paths that survives restarts; a damaged file just starts empty."""

    def __init__(self, store: Path) -> None:
        self.store = store

    def paths(self) -> list[str]:
        """Recent maps that still exist, most recent first."""
        try:
            raw = json.loads(self.store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(raw, list):
            return []
        return [p for p in raw if isinstance(p, str) and os.path.exists(p)][:MAX_RECENT]

    def add(self, path: str | Path) -> None:
        """Put ``path`` at the top of the list."""
        full = str(Path(path).resolve())
        self._write([full, *(p for p in self.paths() if p != full)])

    def remove(self, path: str | Path) -> None:
        full = str(Path(path).resolve())
        self._write([p for p in self.paths() if p != full])

    def clear(self) -> None:
        self._write([])

    def _write(self, paths: list[str]) -> None:
        try:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.store.with_name(self.store.name + ".tmp")
            tmp.write_text(json.dumps(paths[:MAX_RECENT], indent=1), encoding="utf-8")
            os.replace(tmp, self.store)
        except OSError:
            pass  # a recent-files list is a convenience; never fail an open or save over it
