"""The map at low zoom: cards as plain boxes in their kind's colours, arrows as thin lines.

Below a readable zoom the view paints this instead of thousands of items (each item's
``paint`` is a Python call; a few dozen batched paths are not). Cards and arrows are
cut into strips along the map's long side, each strip holding one path per kind, so
an edit rebuilds only the strips it touched and a repaint skips strips out of view.

Drawing a path makes Qt keep a converted copy inside it (20 bytes an element, as much
again as the path: 6.5 MB for 20,000 cards); the overview drops that copy after each
paint, as converting again costs the next paint ~1 ms at 20,000 cards.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from argmap.export.card_painter import forget_drawn_copy
from argmap.export.themes import Theme, mix
from argmap.layout.geometry import Box, CardLayout, EdgeLayout, MapLayout
from argmap.ui.canvas.card_item import CardItem

if TYPE_CHECKING:
    from argmap.ui.canvas.scene import MapScene

_PER_STRIP = 400  # cards per strip when the strips are cut
_TINY_PX = 6.0  # narrower cards are filled boxes without a border
# Corner radii of the kinds whose roundness shows at low zoom (-1: a pill, half the height).
_CORNERS = {"question": -1.0, "scenario": 7.0, "claim": 12.0}
_EDGE_KINDS = ("support", "attack", "undercut")


@dataclass(slots=True)
class _Strip:
    """The cards and arrows whose first point falls in one slice of the map."""

    cards: dict[str, CardLayout] = field(default_factory=dict)
    edges: dict[str, EdgeLayout] = field(default_factory=dict)
    dirty: bool = True
    bounds: QRectF = field(default_factory=QRectF)
    # (kind, dimmed) -> path; built on the first paint after a change
    card_paths: dict[tuple[str, bool], QPainterPath] = field(default_factory=dict)
    edge_paths: dict[tuple[str, bool], QPainterPath] = field(default_factory=dict)


class Overview:
    """Batched low-detail drawing of a whole map, kept in step with layout deltas."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.build_count = 0  # strips (re)built: edits rebuild few
        self._cuts: list[float] = []
        self._along_x = True
        self._strips: list[_Strip] = [_Strip()]
        self._card_strip: dict[str, _Strip] = {}
        self._edge_strip: dict[str, _Strip] = {}
        self._dimmed: set[str] = set()
        self._layout = MapLayout({}, {}, Box(0, 0, 0, 0))
        self._stale_cards: set[str] = set()
        self._stale_edges: set[str] = set()
        self._set_styles()

    # --- keeping in step ---------------------------------------------------------------

    def reset(self, layout: MapLayout, dimmed: Iterable[str] = ()) -> None:
        """Cut the map into strips afresh (a new map, theme or direction)."""
        b = layout.bounds
        along_x = self._along_x = b.w >= b.h
        cards = sorted(layout.cards.values(), key=lambda c: c.box.x if along_x else c.box.y)
        chunks = [cards[k : k + _PER_STRIP] for k in range(0, len(cards), _PER_STRIP)] or [[]]
        self._cuts = [(c[0].box.x if along_x else c[0].box.y) for c in chunks[1:]]
        self._strips = [_Strip() for _ in chunks]
        card_strip = self._card_strip = {}
        for strip, chunk in zip(self._strips, chunks, strict=True):
            strip.cards = {c.statement_id: c for c in chunk}
            card_strip.update(dict.fromkeys(strip.cards, strip))
        self._edge_strip.clear()
        self._dimmed = set(dimmed)
        self._layout = layout
        self._stale_cards = set()
        self._stale_edges = set(layout.edges)

    def update(self, layout: MapLayout, cards: Iterable[str], edges: Iterable[str]) -> None:
        """Note that these cards and arrows moved, appeared or went; the strips catch up
        when next painted (at a readable zoom, edits never pay for the overview)."""
        self._layout = layout
        self._stale_cards.update(cards)
        self._stale_edges.update(edges)

    def _catch_up(self) -> None:
        layout = self._layout
        placed = layout.cards
        for sid in self._stale_cards:
            old = self._card_strip.pop(sid, None)
            if old is not None:
                del old.cards[sid]
                old.dirty = True
            c = placed.get(sid)
            if c is not None:
                b = c.box
                strip = self._strip_at(b.x, b.y)
                self._card_strip[sid] = strip
                strip.cards[sid] = c
                strip.dirty = True
        routed = layout.edges
        for iid in self._stale_edges:
            gone = self._edge_strip.pop(iid, None)
            if gone is not None:
                del gone.edges[iid]
                gone.dirty = True
            e = routed.get(iid)
            if e is not None:
                first = e.points[0]
                strip = self._strip_at(first[0], first[1])
                self._edge_strip[iid] = strip
                strip.edges[iid] = e
                strip.dirty = True
        self._stale_cards = set()
        self._stale_edges = set()

    def set_dimmed(self, dimmed: set[str]) -> None:
        """Show these card and arrow ids faded (focus mode)."""
        if self._stale_cards or self._stale_edges:
            self._catch_up()
        for key in self._dimmed ^ dimmed:
            strip = self._card_strip.get(key) or self._edge_strip.get(key)
            if strip is not None:
                strip.dirty = True
        self._dimmed = set(dimmed)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._set_styles()

    def _strip_at(self, x: float, y: float) -> _Strip:
        return self._strips[bisect.bisect_right(self._cuts, x if self._along_x else y)]

    # --- painting ------------------------------------------------------------------------

    def paint(self, painter: QPainter, exposed: QRectF, zoom: float) -> None:
        """Draw the strips that meet ``exposed`` (scene units) at ``zoom``."""
        if self._stale_cards or self._stale_edges:
            self._catch_up()
        shown = []
        for strip in self._strips:
            if strip.dirty:
                self._build(strip)
            if strip.bounds.intersects(exposed):
                shown.append(strip)
        dim = self.theme.dimmed_opacity
        tiny = self._card_width * zoom < _TINY_PX
        # Arrows run along rows and columns: crisp without antialiasing when tiny (2x faster).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not tiny)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for strip in shown:
            for (kind, dimmed), path in strip.edge_paths.items():
                painter.setOpacity(dim if dimmed else 1.0)
                painter.setPen(self._edge_pens[kind])
                painter.drawPath(path)
                forget_drawn_copy(path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for strip in shown:
            for (kind, dimmed), path in strip.card_paths.items():
                painter.setOpacity(dim if dimmed else 1.0)
                if tiny:
                    painter.fillPath(path, self._solid[kind])
                else:
                    painter.setPen(self._borders[kind])
                    painter.setBrush(self._fills[kind])
                    painter.drawPath(path)
                forget_drawn_copy(path)
        painter.setOpacity(1.0)

    def paint_marks(
        self,
        painter: QPainter,
        boxes: Iterable[tuple[QRectF, str, bool]],
        colour: str,
        zoom: float,
    ) -> None:
        """Rings (3 px on screen) around cards (rect, kind, dimmed): selection, find
        matches, drop target."""
        pen = QPen(QColor(colour), 3.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        margin = 3.0 / max(zoom, 1e-6)
        for rect, kind, dimmed in boxes:
            painter.setOpacity(self.theme.dimmed_opacity if dimmed else 1.0)
            painter.setBrush(self._fills[kind])
            painter.drawRoundedRect(rect.adjusted(-margin, -margin, margin, margin), 4, 4)
        painter.setOpacity(1.0)

    def _build(self, strip: _Strip) -> None:
        self.build_count += 1
        cards = self._card_paths(strip)
        edges = self._edge_paths(strip)
        bounds = QRectF()
        for path in (*cards.values(), *edges.values()):
            bounds = bounds.united(path.boundingRect())
        strip.card_paths = cards
        strip.edge_paths = edges
        strip.bounds = bounds
        strip.dirty = False

    def _card_paths(self, strip: _Strip) -> dict[tuple[str, bool], QPainterPath]:
        """One path per card kind (and dimmed or not) with every card of the strip."""
        dimmed = self._dimmed
        scale = self.theme.scale
        boxes: dict[tuple[str, bool], list[Box]] = {}
        if dimmed:
            for sid, card in strip.cards.items():
                boxes.setdefault((card.kind, sid in dimmed), []).append(card.box)
        else:
            for card in strip.cards.values():
                boxes.setdefault((card.kind, False), []).append(card.box)
        cards: dict[tuple[str, bool], QPainterPath] = {}
        for key, group in boxes.items():
            path = cards[key] = QPainterPath()
            corner = _CORNERS.get(key[0])
            if corner is None:  # square enough at this size: 5 path elements, not 17
                path.reserve(5 * len(group))
                for b in group:
                    path.addRect(b.x, b.y, b.w, b.h)
            else:
                path.reserve(17 * len(group))
                for b in group:
                    r = b.h / 2 if corner < 0 else corner * scale
                    path.addRoundedRect(b.x, b.y, b.w, b.h, r, r)
        return cards

    def _edge_paths(self, strip: _Strip) -> dict[tuple[str, bool], QPainterPath]:
        """One path per arrow kind (and dimmed or not) with every arrow of the strip."""
        dimmed = self._dimmed
        lines: dict[tuple[str, bool], list[list[tuple[float, float]]]] = {}
        for iid, edge in strip.edges.items():
            polylines = lines.setdefault((edge.kind, bool(dimmed) and iid in dimmed), [])
            polylines.append(edge.points)
            if edge.feeders:
                polylines.extend(edge.feeders)
        edges: dict[tuple[str, bool], QPainterPath] = {}
        for key in sorted(lines):
            path = edges[key] = QPainterPath()
            path.reserve(sum(len(points) for points in lines[key]))
            for (x0, y0), *rest in lines[key]:
                path.moveTo(x0, y0)
                for x, y in rest:
                    path.lineTo(x, y)
        return edges

    def _set_styles(self) -> None:
        t = self.theme
        self._card_width = 150.0 * t.scale
        self._fills = {k: QBrush(QColor(s.fill)) for k, s in t.kinds.items()}
        self._solid = {k: QBrush(QColor(mix(s.fill, s.border, 0.55))) for k, s in t.kinds.items()}
        self._borders = {}
        for k, s in t.kinds.items():
            pen = QPen(QColor(s.border), 1.0)
            pen.setCosmetic(True)
            self._borders[k] = pen
        self._edge_pens = {}
        colours = {"support": t.support, "attack": t.attack, "undercut": t.undercut}
        for k in _EDGE_KINDS:
            pen = QPen(QColor(colours[k]), 1.0)
            pen.setCosmetic(True)
            self._edge_pens[k] = pen


def paint_low_detail(scene: MapScene, painter: QPainter, exposed: QRectF, zoom: float) -> None:
    """The scene below a readable zoom: its overview, then rings on selected, matched and
    target cards where they are (a dragged card moves), then gesture previews."""
    scene.overview.paint(painter, exposed, zoom)
    cards = scene.cards
    chosen = [i for i in scene.selectedItems() if isinstance(i, CardItem)]
    target = scene.drop_target.card
    rings = (
        (scene.theme.highlight, [cards[s] for s in scene.marks.matches if s in cards]),
        (scene.theme.selection, chosen),
        (scene.theme.selection, [target] if target is not None else []),
    )
    for colour, marked in rings:
        boxes = [
            (_ring_rect(scene, c), c.statement.kind.value, scene.marks.is_dimmed(c.statement_id))
            for c in marked
            if c.isVisible()
        ]
        if boxes:
            scene.overview.paint_marks(painter, boxes, colour, zoom)
    option = QStyleOptionGraphicsItem()
    for item in scene.overlays:
        if item.isVisible():
            painter.save()
            painter.setTransform(item.sceneTransform(), True)
            item.paint(painter, option, None)
            painter.restore()


def _ring_rect(scene: MapScene, card: CardItem) -> QRectF:
    """Where a card is: its item (which a drag moves), or its layout box while the item
    waits in the backlog."""
    layout = scene.layout
    placed = layout.cards.get(card.statement_id) if layout is not None else None
    if placed is not None and card.statement_id in scene.backlog.card_ids:
        b = placed.box
        return QRectF(b.x, b.y, b.w, b.h)
    return card.mapRectToScene(card.rect())
