"""Analyst layers: each analyst's judgements over one shared map.

A team shares the structure (statements, inferences, sources, quotes); each analyst's
judgements (credibility of statements, strength of inferences, priors of scenarios,
explicit ACH ratings) live in a named :class:`Layer`. The map's own fields are the *base*
judgements: a layer sets only what its analyst judged, and everything it leaves out is
the base's. :mod:`argmap.model.layer_view` gives the map as one analyst sees it.

In a layer, a value of ``None`` means the analyst explicitly left the judgement unset
("not judged", "no prior", "no explicit rating"), which differs from leaving it out.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from argmap.model.base import Record
from argmap.model.rating import AchRating

Probability = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Weight = Annotated[float, Field(ge=0.0, allow_inf_nan=False)]  # finite: JSON cannot hold more
JUDGEMENT_TABLES = ("credibility", "strength", "prior")


class LayerRating(Record):
    """An analyst's ACH rating of one evidence x scenario cell (``None``: no explicit
    rating in this layer, the map's structure rates the cell)."""

    evidence: str
    scenario: str
    rating: AchRating | None
    relevance: float | None = Field(default=None, ge=0.0, le=1.0)


class Layer(Record):
    """One analyst's judgements, by statement or inference id; what it leaves out is the
    map's own judgement."""

    name: str = Field(min_length=1)
    credibility: dict[str, Probability | None] = Field(default_factory=dict)  # statements
    strength: dict[str, Probability | None] = Field(default_factory=dict)  # inferences
    prior: dict[str, Weight | None] = Field(default_factory=dict)  # scenarios
    ratings: list[LayerRating] = Field(default_factory=list)
    notes: str = ""

    def size(self) -> int:
        """How many judgements the layer sets."""
        return len(self.credibility) + len(self.strength) + len(self.prior) + len(self.ratings)
