"""Settings and state folders: platformdirs by default, ARGMAP_HOME when set."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from argmap.io import locations


def test_argmap_home_holds_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_HOME", str(tmp_path / "portable"))
    assert locations.config_dir() == tmp_path / "portable" / "config"
    assert locations.state_dir() == tmp_path / "portable" / "state"
    assert locations.recovery_dir() == tmp_path / "portable" / "state" / "recovery"
    assert locations.recent_files_path() == tmp_path / "portable" / "state" / "recent.json"
    assert locations.recovery_dir().is_dir()
    assert stat.S_IMODE(locations.config_dir().stat().st_mode) == 0o700
    assert not locations.recent_files_path().exists()


def test_relative_argmap_home_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARGMAP_HOME", "here")
    assert locations.state_dir() == tmp_path / "here" / "state"


def test_without_argmap_home_platformdirs_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_HOME", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "st"))
    assert locations.config_dir() == tmp_path / "cfg" / "argmap"
    assert locations.recovery_dir() == tmp_path / "st" / "argmap" / "recovery"


def test_an_existing_open_recovery_folder_is_tightened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_HOME", str(tmp_path / "home"))
    folder = tmp_path / "home" / "state" / "recovery"
    folder.mkdir(parents=True)
    folder.chmod(0o755)
    assert locations.recovery_dir() == folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
