"""Maps to present: random shapes with long texts, and the issue's three-card case.

Every statement's text holds a code word of its own (``Kw3s17``), so a test can tell
from extracted text which cards a slide shows.
"""

from __future__ import annotations

import random

from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind

_WORDS = (
    "the talks stalled again while both sides kept mobilising reserves and the envoys "
    "denied that any deal was close though observers expected a freeze of the front line "
    "before winter because sanctions weigh on revenue and elites grumble in private"
).split()
_KINDS = [
    StatementKind.CLAIM,
    StatementKind.PREMISE,
    StatementKind.EVIDENCE,
    StatementKind.ASSUMPTION,
    StatementKind.OBJECTION,
]


def code_word(seed: int, k: int) -> str:
    return f"Kw{seed}s{k}"


def deck_map(seed: int) -> ArgMap:
    """A question, 2-4 scenarios, then a random tree under them: fans of 1-6 reasons,
    chains up to 6 deep, linked premises, attacks and an undercut; texts from two words
    to a long paragraph, sometimes with a word too long for one line."""
    rng = random.Random(seed)

    def text(k: int) -> str:
        n = rng.choice([1, 3, 8, 20, 45, 90])
        words = [rng.choice(_WORDS) for _ in range(n)]
        if rng.random() < 0.1:
            words.append("Counterintelligencebureaucratisationisms" * 2)
        words.insert(rng.randrange(len(words) + 1), code_word(seed, k))
        return " ".join(words)

    statements = [Statement(id="s-0", kind=StatementKind.QUESTION, text=text(0))]
    inferences: list[Inference] = []
    frontier: list[tuple[str, int]] = []
    for _ in range(rng.randint(2, 4)):
        sid = f"s-{len(statements)}"
        statements.append(
            Statement(
                id=sid,
                kind=StatementKind.SCENARIO,
                text=text(len(statements)),
                prior=rng.choice([0.1, 0.3, 0.5]),
            )
        )
        inferences.append(Inference(id=f"i-{len(inferences)}", premises=[sid], conclusion="s-0"))
        frontier.append((sid, 1))
    size = rng.randint(6, 26)
    while frontier and len(statements) < size:
        parent, depth = frontier.pop(rng.randrange(len(frontier)))
        if depth > 6:
            continue
        for _ in range(rng.randint(1, 6 if rng.random() < 0.3 else 2)):
            count = 2 if rng.random() < 0.2 else 1
            ids = [f"s-{len(statements) + j}" for j in range(count)]
            for sid in ids:
                statements.append(
                    Statement(id=sid, kind=rng.choice(_KINDS), text=text(len(statements)))
                )
                frontier.append((sid, depth + 1))
            attack = rng.random() < 0.25
            inferences.append(
                Inference(
                    id=f"i-{len(inferences)}",
                    premises=ids,
                    conclusion=parent,
                    kind=InferenceKind.ATTACK if attack else InferenceKind.SUPPORT,
                )
            )
    if len(inferences) > 5 and rng.random() < 0.5:  # an objection undercutting a step
        sid = f"s-{len(statements)}"
        statements.append(
            Statement(id=sid, kind=StatementKind.OBJECTION, text=text(len(statements)))
        )
        target = inferences[rng.randrange(2, len(inferences))].id
        inferences.append(
            Inference(
                id=f"i-{len(inferences)}",
                premises=[sid],
                conclusion=target,
                kind=InferenceKind.UNDERCUT,
            )
        )
    return ArgMap(
        title=f"Deck {seed}", question="s-0", statements=statements, inferences=inferences
    )


def three_card_map() -> ArgMap:
    """The issue's case: a question, two scenarios, one premise attacking the first."""
    return ArgMap(
        title="Three cards",
        question="q",
        statements=[
            Statement(
                id="q", kind=StatementKind.QUESTION, text="Will the talks bring a ceasefire?"
            ),
            Statement(id="a", kind=StatementKind.SCENARIO, text="A ceasefire deal", prior=0.5),
            Statement(id="b", kind=StatementKind.SCENARIO, text="The war goes on", prior=0.5),
            Statement(
                id="p",
                kind=StatementKind.PREMISE,
                text="Both sides deny that a deal is close and keep mobilising reserves",
            ),
        ],
        inferences=[
            Inference(id="i1", premises=["a"], conclusion="q"),
            Inference(id="i2", premises=["b"], conclusion="q"),
            Inference(id="i3", premises=["p"], conclusion="a", kind=InferenceKind.ATTACK),
        ],
    )
