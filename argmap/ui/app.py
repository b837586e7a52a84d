"""Application set-up: fonts, names, icon, then the main window on a map."""

from __future__ import annotations

import linecache
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from argmap import __version__
from argmap.export.card_painter import register_fonts
from argmap.resources import resource

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created and configured on first call."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("argmap")
    app.setApplicationDisplayName("argmap")
    app.setOrganizationName("argmap")
    app.setApplicationVersion(__version__)
    app.setFont(argmap_font(app.font()))
    for name in ("icons/argmap.svg", "icons/argmap.png"):
        node = resource(name)
        if node.is_file():
            app.setWindowIcon(QIcon(str(node)))
            break
    forget_read_sources()
    app.aboutToQuit.connect(release_clipboard)
    if os.environ.get(QUIT_AFTER_SHOW):
        QTimer.singleShot(0, app, partial(_after_start_up, app))
    return app


def argmap_font(desktop: QFont) -> QFont:
    """The font argmap's windows use: the bundled DejaVu Sans, at the desktop's size but
    never under 9.5 pt (dialogs are laid out and tested in it)."""
    font = QFont(register_fonts())
    font.setPointSizeF(max(desktop.pointSizeF(), 9.5))
    return font


# Platforms whose clipboard lives only in this process (Qt's default QPlatformClipboard,
# a static that C's exit handlers free after Python has gone).
_PROCESS_CLIPBOARD = frozenset({"offscreen", "minimal", "minimalegl", "eglfs", "linuxfb", "vnc"})


def release_clipboard() -> None:
    """On a platform with no system clipboard, empty ours while Python still runs.

    A copy puts a QMimeData made in Python on the clipboard. Where the platform keeps it
    in Qt's own static (offscreen, minimal, framebuffers), nothing deletes it until C's
    exit handlers, after the interpreter is gone; its wrapper then calls into Python and
    the process segfaults on the way out (exit 139 after a clean quit). With no other
    application to hand the clipboard to, emptying it loses nothing. Desktop platforms
    (xcb, Wayland, Windows, macOS) hand it to the system and are left alone.
    """
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.platformName() in _PROCESS_CLIPBOARD:
        QApplication.clipboard().clear()


# Set (to anything) by the wheel check: start up, paint every window once, then quit.
QUIT_AFTER_SHOW = "ARGMAP_QUIT_AFTER_SHOW"


def _after_start_up(app: QApplication) -> None:
    """Queue the paint-and-quit behind the start-up's own zero-delay timers."""
    QTimer.singleShot(0, app, partial(_paint_and_quit, app))


def _paint_and_quit(app: QApplication) -> None:
    """Paint each shown window, name it on stdout, close the windows and quit (an
    imported, never-saved map is let go without the save prompt a user would get)."""
    from argmap.ui.window.main_window import MainWindow  # noqa: PLC0415

    shown: list[QWidget] = [w for w in app.topLevelWidgets() if w.isVisible()]
    for window in shown:
        size = window.grab().size()
        title = window.windowTitle().replace("[*]", "")
        print(f"painted {title!r} {size.width()}x{size.height()}", flush=True)
        if isinstance(window, MainWindow):
            window.controller.undo_stack.setClean()
    app.closeAllWindows()
    app.quit()


def forget_read_sources() -> None:
    """Drop the module sources PySide6 read at import time.

    PySide6's import hook reads the source of every module imported after it (looking
    for the word "PySide6"), and ``inspect`` keeps each file's lines in ``linecache``:
    ~8 MB for argmap's start-up imports, never read again. A traceback reads its lines
    afresh.
    """
    linecache.clearcache()


def sample_path() -> Path:
    """The bundled sample map shown on first launch."""
    return Path(str(resource("sample.argmap.json")))


def launch(path: str | None = None) -> list[MainWindow]:
    """Everything a start does before the event loop: offer to recover crashed sessions
    (a modal dialog), then show a window per restored map and one on ``path`` (or the
    bundled sample when nothing else opened). Returns the windows shown."""
    application()
    from argmap.io.recovery import RecoveryStore  # noqa: PLC0415
    from argmap.ui.safety.recovery_dialog import offer_recovery  # noqa: PLC0415
    from argmap.ui.window.app_settings import app_settings  # noqa: PLC0415
    from argmap.ui.window.appearance import use_chosen_theme  # noqa: PLC0415
    from argmap.ui.window.main_window import MainWindow  # noqa: PLC0415 (after fonts exist)

    forget_read_sources()  # read again for the modules imported just now
    store = RecoveryStore()
    windows: list[MainWindow] = []
    use_chosen_theme(application(), app_settings())  # the recovery offer comes first
    for recovered in offer_recovery(store):
        window = MainWindow(settings=app_settings(), store=store)
        window.show()
        window.safety.restore(recovered)
        windows.append(window)
    if path is not None or not windows:
        window = MainWindow(settings=app_settings(), store=store)
        window.show()
        if path is not None:
            window.imports.open_any(Path(path))  # any format the Open dialog reads
        elif sample_path().is_file():
            window.open_sample(sample_path())
        windows.append(window)
    # Frame the maps once the docks have their sizes, so the camera fits the real canvas.
    for window in windows:
        QTimer.singleShot(0, window.show_first_view)
    return windows


def run(path: str | None = None) -> int:
    """Start the app as ``argmap [MAP]`` does: :func:`launch`, then the event loop."""
    windows = launch(path)
    code = application().exec()
    del windows
    return code
