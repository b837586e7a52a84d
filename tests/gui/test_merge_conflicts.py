"""Edit ▸ Merge conflicts…: a merged map's conflicts listed from its notes and settled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home

from argmap.io.map_file import load_map, save_map
from argmap.model.three_way import NOTE_MARK, annotate, merge_maps
from argmap.resources import resource
from argmap.ui.window.main_window import MainWindow


@pytest.fixture
def merged_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    base = load_map(str(resource("sample.argmap.json")))
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.statement("s-putin-flexibility").text = "Ann's wording"
    theirs.statement("s-putin-flexibility").text = "Bob's wording"
    ours.statement("s-sc-frozen").prior = 0.3
    theirs.statement("s-sc-frozen").prior = 0.35
    result = merge_maps(base, ours, theirs)
    annotate(result.doc, result.conflicts)
    path = tmp_path / "merged.argmap.json"
    save_map(result.doc, path)
    win = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert win.open_path(path)
    yield win
    close_window(win)


def test_conflicts_are_listed_shown_and_settled_undoably(merged_window: MainWindow) -> None:
    win = merged_window
    win.actions_by_name["merge_conflicts"].trigger()
    dialog = win.merging.dialog
    assert dialog is not None and dialog.isVisible()
    assert [(c.kind, c.record) for c in dialog.conflicts()] == [
        ("statement", "s-sc-frozen"),
        ("statement", "s-putin-flexibility"),
    ]  # fmt: skip (map order: the scenarios come first in the sample)
    assert dialog.summary.text().startswith("2 merge conflicts to settle")
    dialog.list.setCurrentRow(1)
    dialog.show_button.click()
    assert win.controller.selection == ["s-putin-flexibility"]
    notes_before = win.controller.doc.statement("s-putin-flexibility").notes
    dialog.settle_button.click()
    assert NOTE_MARK not in win.controller.doc.statement("s-putin-flexibility").notes
    assert [c.record for c in dialog.conflicts()] == ["s-sc-frozen"]
    win.controller.undo_stack.undo()
    assert win.controller.doc.statement("s-putin-flexibility").notes == notes_before
    assert len(dialog.conflicts()) == 2


def test_the_command_is_in_the_edit_menu(merged_window: MainWindow) -> None:
    edit = next(a.menu() for a in merged_window.menuBar().actions() if a.text() == "&Edit")
    assert merged_window.actions_by_name["merge_conflicts"] in edit.actions()
