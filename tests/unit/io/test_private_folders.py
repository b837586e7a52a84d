"""The folders argmap keeps state in: the lock folder under state, ARGMAP_HOME unset
falls back to the platform's folders, and a private folder is made whole, owner-only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from argmap.io import locations


def test_lock_files_live_in_a_locks_folder_under_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_HOME", str(tmp_path / "home"))
    assert locations.lock_dir() == tmp_path / "home" / "state" / "locks"
    assert locations.lock_dir().is_dir()


def test_an_unset_argmap_home_means_the_platforms_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARGMAP_HOME", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "st"))
    assert locations.config_dir() == tmp_path / "cfg" / "argmap"
    assert locations.state_dir() == tmp_path / "st" / "argmap"


def test_a_private_folder_is_made_with_its_parents_for_its_owner_alone(tmp_path: Path) -> None:
    old_mask = os.umask(0o022)
    try:
        folder = locations.private_folder(tmp_path / "a" / "b" / "c")
    finally:
        os.umask(old_mask)
    assert folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize("mode", [0o710, 0o701, 0o770])
def test_a_folder_others_could_enter_is_tightened(tmp_path: Path, mode: int) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    folder.chmod(mode)
    locations.private_folder(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_private_folder_of_ours_already_private_keeps_its_owner_bits(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    folder.chmod(0o500)  # read and enter, no write: ours to keep so
    locations.private_folder(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o500
    folder.chmod(0o700)
