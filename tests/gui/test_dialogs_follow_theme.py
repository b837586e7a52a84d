"""Every dialog follows View ▸ Theme, with its text at WCAG AA (4.5:1) on its ground.

A dialog is a window of its own: the main window's palette did not reach it, so map
properties, export, shortcuts, About and the others stayed light in the dark theme (#15).
Each dialog is opened as the user opens it, grabbed as drawn, and its labels' and buttons'
text colours measured against the ground they sit on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.dialog_openers import OPENERS
from gui.main_window_fixtures import close_window, make_window, use_home
from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from argmap.export.contrast import GRAPHIC_AA, TEXT_AA, contrast_ratio
from argmap.resources import resource
from argmap.ui import pane_colours
from argmap.ui.safety.banner import COLOURS
from argmap.ui.window.main_window import MainWindow

Role = QPalette.ColorRole


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert win.open_path(resource("sample.argmap.json"))
    yield win
    win.appearance.set_mode("light")  # the palette and pane colours are the process's
    close_window(win)
    pane_colours.use("light")


def _mean_lightness(dialog: QWidget) -> float:
    """Mean lightness of the dialog as drawn, leaving out pictures it shows (the export
    preview is the map in the export's theme, not the dialog's)."""
    image: QImage = dialog.grab().toImage()
    pictures = [
        QRect(label.mapTo(dialog, QPoint(0, 0)), label.size())
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and not label.pixmap().isNull()
    ]
    values = [
        image.pixelColor(x, y).lightnessF()
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if not any(p.contains(x, y) for p in pictures)
    ]
    return sum(values) / len(values)


def _ground(widget: QWidget) -> str:
    """The colour ``widget`` is drawn on: its own style sheet's background (the colour most
    of it is drawn in), the nearest ancestor (or itself) that fills its background, else its
    window's."""
    if "background" in widget.styleSheet():
        image = widget.grab().toImage()
        seen = Counter(
            image.pixelColor(x, y).name()
            for y in range(image.height())
            for x in range(image.width())
        )
        return seen.most_common(1)[0][0]
    at: QWidget | None = widget
    while at is not None and not at.isWindow():
        if at.autoFillBackground():
            return at.palette().color(at.backgroundRole()).name()
        at = at.parentWidget()
    top = widget.window()
    return top.palette().color(top.backgroundRole()).name()


def _faint_text(dialog: QWidget) -> list[str]:
    """Visible labels and buttons whose text is under 4.5:1 on their ground."""
    faint = []
    for widget in [dialog, *dialog.findChildren(QWidget)]:
        if not isinstance(widget, QLabel | QAbstractButton):
            continue
        if not widget.isVisible() or not widget.isEnabled():  # WCAG exempts inactive controls
            continue
        if not widget.text().strip():
            continue
        widget.ensurePolished()  # a style sheet's colour reaches the palette when polished
        ink = widget.palette().color(widget.foregroundRole()).name()
        if isinstance(widget, QAbstractButton):
            ground = widget.palette().color(Role.Button).name()
        else:
            ground = _ground(widget)
        if contrast_ratio(ink, ground) < TEXT_AA:
            ratio = contrast_ratio(ink, ground)
            faint.append(f"{widget.text()[:30]!r}: {ink} on {ground} is {ratio:.2f}:1")
    return faint


