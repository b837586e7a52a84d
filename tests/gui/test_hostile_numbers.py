"""Numbers too big for the canvas reach the window as a message, never as an exception."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window
from layout_maps import ceasefire_map
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from argmap.model.repair import RepairResult
from argmap.ui.window import damaged_map
from argmap.ui.window.damaged_map import repair_summary

HUGE = "1" + "0" * 400


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warn(_parent: QWidget, _title: str, text: str) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return shown


def test_an_ova_file_with_a_400_digit_coordinate(
    qtbot: QtBot, tmp_path: Path, warnings: list[str]
) -> None:
    ova = {
        "AIF": {
            "nodes": [
                {"nodeID": "1", "text": "A claim", "type": "I"},
                {"nodeID": "2", "text": "A reason", "type": "I"},
                {"nodeID": "3", "text": "Default Inference", "type": "RA"},
            ],
            "edges": [
                {"edgeID": "1", "fromID": "2", "toID": "3"},
                {"edgeID": "2", "fromID": "3", "toID": "1"},
            ],
        },
        "OVA": {"nodes": [{"nodeID": "1", "x": "X", "y": 10}]},
    }
    path = tmp_path / "huge.ova.json"
    path.write_text(json.dumps(ova).replace('"X"', HUGE))
    window = make_window(qtbot, tmp_path / "home")
    before = window.controller.doc
    assert not window.interop.open_aif(path)
    assert len(warnings) == 1 and "(401 digits) is off the canvas" in warnings[0]
    assert window.controller.doc is before
    close_window(window)


def test_a_map_with_a_card_pinned_at_1e308(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = ceasefire_map()
    doc.view.pinned = {doc.statements[0].id: (1e308, 0.0)}
    path = tmp_path / "far.argmap.json"
    path.write_text(doc.model_dump_json(), encoding="utf-8")
    offers: list[str] = []

    def decline(_parent: QWidget, _path: Path, error: Exception, result: RepairResult) -> bool:
        offers.append(f"{error}\n{repair_summary(result)}")
        return False

    monkeypatch.setattr(damaged_map, "ask_to_open_repaired", decline)
    window = make_window(qtbot, tmp_path / "home")
    assert not window.open_path(path)  # declined: the window keeps its map
    assert len(offers) == 1 and "off the canvas" in offers[0]
    assert "pinned position dropped" in offers[0]  # what the repair would do
    close_window(window)
