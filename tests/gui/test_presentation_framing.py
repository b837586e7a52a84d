"""Every step of a deck frames what it presents: each card the step reveals or highlights
lies whole inside the stage, clear of the header, the weights panel and the progress,
at 720p, 1080p and 2160p, top-down and left-to-right; a card too big is made smaller,
never cut."""

from __future__ import annotations

import pytest
from gui.deck_maps import deck_map, three_card_map
from PySide6.QtCore import QRectF, Qt
from pytestqt.qtbot import QtBot

from argmap.model import ArgMap
from argmap.ui.presentation import PresentationWindow
from argmap.ui.presentation.stage import MIN_TEXT_PX_1080

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]
SEEDS = range(10)


def _window(qtbot: QtBot, doc: ArgMap, direction: str, size: tuple[int, int]) -> PresentationWindow:
    win = PresentationWindow(doc, direction=direction)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.stage.glide_ms = 0
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


def _problems(win: PresentationWindow, label: str) -> list[str]:
    """Cards a slide promises and does not show whole and clear of every overlay."""
    stage = win.stage
    visible = QRectF(stage.rect())
    overlays = win.overlay_rects()
    assert win.strip.isVisible() == (len(overlays) == 3)
    step = stage.step
    assert step is not None
    must = set(stage.framed)
    slide = stage.slide
    assert slide is not None
    if slide.kind == "step":
        must |= {step.current, *step.revealed}
    must |= stage.highlighted()  # every card with a halo, too
    problems = []
    for sid in sorted(must):
        r = stage.card_screen_rect(sid)
        if r is None:
            problems.append(f"{label} {sid}: not laid out")
            continue
        inner = r.adjusted(0.5, 0.5, -0.5, -0.5)
        if not visible.contains(inner):
            problems.append(f"{label} {sid}: {r} outside the stage")
        problems += [f"{label} {sid}: under {o}" for o in overlays if o.intersects(inner)]
    return problems


def _walk(win: PresentationWindow, label: str) -> list[str]:
    stage = win.stage
    problems: list[str] = []
    for k, slide in enumerate(stage.slides):
        if slide.kind == "summary":
            continue
        stage.go(k, animate=False)
        problems += _problems(win, f"{label} slide {k}")
    return problems


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("size", SIZES)
def test_every_slide_of_generated_maps_frames_its_cards(
    qtbot: QtBot, direction: str, size: tuple[int, int]
) -> None:
    problems: list[str] = []
    for seed in SEEDS:
        win = _window(qtbot, deck_map(seed), direction, size)
        problems += _walk(win, f"seed {seed}")
        qtbot.keyClick(win, Qt.Key.Key_S)  # the weights shown early: the panel takes room
        problems += _walk(win, f"seed {seed} weights early")
        win.close()
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("size", SIZES)
def test_the_attacking_premise_of_the_three_card_map_is_on_screen(
    qtbot: QtBot, direction: str, size: tuple[int, int]
) -> None:
    win = _window(qtbot, three_card_map(), direction, size)
    stage = win.stage
    for early in (False, True):
        if early:
            qtbot.keyClick(win, Qt.Key.Key_S)
        last = len(stage.steps) - 1
        stage.go(last, animate=False)
        assert stage.step is not None and stage.step.revealed == ("p",)
        assert not _problems(win, "last step")
        assert stage.text_px() >= MIN_TEXT_PX_1080 * size[1] / 1080 - 1e-6


def test_a_card_too_big_for_the_screen_is_scaled_not_cut(qtbot: QtBot) -> None:
    doc = three_card_map()
    long = " ".join(["mobilising reserves along the whole front"] * 60)
    doc.statements[1].text = doc.statements[3].text = long  # two 14-line cards, one above
    win = _window(qtbot, doc, "TB", (1280, 720))  # the other: taller than the screen
    stage = win.stage
    stage.go(len(stage.steps) - 1, animate=False)
    assert not _problems(win, "long card")
    assert stage.text_px() < MIN_TEXT_PX_1080 * 720 / 1080  # smaller, so it fits whole


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_cards_out_of_frame_that_the_header_would_cut_are_faded(
    qtbot: QtBot, direction: str
) -> None:
    cut = faded = 0
    for seed in SEEDS:
        win = _window(qtbot, deck_map(seed), direction, (1920, 1080))
        stage = win.stage
        edge = stage.header_rect().bottom()
        for k in range(len(stage.steps)):
            stage.go(k, animate=False)
            under = stage.under_header()
            assert not under & stage.framed
            for sid in stage.frames.frame(k).layout.cards:
                r = stage.card_screen_rect(sid)
                assert r is not None
                if r.right() > 0 and r.left() < 1920 and r.top() < edge - 0.5 < r.bottom() - 1:
                    cut += 1
                    faded += sid in under
        win.close()
    assert faded == cut