def _check(dialog: QWidget, scheme: str, what: str) -> None:
    mean = _mean_lightness(dialog)
    if scheme == "dark":
        assert mean < 0.35, f"{what} in dark: mean lightness {mean:.2f}"
    else:
        assert mean > 0.6, f"{what} in light: mean lightness {mean:.2f}"
    palette = dialog.palette()
    pairs = [(Role.WindowText, Role.Window), (Role.Text, Role.Base),
             (Role.ButtonText, Role.Button)]  # fmt: skip
    for fg, bg in pairs:
        ratio = contrast_ratio(palette.color(fg).name(), palette.color(bg).name())
        assert ratio >= TEXT_AA, f"{what}: {fg.name} on {bg.name} is {ratio:.2f}:1"
    assert _faint_text(dialog) == [], what


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("what", list(OPENERS))
def test_a_dialog_follows_the_theme(
    qtbot: QtBot, window: MainWindow, scheme: str, what: str
) -> None:
    window.appearance.set_mode(scheme)
    dialog = OPENERS[what](window)
    dialog.show()
    qtbot.waitExposed(dialog)
    try:
        _check(dialog, scheme, what)
    finally:
        dialog.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_error_colour_is_readable_on_a_dialog(scheme: str) -> None:
    c = pane_colours.SCHEMES[scheme]
    assert contrast_ratio(c.error, c.window) >= TEXT_AA
    assert contrast_ratio(c.muted, c.window) >= TEXT_AA


def test_a_properties_error_is_readable_in_dark(qtbot: QtBot, window: MainWindow) -> None:
    """The red of a refused date was 2.6:1 on the dark dialog."""
    window.appearance.set_mode("dark")
    dialog = window.editor_actions.show_properties()
    qtbot.waitExposed(dialog)
    dialog.as_of_edit.setText("not a date")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text()
    assert _faint_text(dialog) == []
    dialog.close()


def test_a_message_box_follows_the_theme(qtbot: QtBot, window: MainWindow) -> None:
    """About (Help ▸ About argmap) and the other message boxes are made by Qt."""
    window.appearance.set_mode("dark")
    seen: list[float] = []
    faint: list[list[str]] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox | QDialog):
            seen.append(_mean_lightness(box))
            faint.append(_faint_text(box))
            box.close()
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    window.help.show_about()
    assert seen and seen[0] < 0.35, seen
    assert faint == [[]]


def test_closing_the_last_window_gives_back_the_desktops_look(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The palette is the application's: a window closed in dark must not leave the next
    dialog, made with no window open, dark."""
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    win.appearance.set_mode("dark")
    close_window(win)
    qtbot.waitUntil(lambda: pane_colours.current().name == "light")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _mean_lightness(dialog) > 0.6


def test_the_inspectors_derived_credibility_is_readable_in_dark(
    qtbot: QtBot, window: MainWindow
) -> None:
    """ "not judged · 57 % from its supports and attacks" was drawn in the light scheme's
    grey on the dark pane (2.4:1)."""
    window.appearance.set_mode("dark")
    doc = window.controller.doc
    analysis = window.scenario_panes.live.analysis
    derived = [s.id for s in doc.statements
               if s.credibility is None and s.kind.value not in ("question", "scenario")
               and analysis.established.get(s.id) is not None]  # fmt: skip
    assert derived
    window.layout_.bring_forward("Inspector")
    window.controller.set_selection([derived[0]])
    label = window.inspector.credibility_used
    qtbot.waitUntil(label.isVisible)
    assert _faint_text(window.inspector) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_message_bar_follows_the_theme(qtbot: QtBot, window: MainWindow, scheme: str) -> None:
    """The bar above the map (read-only, changed on disk, recovered) was a light strip
    across the dark window; its text stands 4.5:1 on it and its edge 3:1 on the window."""
    window.appearance.set_mode("light" if scheme == "dark" else "dark")
    window.banner.show_message("The file changed on disk.", "warning", [("reload", "Reload")])
    window.appearance.set_mode(scheme)  # switched while shown
    qtbot.waitUntil(window.banner.isVisible)
    mean = _mean_lightness(window.banner)
    assert (mean < 0.35) if scheme == "dark" else (mean > 0.6), mean
    for level, (ground, edge, ink) in COLOURS[scheme].items():
        assert contrast_ratio(ink, ground) >= TEXT_AA, level
        assert contrast_ratio(edge, pane_colours.SCHEMES[scheme].window) >= GRAPHIC_AA, level
