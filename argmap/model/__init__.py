"""The argmap document model: plain pydantic, no Qt."""

from argmap.model.dialogue import AifEdge, AifLink, AifNode, Dialogue
from argmap.model.document import FORMAT_NAME, FORMAT_VERSION, ArgMap, ViewState
from argmap.model.inference import Inference, InferenceKind
from argmap.model.layer import Layer, LayerRating
from argmap.model.quote import Quote
from argmap.model.rating import AchRating, AchRow, Rating, RowLevel
from argmap.model.signpost import Signpost, SignpostStatus
from argmap.model.snapshot import Outcome, Snapshot
from argmap.model.source import Source
from argmap.model.statement import Statement, StatementKind

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "AchRating",
    "AchRow",
    "AifEdge",
    "AifLink",
    "AifNode",
    "ArgMap",
    "Dialogue",
    "Inference",
    "InferenceKind",
    "Layer",
    "LayerRating",
    "Outcome",
    "Quote",
    "Rating",
    "RowLevel",
    "Signpost",
    "SignpostStatus",
    "Snapshot",
    "Source",
    "Statement",
    "StatementKind",
    "ViewState",
]
