"""A small real map over the seed articles, for the pane tests and screenshots."""

from __future__ import annotations

from argmap.model import ArgMap, Inference, InferenceKind, Quote, Source, Statement, StatementKind
from argmap.resources import seed_articles


def _quote(qid: str, source: Source, phrase: str) -> Quote:
    start = source.text.index(phrase)
    return Quote.from_range(qid, source.id, source.text, start, start + len(phrase))


def seed_map() -> ArgMap:
    """Two seed articles, four quotes, five statements and four inferences."""
    texts = [p.read_text(encoding="utf-8") for p in seed_articles()[:2]]
    a = Source.from_text(
        "src-a",
        texts[0],
        title=texts[0].splitlines()[0],
        publisher="Jamestown",
        published="2025-10-30",
    )
    b = Source.from_text("src-b", texts[1], publisher="Example Wire")
    q1 = _quote("q-1", a, "Putin subsequently resorted to nuclear posturing")
    q2 = _quote("q-2", a, "Mounting economic decline, elite discontent, and Western sanctions")
    q3 = _quote("q-3", a, "waste of time")
    q4 = _quote("q-4", a, "The lifting of sanctions is likely to be Moscow’s key demand")
    statements = [
        Statement(id="s-claim", kind=StatementKind.CLAIM, text="A ceasefire is possible in 2026"),
        Statement(
            id="s-demand",
            kind=StatementKind.ASSUMPTION,
            text="Moscow will demand that sanctions be lifted",
            quotes=["q-4"],
        ),
        Statement(
            id="s-econ",
            kind=StatementKind.PREMISE,
            text="Economic decline pressures the Kremlin",
            quotes=["q-2"],
            credibility=0.7,
            tags=["economy"],
        ),
        Statement(
            id="s-nuke",
            kind=StatementKind.EVIDENCE,
            text="Russia returned to nuclear posturing",
            quotes=["q-1"],
            notes="Signals unwillingness to compromise",
        ),
        Statement(
            id="s-trump",
            kind=StatementKind.OBJECTION,
            text="Trump called a summit a waste of time",
            quotes=["q-3", "q-1"],
        ),
    ]
    inferences = [
        Inference(id="i-1", premises=["s-econ"], conclusion="s-claim"),
        Inference(id="i-2", premises=["s-nuke"], conclusion="s-claim", kind=InferenceKind.ATTACK),
        Inference(id="i-3", premises=["s-trump"], conclusion="s-claim", kind=InferenceKind.ATTACK),
        Inference(id="i-4", premises=["s-demand"], conclusion="s-econ"),
    ]
    return ArgMap(
        title="Ceasefire talks",
        sources=[a, b],
        quotes=[q1, q2, q3, q4],
        statements=statements,
        inferences=inferences,
    )
