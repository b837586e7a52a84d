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
from argmap.layout.card_metrics import measure_statement
from argmap.layout.geometry import Box
from argmap.layout.reveal_steps import RevealStep
from argmap.layout.tidy_tree import Direction
from argmap.model import ArgMap
from argmap.ui.presentation.camera import (
    MIN_TEXT_PX_1080,
    Camera,
    CameraGlide,
    Screen,
    overview_camera,
    step_camera,
)
from argmap.ui.presentation.stage_paint import HEADER_1080, paint_stage
from argmap.ui.presentation.step_frames import StepFrames

__all__ = ["MIN_TEXT_PX_1080", "Camera", "PresentationStage"]


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
        self._index = 0
        self.from_index = 0  # the step the camera glides from (``index`` once arrived)
        self._focus: str | None = None
        self.weights: dict[str, float] = {}
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
    def step(self) -> RevealStep | None:
        steps = self.frames.steps
        return steps[self._index] if steps else None

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

    def set_document(self, doc: ArgMap) -> None:
        """Show an edited map, staying on the same statement where possible."""
        current = self.step.current if self.step else None
        self._rebuild_steps(doc, keep=current)
        self._settle()

    def set_theme(self, theme: Theme) -> None:
        self.frames.set_theme(theme)
        self._theme = theme
        self._settle()

    def set_weights(self, weights: dict[str, float]) -> None:
        """Scenario weights (0..1) for the cards' weight pills."""
        self.weights = dict(weights)
        self.update()

    # --- navigation ------------------------------------------------------------------------

    def go(self, index: int, *, animate: bool = True) -> None:
        """Show step ``index`` (clamped), gliding there unless ``animate`` is False."""
        steps = self.frames.steps
        if not steps:
            return
        index = max(0, min(index, len(steps) - 1))
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
        self.go(len(self.frames.steps) - 1)

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
        if step is None:
            return []
        return [self.doc.statement(sid).text for sid in reversed(step.path[1:])]

    def progress_text(self) -> str:
        steps = self.frames.steps
        return f"{self._index + 1} / {len(steps)}" if steps else "0 / 0"

    def visible_statements(self) -> frozenset[str]:
        step = self.step
        return step.statements if step else frozenset()

    def _rebuild_steps(self, doc: ArgMap | None = None, keep: str | None = None) -> None:
        old = self.step
        self._paging_key = (self.width(), self.height())
        self.frames.rebuild(doc or self.frames.doc, self._fits)
        steps = self.frames.steps
        if not steps:
            self._index = 0
            return
        target = keep if keep is not None else (old.current if old else None)
        part = old.part if old else 1
        matches = [s.index for s in steps if s.current == target]
        if matches:
            self._index = matches[min(part, len(matches)) - 1]
        else:
            self._index = min(self._index, len(steps) - 1)

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
                w, h, _ = measure_statement(self.doc.statement(sid), m)
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
        top = (HEADER_1080 + 24) * u
        return QRectF(0, 0, self.width(), self.height()).adjusted(60 * u, top, -right, -64 * u)

    def reserve_right(self, pixels: float) -> None:
        """Keep framed cards clear of a panel this wide on the right (0: none)."""
        if pixels != self._reserved_right:
            self._reserved_right = pixels
            if self._overview or self.frames.steps:
                self._glide_to(self._framing(), True)

    def card_screen_rect(self, statement_id: str) -> QRectF | None:
        """Where a visible card is on screen now (None when hidden)."""
        card = self.frames.frame(self._index).layout.cards.get(statement_id)
        return None if card is None else self._to_screen(card.box)

    def statement_at(self, pos: QPointF) -> str | None:
        for sid, card in self.frames.frame(self._index).layout.cards.items():
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
        if self._overview:
            return overview_camera(screen, self.frames.frame(self._index).layout.bounds)
        if not self.frames.steps:
            return Camera(0.0, 0.0, screen.min_zoom)
        cards = self.frames.frame(self._index).layout.cards
        return step_camera(screen, self.frames.steps[self._index], cards)

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
