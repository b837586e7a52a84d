"""``argmap export MAP -o handout.pdf --paper a4|letter``: every page A4 or Letter, every
statement's text on some page, every card whole on some page (tiles overlap by more than
the largest card), the question, legend and sources on the first page."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gui.deck_maps import deck_map, three_card_map
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from argmap.export.handout import plan_tiles, tile_origins
from argmap.export.map_scene import prepare
from argmap.io.map_file import save_map
from argmap.model import ArgMap
from argmap.resources import resource

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) is not installed here; CI installs it",
)
PAGE_PT = {"a4": ("595 x 842 pts", "842 x 595 pts"), "letter": ("612 x 792 pts", "792 x 612 pts")}


def _export(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", "export", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _pdf_pages(pdf: Path) -> list[str]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [
        line.split(":", 1)[1].strip()
        for line in info.splitlines()
        if "size:" in line and "Page" in line
    ]


def _texts(pdf: Path, first: int, last: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(first), "-l", str(last), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return _squeezed(out)


@needs_poppler
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("which", ["sample", "three", "generated"])
def test_handout_pages_are_paper_sized_and_hold_every_statement(
    tmp_path: Path, paper: str, which: str
) -> None:
    if which == "sample":
        source = resource("sample.argmap.json")
        doc = ArgMap.model_validate_json(source.read_text(encoding="utf-8"))
    else:
        doc = three_card_map() if which == "three" else deck_map(5)
        source = tmp_path / "map.argmap.json"
        save_map(doc, source)
    out = tmp_path / "handout.pdf"
    done = _export([str(source), "--paper", paper, "-o", str(out)])
    assert done.returncode == 0, done.stderr
    sizes = _pdf_pages(out)
    assert sizes and all(s.startswith(PAGE_PT[paper]) for s in sizes), sizes
    assert sizes[0].startswith(PAGE_PT[paper][0])  # the first page upright
    everything = _texts(out, 1, len(sizes))
    scene = prepare(doc.model_copy(update={"view": doc.view.model_copy(update={"collapsed": []})}))
    for card in scene.layout.cards.values():
        assert _squeezed(" ".join(card.lines)) in everything, card.statement_id
    first = _texts(out, 1, 1)
    assert _squeezed(doc.statement(doc.question).text) in first
    assert "LEGEND" in first
    if doc.sources:
        assert "Sources" in first
    if which == "three":
        assert len(sizes) == 1 and "fitted on 1 page" in done.stdout


def test_tiles_overlap_so_every_card_is_whole_on_some_page(qtbot: QtBot) -> None:
    doc = ArgMap.model_validate_json(resource("sample.argmap.json").read_text(encoding="utf-8"))
    doc.view.collapsed = []
    for direction in ("TB", "LR"):
        scene = prepare(doc, direction=direction)  # type: ignore[arg-type]
        content = QRectF(48, 48, 698, 1026)  # A4 at 96 dpi less half-inch margins
        scale = 0.667
        tiles = plan_tiles(scene, scale, content)
        assert len(tiles) > 1
        for card in scene.layout.cards.values():
            b = card.box
            assert any(
                t.x <= b.x and b.right <= t.x + t.w and t.y <= b.y and b.bottom <= t.y + t.h
                for t in tiles
            ), card.statement_id
        r = scene.rect  # the tiles cover the whole map
        assert min(t.x for t in tiles) <= r.x and max(t.x + t.w for t in tiles) >= r.right - 1e-6
        assert min(t.y for t in tiles) <= r.y and max(t.y + t.h for t in tiles) >= r.bottom - 1e-6


def test_tile_origins_share_the_overlap() -> None:
    assert tile_origins(500, 600, 100) == [0.0]
    xs = tile_origins(2000, 600, 150)
    assert xs[0] == 0 and xs[-1] == 1400
    assert all(b - a <= 450 for a, b in zip(xs, xs[1:], strict=False))  # overlap >= 150
