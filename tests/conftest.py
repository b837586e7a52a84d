"""Test-wide set-up: headless Qt before any QApplication exists; no test touches $HOME;
Hypothesis draws the same examples on every CI run."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI (CI=true) is reproducible: every run tries the same examples, so a red build is red
# again on a re-run and locally with HYPOTHESIS_PROFILE=ci; no deadline on a loaded runner.
# Elsewhere examples are random (and the failures found are replayed from .hypothesis/).
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
# Mutation testing runs the suite once per mutant: the same reproducible examples, fewer
# of them (scripts/mutation.sh, MUTATION_PROFILE=mutation; see README, Development).
settings.register_profile("mutation", parent=settings.get_profile("ci"), max_examples=25)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "default")
)


@pytest.fixture(autouse=True)
def _argmap_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, recovery copies and locks go to a fresh folder for every test."""
    home = tmp_path_factory.mktemp("argmap-home")
    monkeypatch.setenv("ARGMAP_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _no_mouse_button_left_held() -> Iterator[None]:
    """A test must not leave a mouse button held in QTest's state: every later test's
    mouse moves would carry it, drag instead of hover, and fail far from the cause
    (``QTest.mouseDClick`` does this on Qt 6; ``gui.ui_maps.double_click`` does not)."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return  # a headless test never made an application
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    if not isinstance(QApplication.instance(), QApplication):
        return  # none, or a QGuiApplication (export tests): no widget to probe with
    _release_qtest_modifiers()
    held = _qtest_buttons_held()
    if held:
        _release_qtest_buttons(held)  # so later tests are not failed by this one
        pytest.fail(f"the test left {held} held in QTest's mouse state", pytrace=False)


@pytest.fixture(autouse=True)
def _no_window_left_open() -> Iterator[None]:
    """A test must close the windows it showed (its fixtures' windows included): one
    left open stays over the next test's window, and offscreen's mouse goes to the
    first window under the pointer, so the next test's hover or click lands in it
    (the hand-cursor test failed under a Find in articles window left by another test).
    Tooltips, which Qt shows and hides on its own timer, are hidden without a failure."""
    yield
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication, QToolTip  # noqa: PLC0415

    if not isinstance(QApplication.instance(), QApplication):
        return
    QToolTip.hideText()
    left = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    if left:
        names = ", ".join(sorted(f"{type(w).__name__} {w.windowTitle()!r}" for w in left))
        for window in left:
            _close_without_asking(window)  # so later tests are not failed by this one
        pytest.fail(f"the test left {len(left)} window(s) open: {names}", pytrace=False)


def _close_without_asking(window: object) -> None:
    """Close a window a test left open: a map window with unsaved changes would ask
    whether to save them, and wait for an answer no one gives (the run hung, not failed)."""
    controller = getattr(window, "controller", None)
    if controller is not None:
        controller.undo_stack.setClean()
    window.close()  # type: ignore[attr-defined]
    window.deleteLater()  # type: ignore[attr-defined]


def _release_qtest_modifiers() -> None:
    """Let go of the modifier keys QTest leaves pressed in the application's state.

    ``QTest.keyClick(w, key, Shift)`` (so ``qtbot.keyClick``) ends with
    ``QApplication.keyboardModifiers()`` still reporting Shift, until the next spontaneous
    key event. Qt's item views read it when code selects: ``QTableView.selectRow`` then
    extends from a stale anchor, selects nothing, and a later test fails far from the cause
    (the Team pane's row selection did, after an ACH test's Shift+Delete). Every test
    starts with no modifier held, as a user's next action does."""
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QWidget  # noqa: PLC0415

    if QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier:
        return
    widget = QWidget()
    QTest.keyRelease(widget, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
    widget.deleteLater()


def _qtest_buttons_held() -> object:
    """The buttons QTest's next mouse move would carry, or None."""
    from PySide6.QtCore import QEvent, QObject, QPoint, Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415

    seen: list[Qt.MouseButton] = []

    class Probe(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.MouseMove:
                seen.append(event.buttons())  # type: ignore[attr-defined]
            return False

    widget, probe = QWidget(), Probe()
    widget.installEventFilter(probe)
    QTest.mouseMove(widget, QPoint(1, 1))
    widget.removeEventFilter(probe)
    widget.deleteLater()
    return seen[0] if seen and seen[0] != Qt.MouseButton.NoButton else None


def _release_qtest_buttons(held: object) -> None:
    from PySide6.QtCore import QPoint, Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from PySide6.QtWidgets import QWidget  # noqa: PLC0415

    widget = QWidget()
    for button in (
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.RightButton,
        Qt.MouseButton.MiddleButton,
    ):
        if held & button:  # type: ignore[operator]
            QTest.mouseRelease(widget, button, Qt.KeyboardModifier.NoModifier, QPoint(1, 1))
    widget.deleteLater()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Tear Qt down in order before the interpreter does: wait for the worker threads,
    close and delete every window still open, empty the clipboard, and collect what
    refers to them. A test that copied left a QMimeData made in Python in offscreen's
    clipboard, a Qt static freed by C's exit handlers after the interpreter: a green run
    then segfaulted on the way out (exit 139; the app empties it on quit the same way)."""
    import gc  # noqa: PLC0415

    if "PySide6.QtWidgets" not in sys.modules:
        return  # a headless run never made an application
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from argmap.ui.app import release_clipboard  # noqa: PLC0415

    app = QApplication.instance()
    if app is None:
        return
    QThreadPool.globalInstance().waitForDone(10_000)
    for pool in app.findChildren(QThreadPool):
        pool.waitForDone(10_000)
    for widget in QApplication.topLevelWidgets():
        _close_without_asking(widget)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    release_clipboard()
    gc.collect()
