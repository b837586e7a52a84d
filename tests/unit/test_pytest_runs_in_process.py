"""Mutation testing (mutmut) runs the unit tests through ``pytest.main`` inside its own
process and reads what they covered afterwards: a run that made no window must hand
control back instead of leaving the interpreter early (tests/conftest.py does that only
after Qt made an application)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DRIVER = """
import sys, pytest
code = pytest.main(["-q", "-p", "no:randomly", "-p", "no:cacheprovider", sys.argv[1]])
print("pytest.main returned", int(code))
"""


def test_a_headless_run_returns_to_its_caller() -> None:
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, "tests/unit/model/test_number_ranges.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "pytest.main returned 0" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.returncode == 0
