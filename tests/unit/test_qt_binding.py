"""Guards against the PySide6 6.12.0 regression that aborts the process.

On Python 3.11, PySide6 6.12.0 over-releases the reference to ``None`` returned by
wrapped void methods; after a few thousand calls CPython aborts with
"Fatal Python error: none_dealloc". We pin it out in pyproject.toml; this test fails
if an installed binding has the bug.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath
before = sys.getrefcount(None)
p = QPointF()
path = QPainterPath()
for i in range(200_000):
    p.setX(float(i))          # void method: returns None
    path.moveTo(0.0, 0.0)
print("refdelta", sys.getrefcount(None) - before)
"""


def test_void_qt_calls_do_not_leak_or_abort() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    delta = int(result.stdout.split()[-1])
    # A healthy binding leaves None's refcount about where it was; the buggy one drops it
    # by one per call (and aborts long before 400,000 calls).
    assert abs(delta) < 1000
