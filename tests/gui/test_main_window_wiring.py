"""The main window wires scenarios, presentation, export, import and help for a user."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from argmap.io.map_file import load_map
from argmap.resources import resource, seed_articles
from argmap.ui import window_actions
from argmap.ui.app import use_settings_folder
from argmap.ui.export_dialog import ExportChoice, ExportDialog, build_scene, write_export
from argmap.ui.main_window import MainWindow
from argmap.ui.presentation.window import PresentationWindow
from argmap.ui.recent_files import RecentFiles

SAMPLE = Path(str(resource("sample.argmap.json")))


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    use_settings_folder()
    QSettings().clear()
    win = MainWindow(recent=RecentFiles(tmp_path / "recent.json"))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.open_sample(SAMPLE)
    return win


def _choice(**over: object) -> ExportChoice:
    base = dict(suffix=".png", scope="all", theme="light", direction=None, scale=1.0,
                transparent=False, legend=False, weights=False)  # fmt: skip
    base.update(over)
    return ExportChoice(**base)  # type: ignore[arg-type]


def test_scenario_panes_are_docked_and_in_front_for_a_map_with_scenarios(
    window: MainWindow,
) -> None:
    docks = window._docks  # noqa: SLF001
    assert {"Sources", "Inspector", "Scenarios", "ACH matrix", "Sensitivity"} <= set(docks)
    assert not docks["ACH matrix"].isVisible()
    titles = [a.text() for a in window.panes_menu.actions()]
    assert "ACH matrix" in titles and "Sensitivity" in titles
    docks["ACH matrix"].toggleViewAction().trigger()
    assert docks["ACH matrix"].isVisible()


def test_f5_presents_the_map_and_escape_returns(window: MainWindow, qtbot: QtBot) -> None:
    window.actions_by_name["present"].trigger()
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PresentationWindow)]
    assert shown and shown[-1].isVisible()
    qtbot.keyClick(shown[-1], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown[-1].isVisible(), timeout=3000)


@pytest.mark.parametrize("scope", ["all", "selection", "subtree"])
def test_export_writes_each_scope_and_png_size_follows_the_scale(
    tmp_path: Path, qtbot: QtBot, scope: str
) -> None:
    doc = load_map(SAMPLE)
    selection = ["s-sc-attrition"]
    small = build_scene(doc, _choice(scope=scope), selection, None)
    write_export(small, tmp_path / "one.png", _choice(scope=scope, scale=1.0))
    write_export(small, tmp_path / "two.png", _choice(scope=scope, scale=2.0))
    one, two = QImage(str(tmp_path / "one.png")), QImage(str(tmp_path / "two.png"))
    assert one.width() > 0 and abs(two.width() - 2 * one.width()) <= 2
    write_export(small, tmp_path / "map.svg", _choice(scope=scope, suffix=".svg"))
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "War of attrition continues" in svg
    if scope != "all":
        assert "Ceasefire deal within a year" not in svg  # only the chosen part


def test_export_dialog_previews_the_map_and_remembers_choices(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = ExportDialog(window.controller.doc, [], {"s-sc-attrition": 0.66}, parent=window)
    qtbot.addWidget(dialog)
    dialog._refresh()  # noqa: SLF001
    pixmap = dialog._preview.pixmap()  # noqa: SLF001
    assert not pixmap.isNull() and pixmap.width() > 100
    assert "px" in dialog._size_note.text()  # noqa: SLF001
    dialog.theme.setCurrentText("Projector, dark")
    dialog._save()  # noqa: SLF001
    again = ExportDialog(window.controller.doc, [], None, parent=window)
    qtbot.addWidget(again)
    assert again.theme.currentText() == "Projector, dark"


def test_adding_articles_is_undoable_and_bad_files_are_reported(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    before = window.controller.doc.model_dump()
    bad = tmp_path / "photo.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    fresh = tmp_path / "new.txt"
    fresh.write_text(
        "Talks resume in Geneva\n\nNegotiators met on Tuesday and agreed to meet again.",
        encoding="utf-8",
    )
    seed = Path(str(seed_articles()[0]))
    window_actions.report_import(window, [str(seed), str(fresh), str(bad)])
    sources = window.controller.doc.sources
    assert [s.title for s in sources[-1:]] == ["Talks resume in Geneva"]
    assert len(sources) == len(before["sources"]) + 1  # the seed is already in the map
    assert "photo.html" in shown[-1] and "Already in the map" in shown[-1]
    window.controller.undo_stack.undo()
    assert window.controller.doc.model_dump() == before


def test_shortcut_help_is_generated_from_the_live_actions(window: MainWindow) -> None:
    rows = dict(window_actions.shortcut_rows(window))
    assert rows["Save"] == "Ctrl+S"
    assert rows["Present"] == "F5"
    assert rows["Export"] == "Ctrl+E"


def test_saving_over_a_file_changed_by_another_program_asks_first(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.argmap.json"
    assert window._save_to(path)  # noqa: SLF001
    path.write_text(path.read_text(encoding="utf-8").replace("Kremlin", "K"), encoding="utf-8")
    asked: list[str] = []

    def refuse(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    window.controller.set_statement_field("s-sc-deal", "text", "Ceasefire deal by spring")
    assert not window._save_to(path)  # noqa: SLF001
    assert asked and "changed by another program" in asked[0]
    assert "Kremlin" not in path.read_text(encoding="utf-8")  # their change kept
