"""The argmap document model: plain pydantic, no Qt."""

from argmap.model.dialogue import AifEdge, AifLink, AifNode, Dialogue
from argmap.model.document import FORMAT_NAME, FORMAT_VERSION, ArgMap, ViewState
from argmap.model.inference import Inference, InferenceKind
from argmap.model.layer import Layer, LayerRating
from argmap.model.quote import Quote
from argmap.model.rating import AchRating, Rating
from argmap.model.signpost import Signpost, SignpostStatus
from argmap.model.source import Source
from argmap.model.statement import Statement, StatementKind

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "AchRating",
    "AifEdge",
    "AifLink",
    "AifNode",
    "ArgMap",
    "Dialogue",
    "Inference",
    "InferenceKind",
    "Layer",
    "LayerRating",
    "Quote",
    "Rating",
    "Signpost",
    "SignpostStatus",
    "Source",
    "Statement",
    "StatementKind",
    "ViewState",
]
