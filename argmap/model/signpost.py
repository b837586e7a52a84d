"""A signpost: what we would expect to see next if a scenario is unfolding (Heuer's
step 8, "identify milestones for future observation"), with the analyst's status."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from argmap.model.base import Record


class SignpostStatus(StrEnum):
    """How far the expected development has been seen, as the analyst last judged it."""

    NOT_SEEN = "not seen"  # nothing yet: the default
    EMERGING = "emerging"  # first signs, not conclusive
    OBSERVED = "observed"  # it happened
    CONTRADICTED = "contradicted"  # the opposite happened


class Signpost(Record):
    """One indicator for one scenario (``scenario`` is a statement id)."""

    id: str = Field(min_length=1)
    scenario: str
    text: str
    status: SignpostStatus = SignpostStatus.NOT_SEEN
    changed: str | None = None  # ISO date (YYYY-MM-DD) of the last status change
    notes: str = ""
