"""Test-wide set-up: headless Qt before any QApplication exists; no test touches $HOME."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _argmap_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, recovery copies and locks go to a fresh folder for every test."""
    home = tmp_path_factory.mktemp("argmap-home")
    monkeypatch.setenv("ARGMAP_HOME", str(home))
    return home
