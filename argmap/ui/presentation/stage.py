"""The presentation stage: the revealed part of the map, with a camera that glides.

Each step is laid out on its own (only the revealed cards, so an argument's reasons sit
together); between steps cards glide to their new places, new cards fade in, and the
camera glides to frame the current statement with its reasons. Text never shrinks below
the projector size (28 px at 1080p): when a neighbourhood is too big, the camera frames
the new reasons, and the step sequence pages statements with many reasons.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from argmap.export.card_painter import CardState, font, paint_card, paint_edge
from argmap.export.themes import Theme, mix
from argmap.layout.argument_tree import ArgumentTree, build_tree
from argmap.layout.card_metrics import CardMetrics, measure_statement
from argmap.layout.edge_routing import route_edges
from argmap.layout.geometry import Box, CardLayout, MapLayout
from argmap.layout.reveal_steps import RevealStep, reveal_steps, visible_map
from argmap.layout.tidy_tree import Direction, TreeLayouter
from argmap.model import ArgMap, Statement

MIN_TEXT_PX_1080 = 28.0  # statement text never smaller than this on a 1080p screen
MAX_ZOOM_FACTOR = 1.3  # largest zoom, relative to the smallest readable one
CONTEXT_OPACITY = 0.5  # cards shown earlier, away from the current argument
GLIDE_MS = 450
HEADER_1080 = 52.0  # the breadcrumb band along the top, in 1080p pixels


@dataclass(frozen=True, slots=True)
class Camera:
    """Scene point at the centre of the screen and screen pixels per scene unit."""

    cx: float
    cy: float
    zoom: float

    def toward(self, other: Camera, t: float) -> Camera:
        """Part way to ``other``: straight for the centre, geometric for the zoom."""
        if t >= 1.0:
            return other  # exactly: interpolation arithmetic need not land on it
        z = self.zoom * (other.zoom / self.zoom) ** t if self.zoom > 0 else other.zoom
        return Camera(self.cx + (other.cx - self.cx) * t, self.cy + (other.cy - self.cy) * t, z)


@dataclass(slots=True)
class _Frame:
    """One step's picture: its layout, drawing tree and per-card emphasis."""

    layout: MapLayout
    tree: ArgumentTree
    doc: ArgMap


def _stage_metrics(theme: Theme) -> CardMetrics:
    """The theme's card metrics with premise groups packed closer, so more fit a screen."""
    m = theme.metrics
    return dataclasses.replace(m, group_gap=m.sibling_gap * 1.4)


def _union(boxes: Sequence[Box]) -> Box:
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    x1 = max(b.right for b in boxes)
    y1 = max(b.bottom for b in boxes)
    return Box(x0, y0, x1 - x0, y1 - y0)


def _lerp_box(a: Box, b: Box, t: float) -> Box:
    return Box(
        a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.w + (b.w - a.w) * t, a.h + (b.h - a.h) * t
    )


