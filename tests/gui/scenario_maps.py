"""Small maps for the scenario panes' tests: three scenarios, arguments that move them."""

from __future__ import annotations

from argmap.model import (
    AchRating,
    ArgMap,
    Inference,
    InferenceKind,
    Rating,
    Statement,
    StatementKind,
)


def _s(sid: str, kind: StatementKind, text: str, **fields: float) -> Statement:
    return Statement(id=sid, kind=kind, text=text, **fields)


def scenario_map() -> ArgMap:
    """Ceasefire and war run close, a frozen conflict trails; ``s-econ`` supports only
    the ceasefire, ``s-rejects`` attacks it, ``s-army`` supports the war going on."""
    sc, pr, ev, ob = (
        StatementKind.SCENARIO,
        StatementKind.PREMISE,
        StatementKind.EVIDENCE,
        StatementKind.OBJECTION,
    )
    return ArgMap(
        title="Talks",
        question="s-q",
        statements=[
            _s("s-q", StatementKind.QUESTION, "Will the talks bring a ceasefire this year?"),
            _s("s-deal", sc, "Ceasefire deal", prior=0.4),
            _s("s-war", sc, "War goes on", prior=0.4),
            _s("s-frozen", sc, "Frozen conflict", prior=0.2),
            _s("s-econ", pr, "The economy is degrading"),
            _s("s-revenue", ev, "Oil revenue fell by a quarter", credibility=0.8),
            _s("s-rejects", ob, "The Kremlin rejects any freeze", credibility=0.5),
            _s("s-army", ev, "Recruitment keeps pace with losses", credibility=0.7),
        ],
        inferences=[
            Inference(id="i-deal", premises=["s-deal"], conclusion="s-q"),
            Inference(id="i-war", premises=["s-war"], conclusion="s-q"),
            Inference(id="i-frozen", premises=["s-frozen"], conclusion="s-q"),
            Inference(id="i-econ", premises=["s-econ"], conclusion="s-deal", strength=0.8),
            Inference(id="i-revenue", premises=["s-revenue"], conclusion="s-econ"),
            Inference(
                id="i-rejects",
                premises=["s-rejects"],
                conclusion="s-deal",
                kind=InferenceKind.ATTACK,
                strength=0.5,
            ),
            Inference(id="i-army", premises=["s-army"], conclusion="s-war", strength=0.6),
        ],
        ratings=[Rating(evidence="s-rejects", scenario="s-frozen", rating=AchRating.I)],
    )


def with_everywhere_evidence(doc: ArgMap) -> ArgMap:
    """``doc`` plus evidence that supports every scenario alike (non-diagnostic)."""
    doc = doc.model_copy(deep=True)
    doc.statements.append(
        _s("s-talks", StatementKind.EVIDENCE, "Both sides keep talking", credibility=0.9)
    )
    for k, sid in enumerate(("s-deal", "s-war", "s-frozen")):
        doc.inferences.append(
            Inference(id=f"i-talks-{k}", premises=["s-talks"], conclusion=sid, strength=0.5)
        )
    return doc
