"""The map document: the root of a ``.argmap.json`` file."""

from __future__ import annotations

from typing import Final, Literal

from pydantic import Field

from argmap.model.base import Record
from argmap.model.dialogue import Dialogue
from argmap.model.inference import Inference
from argmap.model.layer import Layer
from argmap.model.quote import Quote
from argmap.model.rating import AchRow, Rating
from argmap.model.signpost import Signpost
from argmap.model.snapshot import Outcome, Snapshot
from argmap.model.source import Source
from argmap.model.statement import Statement

FORMAT_NAME: Final = "argmap"
FORMAT_VERSION: Final = 2


class ViewState(Record):
    """How the map is shown: saved with it, separate from its content."""

    direction: Literal["TB", "LR"] = "TB"
    pinned: dict[str, tuple[float, float]] = Field(default_factory=dict)
    collapsed: list[str] = Field(default_factory=list)
    layer: str | None = None  # the analyst layer being shown and edited; None: the map's own


class ArgMap(Record):
    """A whole map: sources, quotes, statements, inferences, ratings and view state.

    Lists keep the user's order; ids are unique across statements and inferences.
    """

    format: Literal["argmap"] = FORMAT_NAME
    version: Literal[2] = FORMAT_VERSION
    title: str = ""
    question: str | None = None  # id of the focal question statement, if any
    # Map properties (version 2), shown and edited in the map's properties:
    description: str = ""  # what the map is for, its scope, the question's sharpening
    analyst: str = ""  # who made the estimate
    as_of: str | None = None  # ISO date (YYYY-MM-DD) the estimate speaks for
    source_policy: str = ""  # how credibility follows from a source's kind and age
    sources: list[Source] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    inferences: list[Inference] = Field(default_factory=list)
    ratings: list[Rating] = Field(default_factory=list)
    ach_rows: list[AchRow] = Field(default_factory=list)  # version 2: ACH row weights
    signposts: list[Signpost] = Field(default_factory=list)  # version 2
    snapshots: list[Snapshot] = Field(default_factory=list)  # the estimate over time
    outcome: Outcome | None = None  # how the question resolved, once it has
    layers: list[Layer] = Field(default_factory=list)  # analysts' judgements (model/layer.py)
    dialogue: Dialogue | None = None  # AIF dialogue layer and ids, kept for AIF export
    view: ViewState = Field(default_factory=ViewState)

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id (KeyError if absent)."""
        for s in self.statements:
            if s.id == statement_id:
                return s
        raise KeyError(statement_id)

    def inference(self, inference_id: str) -> Inference:
        """The inference with this id (KeyError if absent)."""
        for i in self.inferences:
            if i.id == inference_id:
                return i
        raise KeyError(inference_id)

    def source(self, source_id: str) -> Source:
        """The source with this id (KeyError if absent)."""
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def quote(self, quote_id: str) -> Quote:
        """The quote with this id (KeyError if absent)."""
        for q in self.quotes:
            if q.id == quote_id:
                return q
        raise KeyError(quote_id)
