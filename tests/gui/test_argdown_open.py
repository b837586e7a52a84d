"""Argdown in the window: File ▸ Open, File ▸ Import and a drop on the canvas open an
``.argdown`` file as a new, unsaved map; a broken file is explained with its line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import small_map_window
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from argmap.model import InferenceKind
from argmap.ui.window.main_window import MainWindow

DEBATE = """===
title: Bridge debate
===

[Bridge]: The city should build a new bridge.
  + <Traffic>: Traffic jams cost commuters an hour a day. #pro
  - [Cost]: The bridge costs too much. {credibility: 0.6}

// a comment the import reports as dropped
"""


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


def _debate(tmp_path: Path) -> Path:
    path = tmp_path / "bridge.argdown"
    path.write_text(DEBATE, encoding="utf-8")
    return path


def _assert_debate_open(window: MainWindow) -> None:
    c = window.controller
    texts = [s.text for s in c.doc.statements]
    assert texts == [
        "The city should build a new bridge.",
        "Traffic jams cost commuters an hour a day.",
        "The bridge costs too much.",
    ]
    assert [i.kind for i in c.doc.inferences] == [InferenceKind.SUPPORT, InferenceKind.ATTACK]
    assert c.doc.title == "Bridge debate"
    assert c.doc.statements[2].credibility == 0.6
    assert c.path is None and c.is_dirty  # saving asks where
    assert len(window.view.scene().items()) > 3  # the cards are drawn


def test_file_open_reads_argdown(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _debate(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(MainWindow, "maybe_save", lambda _self: True)
    window.open_dialog()
    _assert_debate_open(window)


def test_file_import_reads_argdown_and_lists_what_it_dropped(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _debate(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(MainWindow, "maybe_save", lambda _self: True)
    window.actions_by_name["import_aif"].trigger()
    _assert_debate_open(window)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    details = [b.detailedText() for b in boxes if b.isVisible()]
    assert any("1 comments dropped" in d for d in details)
    for box in boxes:
        box.close()


def test_an_argdown_file_dropped_on_the_canvas_opens(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MainWindow, "maybe_save", lambda _self: True)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_debate(tmp_path)))])
    viewport = window.view.viewport()
    at = QPointF(viewport.width() / 2, viewport.height() / 2)
    none, mods = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, mime, none, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(at, Qt.DropAction.CopyAction, mime, none, mods)
    QApplication.sendEvent(viewport, drop)
    qtbot.waitUntil(lambda: window.controller.doc.title == "Bridge debate")
    _assert_debate_open(window)
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox):
            box.close()


def test_a_broken_argdown_file_is_explained_and_the_map_kept(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = window.controller.doc.model_dump()
    broken = tmp_path / "broken.argdown"
    broken.write_text("[A]: a\n\n  + [B]: b\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    monkeypatch.setattr(MainWindow, "maybe_save", lambda _self: True)
    assert not window.imports.open_map_file(broken)
    assert shown and "broken.argdown: line 3, column 1" in shown[0]
    assert window.controller.doc.model_dump() == before
