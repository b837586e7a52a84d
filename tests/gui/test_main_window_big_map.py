"""A big map in the whole window: an edit stays local, whatever panels listen to it."""

from __future__ import annotations

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home
from layout_maps import synthetic_map

from argmap.io.map_file import save_map


def test_an_edit_in_the_window_leaves_far_cards_for_idle_time(
    qtbot, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Deleting a card moves most of a big map; nothing the window shows besides the
    # canvas (find, inspector, scenarios, status) may force the whole layout at once.
    path = tmp_path / "big.argmap.json"
    save_map(synthetic_map(3000), path, backup=False)
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    try:
        assert win.open_path(path)
        scene, view = win.scene, win.view
        view.resetTransform()
        layout = scene.layout
        row = max(
            (
                kids
                for p, kids in layout.children.items()
                if all(k not in layout.children for k in kids)
            ),
            key=len,
        )
        sid = row[len(row) // 2]
        box = layout.cards[sid].box
        view.centerOn(box.x + box.w / 2, box.y + box.h / 2)
        win.controller.set_selection([sid])
        win.find_bar.activate()  # find open on a query: it follows edits too
        win.find_bar.edit.setText("a")
        win.view.setFocus()
        win.controller.remove_statements([sid])
        assert scene.layouter.pending
        assert sid not in win.find_bar.matches
        qtbot.waitUntil(lambda: not scene.layouter.pending)
        # Stepping goes top-down through the map as it is now.
        win.find_bar.step(1)
        order = list(win.find_bar.matches)
        tops = [scene.layout.cards[m].box.y for m in order if m in scene.layout.cards]
        assert len(tops) > 10 and tops == sorted(tops)
    finally:
        close_window(win)
