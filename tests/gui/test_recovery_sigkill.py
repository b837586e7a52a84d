"""A real crash and a real next start: argmap is SIGKILLed after autosave, then started again.

Each process starts as the ``argmap`` command does (see recovery_driver.py), offscreen.
The first edits the map and is killed once autosave has written the recovery copy; the
next one is offered recovery and the driver presses Restore, Discard or Later with the
mouse. Restore and Discard used to end the second process in a segfault (a deferred
delete of a dialog row ran after the dialog was freed), 9 times out of 9.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from argmap.io.map_file import load_map, save_map
from argmap.model import ArgMap, Statement, StatementKind

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

DRIVER = Path(__file__).with_name("recovery_driver.py")
ADDED = "Written just before the crash"  # recovery_driver.ADDED_TEXT
START_TIMEOUT_S = 60


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", ARGMAP_HOME=str(home))


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """ARGMAP_HOME with autosave every 0.1 s (the README's setting), so a test waits little."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "argmap.ini").write_text("[autosave]\ninterval_s=0.1\n")
    return home


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "talks.argmap.json"
    doc = ArgMap(
        title="Ceasefire talks",
        statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="A ceasefire holds")],
    )
    save_map(doc, path)
    return path


def _crash_after_autosave(home: Path, map_file: Path) -> Path:
    """Start argmap on the map, edit, wait for the recovery copy, SIGKILL. The copy's path."""
    errors = home.parent / "first-process.stderr"
    with (
        open(errors, "w") as stderr,
        subprocess.Popen(
            [sys.executable, str(DRIVER), "edit", str(map_file)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=_env(home),
        ) as proc,
    ):
        assert proc.stdout is not None
        deadline = time.monotonic() + START_TIMEOUT_S
        line = ""
        while time.monotonic() < deadline and not line.startswith("snapshot "):
            line = proc.stdout.readline()
            if not line and proc.poll() is not None:
                break
        proc.send_signal(signal.SIGKILL)
        status = proc.wait(timeout=10)
    assert line.startswith("snapshot "), errors.read_text()
    assert status == -signal.SIGKILL
    return Path(line.removeprefix("snapshot ").strip())


def _start(home: Path, button: str, *args: str) -> dict[str, Any]:
    """A fresh start (``argmap ARGS``) pressing ``button`` if asked to recover; what it showed."""
    done = subprocess.run(
        [sys.executable, str(DRIVER), "answer", button, *args],
        capture_output=True,
        text=True,
        env=_env(home),
        timeout=START_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr, done.stderr
    state: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return state


def test_restore_after_a_kill_brings_the_edits_back(home: Path, map_file: Path) -> None:
    on_disk = map_file.read_bytes()
    snapshot = _crash_after_autosave(home, map_file)
    assert snapshot.is_file()

    state = _start(home, "Restore")  # `argmap` with no map, as after a crash

    assert state["dialog"] == ["Ceasefire talks"]
    [window] = state["windows"]
    assert window["path"] == str(map_file)
    assert window["dirty"]
    assert window["texts"] == ["A ceasefire holds", ADDED]
    assert "Recovered unsaved changes to talks.argmap.json" in window["banner"]
    assert map_file.read_bytes() == on_disk  # nothing written over the user's file
    assert snapshot.is_file()  # kept until the restored map is saved


def test_discard_after_a_kill_removes_the_copy_and_is_not_asked_again(
    home: Path, map_file: Path
) -> None:
    snapshot = _crash_after_autosave(home, map_file)

    state = _start(home, "Discard", str(map_file))
    assert state["dialog"] == ["Ceasefire talks"]
    [window] = state["windows"]
    assert window["texts"] == ["A ceasefire holds"] and not window["dirty"]
    assert not snapshot.exists()
    assert [p.name.endswith(snapshot.name) for p in (snapshot.parent / "discarded").iterdir()] == [
        True
    ]

    again = _start(home, "Restore", str(map_file))
    assert again["dialog"] is None
    assert [w["texts"] for w in again["windows"]] == [["A ceasefire holds"]]
    assert load_map(map_file).statements[0].text == "A ceasefire holds"


def test_later_after_a_kill_keeps_the_copy_and_asks_again(home: Path, map_file: Path) -> None:
    snapshot = _crash_after_autosave(home, map_file)

    first = _start(home, "Later", str(map_file))
    assert first["dialog"] == ["Ceasefire talks"]
    assert [w["texts"] for w in first["windows"]] == [["A ceasefire holds"]]
    assert snapshot.is_file()

    second = _start(home, "Restore")
    assert second["dialog"] == ["Ceasefire talks"]
    assert [w["texts"] for w in second["windows"]] == [["A ceasefire holds", ADDED]]
