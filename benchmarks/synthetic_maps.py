"""Synthetic but realistic-looking argument maps of any size, for benchmarks.

``make_map(n_statements, seed=0)`` builds a valid map: a focal question, four to six
scenarios with priors, and below each scenario a tree of claims, premises, evidence and
objections, with linked premises, convergent supports, attacks, undercuts, and cross-links
that turn the trees into a DAG (every inference runs from a deeper level to a shallower
one, so there is no cycle). Evidence is quoted exactly from generated source articles.
The same ``(n_statements, seed)`` always gives the same map.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

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
)

ACTORS = (
    "the Kremlin",
    "Ukraine's government",
    "the United States",
    "the European Union",
    "Russia's central bank",
    "Gazprom",
    "Russian regional governors",
    "Turkey",
    "China",
    "the Russian defence ministry",
    "Ukrainian negotiators",
    "NATO allies",
)
ACTIONS = (
    "is signalling readiness for talks on",
    "keeps raising spending on",
    "has quietly cut funding for",
    "publicly rejects any compromise on",
    "is preparing new sanctions targeting",
    "privately worries about",
    "has reported a sharp decline in",
    "expects a further rise in",
    "is lobbying Washington over",
    "has proposed a framework covering",
)
OBJECTS = (
    "the front line in Zaporizhzhia",
    "oil export revenues",
    "the key policy rate",
    "mobilisation of reservists",
    "frozen central-bank assets",
    "grain shipments",
    "the 2025 federal budget",
    "labour shortages in industry",
    "security guarantees",
    "prisoner exchanges",
    "the Black Sea corridor",
    "long-range missile deliveries",
)
QUALIFIERS = (
    "according to Kommersant",
    "as Reuters reported last week",
    "in a leaked memo",
    "citing officials familiar with the matter",
    "according to Rosstat data",
    "in remarks on state television",
    "according to two diplomats",
    "",
)
SCENARIOS = (
    "Ceasefire deal within a year",
    "War of attrition continues",
    "Frozen conflict with sanctions relief",
    "Russian escalation",
    "Ukrainian breakthrough forces talks",
    "Collapse of negotiations and wider war",
)
CLAIM_OPENERS = (
    "Therefore",
    "This suggests that",
    "It follows that",
    "Most likely,",
    "On balance,",
)
ESTIMATIVE = (0.03, 0.125, 0.325, 0.5, 0.675, 0.875, 0.97)


def _sentence(rng: random.Random) -> str:
    qualifier = rng.choice(QUALIFIERS)
    tail = f", {qualifier}" if qualifier else ""
    actor = rng.choice(ACTORS)
    return f"{actor[0].upper()}{actor[1:]} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)}{tail}."


def _claim(rng: random.Random) -> str:
    body = _sentence(rng).rstrip(".")
    return f"{rng.choice(CLAIM_OPENERS)} {body[0].lower()}{body[1:]}."


def _sources(rng: random.Random, n_quotes: int) -> list[tuple[Source, list[tuple[int, int]]]]:
    """Articles and, for each, the character ranges of its sentences."""
    per_source = 120
    out = []
    for k in range(max(1, -(-n_quotes // per_source))):
        sentences = [_sentence(rng) for _ in range(per_source)]
        spans, pos, parts = [], 0, []
        for i, sent in enumerate(sentences):
            parts.append(sent)
            spans.append((pos, pos + len(sent)))
            pos += len(sent) + (2 if i % 5 == 4 else 1)
            parts.append("\n\n" if i % 5 == 4 else " ")
        text = "".join(parts).rstrip() + "\n"
        source = Source.from_text(
            f"src-{k}",
            text,
            title=f"Briefing {k + 1}: {rng.choice(OBJECTS)}",
            author=None,
            publisher=rng.choice(("Jamestown", "Meduza", "Kyiv Independent", "Reuters")),
            published=f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}",
        )
        out.append((source, spans))
    return out


def _pick_credibility(rng: random.Random) -> float | None:
    return None if rng.random() < 0.15 else rng.choice(ESTIMATIVE)


def _pick_strength(rng: random.Random) -> float | None:
    return None if rng.random() < 0.3 else rng.choice(ESTIMATIVE[3:])


def make_map(n_statements: int, seed: int = 0) -> ArgMap:
    """A valid map with exactly ``n_statements`` statements (at least 8)."""
    n_statements = max(8, n_statements)
    rng = random.Random(seed)
    n_scenarios = 4 if n_statements < 1000 else 6
    statements: list[Statement] = [
        Statement(
            id="s-question",
            kind=StatementKind.QUESTION,
            text="Will the Kremlin accept a ceasefire deal in the coming year?",
        )
    ]
    level: dict[str, int] = {}
    frontier: list[str] = []
    for j in range(n_scenarios):
        sid = f"s-scn{j}"
        statements.append(
            Statement(
                id=sid,
                kind=StatementKind.SCENARIO,
                text=SCENARIOS[j],
                prior=rng.choice((1.0, 2.0, 3.0, 4.0)),
            )
        )
        level[sid] = 0
        frontier.append(sid)
    inferences: list[Inference] = []
    by_level: dict[int, list[str]] = {}
    budget = n_statements - len(statements)
    counter = 0

    def new_statement(kind: StatementKind, depth: int) -> str:
        nonlocal counter, budget
        counter += 1
        budget -= 1
        sid = f"s-{counter}"
        text = _claim(rng) if kind is StatementKind.CLAIM else _sentence(rng)
        credibility = None if kind is StatementKind.CLAIM else _pick_credibility(rng)
        statements.append(Statement(id=sid, kind=kind, text=text, credibility=credibility))
        level[sid] = depth
        by_level.setdefault(depth, []).append(sid)
        return sid

    def new_inference(premises: Sequence[str], target: str, kind: InferenceKind) -> str:
        iid = f"i-{len(inferences) + 1}"
        inferences.append(
            Inference(
                id=iid,
                premises=list(premises),
                conclusion=target,
                kind=kind,
                strength=_pick_strength(rng),
            )
        )
        return iid

    cursor = 0
    while budget > 0:
        if cursor >= len(frontier):  # everything expanded: grow under a random claim
            frontier.append(rng.choice(frontier[n_scenarios:] or frontier))
        target = frontier[cursor]
        cursor += 1
        depth = level[target] + 1
        for _ in range(rng.choice((1, 2, 2, 3))):
            if budget <= 0:
                break
            kind = InferenceKind.ATTACK if rng.random() < 0.2 else InferenceKind.SUPPORT
            n_premises = min(budget, 2 if rng.random() < 0.25 else 1)
            premises = []
            for _ in range(n_premises):
                deep = rng.random() < 0.25 + 0.15 * depth
                if kind is InferenceKind.ATTACK:
                    k = StatementKind.OBJECTION if rng.random() < 0.5 else StatementKind.EVIDENCE
                else:
                    k = (
                        StatementKind.EVIDENCE
                        if deep
                        else rng.choice(
                            (StatementKind.CLAIM, StatementKind.PREMISE, StatementKind.ASSUMPTION)
                        )
                    )
                sid = new_statement(k, depth)
                premises.append(sid)
                if k in (StatementKind.CLAIM, StatementKind.PREMISE):
                    frontier.append(sid)
            deeper = [s for lv, ids in by_level.items() if lv > depth + 1 for s in ids[-20:]]
            if deeper and rng.random() < 0.1:  # cross-link: reuse a deeper statement
                premises.append(rng.choice(deeper))
            iid = new_inference(premises, target, kind)
            if budget > 0 and rng.random() < 0.05:  # an objection undercutting it
                objection = new_statement(StatementKind.OBJECTION, depth + 1)
                new_inference([objection], iid, InferenceKind.UNDERCUT)

    evidence = [s for s in statements if s.kind is StatementKind.EVIDENCE]
    sources = _sources(rng, len(evidence))
    quotes: list[Quote] = []
    for k, statement in enumerate(evidence):
        source, spans = sources[k % len(sources)]
        start, end = spans[(k // len(sources)) % len(spans)]
        quote = Quote.from_range(f"q-{k + 1}", source.id, source.text, start, end)
        quotes.append(quote)
        statement.text = quote.exact
        statement.quotes = [quote.id]
    scenario_ids = [f"s-scn{j}" for j in range(n_scenarios)]
    ratings = [
        Rating(
            evidence=e.id,
            scenario=rng.choice(scenario_ids),
            rating=rng.choice(list(AchRating)),
            relevance=rng.choice((None, 0.5, 1.0)),
        )
        for e in rng.sample(evidence, min(len(evidence), max(1, len(evidence) // 50)))
    ]
    return ArgMap(
        title=f"Synthetic map ({n_statements} statements, seed {seed})",
        question="s-question",
        sources=[s for s, _ in sources],
        quotes=quotes,
        statements=statements,
        inferences=inferences,
        ratings=ratings,
    )


if __name__ == "__main__":
    import sys

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    print(make_map(size).model_dump_json(indent=2))
