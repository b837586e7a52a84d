"""A snapshot: the estimate as it stood on a date, with the judgements behind it, so a
later look can say what changed since and which change moved the weights most; and the
outcome, once the question resolves, against which every snapshot is scored."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from argmap.model.base import Record
from argmap.model.rating import Rating

if TYPE_CHECKING:
    from argmap.model.document import ArgMap

Unit = Annotated[float, Field(ge=0.0, le=1.0)]
Prior = Annotated[float, Field(ge=0.0, allow_inf_nan=False)]
Rank = Annotated[int, Field(ge=1)]
# What a fingerprint leaves out: the history itself and how the map is shown.
NOT_CONTENT = frozenset({"snapshots", "outcome", "view"})


class Snapshot(Record):
    """The scenario weights, ACH ranks and confidence "as of" a date, with the map's
    fingerprint and its judgements (only those given: a missing id was not judged)."""

    id: str = Field(min_length=1)
    as_of: str  # ISO date (YYYY-MM-DD) the estimate speaks for
    taken: str | None = None  # when it was recorded (ISO date and time, UTC)
    note: str = ""
    fingerprint: str = ""  # SHA-256 of the map's content (see map_fingerprint)
    confidence: str | None = None  # "low", "moderate" or "high"
    weights: dict[str, Unit] = Field(default_factory=dict)  # scenario id -> weight (0..1)
    ach_ranks: dict[str, Rank] = Field(default_factory=dict)  # scenario id -> ACH rank (1: best)
    titles: dict[str, str] = Field(default_factory=dict)  # scenario id -> its text then
    priors: dict[str, Prior] = Field(default_factory=dict)  # scenario id -> prior as given
    credibility: dict[str, Unit] = Field(default_factory=dict)  # statement id -> credibility
    strength: dict[str, Unit] = Field(default_factory=dict)  # inference id -> strength
    ratings: list[Rating] = Field(default_factory=list)  # the explicit ACH ratings
    sources: list[str] = Field(default_factory=list)  # ids of the map's sources
    signposts: dict[str, str] = Field(default_factory=dict)  # signpost id -> status


class Outcome(Record):
    """How the question resolved: which scenario happened, and when."""

    scenario: str  # the statement id of the scenario that happened
    resolved: str  # ISO date (YYYY-MM-DD)
    note: str = ""


def map_fingerprint(doc: ArgMap) -> str:
    """SHA-256 of the map's content (not its snapshots, outcome or view): two snapshots
    with one fingerprint were taken of the same map."""
    content = doc.model_dump(mode="json", exclude=set(NOT_CONTENT))
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
