"""Small maps with analyst layers, shared by the layer, pool and disagreement tests."""

from __future__ import annotations

from argmap.model import ArgMap, Inference, InferenceKind, Layer, Statement, StatementKind


def two_scenarios(*layers: Layer) -> ArgMap:
    """A question, scenarios A (prior 1) and B (prior 1), evidence e1 (credibility 0.9)
    supporting A through i1 (strength 0.75: 4:1) and e2 (0.5) supporting B through i2
    (strength 0.5: 2:1); ``layers`` over it."""
    return ArgMap(
        title="Two scenarios",
        question="q",
        statements=[
            Statement(id="q", kind=StatementKind.QUESTION, text="Which?"),
            Statement(id="a", kind=StatementKind.SCENARIO, text="Scenario A", prior=1.0),
            Statement(id="b", kind=StatementKind.SCENARIO, text="Scenario B", prior=1.0),
            Statement(id="e1", kind=StatementKind.EVIDENCE, text="Report one", credibility=0.9),
            Statement(id="e2", kind=StatementKind.EVIDENCE, text="Report two", credibility=0.5),
        ],
        inferences=[
            Inference(id="i1", premises=["e1"], conclusion="a", strength=0.75),
            Inference(id="i2", premises=["e2"], conclusion="b", strength=0.5),
            Inference(id="qa", premises=["a"], conclusion="q", kind=InferenceKind.SUPPORT),
            Inference(id="qb", premises=["b"], conclusion="q", kind=InferenceKind.SUPPORT),
        ],
        layers=list(layers),
    )
