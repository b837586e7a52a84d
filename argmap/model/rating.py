"""An explicit ACH rating: how consistent one item of evidence is with one scenario."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from argmap.model.base import Record


class AchRating(StrEnum):
    """Heuer's consistency scale: very consistent ... very inconsistent."""

    CC = "CC"
    C = "C"
    N = "N"
    I = "I"  # noqa: E741
    II = "II"


class Rating(Record):
    """An analyst's rating, overriding what the map's structure implies."""

    evidence: str
    scenario: str
    rating: AchRating
    relevance: float | None = Field(default=None, ge=0.0, le=1.0)
