"""Small hand-built maps for the scenario-weight tests."""

from __future__ import annotations

from argmap.model import ArgMap, Inference, InferenceKind, Quote, Source, Statement, StatementKind


def scenario(sid: str, prior: float | None = None, tags: list[str] | None = None) -> Statement:
    return Statement(
        id=sid, kind=StatementKind.SCENARIO, text=f"Scenario {sid}", prior=prior, tags=tags or []
    )


def evidence(
    sid: str, credibility: float | None, quotes: list[str] | None = None, text: str = ""
) -> Statement:
    return Statement(
        id=sid,
        kind=StatementKind.EVIDENCE,
        text=text or f"Evidence {sid}",
        credibility=credibility,
        quotes=quotes or [],
    )


def claim(sid: str) -> Statement:
    return Statement(id=sid, kind=StatementKind.CLAIM, text=f"Claim {sid}")


def support(iid: str, premises: list[str], to: str, strength: float | None) -> Inference:
    return Inference(id=iid, premises=premises, conclusion=to, strength=strength)


def attack(iid: str, premises: list[str], to: str, strength: float | None) -> Inference:
    return Inference(
        id=iid, premises=premises, conclusion=to, strength=strength, kind=InferenceKind.ATTACK
    )


def undercut(iid: str, premises: list[str], to: str, strength: float | None) -> Inference:
    return Inference(
        id=iid, premises=premises, conclusion=to, strength=strength, kind=InferenceKind.UNDERCUT
    )


ARTICLE = "Troops massed at the border. The central bank cut its forecast. Talks stalled."


def article(sid: str = "src") -> Source:
    return Source.from_text(sid, ARTICLE, title=f"Article {sid}")


def quote(qid: str, source: str, phrase: str) -> Quote:
    start = ARTICLE.index(phrase)
    return Quote.from_range(qid, source, ARTICLE, start, start + len(phrase))


def hand_worked() -> ArgMap:
    """The map worked on paper in the tests and in Help (see test_hand_worked_example)."""
    return ArgMap(
        title="Hand-worked example",
        sources=[article("s1"), article("s2")],
        quotes=[
            quote("q1", "s1", "Troops massed at the border."),
            quote("q2", "s2", "Talks stalled."),
        ],
        statements=[
            scenario("A", 0.5),
            scenario("B", 0.3),
            scenario("O", 0.2, tags=["catch-all"]),
            evidence("e1", 0.8, ["q1"]),
            evidence("e2", 0.5, ["q2"]),
            evidence("e3", 0.6),
            claim("k"),
        ],
        inferences=[
            support("i1", ["e1"], "A", 0.9),
            attack("i2", ["e2"], "A", 0.75),
            support("i3", ["e3"], "k", 0.5),
            support("i4", ["k"], "B", 0.8),
        ],
    )
