"""Undo commands for the scenario panes: ACH ratings and row weights, priors, signposts."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from PySide6.QtGui import QUndoCommand

from argmap.model import AchRating, RowLevel, SignpostStatus
from argmap.model.edit_steps import Edit
from argmap.model.layer_edits import set_layer_prior_share, set_layer_rating
from argmap.model.rating_edits import set_row_level
from argmap.model.signpost_edits import (
    add_signpost,
    remove_signpost,
    set_signpost_status,
    set_signpost_text,
)
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


class SetRowLevelCommand(EditCommand):
    """Set one ACH row's credibility or relevance (``None``: back to its default)."""

    def __init__(
        self,
        controller: DocumentController,
        evidence: str,
        which: Literal["credibility", "relevance"],
        level: RowLevel | None,
    ) -> None:
        super().__init__(controller, set_row_level(controller.index, evidence, which, level))


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


def set_level(
    controller: DocumentController,
    evidence: str,
    which: Literal["credibility", "relevance"],
    level: RowLevel | None,
) -> bool:
    """Push one row-weight edit; returns whether anything changed."""
    return controller.push(SetRowLevelCommand(controller, evidence, which, level))


def new_signpost(controller: DocumentController, scenario: str, text: str) -> str | None:
    """Add a signpost to a scenario as one undoable command; its id, or None."""
    edit = add_signpost(controller.index, scenario, text)
    if not controller.push(EditCommand(controller, edit)):
        return None
    return str(edit.steps[0].record.id)  # type: ignore[attr-defined]  # one InsertRecord


def reword_signpost(controller: DocumentController, signpost_id: str, text: str) -> bool:
    """Change a signpost's text as one undoable command."""
    edit = set_signpost_text(controller.index, signpost_id, text)
    return controller.push(EditCommand(controller, edit))


def set_signpost(
    controller: DocumentController,
    signpost_id: str,
    status: SignpostStatus,
    today: dt.date | None = None,
) -> bool:
    """Set a signpost's status, stamped with today's date, as one undoable command."""
    day = today if today is not None else dt.date.today()
    edit = set_signpost_status(controller.index, signpost_id, status, day)
    return controller.push(EditCommand(controller, edit))


def delete_signpost(controller: DocumentController, signpost_id: str) -> bool:
    """Delete a signpost as one undoable command."""
    return controller.push(EditCommand(controller, remove_signpost(controller.index, signpost_id)))
