"""Where argmap keeps its settings and state on this machine (platformdirs).

Setting ``ARGMAP_HOME`` puts everything under that one folder instead (``config/`` and
``state/`` inside it), for tests and portable installs. Every function creates the
folder it returns (private to the user) if it is missing; the recovery folder, which
holds copies of the user's maps, is also made private again (0700) if it was not.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "argmap"
HOME_VARIABLE = "ARGMAP_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_VARIABLE, "").strip()
    return Path(value).expanduser().absolute() if value else None


def _ensure(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


PRIVATE_MODE = 0o700


def private_folder(folder: Path) -> Path:
    """``folder``, created if missing, readable by its owner alone (an existing folder of
    ours that others could read is tightened; someone else's is left alone)."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_MODE)
    info = folder.stat()
    if info.st_mode & 0o077 and info.st_uid == os.getuid():
        folder.chmod(PRIVATE_MODE)
    return folder


def config_dir() -> Path:
    """Settings folder, e.g. ``~/.config/argmap`` on Linux."""
    home = _home()
    if home is not None:
        return _ensure(home / "config")
    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)))


def state_dir() -> Path:
    """State that is not settings (recent files, recovery), e.g. ``~/.local/state/argmap``."""
    home = _home()
    if home is not None:
        return _ensure(home / "state")
    return _ensure(Path(platformdirs.user_state_dir(APP_NAME, appauthor=False)))


def recovery_dir() -> Path:
    """Where autosaved copies of unsaved maps wait to be recovered after a crash (0700)."""
    return private_folder(state_dir() / "recovery")


def lock_dir() -> Path:
    """Where the per-map lock files live, one per open map."""
    return _ensure(state_dir() / "locks")


def recent_files_path() -> Path:
    """The JSON file listing recently opened maps (the file itself may not exist yet)."""
    return state_dir() / "recent.json"
