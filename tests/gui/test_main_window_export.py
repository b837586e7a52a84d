"""File ▸ Export: the dialog writes PNG, SVG and PDF for every scope, remembers choices,
explains failures; File ▸ Export as writes the interchange formats."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui.main_window_fixtures import small_map_window
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from argmap.ui.import_export.export_dialog import ExportDialog
from argmap.ui.import_export.interop_actions import export_formats
from argmap.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    yield from small_map_window(qtbot, tmp_path, monkeypatch)


SCOPES = ["map", "selection", "subtree"]
# Which statements each scope exports when s-a and s-c are selected (s-c current).
EXPECTED = {
    "map": {"s-q", "s-a", "s-b", "s-c", "s-e", "s-o"},
    "selection": {"s-a", "s-c"},
    "subtree": {"s-c", "s-o"},
}


def _dialog(win: MainWindow, **options: object) -> ExportDialog:
    win.controller.set_selection(["s-a", "s-c"])
    dialog = win.exports.dialog()
    for name, value in options.items():
        dialog.set_option(name, value)
    return dialog


def _text_of(win: MainWindow, ids: set[str]) -> set[str]:
    return {win.controller.index.statement(s).text for s in ids}


@pytest.mark.parametrize("scope", SCOPES)
def test_png_export_of_each_scope_scales_with_the_scale_option(
    window: MainWindow, tmp_path: Path, scope: str
) -> None:
    sizes = []
    for scale in (1.0, 2.0):
        dialog = _dialog(window, format="png", scope=scope, scale=scale, legend=False)
        assert dialog.scene is not None
        assert set(dialog.scene.layout.cards) == EXPECTED[scope]
        out = tmp_path / f"{scope}-{scale}.png"
        assert dialog.export_to(out)
        assert out.stat().st_size > 0
        image = QImage(str(out))
        sizes.append((image.width(), image.height()))
    (w1, h1), (w2, h2) = sizes
    assert abs(w2 - 2 * w1) <= 2 and abs(h2 - 2 * h1) <= 2


@pytest.mark.parametrize("scope", SCOPES)
def test_svg_export_of_each_scope_holds_the_statements_text(
    window: MainWindow, tmp_path: Path, scope: str
) -> None:
    dialog = _dialog(window, format="svg", scope=scope)
    out = tmp_path / f"{scope}.svg"
    assert dialog.export_to(out)
    root = ET.parse(out).getroot()
    words = " ".join(t for el in root.iter() if el.tag.endswith("text") for t in el.itertext())
    for text in _text_of(window, EXPECTED[scope]):
        assert all(word in words for word in text.split())
    left_out = _text_of(window, EXPECTED["map"] - EXPECTED[scope])
    assert not any(text in words for text in left_out)


@pytest.mark.parametrize("scope", SCOPES)
def test_pdf_export_of_each_scope_has_extractable_text(
    window: MainWindow, tmp_path: Path, scope: str
) -> None:
    dialog = _dialog(window, format="pdf", scope=scope, theme="dark")
    out = tmp_path / f"{scope}.pdf"
    assert dialog.export_to(out)
    assert out.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    squashed = " ".join(text.split())
    for statement in _text_of(window, EXPECTED[scope]):
        assert statement.split()[0] in squashed


def test_the_preview_is_drawn_and_follows_the_theme(window: MainWindow) -> None:
    dialog = _dialog(window, format="png", theme="light")
    light = dialog.preview.pixmap().toImage()
    assert not light.isNull() and light.width() > 50
    dialog.set_option("theme", "dark")
    dark = dialog.preview.pixmap().toImage()
    corner_light, corner_dark = light.pixelColor(2, 2), dark.pixelColor(2, 2)
    assert corner_light.lightness() > 200
    assert corner_dark.lightness() < 60


def test_scopes_without_a_selection_are_disabled(window: MainWindow) -> None:
    window.controller.set_selection([])
    dialog = window.exports.dialog()
    model = dialog.scope_box.model()
    enabled = [model.item(i).isEnabled() for i in range(model.rowCount())]  # type: ignore[attr-defined]
    assert enabled == [True, False, False]


def test_choices_are_remembered_for_the_next_export(window: MainWindow, tmp_path: Path) -> None:
    dialog = _dialog(
        window,
        format="svg",
        scope="selection",
        theme="projector-dark",
        direction="TB",
        legend=False,
    )
    assert dialog.export_to(tmp_path / "map.svg")
    window.exports.remember(dialog)
    again = window.exports.dialog().options()
    assert (again.format, again.theme, again.direction, again.legend) == (
        "svg", "projector-dark", "TB", False,
    )  # fmt: skip
    assert again.scope == "selection"


def test_a_failed_export_is_explained_and_nothing_crashes(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    dialog = _dialog(window, format="png")
    target = tmp_path / "no such folder" / "map.png"
    assert not dialog.export_to(target)
    assert shown and "map.png" in shown[0]
    assert not target.exists()


def test_export_as_writes_each_interchange_format(window: MainWindow, tmp_path: Path) -> None:
    names = {f.name for f in export_formats()}
    assert {"argdown", "aif", "graphml", "dot", "markdown", "ach-csv"} <= names
    for fmt in export_formats():
        assert window.interop.export_to(tmp_path / f"out-{fmt.name}", fmt)
        written = tmp_path / f"out-{fmt.name}{fmt.suffixes[0]}"
        assert written.stat().st_size > 0
    assert "Will a ceasefire hold?" in (tmp_path / "out-markdown.md").read_text()
