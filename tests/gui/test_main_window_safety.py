"""The main window keeps a map safe: outside changes are not overwritten, clean close."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from argmap.resources import resource

SAMPLE = Path(str(resource("sample.argmap.json")))


def test_saving_over_a_file_changed_by_another_program_asks_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, tmp_path / "home")
    assert window.open_sample(SAMPLE)
    path = tmp_path / "m.argmap.json"
    assert window._save_to(path)
    path.write_text(path.read_text(encoding="utf-8").replace("Kremlin", "K"), encoding="utf-8")
    asked: list[str] = []

    def refuse(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    window.controller.set_statement_field("s-sc-deal", "text", "Ceasefire deal by spring")
    assert not window._save_to(path)
    assert asked and "changed by another program" in asked[0]
    assert "Kremlin" not in path.read_text(encoding="utf-8")  # their change is kept
    close_window(window)


def test_unsaved_edits_get_a_recovery_copy_and_a_clean_close_removes_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path / "home")
    assert window.open_sample(SAMPLE)
    window.controller.set_statement_field("s-sc-deal", "text", "Ceasefire deal by spring")
    saver = window.safety.autosaver
    assert saver.write_if_needed()
    saver.flush()
    assert saver.snapshot_file.exists()
    close_window(window)
    window.close()
    assert not saver.snapshot_file.exists()


def test_a_failed_autosave_is_shown_once_in_plain_words(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "home")
    assert window.open_sample(SAMPLE)
    window.controller.set_statement_field("s-sc-deal", "text", "Ceasefire deal by spring")
    saver = window.safety.autosaver
    folder = saver.store.folder
    for leftover in folder.iterdir():
        leftover.unlink()
    folder.rmdir()
    folder.write_text("not a folder")  # every write into it fails
    with qtbot.waitSignal(saver.failed, timeout=3000):
        assert saver.write_if_needed()
    qtbot.waitUntil(lambda: "Autosave failed" in window.banner.text())
    assert window.banner.text().count("Autosave failed") == 1
    folder.unlink()
    close_window(window)


def test_clicking_an_arrow_opens_its_inference_in_the_inspector(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.main_window_fixtures import small_map_window  # noqa: PLC0415
    from gui.ui_maps import click  # noqa: PLC0415

    gen = small_map_window(qtbot, tmp_path, monkeypatch)
    window = next(gen)
    window.view.reset_zoom()
    inference_id, edge = next(iter(window.scene.edges.items()))
    assert edge.layout is not None
    (x0, y0), (x1, y1) = edge.layout.points[0], edge.layout.points[1]
    middle = edge.mapToScene(edge.mapFromScene((x0 + x1) / 2, (y0 + y1) / 2))
    window.view.centerOn(middle)
    assert window.scene.card_at(middle) is None
    with qtbot.waitSignal(window.scene.inference_clicked) as signal:
        click(window.view, window.view.mapFromScene(middle))
    assert signal.args == [inference_id]
    assert window.inspector._selection == [inference_id]
    next(gen, None)
