"""The presentation stage: the revealed part of the map, with a camera that glides.

The stage holds where the talk is (the step, the quote focus, the overview) and turns
keys and clicks into moves. Each step is laid out on its own
(:mod:`~argmap.ui.presentation.step_frames`); the camera frames it and glides between
steps (:mod:`~argmap.ui.presentation.camera`); :mod:`~argmap.ui.presentation.stage_paint`
draws the cards gliding and fading. The step sequence pages statements with more reasons
than fit on one screen at the projector text size.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from argmap.export.themes import Theme
from argmap.layout.geometry import Box, CardLayout
from argmap.layout.reveal_steps import RevealStep
from argmap.layout.tidy_tree import Direction
from argmap.model import ArgMap
from argmap.ui.presentation.camera import (
    MIN_TEXT_PX_1080,
    Camera,
    CameraGlide,
    Screen,
    overview_camera,
    step_framing,
)
from argmap.ui.presentation.deck import Slide, deck_slides
from argmap.ui.presentation.stage_paint import FADE_1080, HEADER_1080, paint_stage
from argmap.ui.presentation.step_frames import StepFrames
from argmap.ui.presentation.summary_slide import Summary, deck_summary

__all__ = ["MIN_TEXT_PX_1080", "Camera", "PresentationStage", "Slide"]


class PresentationStage(QWidget):
    """Paints one reveal step of a map full size; ``go(index)`` glides to another step."""

    step_changed = Signal(int)

    def __init__(
        self, doc: ArgMap, theme: Theme, direction: Direction = "LR", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self.frames = StepFrames(doc, theme, direction)
        self.glide = CameraGlide(self)
        self.glide.moved.connect(self._on_glide)
        self._reserved_right = 0.0
        self._index = 0  # the slide shown: the deck starts with the reveal steps
        self.from_index = 0  # the slide the camera glides from (``index`` once arrived)
        self.slides: list[Slide] = []
        self.framed: frozenset[str] = frozenset()  # cards the camera shows whole
        self._focus: str | None = None
        self.weights: dict[str, float] = {}
        self.weights_early = False  # S: the weights shown before their reveal slide
        self._summary: Summary | None = None
        self._overview = False
        self._paging_key: tuple[int, int] = (-1, -1)
        self.progress_visible = True
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._rebuild_steps()

    # --- state -----------------------------------------------------------------------------

    @property
    def doc(self) -> ArgMap:
        return self.frames.doc

    @property
    def theme(self) -> Theme:
        return self._theme

    @property
    def steps(self) -> list[RevealStep]:
        return list(self.frames.steps)

    @property
    def index(self) -> int:
        return self._index

    @property
    def slide(self) -> Slide | None:
        return self.slides[self._index] if self.slides else None

    @property
    def step(self) -> RevealStep | None:
        """The reveal step on screen (the last one on the closing slides)."""
        slide = self.slide
        return self.frames.step(slide.step) if slide is not None else None

    @property
    def step_index(self) -> int:
        slide = self.slide
        return slide.step if slide is not None else 0

    @property
    def weights_shown(self) -> bool:
        """Whether the scenario weights are on screen: from their reveal slide on, or
        earlier when the presenter pressed S."""
        slide = self.slide
        return bool(self.weights) and (
            self.weights_early or (slide is not None and slide.kind != "step")
        )

    def show_weights_early(self, shown: bool) -> None:
        self.weights_early = shown
        self.update()

    @property
    def camera(self) -> Camera:
        return self.glide.camera

    @property
    def glide_ms(self) -> int:
        """How long a glide between steps takes (0: steps change at once)."""
        return self.glide.ms

    @glide_ms.setter
    def glide_ms(self, ms: int) -> None:
        self.glide.ms = ms

    @property
    def focus(self) -> str | None:
        """The card whose quotes Q shows: the current statement unless Tab moved it."""
        step = self.step
        return self._focus or (step.current if step else None)

    @property
    def animating(self) -> bool:
        return self.glide.running

    def summary(self) -> Summary:
        """What the closing slide says (worked out when first asked for)."""
        if self._summary is None:
            self._summary = deck_summary(self.doc)
        return self._summary

    def set_document(self, doc: ArgMap) -> None:
        """Show an edited map, staying on the same statement where possible."""
        self._summary = None
        current = self.step.current if self.step else None
        self._rebuild_steps(doc, keep=current)
        self._settle()

    def set_theme(self, theme: Theme) -> None:
        self.frames.set_theme(theme)
        self._theme = theme
        self._settle()

    def set_weights(self, weights: dict[str, float]) -> None:
        """Scenario weights (0..1) for the cards' weight pills."""
        had = bool(self.weights)
        self.weights = dict(weights)
        if had != bool(self.weights):
            self._make_slides()
        self.update()

    # --- navigation ------------------------------------------------------------------------

    def go(self, index: int, *, animate: bool = True) -> None:
        """Show slide ``index`` (clamped), gliding there unless ``animate`` is False."""
        if not self.slides:
            return
        index = max(0, min(index, len(self.slides) - 1))
        changed = index != self._index
        self.from_index = self._index
        self._index = index
        self._focus = None
        self._overview = False
        self._glide_to(self._framing(), animate)
        if changed:
            self.step_changed.emit(index)

    def next(self) -> None:
        self.go(self._index + 1)

    def previous(self) -> None:
        self.go(self._index - 1)

    def first(self) -> None:
        self.go(0)

    def last(self) -> None:
        self.go(len(self.slides) - 1)

    def toggle_overview(self) -> None:
        """Frame the whole revealed map (F), or back to the current argument."""
        self._overview = not self._overview
        self.from_index = self._index
        self._glide_to(self._framing(), True)

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

    def breadcrumb(self) -> list[str]:
        """The texts of the current statement's ancestors, root first."""
        step = self.step
        slide = self.slide
        if step is None or slide is None or slide.kind != "step":
            return []
        return [self.frames.by_id[sid].text for sid in reversed(step.path[1:])]

    def progress_text(self) -> str:
        return f"{self._index + 1} / {len(self.slides)}" if self.slides else "0 / 0"

    def visible_statements(self) -> frozenset[str]:
        step = self.step
        return step.statements if step else frozenset()

    def _rebuild_steps(self, doc: ArgMap | None = None, keep: str | None = None) -> None:
        old = self.step
        self._paging_key = (self.width(), self.height())
        old_slide = self.slide
        self.frames.rebuild(doc or self.frames.doc, self._fits)
        steps = self.frames.steps
        self._make_slides()
        if not steps:
            self._index = 0
            return
        if old_slide is not None and old_slide.kind != "step":
            kinds = [s.kind for s in self.slides]
            self._index = kinds.index(old_slide.kind) if old_slide.kind in kinds else 0
            return
        target = keep if keep is not None else (old.current if old else None)
        part = old.part if old else 1
        matches = [s.index for s in steps if s.current == target]
        if matches:
            self._index = matches[min(part, len(matches)) - 1]
        else:
            self._index = min(self._index, len(steps) - 1)

    def _make_slides(self) -> None:
        """The deck: every reveal step, then the weights revealed (when the map has
        scenarios), then the closing summary."""
        has_weights = bool(self.weights) and self.frames.weights_step is not None
        self.slides = deck_slides(len(self.frames.steps), has_weights)
        self._index = min(self._index, max(0, len(self.slides) - 1))
        self.from_index = min(self.from_index, self._index)

    def _fits(self, _current: str, groups: Sequence[Sequence[str]]) -> bool:
        """Whether these reasons, stacked as the layout stacks them, fit on one screen."""
        m = self.frames.metrics
        lr = self.frames.direction == "LR"
        safe = self.safe_rect()
        room = (safe.height() if lr else safe.width()) / self.min_zoom()
        total = 0.0
        for g, kids in enumerate(groups):
            total += m.group_gap if g else 0.0
            for k, sid in enumerate(kids):
                w, h = self.frames.size(sid)
                total += (h if lr else w) + (m.sibling_gap if k else 0.0)
        return total <= room

    # --- geometry ---------------------------------------------------------------------------

    def unit(self) -> float:
        """Screen pixels per 1080p pixel."""
        return max(self.height(), 1) / 1080

    def min_zoom(self) -> float:
        """Smallest zoom that keeps statement text at 28 px on a 1080p screen."""
        return self.unit() * MIN_TEXT_PX_1080 / self._theme.metrics.body_px

    def text_px(self) -> float:
        """Statement text height on screen right now, in pixels."""
        return self._theme.metrics.body_px * self.camera.zoom

    def safe_rect(self) -> QRectF:
        """Where framed cards go: clear of the edges, the weights strip and the progress."""
        u = self.unit()
        right = max(60 * u, self._reserved_right)
        top = (HEADER_1080 + FADE_1080 + 2) * u
        return QRectF(0, 0, self.width(), self.height()).adjusted(60 * u, top, -right, -64 * u)

    def reserve_right(self, pixels: float) -> None:
        """Keep framed cards clear of a panel this wide on the right (0: none)."""
        if pixels != self._reserved_right:
            self._reserved_right = pixels
            if self._overview or self.frames.steps:
                self._glide_to(self._framing(), True)

    def card_screen_rect(self, statement_id: str) -> QRectF | None:
        """Where a visible card is on screen now (None when hidden)."""
        if self.on_summary:
            return None
        card = self.frames.frame(self.step_index).layout.cards.get(statement_id)
        return None if card is None else self._to_screen(card.box)

    @property
    def on_summary(self) -> bool:
        slide = self.slide
        return slide is not None and slide.kind == "summary"

    def header_rect(self) -> QRectF:
        """The breadcrumb band along the top, painted over the cards."""
        return QRectF(0, 0, self.width(), HEADER_1080 * self.unit())

    def under_header(self, cards: dict[str, CardLayout] | None = None) -> set[str]:
        """Cards out of the frame that the header's edge would cut in two on screen (the
        camera avoids them where it can; the painter fades the rest)."""
        if cards is None:
            cards = self.frames.frame(self.step_index).layout.cards
        edge = self.header_rect().bottom()
        width = self.width()
        out = set()
        for sid, card in cards.items():
            if sid in self.framed:
                continue
            r = self._to_screen(card.box)
            if r.right() > 0 and r.left() < width and r.top() < edge - 0.5 < r.bottom() - 1:
                out.add(sid)
        return out

    def highlighted(self) -> frozenset[str]:
        """The cards drawn with a halo: the current statement's path to the root, as far
        as the camera frames it (the header names the rest)."""
        step = self.step
        if step is None or self.on_summary:
            return frozenset()
        return frozenset(step.path) & self.framed

    def progress_rect(self) -> QRectF:
        """Where "7 / 23" is written, bottom right (room for "999 / 999")."""
        u = self.unit()
        return QRectF(self.width() - 180 * u, self.height() - 44 * u, 152 * u, 32 * u)

    def overlays(self) -> list[QRectF]:
        """What is painted over the cards: the header band and the progress (the weights
        panel is a child widget, see the window)."""
        fade = FADE_1080 * self.unit()
        return [self.header_rect().adjusted(0, 0, 0, fade), self.progress_rect()]

    def statement_at(self, pos: QPointF) -> str | None:
        if self.on_summary:
            return None
        for sid, card in self.frames.frame(self.step_index).layout.cards.items():
            if self._to_screen(card.box).contains(pos):
                return sid
        return None

    def _to_screen(self, b: Box) -> QRectF:
        cam = self.camera
        x = (b.x - cam.cx) * cam.zoom + self.width() / 2
        y = (b.y - cam.cy) * cam.zoom + self.height() / 2
        return QRectF(x, y, b.w * cam.zoom, b.h * cam.zoom)

    # --- the camera ---------------------------------------------------------------------------

    def _framing(self) -> Camera:
        """Where the camera should look: the current step, or the overview."""
        screen = Screen(self.width(), self.height(), self.safe_rect(), self.min_zoom())
        slide = self.slide
        self.framed = frozenset()
        if slide is None:
            return Camera(0.0, 0.0, screen.min_zoom)
        layout = self.frames.frame(slide.step).layout
        if self._overview:
            return overview_camera(screen, layout.bounds)
        step = self.frames.step(slide.step)
        framing = step_framing(
            screen, step, layout.cards, header_bottom=self.header_rect().bottom()
        )
        self.framed = framing.framed
        return framing.camera

    def _glide_to(self, target: Camera, animate: bool) -> None:
        self.glide.glide_to(target, animate and self.isVisible())

    def _on_glide(self) -> None:
        if self.glide.t >= 1.0:
            self.from_index = self._index
        self.update()

    def _settle(self) -> None:
        """Jump to the current step's framing (after a resize or a new map)."""
        self.from_index = self._index
        self.glide.jump(self._framing())
        self.update()

    # --- Qt events ----------------------------------------------------------------------------

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

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        p = QPainter(self)
        paint_stage(p, self)
        p.end()
