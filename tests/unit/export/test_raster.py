"""PNG and PDF export as a user sees it: size, colours at card centres, extractable text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from layout_maps import ceasefire_map
from PySide6.QtGui import QColor, QGuiApplication, QImage

from argmap.export import raster
from argmap.export.map_scene import prepare
from argmap.export.themes import THEMES


@pytest.fixture(scope="module")
def app(qapp: QGuiApplication) -> QGuiApplication:
    """pytest-qt's application: a QGuiApplication made here first would make every later
    test needing a QApplication (pytest-qt's ``qapp``) fail, whatever the order."""
    return qapp


def _close(a: QColor, hex_code: str, tol: int = 6) -> bool:
    b = QColor(hex_code)
    return all(abs(x - y) <= tol for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.mark.parametrize("theme_name", ["light", "dark", "projector", "projector-dark"])
def test_png_size_and_card_fill_colours(
    app: QGuiApplication, tmp_path: Path, theme_name: str
) -> None:
    scene = prepare(ceasefire_map(), theme_name)
    out = tmp_path / "map.png"
    result = raster.write_png(scene, out, scale=1.5)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (result.width, result.height)
    assert image.width() == round(scene.rect.w * 1.5)
    th = THEMES[theme_name]
    r = scene.rect
    for card in scene.layout.cards.values():
        # a point inside the card, below its text, away from the edges
        px = (card.box.x + 7 * th.scale - r.x) * 1.5
        py = (card.box.y + card.box.h * 0.5 - r.y) * 1.5
        colour = image.pixelColor(round(px), round(py))
        assert _close(colour, th.kind(card.kind).fill), (card.statement_id, colour.name())
    corner = image.pixelColor(2, 2)
    assert _close(corner, th.background)


def test_transparent_background(app: QGuiApplication, tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    raster.write_png(prepare(ceasefire_map()), out, transparent=True)
    assert QImage(str(out)).pixelColor(1, 1).alpha() == 0


def test_huge_scale_is_capped_with_a_message(
    app: QGuiApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(raster, "MAX_PIXELS", 400_000)
    result = raster.write_png(prepare(ceasefire_map()), tmp_path / "big.png", scale=20)
    assert result.width * result.height <= 400_000
    assert result.scale < 20 and "capped" in result.note


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_has_extractable_text(app: QGuiApplication, tmp_path: Path) -> None:
    doc = ceasefire_map()
    out = tmp_path / "map.pdf"
    raster.write_pdf(prepare(doc, show_legend=True), out)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    flat = " ".join(text.split())
    for s in doc.statements:
        for word in s.text.split()[:3]:
            assert word in flat, word
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(png)], check=True, timeout=60)
    assert list(tmp_path.glob("page*.png"))
