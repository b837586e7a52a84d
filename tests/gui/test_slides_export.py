"""``argmap export MAP --slides``: one 16:9 page per slide, each holding the texts of
exactly the cards the room sees on that slide (read back with poppler's pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gui.deck_maps import code_word, deck_map
from pytestqt.qtbot import QtBot

from argmap.io.map_file import save_map
from argmap.model import ArgMap
from argmap.resources import resource
from argmap.ui.presentation.slide_render import SlideRenderer

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) is not installed here; CI installs it",
)


def _export(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", "export", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _page_text(pdf: Path, page: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return "".join(out.split())  # wrapped lines and columns: compare without whitespace


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _pages(pdf: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    return int(fields["Pages"]), fields["Page size"].strip()


def _check_deck(pdf: Path, doc: ArgMap, direction: str, codes: dict[str, str] | None) -> None:
    renderer = SlideRenderer(doc, direction=direction)  # type: ignore[arg-type]
    try:
        count, size = _pages(pdf)
        assert count == renderer.count()
        assert size.startswith("960 x 540 pts")
        for k, slide in enumerate(renderer.slides):
            text = _page_text(pdf, k + 1)
            shown = renderer.texts(k)
            assert shown, k
            for sid, drawn in shown.items():
                assert _squeezed(drawn) in text, (k, sid, drawn)
            if slide.kind == "summary":
                continue
            step = renderer.window.stage.step
            assert step is not None
            for st in doc.statements:
                if st.id in step.statements:
                    continue
                unseen = codes[st.id] if codes else _squeezed(st.text)
                assert unseen not in text, (k, st.id, "not revealed yet, but on the page")
    finally:
        renderer.close()


@needs_poppler
def test_the_sample_deck_has_one_page_per_slide_with_its_cards(
    qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "deck.pdf"
    sample = resource("sample.argmap.json")
    done = _export([str(sample), "--slides", "-o", str(out)])
    assert done.returncode == 0, done.stderr
    assert "slides, 16:9" in done.stdout
    doc = ArgMap.model_validate_json(sample.read_text(encoding="utf-8"))
    _check_deck(out, doc, "LR", None)  # presentation mode's layout, whatever the map's


@needs_poppler
@pytest.mark.parametrize(("seed", "direction"), [(1, "LR"), (2, "TB"), (3, "LR")])
def test_generated_decks_show_on_each_page_exactly_what_was_revealed(
    qtbot: QtBot, tmp_path: Path, seed: int, direction: str
) -> None:
    doc = deck_map(seed)
    path = tmp_path / "map.argmap.json"
    save_map(doc, path)
    out = tmp_path / "deck.pdf"
    done = _export([str(path), "--slides", "--direction", direction, "-o", str(out)])
    assert done.returncode == 0, done.stderr
    codes = {s.id: code_word(seed, int(s.id[2:])) for s in doc.statements}
    _check_deck(out, doc, direction, codes)


def test_slides_as_pngs_one_per_slide_at_16_9(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "deck.png"
    done = _export([str(resource("sample.argmap.json")), "--slides", "-o", str(out)])
    assert done.returncode == 0, done.stderr
    files = sorted(tmp_path.glob("deck-*.png"))
    doc = ArgMap.model_validate_json(resource("sample.argmap.json").read_text(encoding="utf-8"))
    renderer = SlideRenderer(doc)
    assert len(files) == renderer.count()
    from PySide6.QtGui import QImage  # noqa: PLC0415

    first = QImage(str(files[0]))
    assert (first.width(), first.height()) == (1920, 1080)
    assert first == renderer.image(0).convertToFormat(first.format())  # the room's picture
    renderer.close()


def test_slides_refuse_svg_and_paper_together(tmp_path: Path) -> None:
    sample = str(resource("sample.argmap.json"))
    done = _export([sample, "--slides", "-o", str(tmp_path / "d.svg")])
    assert done.returncode == 2 and "--slides makes a PDF or PNGs" in done.stderr
    done = _export([sample, "--slides", "--paper", "a4", "-o", str(tmp_path / "d.pdf")])
    assert done.returncode == 2 and "choose one" in done.stderr
    assert not list(tmp_path.iterdir())
