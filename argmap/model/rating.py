"""ACH judgements: how consistent one item of evidence is with one scenario (a cell), and
how much one item of evidence weighs (its row's credibility and relevance)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from argmap.model.base import Record


class AchRating(StrEnum):
    """Heuer's consistency scale, very consistent ... very inconsistent, and PARC ACH's
    "not applicable" (judged: the item does not bear on the scenario)."""

    CC = "CC"
    C = "C"
    N = "N"
    I = "I"  # noqa: E741
    II = "II"
    NA = "NA"


class RowLevel(StrEnum):
    """PARC ACH's three-step scale for a row's credibility or relevance."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Rating(Record):
    """An analyst's rating of one cell, overriding what the map's structure implies.

    ``relevance`` (0..1) is the cell's own relevance, kept from format version 1; the
    matrix reads it on the bounded row scale (see :mod:`argmap.analysis.ach`)."""

    evidence: str
    scenario: str
    rating: AchRating
    relevance: float | None = Field(default=None, ge=0.0, le=1.0)


class AchRow(Record):
    """The analyst's weights of one ACH row (``evidence`` is a statement id): credibility
    and relevance on PARC's Low / Medium / High scale; ``None`` means "not set" (the
    credibility then follows from the statement's own, the relevance is Medium)."""

    evidence: str
    credibility: RowLevel | None = None
    relevance: RowLevel | None = None
