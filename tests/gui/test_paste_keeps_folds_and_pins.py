"""Copy and paste through the system clipboard keeps which cards are folded and pinned."""

from __future__ import annotations

from pathlib import Path

from gui.ui_maps import small_map
from PySide6.QtGui import QGuiApplication

from argmap.interop.clipboard_text import MIME_FRAGMENT
from argmap.ui.window.main_window import MainWindow
from argmap.ui.window.recent_files import RecentFiles


def _window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(recent=RecentFiles(tmp_path / "recent.json"))
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_folded_pinned_subtree_pastes_folded_and_pinned_in_another_map(qtbot, tmp_path) -> None:
    first, second = _window(qtbot, tmp_path), _window(qtbot, tmp_path)
    try:
        doc = small_map()
        doc.view.collapsed = ["s-b"]
        doc.view.pinned = {"s-e": (-400.0, 600.0)}
        first.open_document(doc)
        first.controller.set_selection(["s-b"])
        first.actions_by_name["copy"].trigger()
        assert QGuiApplication.clipboard().mimeData().hasFormat(MIME_FRAGMENT)
        second.new_map()
        c = second.controller
        c.set_selection(["s-question"])
        second.view.setFocus()
        clipboard = second.editor_actions.clipboard
        with qtbot.waitSignal(clipboard.message) as said:
            second.actions_by_name["paste"].trigger()
        new = {s.text: s.id for s in c.doc.statements}
        assert c.doc.view.collapsed == [new["War goes on"]]
        assert c.doc.view.pinned == {new["Both deny a deal"]: (-400.0, 600.0)}
        assert "1 folded, 1 pinned" in said.args[0]
        second.scene.backlog.catch_up()
        card = second.scene.cards.get(new["Both deny a deal"])
        assert card is None or not card.isVisible()  # folded away under its scenario
    finally:
        for win in (first, second):
            win.controller.undo_stack.setClean()
            win.close()
            win.deleteLater()
