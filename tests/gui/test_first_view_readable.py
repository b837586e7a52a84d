"""The opening view shows the focal question at a readable size (card text at least
12 px on screen) and frames it again when the window is resized before the user moved
the view (issue #15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home
from PySide6.QtCore import QRectF

from argmap.ui.window.first_view import READABLE_PX

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample.argmap.json"
BODY_PX = 14  # the cards' body text at 100 %


def _on_screen(win, sid: str) -> QRectF:
    card = win.scene.cards[sid]
    return win.view.mapFromScene(card.sceneBoundingRect()).boundingRect().toRectF()


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1920, 1080)])
def test_question_is_in_view_and_readable(qtbot, tmp_path: Path, monkeypatch, size) -> None:
    win = make_window(qtbot, use_home(tmp_path, monkeypatch), size)
    try:
        assert win.open_path(SAMPLE)
        assert win.view.zoom * BODY_PX >= READABLE_PX - 0.01
        port = QRectF(win.view.viewport().rect())
        assert port.contains(_on_screen(win, win.controller.doc.question))
    finally:
        close_window(win)


def test_resize_refits_until_the_user_moves_the_view(qtbot, tmp_path: Path, monkeypatch) -> None:
    win = make_window(qtbot, use_home(tmp_path, monkeypatch), (1920, 1080))
    try:
        assert win.open_path(SAMPLE)
        question = win.controller.doc.question
        win.resize(1280, 800)
        qtbot.waitUntil(
            lambda: QRectF(win.view.viewport().rect()).contains(_on_screen(win, question))
        )
        win.view.zoom_in()  # the user takes over: a resize leaves the view alone
        zoom = win.view.zoom
        win.resize(1500, 900)
        qtbot.wait(50)
        assert win.view.zoom == zoom
        assert not win.view.framed
    finally:
        close_window(win)
