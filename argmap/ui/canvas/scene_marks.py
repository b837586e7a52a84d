"""What the canvas marks on its cards and arrows besides their place: the selection (kept
in step with the controller both ways), the current card, find matches, and focus mode's
dimming. Only items whose mark changes are touched (``SceneWork.items_refreshed``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from argmap.ui.canvas.card_item import CardItem

if TYPE_CHECKING:
    from argmap.ui.canvas.scene import MapScene


class SceneMarks:
    """The scene's selection, current card, find matches and focus-mode dimming."""

    def __init__(self, scene: MapScene) -> None:
        self.scene = scene
        self.focus_mode = False
        self._matches: set[str] = set()
        self._dimmed: set[str] = set()
        self._current: str | None = None
        self._syncing_selection = False

    def clear(self) -> None:
        """Forget every mark (the items are being built again)."""
        self._dimmed = set()
        self._current = None
        self._matches = set()

    @property
    def matches(self) -> frozenset[str]:
        """The statements find highlights."""
        return frozenset(self._matches)

    @property
    def dimmed(self) -> set[str]:
        """The cards and arrows focus mode fades."""
        return self._dimmed

    def is_dimmed(self, record_id: str) -> bool:
        """Whether focus mode fades this card or arrow."""
        return record_id in self._dimmed

    # --- selection ---------------------------------------------------------------------

    def on_scene_selection(self) -> None:
        """The user selected on the canvas: tell the controller."""
        if self._syncing_selection:
            return
        self.scene.controller.set_selection(self.scene.selected_ids())
        self.apply_focus()

    def on_controller_selection(self, ids: list[str]) -> None:
        """The controller's selection changed: select those cards, mark the current one."""
        scene = self.scene
        self._syncing_selection = True
        try:
            wanted = set(ids)
            for item in scene.selectedItems():
                if isinstance(item, CardItem) and item.statement_id not in wanted:
                    item.setSelected(False)
            for sid in wanted:
                card = scene.cards.get(sid)
                if card is not None and not card.isSelected():
                    card.setSelected(True)
            current = ids[-1] if ids else None
            if current != self._current:
                for key in (self._current, current):
                    card = scene.cards.get(key) if key is not None else None
                    if card is not None:
                        card.set_flags(current=key == current)
                        scene.work.items_refreshed += 1
                self._current = current
        finally:
            self._syncing_selection = False
        self.apply_focus()

    # --- focus mode and find -------------------------------------------------------------

    def set_focus_mode(self, on: bool) -> None:
        """Dim everything except the current statement's ancestors and descendants."""
        self.focus_mode = on
        self.apply_focus()

    def focus_set(self) -> set[str] | None:
        """Statement and inference ids kept bright in focus mode (None: all)."""
        controller = self.scene.controller
        current = controller.current
        if not self.focus_mode or current is None:
            return None
        ix = controller.index
        keep = {current}
        for step in (ix.parents, ix.children):
            stack = [current]
            while stack:
                for nxt in step(stack.pop()):
                    if nxt not in keep:
                        keep.add(nxt)
                        stack.append(nxt)
        edges = set()
        for sid in keep:
            for iid in ix.concluding_in(sid):
                if all(p in keep for p in ix.inferences[iid].premises):
                    edges.add(iid)
        return keep | edges

    def apply_focus(self) -> None:
        """Dim what focus mode leaves out; only items whose dimming changes are touched."""
        scene = self.scene
        keep = self.focus_set()
        dimmed = set() if keep is None else (scene.cards.keys() | scene.edges.keys()) - keep
        changed = dimmed ^ self._dimmed
        if not changed:
            return
        for key in changed:
            on = key in dimmed
            card = scene.cards.get(key)
            if card is not None:
                card.set_flags(dimmed=on)
            else:
                edge = scene.edges.get(key)
                if edge is None:
                    continue
                edge.set_dimmed(on)
            scene.work.items_refreshed += 1
        self._dimmed = dimmed
        scene.overview.set_dimmed(dimmed)

    def set_matches(self, ids: Iterable[str]) -> None:
        """Highlight find matches (the current one is also selected, so it stands out)."""
        new = set(ids)
        for sid in self._matches ^ new:
            card = self.scene.cards.get(sid)
            if card is not None:
                card.set_flags(highlighted=sid in new)
        self._matches = new
