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


_FINISHED: list[int] = []  # the session's exit status, once every test has run


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tear Qt down in order before the interpreter does: wait for the worker threads,
    close and delete every window still open, and collect what refers to them. Left to
    interpreter shutdown, Python can free wrappers of Qt objects after the QApplication
    is gone (seen as a segfault after a green run, in one random order of 1,700 tests)."""
    import gc  # noqa: PLC0415
    import sys  # noqa: PLC0415

    _FINISHED.append(int(exitstatus))
    if "PySide6.QtWidgets" not in sys.modules:
        return  # a headless run never made an application
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    app = QApplication.instance()
    if app is None:
        return
    QThreadPool.globalInstance().waitForDone(10_000)
    for pool in app.findChildren(QThreadPool):
        pool.waitForDone(10_000)
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """After a run that loaded Qt, leave with the run's own exit status without the
    interpreter's teardown: even after the tidy-up above, one random order of the whole
    suite ended green and then segfaulted while Python freed Qt wrappers (exit 139, no
    test running; not yet explained). Every report, and the coverage data, is written by
    now; the app's own exit is tested in fresh processes (tests/gui/test_app_launch.py)."""
    import sys  # noqa: PLC0415

    if _FINISHED and "PySide6.QtWidgets" in sys.modules and _pytest_is_the_program():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_FINISHED[-1])


def _pytest_is_the_program() -> bool:
    """Whether this process is a pytest run (``pytest`` or ``python -m pytest``), not a
    tool that calls ``pytest.main()`` and goes on after it (mutmut lists the tests, then
    runs every mutant in the same process: leaving here ended it, as if done)."""
    import sys  # noqa: PLC0415

    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    if spec is not None and spec.name.partition(".")[0] == "pytest":
        return True
    return Path(sys.argv[0]).name in {"pytest", "py.test"}
