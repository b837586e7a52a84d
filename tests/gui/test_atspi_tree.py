"""AT-SPI from a separate process, as Orca sees argmap on Linux: the installed command runs
under Xvfb with the accessibility bus, and the system Python's pyatspi walks its tree.

Needs Debian's at-spi2-core, python3-pyatspi, dbus and xvfb; skipped without them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.io.map_file import load_map
from argmap.ui.app import sample_path

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
READER = Path(__file__).with_name("atspi_reader.py")
ARGMAP = Path(sys.executable).with_name("argmap")


def _missing() -> str:
    for tool in ("dbus-run-session", "xvfb-run"):
        if shutil.which(tool) is None:
            return tool
    for path in (BUS_LAUNCHER, SYSTEM_PYTHON, str(ARGMAP)):
        if not Path(path).exists():
            return path
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], check=False, capture_output=True
    )
    return "python3-pyatspi" if probe.returncode else ""


MISSING = _missing()


@pytest.mark.skipif(bool(MISSING), reason=f"AT-SPI walk needs {MISSING}")
def test_a_screen_reader_process_finds_every_statement(tmp_path: Path) -> None:
    session = tmp_path / "session.sh"
    session.write_text(
        f"{BUS_LAUNCHER} --launch-immediately &\n"
        f"{ARGMAP} & app=$!\n"
        f"{SYSTEM_PYTHON} {READER} 60 > {tmp_path / 'tree.json'}; status=$?\n"
        "kill $app; wait $app\n"
        "exit $status\n"
    )
    env = {
        **os.environ,
        "ARGMAP_HOME": str(tmp_path / "home"),  # a first launch: the sample opens
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
    }
    run = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
         "bash", str(session)],
        env=env, capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    tree = json.loads((tmp_path / "tree.json").read_text())
    said = [f"{name}\n{description}" for _role, name, description in tree]
    doc = load_map(sample_path())
    missing = [
        s.id
        for s in doc.statements
        if not any(
            s.kind.value.capitalize() in text and " ".join(s.text.split()) in text for text in said
        )
    ]
    assert missing == []
    cards = [name for role, name, _ in tree if role == "list item" and ": " in name]
    assert any(name.startswith("Question: ") for name in cards)
    assert ["list", "Argument map"] in [[role, name] for role, name, _ in tree]
