"""Painting the presentation stage: between two steps cards glide to their new places,
new cards fade in and arrows are routed afresh as they move; the current argument is at
full strength, earlier context faded; a breadcrumb along the top and "7 / 23" below."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QLinearGradient, QPainter

from argmap.export.card_painter import CardState, font, paint_card, paint_edge
from argmap.export.themes import mix
from argmap.layout.edge_routing import route_edges
from argmap.layout.geometry import Box, CardLayout
from argmap.model import Statement
from argmap.ui.presentation.step_frames import Frame, StepFrames
from argmap.ui.presentation.summary_slide import paint_summary

if TYPE_CHECKING:
    from argmap.ui.presentation.stage import PresentationStage

CONTEXT_OPACITY = 0.5  # cards shown earlier, away from the current argument
UNDER_HEADER_OPACITY = 0.25  # and faded further where the header would cut one in two
HEADER_1080 = 52.0  # the breadcrumb band along the top, in 1080p pixels
FADE_1080 = 22.0  # below it, the map fades in over this height (framed cards start below)


def tween(
    frames: StepFrames, index: int, from_index: int, t: float
) -> tuple[dict[str, CardLayout], dict[str, float], dict[str, float], Frame]:
    """Cards ``t`` of the way from step ``from_index`` to ``index``: where they are, their
    opacity, the arrows' opacity, and the frame with more cards (whose arrows are drawn)."""
    to = frames.frame(index)
    fr = frames.frame(from_index) if t < 1.0 else to
    richer = to if len(to.layout.cards) >= len(fr.layout.cards) else fr
    to_em, to_arrows = frames.emphasis(index)
    fr_em, fr_arrows = frames.emphasis(from_index) if t < 1.0 else (to_em, to_arrows)
    fade_in = max(0.0, min(1.0, (t - 0.35) / 0.65))
    fade_out = max(0.0, 1.0 - t / 0.5)

    def level(sid: str, em: set[str]) -> float:
        return 1.0 if sid in em else CONTEXT_OPACITY

    cards: dict[str, CardLayout] = {}
    alpha: dict[str, float] = {}
    for sid in richer.layout.cards:
        a = fr.layout.cards.get(sid)
        b = to.layout.cards.get(sid)
        if a is not None and b is not None:
            box = _lerp_box(a.box, b.box, t)
            alpha[sid] = level(sid, fr_em) + (level(sid, to_em) - level(sid, fr_em)) * t
            base = b
        elif b is not None:  # appearing
            box, base = b.box, b
            alpha[sid] = level(sid, to_em) * fade_in
        else:  # disappearing (going back)
            assert a is not None
            box, base = a.box, a
            alpha[sid] = level(sid, fr_em) * fade_out
        cards[sid] = dataclasses.replace(base, box=box)
    arrows: dict[str, float] = {}
    for inf in richer.doc.inferences:
        on_to = 1.0 if inf.id in to_arrows else CONTEXT_OPACITY
        on_fr = 1.0 if inf.id in fr_arrows else CONTEXT_OPACITY
        arrows[inf.id] = on_fr + (on_to - on_fr) * t
    return cards, alpha, arrows, richer


def _lerp_box(a: Box, b: Box, t: float) -> Box:
    return Box(
        a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.w + (b.w - a.w) * t, a.h + (b.h - a.h) * t
    )


