"""Start-up keeps no module sources in memory (PySide6 reads each imported module's)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

_HELD = """
def source_text_held():
    import linecache
    return sum(len(line) for e in linecache.cache.values() if len(e) > 2 for line in e[2])
"""


def _run(script: str, home: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ARGMAP_HOME=str(home))
    code = _HELD + textwrap.dedent(script)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.strip()


def test_the_application_holds_no_source_of_the_modules_imported_before_it(
    tmp_path: Path,
) -> None:
    script = """
        import argmap.ui.window.main_window
        from argmap.ui.app import application
        application()
        print(source_text_held())
    """
    # Without clearing: 4 MB of source text, 8 MB of Python objects.
    assert _run(script, tmp_path) == "0"


def test_the_running_app_holds_no_source_of_the_modules_it_imported(tmp_path: Path) -> None:
    script = """
        from PySide6.QtWidgets import QApplication
        def exec_now(*_args):
            print(source_text_held())
            return 0
        QApplication.exec = staticmethod(exec_now)
        from argmap.ui.app import run
        run()  # the sample map in a window
    """
    assert _run(script, tmp_path) == "0"