class PresentationStage(QWidget):
    """Paints one reveal step of a map full size; ``go(index)`` glides to another step."""

    step_changed = Signal(int)

    def __init__(
        self, doc: ArgMap, theme: Theme, direction: Direction = "LR", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._doc = doc
        self._theme = theme
        self._direction = direction
        self._layouter = TreeLayouter(_stage_metrics(theme))
        self._reserved_right = 0.0
        self._steps: list[RevealStep] = []
        self._frames: dict[int, _Frame] = {}
        self._index = 0
        self._focus: str | None = None
        self._weights: dict[str, float] = {}
        self._overview = False
        self._camera = Camera(0.0, 0.0, 1.0)
        self._from_camera = self._camera
        self._to_camera = self._camera
        self._from_index = 0
        self._t = 1.0
        self._paging_key: tuple[int, int] = (-1, -1)
        self.progress_visible = True
        self.glide_ms = GLIDE_MS
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(self._on_tick)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._rebuild_steps()

    # --- state -----------------------------------------------------------------------------

    @property
    def doc(self) -> ArgMap:
        return self._doc

    @property
    def theme(self) -> Theme:
        return self._theme

    @property
    def steps(self) -> list[RevealStep]:
        return list(self._steps)

    @property
    def index(self) -> int:
        return self._index

    @property
    def step(self) -> RevealStep | None:
        return self._steps[self._index] if self._steps else None

    @property
    def camera(self) -> Camera:
        return self._camera

    @property
    def focus(self) -> str | None:
        """The card whose quotes Q shows: the current statement unless Tab moved it."""
        step = self.step
        return self._focus or (step.current if step else None)

    @property
    def animating(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def set_document(self, doc: ArgMap) -> None:
        """Show an edited map, staying on the same statement where possible."""
        current = self.step.current if self.step else None
        self._doc = doc
        self._frames.clear()
        self._rebuild_steps(keep=current)
        self._settle()

    def set_theme(self, theme: Theme) -> None:
        if theme.metrics != self._theme.metrics:
            self._layouter = TreeLayouter(_stage_metrics(theme))
            self._frames.clear()
        self._theme = theme
        self._settle()

    def set_weights(self, weights: dict[str, float]) -> None:
        """Scenario weights (0..1) for the cards' weight pills."""
        self._weights = dict(weights)
        self.update()

    # --- navigation ------------------------------------------------------------------------

    def go(self, index: int, *, animate: bool = True) -> None:
        """Show step ``index`` (clamped), gliding there unless ``animate`` is False."""
        if not self._steps:
            return
        index = max(0, min(index, len(self._steps) - 1))
        changed = index != self._index
        self._from_index = self._index
        self._index = index
        self._focus = None
        self._overview = False
        self._glide_to(self._framing(index), animate)
        if changed:
            self.step_changed.emit(index)

    def next(self) -> None:
        self.go(self._index + 1)

    def previous(self) -> None:
        self.go(self._index - 1)

    def first(self) -> None:
        self.go(0)

    def last(self) -> None:
        self.go(len(self._steps) - 1)

    def toggle_overview(self) -> None:
        """Frame the whole revealed map (F), or back to the current argument."""
        self._overview = not self._overview
        self._from_index = self._index
        target = self._overview_camera() if self._overview else self._framing(self._index)
        self._glide_to(target, True)

    def cycle_focus(self, delta: int) -> str | None:
        """Move the quote focus among the current statement and what this step revealed."""
        step = self.step
        if step is None:
            return None
        ring = [step.current] + [s for s in step.revealed if s != step.current]
        now = ring.index(self.focus) if self.focus in ring else 0
        self._focus = ring[(now + delta) % len(ring)]
        self.update()
        return self._focus

    def set_focus(self, statement_id: str | None) -> None:
        self._focus = statement_id
        self.update()

    # --- geometry ---------------------------------------------------------------------------

    def unit(self) -> float:
        """Screen pixels per 1080p pixel."""
        return max(self.height(), 1) / 1080

    def min_zoom(self) -> float:
        """Smallest zoom that keeps statement text at 28 px on a 1080p screen."""
        return self.unit() * MIN_TEXT_PX_1080 / self._theme.metrics.body_px

    def text_px(self) -> float:
        """Statement text height on screen right now, in pixels."""
        return self._theme.metrics.body_px * self._camera.zoom

    def safe_rect(self) -> QRectF:
        """Where framed cards go: clear of the edges, the weights strip and the progress."""
        u = self.unit()
        right = max(60 * u, self._reserved_right)
        top = (HEADER_1080 + 24) * u
        return QRectF(0, 0, self.width(), self.height()).adjusted(60 * u, top, -right, -64 * u)

    def reserve_right(self, pixels: float) -> None:
        """Keep framed cards clear of a panel this wide on the right (0: none)."""
        if pixels != self._reserved_right:
            self._reserved_right = pixels
            if self._overview:
                self._glide_to(self._overview_camera(), True)
            elif self._steps:
                self._glide_to(self._framing(self._index), True)

    def card_screen_rect(self, statement_id: str) -> QRectF | None:
        """Where a visible card is on screen now (None when hidden)."""
        frame = self._frame(self._index)
        card = frame.layout.cards.get(statement_id)
        if card is None:
            return None
        return self._to_screen(card.box, self._camera)

    def statement_at(self, pos: QPointF) -> str | None:
        frame = self._frame(self._index)
        for sid, card in frame.layout.cards.items():
            if self._to_screen(card.box, self._camera).contains(pos):
                return sid
        return None

    def _to_screen(self, b: Box, cam: Camera) -> QRectF:
        x = (b.x - cam.cx) * cam.zoom + self.width() / 2
        y = (b.y - cam.cy) * cam.zoom + self.height() / 2
        return QRectF(x, y, b.w * cam.zoom, b.h * cam.zoom)

    # --- steps and frames -----------------------------------------------------------------

    def _fits(self, _current: str, groups: Sequence[Sequence[str]]) -> bool:
        """Whether these reasons, stacked as the layout stacks them, fit on one screen."""
        m = self._layouter.metrics
        safe = self.safe_rect()
        zoom = self.min_zoom()
        room = (safe.height() if self._direction == "LR" else safe.width()) / zoom
        total = 0.0
        for g, kids in enumerate(groups):
            total += m.group_gap if g else 0.0
            for k, sid in enumerate(kids):
                w, h, _ = measure_statement(self._doc.statement(sid), m)
                total += (h if self._direction == "LR" else w) + (m.sibling_gap if k else 0.0)
        return total <= room

    def _rebuild_steps(self, keep: str | None = None) -> None:
        old = self.step
        self._paging_key = (self.width(), self.height())
        self._steps = reveal_steps(self._doc, self._fits)
        self._frames.clear()
        if not self._steps:
            self._index = 0
            return
        target = keep if keep is not None else (old.current if old else None)
        part = old.part if old else 1
        matches = [s.index for s in self._steps if s.current == target]
        if matches:
            self._index = matches[min(part, len(matches)) - 1]
        else:
            self._index = min(self._index, len(self._steps) - 1)

    def _frame(self, index: int) -> _Frame:
        frame = self._frames.get(index)
        if frame is None:
            if not self._steps:
                doc = ArgMap()
            else:
                doc = visible_map(self._doc, self._steps[index])
            layout = self._layouter.layout(doc, self._direction)
            frame = _Frame(layout, build_tree(doc), doc)
            self._frames[index] = frame
        return frame

    def _framing(self, index: int) -> Camera:
        """The camera for a step: its current statement and new reasons, big and centred."""
        if not self._steps:
            return Camera(0.0, 0.0, self.min_zoom())
        step = self._steps[index]
        cards = self._frame(index).layout.cards
        zmin = self.min_zoom()
        zmax = zmin * MAX_ZOOM_FACTOR
        safe = self.safe_rect()
        new = [cards[s].box for s in step.revealed if s in cards and s != step.current]
        core = [cards[step.current].box, *new]
        options = [core]
        if len(step.path) > 1 and step.path[1] in cards:
            options.insert(0, [*core, cards[step.path[1]].box])
        if new:
            options.append(new)
        for boxes in options:
            r = _union(boxes)
            fit = min(safe.width() / max(r.w, 1.0), safe.height() / max(r.h, 1.0))
            if fit >= zmin or boxes is options[-1]:
                zoom = max(zmin, min(zmax, fit))
                return self._centred(r, zoom)
        raise AssertionError("unreachable")  # pragma: no cover

    def _centred(self, r: Box, zoom: float) -> Camera:
        """A camera putting ``r``'s centre at the safe area's centre."""
        safe = self.safe_rect()
        dx = (safe.center().x() - self.width() / 2) / zoom
        dy = (safe.center().y() - self.height() / 2) / zoom
        if r.h * zoom > safe.height():  # too tall: keep its top in view
            return Camera(r.cx - dx, r.y + (safe.height() / 2) / zoom - dy, zoom)
        return Camera(r.cx - dx, r.cy - dy, zoom)

    def _overview_camera(self) -> Camera:
        layout = self._frame(self._index).layout
        r = layout.bounds
        safe = self.safe_rect()
        fit = min(safe.width() / max(r.w, 1.0), safe.height() / max(r.h, 1.0))
        return self._centred(r, min(fit, self.min_zoom() * MAX_ZOOM_FACTOR))

    def _glide_to(self, target: Camera, animate: bool) -> None:
        self._anim.stop()
        self._from_camera = self._camera
        self._to_camera = target
        if animate and self.glide_ms > 0 and self.isVisible():
            self._t = 0.0
            self._anim.setDuration(self.glide_ms)
            self._anim.start()
        else:
            self._on_tick(1.0)

    def _on_tick(self, value: object) -> None:
        self._t = float(value)  # type: ignore[arg-type]
        self._camera = self._from_camera.toward(self._to_camera, self._t)
        if self._t >= 1.0:
            self._from_index = self._index
        self.update()

    def _settle(self) -> None:
        """Jump to the current step's framing (after a resize or a new map)."""
        self._anim.stop()
        self._from_index = self._index
        cam = self._overview_camera() if self._overview else self._framing(self._index)
        self._from_camera = self._to_camera = self._camera = cam
        self._t = 1.0
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: ARG002
        if self._paging_key != (self.width(), self.height()):
            self._rebuild_steps()
        self._settle()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.statement_at(event.position())
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.set_focus(hit)
        elif event.button() == Qt.MouseButton.LeftButton:
            self.next()
        elif event.button() == Qt.MouseButton.RightButton:
            self.previous()

    # --- painting ----------------------------------------------------------------------------

    def _emphasis(self, index: int) -> tuple[set[str], set[str]]:
        """Cards and arrows drawn at full strength in a step: the argument being told
        (the current statement with all its reasons so far) and its path to the root."""
        step = self._steps[index]
        cards = {step.current, *step.path}
        arrows = set(step.path_inferences)
        k = index
        while k >= 0 and self._steps[k].current == step.current:
            cards.update(self._steps[k].revealed)
            arrows.update(self._steps[k].new_inferences)
            k -= 1
        return cards, arrows

    def _scene(self) -> tuple[dict[str, CardLayout], dict[str, float], dict[str, float], _Frame]:
        """Cards where they are now, their opacity, the arrows' opacity, the richer frame."""
        t = self._t
        to = self._frame(self._index)
        fr = self._frame(self._from_index) if t < 1.0 else to
        richer = to if len(to.layout.cards) >= len(fr.layout.cards) else fr
        to_em, to_arrows = self._emphasis(self._index)
        fr_em, fr_arrows = self._emphasis(self._from_index) if t < 1.0 else (to_em, to_arrows)
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

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        t = self._theme
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(t.background))
        if not self._steps:
            self._paint_empty(p)
            p.end()
            return
        cards, alpha, arrow_alpha, richer = self._scene()
        if self._t < 1.0:
            edges = route_edges(
                richer.doc, richer.tree, cards, self._direction, self._layouter.metrics
            )
        else:
            edges = richer.layout.edges
        cam = self._camera
        p.translate(self.width() / 2, self.height() / 2)
        p.scale(cam.zoom, cam.zoom)
        p.translate(-cam.cx, -cam.cy)
        step = self._steps[self._index]
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
        path = set(step.path)
        focus = self.focus
        for sid, card in cards.items():
            a = alpha.get(sid, 1.0)
            if a <= 0.01:
                continue
            p.setOpacity(a)
            state = CardState(
                selected=sid == focus,
                highlighted=sid in path and sid != focus,
                weight=self._weights.get(sid),
            )
            paint_card(p, card, self._doc_statement(sid), t, state, detail=cam.zoom)
        p.resetTransform()
        p.setOpacity(1.0)
        if self.progress_visible:
            self._paint_progress(p)
            self._paint_breadcrumb(p)
        p.end()

    def breadcrumb(self) -> list[str]:
        """The texts of the current statement's ancestors, root first."""
        step = self.step
        if step is None:
            return []
        return [self._doc.statement(sid).text for sid in reversed(step.path[1:])]

    def _paint_breadcrumb(self, p: QPainter) -> None:
        """Where the current argument sits: "Question › Scenario › ..." (the map title at first)."""
        trail = self.breadcrumb() or ([self._doc.title] if self._doc.title else [])
        if not trail:
            return
        u = self.unit()
        f = font(round(22 * u))
        fm = QFontMetricsF(f)
        band = QRectF(0, 0, self.width(), HEADER_1080 * u)
        room = band.width() - 2 * 32 * u
        sep = "  \u203a  "
        each = max(room / len(trail) - fm.horizontalAdvance(sep), 120 * u)
        parts = [fm.elidedText(t, Qt.TextElideMode.ElideRight, each) for t in trail]
        text = fm.elidedText(sep.join(parts), Qt.TextElideMode.ElideLeft, room)
        t = self._theme
        p.fillRect(band, QColor(t.background))
        p.fillRect(
            QRectF(0, band.bottom() - 1.5 * u, band.width(), 1.5 * u),
            QColor(mix(t.background, t.text, 0.15)),
        )
        p.setFont(f)
        p.setPen(QColor(mix(t.text, t.background, 0.35)))
        p.drawText(
            band.adjusted(32 * u, 0, -32 * u, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )

    def _doc_statement(self, sid: str) -> Statement | None:
        try:
            return self._doc.statement(sid)
        except KeyError:
            return None

    def _paint_progress(self, p: QPainter) -> None:
        """A small "7 / 23" in the bottom right corner."""
        u = self.unit()
        text = f"{self._index + 1} / {len(self._steps)}"
        p.setFont(font(round(20 * u), True))
        p.setPen(QColor(mix(self._theme.text, self._theme.background, 0.55)))
        r = QRectF(0, self.height() - 44 * u, self.width() - 28 * u, 32 * u)
        p.drawText(r, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_empty(self, p: QPainter) -> None:
        u = self.unit()
        p.setFont(font(round(36 * u)))
        p.setPen(QColor(self._theme.text))
        p.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, "This map is empty.")

    def progress_text(self) -> str:
        return f"{self._index + 1} / {len(self._steps)}" if self._steps else "0 / 0"

    def visible_statements(self) -> frozenset[str]:
        step = self.step
        return step.statements if step else frozenset()