def paint_stage(p: QPainter, stage: PresentationStage) -> None:
    """The stage as it is now: the (gliding) step, then the breadcrumb and progress."""
    t = stage.theme
    p.fillRect(stage.rect(), QColor(t.background))
    step = stage.step
    if step is None:
        _paint_empty(p, stage)
        return
    if stage.on_summary:
        paint_summary(p, QRectF(stage.rect()), stage.summary(), t)
        if stage.progress_visible:
            _paint_progress(p, stage)
        return
    frames = stage.frames
    glide = stage.glide
    from_step = stage.slides[stage.from_index].step
    cards, alpha, arrow_alpha, richer = tween(frames, stage.step_index, from_step, glide.t)
    if glide.t < 1.0:
        edges = route_edges(richer.doc, richer.tree, cards, frames.direction, frames.metrics)
    else:
        edges = richer.layout.edges
    cam = glide.camera
    p.translate(stage.width() / 2, stage.height() / 2)
    p.scale(cam.zoom, cam.zoom)
    p.translate(-cam.cx, -cam.cy)
    path_arrows = set(step.path_inferences)
    by_inf = {i.id: i for i in richer.doc.inferences}
    for iid, edge in edges.items():
        ends = [alpha.get(s, 1.0) for s in edge.premises]
        ends.append(alpha.get(edge.target, 1.0))
        a = min([arrow_alpha.get(iid, 1.0), *ends])
        if a <= 0.01:
            continue
        p.setOpacity(a)
        paint_edge(p, edge, by_inf.get(iid), t, highlighted=iid in path_arrows)
    path = stage.highlighted()
    focus = stage.focus
    weights = stage.weights if stage.weights_shown else {}
    under = stage.under_header(cards)
    for sid, card in cards.items():
        a = alpha.get(sid, 1.0) * (UNDER_HEADER_OPACITY if sid in under else 1.0)
        if a <= 0.01:
            continue
        p.setOpacity(a)
        state = CardState(
            selected=sid == focus,
            highlighted=sid in path and sid != focus,
            weight=weights.get(sid),
        )
        paint_card(p, card, _statement(stage, sid), t, state, detail=cam.zoom)
    p.resetTransform()
    p.setOpacity(1.0)
    if stage.progress_visible:
        _paint_progress(p, stage)
        _paint_breadcrumb(p, stage)


def _statement(stage: PresentationStage, sid: str) -> Statement | None:
    try:
        return stage.doc.statement(sid)
    except KeyError:
        return None


def _paint_breadcrumb(p: QPainter, stage: PresentationStage) -> None:
    """Where the current argument sits: "Question › Scenario › ..." (the map title at first)."""
    doc = stage.doc
    trail = stage.breadcrumb() or ([doc.title] if doc.title else [])
    if not trail:
        return
    u = stage.unit()
    f = font(round(22 * u))
    fm = QFontMetricsF(f)
    band = stage.header_rect()
    room = band.width() - 2 * 32 * u
    sep = "  \u203a  "
    each = max(room / len(trail) - fm.horizontalAdvance(sep), 120 * u)
    parts = [fm.elidedText(t, Qt.TextElideMode.ElideRight, each) for t in trail]
    text = fm.elidedText(sep.join(parts), Qt.TextElideMode.ElideLeft, room)
    t = stage.theme
    p.fillRect(band, QColor(t.background))
    # Below the band the map fades out rather than stopping at a hard edge, so a card
    # from earlier (out of the frame) reads as "the map goes on", not as cut off.
    fade = QRectF(0, band.bottom(), band.width(), FADE_1080 * u)
    ramp = QLinearGradient(fade.topLeft(), fade.bottomLeft())
    solid, clear = QColor(t.background), QColor(t.background)
    clear.setAlpha(0)
    ramp.setColorAt(0.0, solid)
    ramp.setColorAt(1.0, clear)
    p.fillRect(fade, QBrush(ramp))
    p.setFont(f)
    p.setPen(QColor(mix(t.text, t.background, 0.35)))
    p.drawText(
        band.adjusted(32 * u, 0, -32 * u, 0),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        text,
    )


def _paint_progress(p: QPainter, stage: PresentationStage) -> None:
    """A small "7 / 23" in the bottom right corner."""
    u = stage.unit()
    p.setFont(font(round(20 * u), True))
    p.setPen(QColor(mix(stage.theme.text, stage.theme.background, 0.55)))
    p.drawText(
        stage.progress_rect(),
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        stage.progress_text(),
    )


def _paint_empty(p: QPainter, stage: PresentationStage) -> None:
    u = stage.unit()
    p.setFont(font(round(36 * u)))
    p.setPen(QColor(stage.theme.text))
    p.drawText(QRectF(stage.rect()), Qt.AlignmentFlag.AlignCenter, "This map is empty.")
