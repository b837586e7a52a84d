"""Applying a layout's changes to card and arrow items: on screen now, off screen soon.

Some edits move most of a map (deleting a card closes its row: every card to its right
shifts). Qt spends ~8 µs per moved item (index, repaint bookkeeping), so on a big map the
items in or near a view are updated at once and the rest in idle-time batches: the edit
shows immediately and the UI never blocks. The layouter works the same way (blocks of
cards far from the view wait, see :mod:`argmap.layout.rigid_moves`): idle-time steps
first let it finish, then place what it moved. Anything that reads item positions first
calls :meth:`ItemBacklog.catch_up` (a press on the canvas, revealing a card).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QTimer

from argmap.layout.geometry import MapLayout
from argmap.ui.canvas.edge_item import EdgeItem

if TYPE_CHECKING:
    from argmap.ui.canvas.scene import MapScene

DEFER_ABOVE = 300  # changed items; smaller edits never wait
_BATCH = 600  # items per idle-time step (~10 ms of Qt bookkeeping)


@dataclass(slots=True)
class SceneWork:
    """Items the scene created, placed, refreshed and removed since it was made.

    A regression guard that cannot flake: tests count work per edit, not milliseconds.
    """

    cards_created: int = 0
    edges_created: int = 0
    cards_placed: int = 0  # a card given a (new) place from the layout
    edges_placed: int = 0
    items_refreshed: int = 0  # a new statement, mark or visibility on one item
    items_removed: int = 0


class ItemBacklog(QObject):
    """Puts item updates into place, deferring those of items nobody can see."""

    def __init__(self, scene: MapScene) -> None:
        super().__init__(scene)
        self.scene = scene
        self.layout: MapLayout | None = None
        self.card_ids: set[str] = set()
        self.edge_ids: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    def clear(self) -> None:
        self.card_ids.clear()
        self.edge_ids.clear()
        self._timer.stop()

    def place(self, layout: MapLayout, card_ids: Iterable[str], edge_ids: Iterable[str]) -> None:
        """Put these cards and arrows where ``layout`` says: now if they may be seen."""
        self.layout = layout
        card_ids, edge_ids = list(card_ids), list(edge_ids)
        area = None
        if len(card_ids) + len(edge_ids) > DEFER_ABOVE:
            area = self.scene.shown_area()
        if area is None:
            self._place(card_ids, edge_ids)
            return
        self.card_ids.update(card_ids)
        self.edge_ids.update(edge_ids)
        if not area.isEmpty():
            self._place_near(area, card_ids)
        if self.card_ids or self.edge_ids:
            self._timer.start()

    def _place_near(self, area: QRectF, card_ids: list[str]) -> None:
        """Place now the waiting cards that are or will be in ``area``, and the arrows
        that cross it or touch those cards."""
        left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
        placed, cards = self.layout.cards if self.layout else {}, self.scene.cards
        now_cards = []
        for sid in card_ids:  # inlined box tests: this loop runs for every moved card
            b = placed[sid].box
            if not (b.x > right or b.x + b.w < left or b.y > bottom or b.y + b.h < top):
                now_cards.append(sid)
                continue
            item = cards.get(sid)
            old = item.layout if item is not None else None  # None: deleted since
            if old is not None:
                b = old.box
                if not (b.x > right or b.x + b.w < left or b.y > bottom or b.y + b.h < top):
                    now_cards.append(sid)
        ix = self.scene.controller.index
        near = {i.inference_id for i in self.scene.items(area) if isinstance(i, EdgeItem)}
        for sid in now_cards:
            near.update(ix.with_premise(sid))
            near.update(ix.concluding_in(sid))
        now_edges = list(near & self.edge_ids)
        self.card_ids.difference_update(now_cards)
        self.edge_ids.difference_update(now_edges)
        self._place(now_cards, now_edges)

    def catch_up(self, limit: int | None = None) -> None:
        """Apply what is waiting (at most ``limit`` items); without a limit, first let
        the layouter finish the cards it left for later."""
        if limit is None and self.scene.layouter.pending:
            self.scene.advance_layout(None)
        if not (self.card_ids or self.edge_ids):
            return
        take_cards = list(self.card_ids)[:limit] if limit else list(self.card_ids)
        self.card_ids.difference_update(take_cards)
        room = None if limit is None else max(0, limit - len(take_cards))
        take_edges = list(self.edge_ids)[:room] if room is not None else list(self.edge_ids)
        self.edge_ids.difference_update(take_edges)
        self._place(take_cards, take_edges)

    def _step(self) -> None:
        if self.scene.layouter.pending:  # the layout first: it tells which items moved
            self.scene.advance_layout(_BATCH)
        else:
            self.catch_up(_BATCH)
        if self.card_ids or self.edge_ids or self.scene.layouter.pending:
            self._timer.start()

    def wake(self) -> None:
        """Work through what waits in idle time (the layout's part too)."""
        self._timer.start()

    def _place(self, card_ids: Iterable[str], edge_ids: Iterable[str]) -> None:
        layout = self.layout
        if layout is None:
            return
        placed, cards = layout.cards, self.scene.cards
        n = 0
        for sid in card_ids:
            card = cards.get(sid)
            c = placed.get(sid)
            if card is None:  # deleted since
                continue
            if c is None:  # hidden since
                card.setVisible(False)
                continue
            card.set_layout(c)
            card.setVisible(True)
            n += 1
        routed, edges = layout.edges, self.scene.edges
        m = 0
        for iid in edge_ids:
            edge = edges.get(iid)
            e = routed.get(iid)
            if edge is None:
                continue
            if e is None:
                edge.setVisible(False)
                continue
            edge.set_layout(e)
            edge.setVisible(True)
            m += 1
        self.scene.work.cards_placed += n
        self.scene.work.edges_placed += m
