"""The real launch path in a fresh process: `argmap` and `argmap present` open a window.

ARGMAP_QUIT_AFTER_SHOW (the wheel check's hook) makes the app paint every window once,
name it on stdout, close it and quit; packaging/check-wheel.sh runs the same against the
installed wheel.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from argmap.ui.app import QUIT_AFTER_SHOW, sample_path


def _launch(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ARGMAP_HOME=str(home))
    env[QUIT_AFTER_SHOW] = "1"
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "propagateSizeHints" not in line]


def test_argmap_opens_the_sample_paints_it_and_quits_cleanly(tmp_path: Path) -> None:
    run = _launch(tmp_path)
    assert run.returncode == 0, run.stderr
    assert _errors(run.stderr) == []
    assert run.stdout.startswith("painted 'Kremlin ceasefire calculus, 2024-2025 — argmap' ")
    # Closing released the session: no recovery copy or lock is left behind.
    assert [p for p in (tmp_path / "state").rglob("*") if p.is_file()] == []


def test_argmap_present_opens_the_presentation_and_quits_cleanly(tmp_path: Path) -> None:
    run = _launch(tmp_path, "present", str(sample_path()))
    assert run.returncode == 0, run.stderr
    assert _errors(run.stderr) == []
    assert "— presentation'" in run.stdout


def test_argmap_opens_an_argdown_file_given_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "talks.argdown"
    source.write_text("# Ceasefire talks\n\n[Talks]: Talks resume by spring.\n  + Envoys met.\n")
    run = _launch(tmp_path, str(source))
    assert run.returncode == 0, run.stderr
    assert _errors(run.stderr) == []
    assert "Could not open" not in run.stdout + run.stderr
    assert run.stdout.startswith("painted '"), run.stdout
    assert "talks" in run.stdout.splitlines()[0].casefold()


_COPY_THEN_QUIT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from argmap.ui.app import application, launch

windows = launch(sys.argv[1])
window = windows[0]

def copy_and_quit():
    first = window.controller.doc.statements[0].id
    window.controller.set_selection([first])
    window.editor_actions.clipboard.copy()
    assert QApplication.clipboard().mimeData().hasText()
    print("copied", flush=True)
    window.controller.undo_stack.setClean()
    QApplication.closeAllWindows()

def guarded():
    try:
        copy_and_quit()
    finally:
        QApplication.quit()

QTimer.singleShot(200, guarded)
sys.exit(application().exec())
"""


def test_argmap_quits_cleanly_after_a_copy_on_a_platform_without_a_system_clipboard(
    tmp_path: Path,
) -> None:
    """Copying puts a QMimeData made in Python on the clipboard; offscreen keeps it in a
    Qt static freed after the interpreter, which segfaulted the exit (139) until the app
    let go of it on quit."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ARGMAP_HOME=str(tmp_path))
    run = subprocess.run(
        [sys.executable, "-c", _COPY_THEN_QUIT, str(sample_path())],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert run.stdout.startswith("copied"), run.stderr
    assert run.returncode == 0, run.stderr
