"""Presentation mode as a facilitator drives it: keys, clicker keys, blanking, quotes, text size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from argmap.analysis.report import analyze
from argmap.model import ArgMap
from argmap.resources import resource
from argmap.ui.presentation import PresentationWindow
from argmap.ui.presentation.stage import MIN_TEXT_PX_1080
from argmap.ui.presentation.weights_strip import prior_weights, scenario_weights

W, H = 1920, 1080


@pytest.fixture(scope="module")
def sample() -> ArgMap:
    return ArgMap.model_validate_json(resource("sample.argmap.json").read_text(encoding="utf-8"))


@pytest.fixture
def window(qtbot: QtBot, sample: ArgMap) -> PresentationWindow:
    win = PresentationWindow(sample)
    qtbot.addWidget(win)
    win.stage.glide_ms = 0  # step changes land at once; one test below watches the glide
    win.resize(W, H)
    win.show()
    qtbot.waitExposed(win)
    win.stage.go(0, animate=False)
    assert (win.stage.width(), win.stage.height()) == (W, H)
    return win


def _grab(win: PresentationWindow) -> QImage:
    QApplication.processEvents()
    return win.grab().toImage()


def _pixels(img: QImage, points: list[tuple[float, float]]) -> list[QColor]:
    return [img.pixelColor(round(x * img.width()), round(y * img.height())) for x, y in points]


SPOTS = [(0.05, 0.05), (0.5, 0.5), (0.3, 0.4), (0.95, 0.9), (0.7, 0.2), (0.2, 0.8)]


def test_step_keys_and_clicker_keys_move_through_the_reveal(
    qtbot: QtBot, window: PresentationWindow
) -> None:
    stage = window.stage
    seen = [set(stage.visible_statements())]
    for key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down):
        qtbot.keyClick(window, key)
        seen.append(set(stage.visible_statements()))
    assert stage.index == 4
    for before, after in zip(seen, seen[1:], strict=False):
        assert before < after  # each step reveals more, hides nothing
    for key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up):
        qtbot.keyClick(window, key)
    assert stage.index == 0
    assert set(stage.visible_statements()) == seen[0]
    qtbot.keyClick(window, Qt.Key.Key_End)  # the closing summary, after the weights' reveal
    assert [s.kind for s in stage.slides[-2:]] == ["weights", "summary"]
    assert stage.index == len(stage.steps) + 1 and stage.on_summary
    assert stage.visible_statements() == {s.id for s in window.stage.doc.statements}
    qtbot.keyClick(window, Qt.Key.Key_Right)  # past the end: stays
    assert stage.index == len(stage.steps) + 1
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert stage.index == 0 and stage.progress_text() == f"1 / {len(stage.steps) + 2}"


def test_b_and_period_blank_the_screen_black_and_w_white(
    qtbot: QtBot, window: PresentationWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Right)
    normal = _pixels(_grab(window), SPOTS)
    assert any(c != QColor("#000000") for c in normal)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert all(c == QColor("#000000") for c in _pixels(_grab(window), SPOTS))
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert _pixels(_grab(window), SPOTS) == normal
    qtbot.keyClick(window, Qt.Key.Key_Period)  # what clickers send for "blank"
    assert all(c == QColor("#000000") for c in _pixels(_grab(window), SPOTS))
    index = window.stage.index
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # first press only lifts the curtain
    assert window.blanked is None and window.stage.index == index
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert all(c == QColor("#FFFFFF") for c in _pixels(_grab(window), SPOTS))


def test_q_shows_the_current_statements_quotes_with_their_article(
    qtbot: QtBot, window: PresentationWindow, sample: ArgMap
) -> None:
    stage = window.stage
    target = next(s for s in stage.steps if s.current == "s-economy-degrading")
    stage.go(target.index, animate=False)
    statement = sample.statement("s-economy-degrading")
    before = _grab(window)
    qtbot.keyClick(window, Qt.Key.Key_Q)
    assert window.callout.isVisible()
    shown = window.callout.visible_entries()
    assert [e.exact for e in shown] == [sample.quote(q).exact for q in statement.quotes]
    for qid, entry in zip(statement.quotes, shown, strict=True):
        source = sample.source(sample.quote(qid).source)
        assert source.title is not None and source.title in entry.source_line
    assert _grab(window) != before  # the callout is painted over the stage
    qtbot.keyClick(window, Qt.Key.Key_Q)
    assert not window.callout.isVisible()


def test_tab_moves_the_quote_focus_to_a_revealed_card(
    qtbot: QtBot, window: PresentationWindow, sample: ArgMap
) -> None:
    stage = window.stage
    target = next(s for s in stage.steps if s.current == "s-economy-degrading")
    stage.go(target.index, animate=False)
    qtbot.keyClick(window, Qt.Key.Key_Tab)
    focus = stage.focus
    assert focus == target.revealed[0]
    qtbot.keyClick(window, Qt.Key.Key_Q)
    quote = sample.quote(sample.statement(focus).quotes[0])
    assert [e.exact for e in window.callout.visible_entries()] == [quote.exact]
    assert sample.source(quote.source).title in window.callout.visible_entries()[0].source_line


def test_a_scenario_without_quotes_shows_its_reasons_sources(
    qtbot: QtBot, window: PresentationWindow, sample: ArgMap
) -> None:
    stage = window.stage
    stage.go(next(s.index for s in stage.steps if s.current == "s-sc-deal"), animate=False)
    assert not sample.statement("s-sc-deal").quotes
    qtbot.keyClick(window, Qt.Key.Key_Q)
    entries = window.callout.visible_entries()
    assert entries and {e.statement_id for e in entries} <= set(stage.step.revealed)


def test_escape_closes_the_callout_then_leaves(qtbot: QtBot, window: PresentationWindow) -> None:
    window.stage.go(len(window.stage.steps) - 1)
    qtbot.keyClick(window, Qt.Key.Key_Q)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.callout.isVisible() and window.isVisible()
    with qtbot.waitSignal(window.finished, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_card_text_never_drops_below_28_px_at_1080p(window: PresentationWindow) -> None:
    stage = window.stage
    for step in stage.steps:
        stage.go(step.index, animate=False)
        assert stage.text_px() >= MIN_TEXT_PX_1080
        # The current statement is on screen, whole, clear of the weights panel.
        rect = stage.card_screen_rect(step.current)
        assert rect is not None
        assert stage.rect().contains(rect.toAlignedRect())
        assert not rect.intersects(window.strip.geometry().toRectF())


@pytest.mark.parametrize("size", [(W, H), (1280, 800), (1024, 768), (3840, 2160)])
def test_new_reasons_are_framed_on_screen_at_readable_size(
    window: PresentationWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    stage = window.stage
    safe = stage.safe_rect()
    for step in stage.steps[1:]:
        stage.go(step.index, animate=False)
        for sid in step.revealed:
            rect = stage.card_screen_rect(sid)
            assert rect is not None
            assert safe.adjusted(-1, -1, 1, 1).contains(rect), (step.index, sid)
        assert stage.text_px() >= MIN_TEXT_PX_1080 * size[1] / 1080 - 1e-6


def test_camera_glides_to_the_next_argument(qtbot: QtBot, window: PresentationWindow) -> None:
    stage = window.stage
    stage.glide_ms = 300
    stage.go(2, animate=False)
    start = stage.camera
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert stage.animating
    qtbot.waitUntil(lambda: stage.camera != start, timeout=1000)
    middle = stage.camera
    qtbot.waitUntil(lambda: not stage.animating, timeout=2000)
    end = stage.camera
    assert middle != end
    assert start != end
    stage.go(3, animate=False)
    assert stage.camera == end  # the glide ended where the step's framing is


def test_f_frames_the_whole_revealed_map_and_back(qtbot: QtBot, window: PresentationWindow) -> None:
    stage = window.stage
    stage.go(len(stage.steps) - 1)
    framed = stage.camera
    qtbot.keyClick(window, Qt.Key.Key_F)
    for sid in stage.visible_statements():
        rect = stage.card_screen_rect(sid)
        assert rect is not None and stage.rect().contains(rect.toAlignedRect())
    qtbot.keyClick(window, Qt.Key.Key_F)
    assert stage.camera == framed


def test_t_switches_to_the_dark_projector_theme(qtbot: QtBot, window: PresentationWindow) -> None:
    corner = (0.02, 0.5)
    assert _pixels(_grab(window), [corner])[0] == QColor("#FFFFFF")
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert window.theme_name == "projector-dark"
    assert _pixels(_grab(window), [corner])[0] == QColor("#000000")
    qtbot.keyClick(window, Qt.Key.Key_T)
    assert window.theme_name == "projector"


def test_s_toggles_the_weights_strip_and_the_camera_makes_room(
    qtbot: QtBot, window: PresentationWindow, sample: ArgMap
) -> None:
    weights = scenario_weights(sample)
    assert abs(sum(w.weight for w in weights) - 1.0) < 1e-9
    assert [w.statement_id for w in weights] == [
        s.id for s in sample.statements if s.kind.value == "scenario"
    ]
    live = {s.id: s.weight for s in analyze(sample).scenarios}
    assert {w.statement_id: w.weight for w in window.strip.weights} == live
    stage = window.stage
    # Not from slide 1: the weights would give the conclusion away before the discussion.
    assert not window.strip.isVisible() and not stage.weights_shown
    wide = stage.safe_rect().width()
    qtbot.keyClick(window, Qt.Key.Key_S)  # shown early, on the presenter's choice
    assert window.strip.isVisible() and stage.weights_shown
    assert stage.safe_rect().width() < wide
    qtbot.keyClick(window, Qt.Key.Key_S)
    assert not window.strip.isVisible()
    assert stage.safe_rect().width() == wide
    stage.go(len(stage.steps))  # the reveal slide after the last step
    assert stage.slide is not None and stage.slide.kind == "weights"
    assert window.strip.isVisible() and stage.weights_shown
    for sid in live:  # the scenario cards, with their badges, framed clear of the panel
        rect = stage.card_screen_rect(sid)
        assert rect is not None and stage.safe_rect().adjusted(-1, -1, 1, 1).contains(rect)


def test_clicking_a_card_focuses_it_and_clicking_space_advances(
    qtbot: QtBot, window: PresentationWindow
) -> None:
    stage = window.stage
    stage.go(1, animate=False)
    sid = stage.step.revealed[1]
    rect = stage.card_screen_rect(sid)
    assert rect is not None
    qtbot.mouseClick(stage, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert stage.focus == sid and stage.index == 1
    qtbot.mouseClick(stage, Qt.MouseButton.LeftButton, pos=QPoint(5, H - 5))
    assert stage.index == 2


def test_an_edited_map_keeps_the_current_statement(
    window: PresentationWindow, sample: ArgMap
) -> None:
    stage = window.stage
    stage.go(next(s.index for s in stage.steps if s.current == "s-sc-attrition"), animate=False)
    edited = sample.model_copy(deep=True)
    edited.statements = [s for s in edited.statements if s.id != "s-ev-lavrov"]
    edited.inferences = [i for i in edited.inferences if i.id != "i-lavrov"]
    stage.set_document(edited)
    assert stage.step is not None and stage.step.current == "s-sc-attrition"
    assert "s-ev-lavrov" not in stage.steps[-1].statements


def test_empty_map_presents_without_crashing(qtbot: QtBot) -> None:
    win = PresentationWindow(ArgMap())
    qtbot.addWidget(win)
    win.resize(800, 450)
    win.show()
    qtbot.keyClick(win, Qt.Key.Key_Right)
    qtbot.keyClick(win, Qt.Key.Key_Q)
    assert win.stage.progress_text() == "0 / 0"
    assert not win.grab().isNull()


def test_prior_weights_are_normalised_priors(sample: ArgMap) -> None:
    weights = {w.statement_id: w.weight for w in prior_weights(sample)}
    priors = {s.id: s.prior for s in sample.statements if s.prior is not None}
    total = sum(priors.values())
    assert weights == pytest.approx({k: v / total for k, v in priors.items()})
