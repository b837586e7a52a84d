"""The first view and Home show the focal question and every scenario with card text at
least READABLE_PX tall, on wide unfolded maps too, folding the scenarios when their
reasons spread them too far apart (issue #15); a resize refits until the user moves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home
from gui.wide_maps import SAMPLE, unfolded_sample, wide_map
from PySide6.QtCore import QRectF

from argmap.io.map_file import load_map, save_map
from argmap.layout.first_view_frame import BODY_PX, READABLE_PX
from argmap.model import ArgMap

SIZES = [(1280, 800), (1366, 768), (1920, 1080)]
MAPS: dict[str, Callable[[], ArgMap]] = {
    "wide": wide_map,
    "sample": unfolded_sample,
    "folded sample": lambda: load_map(SAMPLE),  # 6 of its 7 scenarios showed at 1280x800
}


def _scenarios(win) -> list[str]:
    return [s.id for s in win.controller.doc.statements if s.kind.value == "scenario"]


def _out_of_view(win) -> list[str]:
    """The question and scenarios whose cards are not wholly in the viewport."""
    view = win.view
    port = QRectF(view.viewport().rect())
    layout = win.scene.layout
    out = []
    for sid in [win.controller.doc.question, *_scenarios(win)]:
        b = layout.cards[sid].box
        box = view.mapFromScene(QRectF(b.x, b.y, b.w, b.h)).boundingRect().toRectF()
        if not port.contains(box):
            out.append(sid)
    return out


def _open(qtbot, tmp_path: Path, monkeypatch, doc: ArgMap, size):  # type: ignore[no-untyped-def]
    path = tmp_path / "wide.argmap.json"
    save_map(doc, path)
    win = make_window(qtbot, use_home(tmp_path, monkeypatch), size)
    assert win.open_path(path)
    return win


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(MAPS))
def test_opening_a_wide_unfolded_map_shows_every_scenario_readably(
    qtbot, tmp_path: Path, monkeypatch, name: str, size
) -> None:
    win = _open(qtbot, tmp_path, monkeypatch, MAPS[name](), size)
    try:
        assert win.view.zoom * BODY_PX >= READABLE_PX - 0.01
        assert _out_of_view(win) == []
        assert len(_scenarios(win)) == 7
        assert not win.controller.is_dirty  # the folds are view: no "save changes?"
        if name != "folded sample":
            assert "Folded" in win.statusBar().currentMessage()
    finally:
        close_window(win)


def test_home_folds_again_after_the_user_unfolded_and_undo_unfolds(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    win = _open(qtbot, tmp_path, monkeypatch, wide_map(), (1280, 800))
    try:
        c = win.controller
        for sid in list(c.doc.view.collapsed):
            c.set_collapsed(sid, False)
        win.view.fit_all()  # Fit shows the whole map: too small to read
        assert win.view.zoom * BODY_PX < READABLE_PX
        win.actions_by_name["first_view"].trigger()  # Home
        assert _out_of_view(win) == []
        assert win.view.zoom * BODY_PX >= READABLE_PX - 0.01
        assert c.undo_stack.undoText() == "Fold to the question and scenarios"
        c.undo_stack.undo()
        assert c.doc.view.collapsed == []
    finally:
        close_window(win)


def test_a_resize_refits_until_the_user_pans(qtbot, tmp_path: Path, monkeypatch) -> None:
    win = _open(qtbot, tmp_path, monkeypatch, wide_map(), (1920, 1080))
    try:
        win.resize(1280, 800)
        qtbot.waitUntil(lambda: _out_of_view(win) == [])
        bar = win.view.horizontalScrollBar()
        bar.triggerAction(bar.SliderAction.SliderPageStepAdd)  # the user pans
        assert not win.view.framed
        view = win.view
        zoom = view.zoom
        win.resize(1366, 768)  # a refit would frame the band at another zoom here
        qtbot.wait(50)
        assert view.zoom == zoom and not view.framed
    finally:
        close_window(win)


def test_after_fit_or_a_reveal_a_resize_leaves_the_view_alone(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Fit kept the first view's "refit on resize": the next resize (a scroll bar coming
    or going is one) snapped the view back to the question and scenarios."""
    win = _open(qtbot, tmp_path, monkeypatch, wide_map(), (1280, 800))
    try:
        view = win.view
        win.controller.undo_stack.undo()  # unfolded again: Fit shows a much wider map
        win.actions_by_name["fit_all"].trigger()
        zoom = view.zoom
        win.resize(1300, 820)
        qtbot.wait(50)
        assert view.zoom == zoom
        win.actions_by_name["first_view"].trigger()  # Home: framed (and refitting) again
        assert view.framed
        view.reveal("s-e6-2-1")  # e.g. a search hit far off screen
        assert not view.framed
    finally:
        close_window(win)
