"""What the opening view of a map frames: its focal question and every scenario, readably.

The camera can show the question and its scenarios only if the band they make fits the
window at a readable zoom. Unfolded, a map's scenarios sit above their own subtrees: the
bundled sample, unfolded, spreads its seven scenarios over 6,888 units top-down (4,738
left-to-right), which no window shows at a readable size. Folded, they stack in a column
under the question (773 units for the sample), which a 1280x800 window does show. So the
first view asks for those folds (:func:`folds_for_band`) and then frames the band
(:func:`band_frame`); when even that is too big, it frames the question with as many
scenarios as fit (:func:`best_stretch`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argmap.layout.geometry import Box, MapLayout
from argmap.model import ArgMap
from argmap.model.focal_question import focal_question

READABLE_PX = 11.0  # card text at least this tall on screen
BODY_PX = 14.0  # the cards' body text at 100 %
MIN_ZOOM = READABLE_PX / BODY_PX
MAX_ZOOM = 1.0
MARGIN = 24.0  # view pixels left free around the framed cards


@dataclass(frozen=True, slots=True)
class Frame:
    """A rectangle of the scene to show, and the zoom that shows it."""

    box: Box
    zoom: float

    @property
    def readable(self) -> bool:
        return self.zoom >= MIN_ZOOM - 1e-9


def union(boxes: Iterable[Box]) -> Box | None:
    """The smallest box holding ``boxes`` (None for none)."""
    items = list(boxes)
    if not items:
        return None
    x0 = min(b.x for b in items)
    y0 = min(b.y for b in items)
    x1 = max(b.right for b in items)
    y1 = max(b.bottom for b in items)
    return Box(x0, y0, x1 - x0, y1 - y0)


def fit_zoom(box: Box, width: float, height: float, margin: float = MARGIN) -> float:
    """The zoom that shows ``box`` whole in a ``width`` x ``height`` view, ``margin`` px
    free on every side (no larger than ``MAX_ZOOM``)."""
    room_w, room_h = max(1.0, width - 2 * margin), max(1.0, height - 2 * margin)
    return min(room_w / max(box.w, 1.0), room_h / max(box.h, 1.0), MAX_ZOOM)


def band_ids(layout: MapLayout, question: str | None) -> tuple[str, list[str]] | None:
    """The focal question's card and the scenario cards shown, or None without a
    visible question."""
    if question is None or question not in layout.cards:
        return None
    scenarios = [sid for sid, c in layout.cards.items() if c.kind == "scenario"]
    return question, scenarios


def band_frame(
    layout: MapLayout, question: str | None, width: float, height: float
) -> Frame | None:
    """The question and every visible scenario, and the zoom that shows them in a view of
    ``width`` x ``height`` px (None without a visible question)."""
    ids = band_ids(layout, question)
    if ids is None:
        return None
    root, scenarios = ids
    box = union(layout.cards[s].box for s in [root, *scenarios])
    assert box is not None  # the question at least
    return Frame(box, fit_zoom(box, width, height))


def folds_for_band(doc: ArgMap, layout: MapLayout, width: float, height: float) -> list[str]:
    """The scenarios to fold so that the question and every scenario can be framed
    readably: none when they already can, else every unfolded scenario with reasons
    (a scenario whose reasons the layout draws under another card counts too: unfolded,
    it still stands apart from the column the folded ones stack in)."""
    frame = band_frame(layout, focal_question(doc), width, height)
    if frame is None or frame.readable:
        return []
    folded = set(doc.view.collapsed)
    argued = {i.conclusion for i in doc.inferences}
    return [
        sid
        for sid, card in layout.cards.items()
        if card.kind == "scenario" and sid in argued and sid not in folded
    ]


def _span(box: Box, across: bool, lr: bool) -> tuple[float, float]:
    """The box's extent along the scenario column (``across``) or the main axis."""
    vertical = lr == across
    return (box.y, box.bottom) if vertical else (box.x, box.right)


def best_stretch(root: Box, column: list[Box], room: float, lr: bool) -> tuple[float, float]:
    """The stretch of the scenario column, with the root, that shows the most cards
    within ``room`` scene units (the one nearest the root among equals)."""
    r0, r1 = _span(root, True, lr)
    best = (r0, r1)
    best_count = 0
    spans = sorted(_span(c, True, lr) for c in column)
    for i in range(len(spans)):
        for j in range(i, len(spans)):
            lo, hi = min(r0, spans[i][0]), max(r1, spans[j][1])
            if hi - lo > room:
                break
            count = j - i + 1
            nearer = abs((lo + hi) / 2 - (r0 + r1) / 2) < abs(sum(best) / 2 - (r0 + r1) / 2)
            if count > best_count or (count == best_count and nearer):
                best, best_count = (lo, hi), count
    return best
