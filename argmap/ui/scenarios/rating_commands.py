"""Undo commands for the scenario panes: set or clear an ACH rating, set a prior share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from argmap.model import AchRating
from argmap.model.edit_steps import Edit
from argmap.model.layer_edits import set_layer_prior_share, set_layer_rating
from argmap.ui.editing.commands import EditCommand

if TYPE_CHECKING:
    from argmap.ui.editing.controller import DocumentController


_MERGE_PRIOR = 101  # QUndoCommand.id: distinct from argmap.ui.editing.commands' merge ids


class SetRatingCommand(EditCommand):
    """Override one ACH cell (or, with ``None``, return it to what the map implies)."""

    def __init__(
        self,
        controller: DocumentController,
        evidence: str,
        scenario: str,
        rating: AchRating | None,
    ) -> None:
        ix = controller.index  # into the active analyst layer, if any
        super().__init__(controller, set_layer_rating(ix, evidence, scenario, rating))


class SetPriorShareCommand(EditCommand):
    """Give a scenario a share of the prior; the others rescale to fill the rest."""

    def __init__(self, controller: DocumentController, scenario: str, share: float) -> None:
        super().__init__(controller, set_layer_prior_share(controller.index, scenario, share))
        self.scenario = scenario

    def id(self) -> int:
        return _MERGE_PRIOR

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Consecutive prior edits of one scenario (spin-box steps) undo as one."""
        if not isinstance(other, SetPriorShareCommand) or other.scenario != self.scenario:
            return False
        self.edit = Edit(self.edit.label, (*self.edit.steps, *other.edit.steps))
        return True


def rate(
    controller: DocumentController, evidence: str, scenario: str, rating: AchRating | None
) -> bool:
    """Push one rating edit; returns whether anything changed."""
    return controller.push(SetRatingCommand(controller, evidence, scenario, rating))


def set_prior(controller: DocumentController, scenario: str, share: float) -> bool:
    """Push one prior edit; returns whether anything changed."""
    return controller.push(SetPriorShareCommand(controller, scenario, share))
