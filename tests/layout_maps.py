"""Maps for layout and export tests and benchmarks: a small ceasefire map, synthetic trees."""

from __future__ import annotations

import random

from argmap.model import ArgMap, Inference, InferenceKind, Quote, Source, Statement

_TEXT = (
    "A ceasefire along the current line of contact is unlikely before spring because both "
    "sides still expect gains from the winter campaign and neither leadership can sell a "
    "freeze at home while mobilisation continues"
).split()


def ceasefire_map() -> ArgMap:
    """A question, four scenarios, claims, linked premises, an attack and an undercut."""
    text = (
        "Officials in Kyiv said talks could start in May. Moscow insists on recognition "
        "of annexed regions. Western partners pledged new air defence."
    )
    src = Source.from_text("src-1", text, title="Talks article", published="2025-03-02")
    q1 = Quote.from_range("q-1", "src-1", text, 0, 48)
    q2 = Quote.from_range("q-2", "src-1", text, 49, 97)
    S = Statement  # noqa: N806
    statements = [
        S(id="s-q", kind="question", text="Will Russia and Ukraine agree a ceasefire in 2025?"),
        S(id="s-a", kind="scenario", text="Ceasefire along the current front line", prior=2),
        S(id="s-b", kind="scenario", text="Negotiated settlement with guarantees", prior=1),
        S(id="s-c", kind="scenario", text="Frozen conflict without an agreement", prior=3),
        S(id="s-d", kind="scenario", text="Escalation of the war", prior=1),
        S(id="s-c1", kind="claim", text="Both sides are ready to start talks by May"),
        S(
            id="s-e1",
            kind="evidence",
            text="Officials in Kyiv said talks could start in May.",
            quotes=["q-1"],
        ),
        S(
            id="s-p1",
            kind="premise",
            text="Moscow insists on recognition of annexed regions",
            quotes=["q-2"],
        ),
        S(id="s-p2", kind="premise", text="Kyiv cannot accept recognition under its constitution"),
        S(
            id="s-o1",
            kind="objection",
            text="Statements about talks were made for domestic audiences & mean little <really>",
        ),
        S(id="s-as", kind="assumption", text="Officials' public statements reflect intent"),
        S(id="s-u1", kind="objection", text="Recognition demands have been dropped in past talks"),
    ]
    I = Inference  # noqa: N806, E741
    inferences = [
        I(id="i-1", premises=["s-a"], conclusion="s-q"),
        I(id="i-2", premises=["s-b"], conclusion="s-q"),
        I(id="i-3", premises=["s-c"], conclusion="s-q"),
        I(id="i-4", premises=["s-d"], conclusion="s-q"),
        I(id="i-5", premises=["s-c1"], conclusion="s-a"),
        I(id="i-6", premises=["s-e1", "s-as"], conclusion="s-c1"),
        I(id="i-7", premises=["s-o1"], conclusion="s-c1", kind=InferenceKind.ATTACK),
        I(id="i-8", premises=["s-p1", "s-p2"], conclusion="s-c"),
        I(id="i-9", premises=["s-u1"], conclusion="i-8", kind=InferenceKind.UNDERCUT),
    ]
    return ArgMap(
        title="Ceasefire 2025",
        question="s-q",
        sources=[src],
        quotes=[q1, q2],
        statements=statements,
        inferences=inferences,
    )


def synthetic_map(n: int, seed: int = 1) -> ArgMap:
    """A tree of ``n`` statements: 1-4 inferences per node, some linked, some attacks."""
    rng = random.Random(seed)
    kinds = ["claim", "premise", "evidence", "assumption", "objection"]

    def text() -> str:
        start = rng.randrange(len(_TEXT))
        words = [_TEXT[(start + i) % len(_TEXT)] for i in range(rng.randint(6, 30))]
        return " ".join(words)

    statements = [Statement(id="s-0", kind="question", text=text())]
    inferences: list[Inference] = []
    frontier = ["s-0"]
    while len(statements) < n:
        parent = frontier.pop(0)
        for _ in range(rng.randint(1, 4)):
            linked = rng.random() < 0.25
            count = min(2 if linked else 1, n - len(statements))
            if count <= 0:
                break
            ids = [f"s-{len(statements) + k}" for k in range(count)]
            for sid in ids:
                statements.append(Statement(id=sid, kind=rng.choice(kinds), text=text()))
                frontier.append(sid)
            kind = InferenceKind.ATTACK if rng.random() < 0.2 else InferenceKind.SUPPORT
            inferences.append(
                Inference(id=f"i-{len(inferences)}", premises=ids, conclusion=parent, kind=kind)
            )
    return ArgMap(
        title=f"synthetic {n}", question="s-0", statements=statements, inferences=inferences
    )


def close(a: object, b: object) -> bool:
    """Equal, with floats equal to a millionth of a pixel (an arrow carried along with
    its subtree is translated, not routed again, so its last digits may differ)."""
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-6
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    return bool(a == b)
