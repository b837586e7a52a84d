"""Undo commands for analyst layers: add, delete and switch (model/layer_edits.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.model import layer_edits
from argmap.ui.editing.commands import EditCommand

if TYPE_CHECKING:
    from argmap.ui.editing.controller import DocumentController


class AddLayerCommand(EditCommand):
    """Add an empty analyst layer and show it."""

    def __init__(self, controller: DocumentController, name: str) -> None:
        super().__init__(controller, layer_edits.add_layer(controller.index, name))


class RemoveLayerCommand(EditCommand):
    """Delete an analyst layer with its judgements (undo brings them back)."""

    def __init__(self, controller: DocumentController, name: str) -> None:
        super().__init__(controller, layer_edits.remove_layer(controller.index, name))


class SwitchLayerCommand(EditCommand):
    """Show and edit another analyst's judgements (``None``: the map's own)."""

    def __init__(self, controller: DocumentController, name: str | None) -> None:
        super().__init__(controller, layer_edits.switch_layer(controller.index, name))
