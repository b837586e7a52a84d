"""Test-wide set-up: headless Qt before any QApplication exists; no test touches $HOME;
Hypothesis draws the same examples on every CI run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI (CI=true) is reproducible: every run tries the same examples, so a red build is red
# again on a re-run and locally with HYPOTHESIS_PROFILE=ci; no deadline on a loaded runner.
# Elsewhere examples are random (and the failures found are replayed from .hypothesis/).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "default")
)


@pytest.fixture(autouse=True)
def _argmap_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, recovery copies and locks go to a fresh folder for every test."""
    home = tmp_path_factory.mktemp("argmap-home")
    monkeypatch.setenv("ARGMAP_HOME", str(home))
    return home
