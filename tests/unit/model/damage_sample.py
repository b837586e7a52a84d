"""One small, valid map touching every kind of record (sources, quotes, statements of
each kind, supports, an attack, an undercut, an ACH rating, a signpost, pins and folds):
the tests of validation and repair break it one way per case."""

from __future__ import annotations

from argmap.model import (
    AchRating,
    ArgMap,
    Inference,
    InferenceKind,
    Quote,
    Rating,
    Source,
    Statement,
    StatementKind,
    ViewState,
)
from argmap.model.signpost import Signpost

TEXT = "Moscow says talks may resume. Kyiv insists on guarantees before any ceasefire."


def sample() -> ArgMap:
    return ArgMap(
        title="Ceasefire",
        question="s-0",
        sources=[Source.from_text("src-1", TEXT)],
        quotes=[
            Quote.from_range("q-1", "src-1", TEXT, 0, 29),
            Quote.from_range("q-2", "src-1", TEXT, 30, len(TEXT)),
        ],
        statements=[
            Statement(id="s-0", kind=StatementKind.QUESTION, text="Ceasefire this year?"),
            Statement(id="s-1", kind=StatementKind.SCENARIO, text="Deal", prior=0.4),
            Statement(id="s-2", kind=StatementKind.CLAIM, text="Talks resume"),
            Statement(id="s-3", kind=StatementKind.EVIDENCE, text="Moscow", quotes=["q-1"]),
            Statement(id="s-4", kind=StatementKind.EVIDENCE, text="Kyiv", quotes=["q-2"]),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-3", "s-4"], conclusion="s-2"),
            Inference(id="i-2", premises=["s-2"], conclusion="s-1"),
            Inference(id="i-3", premises=["s-4"], conclusion="s-1", kind=InferenceKind.ATTACK),
            Inference(id="i-4", premises=["s-4"], conclusion="i-2", kind=InferenceKind.UNDERCUT),
        ],
        ratings=[Rating(evidence="s-3", scenario="s-1", rating=AchRating.C)],
        signposts=[Signpost(id="sp-1", scenario="s-1", text="Envoys meet")],
        view=ViewState(pinned={"s-1": (10.0, 20.0)}, collapsed=["s-2"]),
    )
