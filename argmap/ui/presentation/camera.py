"""The presentation camera: where it looks, and how it glides from one view to the next.

A step is framed on its current statement and new reasons, big and centred in the safe
area; text never shrinks below the projector size (28 px at 1080p): when a neighbourhood
is too big, the camera frames the new reasons alone. The overview frames the whole
revealed map (it may go smaller: it is for finding one's place, not for reading).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QObject, QRectF, QVariantAnimation, Signal

from argmap.layout.geometry import Box, CardLayout
from argmap.layout.reveal_steps import RevealStep

MIN_TEXT_PX_1080 = 28.0  # statement text never smaller than this on a 1080p screen
MAX_ZOOM_FACTOR = 1.3  # largest zoom, relative to the smallest readable one
GLIDE_MS = 450


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


@dataclass(frozen=True, slots=True)
class Screen:
    """What framing needs to know of the stage: its size, the safe area for cards, and
    the smallest zoom that keeps text readable."""

    width: float
    height: float
    safe: QRectF
    min_zoom: float

    def centred(self, r: Box, zoom: float) -> Camera:
        """A camera putting ``r``'s centre at the safe area's centre."""
        safe = self.safe
        dx = (safe.center().x() - self.width / 2) / zoom
        dy = (safe.center().y() - self.height / 2) / zoom
        if r.h * zoom > safe.height():  # too tall: keep its top in view
            return Camera(r.cx - dx, r.y + (safe.height() / 2) / zoom - dy, zoom)
        return Camera(r.cx - dx, r.cy - dy, zoom)

    def fit(self, r: Box) -> float:
        """The zoom at which ``r`` just fills the safe area."""
        return min(self.safe.width() / max(r.w, 1.0), self.safe.height() / max(r.h, 1.0))


@dataclass(frozen=True, slots=True)
class Framing:
    """Where the camera looks for a step, and the cards it promises to show whole:
    the current statement, what the step revealed and the ancestors it highlights."""

    camera: Camera
    framed: frozenset[str]


def step_framing(
    screen: Screen,
    step: RevealStep,
    cards: dict[str, CardLayout],
    *,
    header_bottom: float = 0.0,
) -> Framing:
    """Frame the current statement and its new reasons whole, with as many of its
    ancestors (parent first) as still fit at the readable zoom. When even the statement
    and its reasons do not fit at that zoom, the camera zooms out until they do: a card
    is made smaller, never cut. Cards left out of the frame keep clear of the header's
    edge (``header_bottom``, screen pixels) where the free room allows."""
    zmin = screen.min_zoom
    zmax = zmin * MAX_ZOOM_FACTOR
    must = [s for s in (step.current, *step.revealed) if s in cards]
    if not must:
        return Framing(Camera(0.0, 0.0, zmin), frozenset())
    chosen = list(dict.fromkeys(must))
    for up in step.path[1:]:
        if up not in cards or screen.fit(_union([cards[s].box for s in [*chosen, up]])) < zmin:
            break
        chosen.append(up)
    r = _union([cards[s].box for s in chosen])
    zoom = min(zmax, screen.fit(r))  # below zmin only when the must-cards need it
    camera = screen.centred(r, zoom)
    if header_bottom <= 0:
        return Framing(camera, frozenset(chosen))
    # Nothing half under the header: move the camera within the room the frame leaves,
    # zooming out a little (never below the readable zoom) when moving is not enough.
    others = [c.box for s, c in cards.items() if s not in chosen]
    z = zoom
    while True:
        trial = screen.centred(r, z)
        moved = _clear_of_edge(screen, trial, r, _on_screen(screen, trial, others), header_bottom)
        if moved is not None:
            return Framing(moved, frozenset(chosen))
        if z * 0.95 < zmin:
            return Framing(camera, frozenset(chosen))
        z *= 0.95


def _on_screen(screen: Screen, camera: Camera, boxes: Sequence[Box]) -> list[Box]:
    """The boxes that reach across the screen's width (the others cannot show)."""
    half = screen.width / 2 / camera.zoom
    return [b for b in boxes if b.right > camera.cx - half and b.x < camera.cx + half]


def _clear_of_edge(
    screen: Screen, camera: Camera, framed: Box, others: Sequence[Box], edge: float
) -> Camera | None:
    """The camera moved up or down, as little as possible and keeping ``framed`` inside the
    safe area, so that no other card straddles the screen line ``edge`` (half under the
    header); None when no such move exists."""
    z = camera.zoom

    def screen_y(y: float, cy: float) -> float:
        return (y - cy) * z + screen.height / 2

    safe = screen.safe
    top = screen_y(framed.y, camera.cy)
    bottom = screen_y(framed.bottom, camera.cy)
    lo, hi = safe.top() - top, safe.bottom() - bottom  # screen shifts that keep framed in

    def cut(dy: float) -> list[Box]:
        cy = camera.cy - dy / z
        return [b for b in others if screen_y(b.y, cy) < edge - 0.5 < screen_y(b.bottom, cy) - 1.0]

    if not cut(0.0):
        return camera
    candidates = {0.0}
    for b in others:
        t, u = screen_y(b.y, camera.cy), screen_y(b.bottom, camera.cy)
        candidates.update((edge - t, edge - u - 1.0))  # just below the edge, or hidden above
    for dy in sorted(candidates, key=abs):
        if lo - 0.5 <= dy <= hi + 0.5 and not cut(dy):
            return Camera(camera.cx, camera.cy - dy / z, z)
    return None


def overview_camera(screen: Screen, bounds: Box) -> Camera:
    """The whole revealed map in view (at most as big as a step's framing)."""
    return screen.centred(bounds, min(screen.fit(bounds), screen.min_zoom * MAX_ZOOM_FACTOR))


def _union(boxes: Sequence[Box]) -> Box:
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    x1 = max(b.right for b in boxes)
    y1 = max(b.bottom for b in boxes)
    return Box(x0, y0, x1 - x0, y1 - y0)


class CameraGlide(QObject):
    """The camera now, gliding (eased) toward a target; ``moved`` on every frame."""

    moved = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.camera = Camera(0.0, 0.0, 1.0)
        self.t = 1.0  # how far the glide has come (1: arrived)
        self.ms = GLIDE_MS
        self._from = self.camera
        self._to = self.camera
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(self._on_tick)

    @property
    def running(self) -> bool:
        return self._anim.state() == QVariantAnimation.State.Running

    def glide_to(self, target: Camera, animate: bool) -> None:
        """Glide from where the camera is to ``target`` (or jump, without ``animate``)."""
        self._anim.stop()
        self._from = self.camera
        self._to = target
        if animate and self.ms > 0:
            self.t = 0.0
            self._anim.setDuration(self.ms)
            self._anim.start()
        else:
            self._on_tick(1.0)

    def jump(self, camera: Camera) -> None:
        """Be at ``camera`` now, with no glide under way (``moved`` is not emitted)."""
        self._anim.stop()
        self._from = self._to = self.camera = camera
        self.t = 1.0

    def _on_tick(self, value: object) -> None:
        self.t = float(value)  # type: ignore[arg-type]
        self.camera = self._from.toward(self._to, self.t)
        self.moved.emit()
