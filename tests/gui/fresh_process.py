"""Run a probe as ``argmap`` runs: a fresh process, its own ARGMAP_HOME, an offscreen
screen of a chosen size (offscreen's own is 800 x 600, and Qt sizes new windows against
it), and read back the JSON report the probe printed last."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

TIMEOUT_S = 120


def offscreen_on(folder: Path, width: int, height: int) -> str:
    """QT_QPA_PLATFORM for an offscreen screen of ``width`` x ``height`` at 96 dpi."""
    screen = {"name": "probe", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}))
    return f"offscreen:configfile={config}"


def run_probe(
    args: list[str],
    home: Path,
    screen: tuple[int, int] | None = None,
    env: dict[str, str] | None = None,
) -> Any:
    """Run ``python ARGS`` with ARGMAP_HOME=``home`` (on a ``screen`` of that size, else
    offscreen's own); the JSON of its last line starting "REPORT ", or of its last line."""
    home.mkdir(parents=True, exist_ok=True)
    platform = offscreen_on(home, *screen) if screen else "offscreen"
    done = subprocess.run(
        [sys.executable, *args],
        env={**os.environ, **(env or {}), "ARGMAP_HOME": str(home), "QT_QPA_PLATFORM": platform},
        capture_output=True, text=True, timeout=TIMEOUT_S, cwd=home, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    reports = [s.removeprefix("REPORT ") for s in lines if s.startswith("REPORT ")]
    return json.loads(reports[-1] if reports else lines[-1])
