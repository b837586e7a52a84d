"""A Key Assumptions Check: the map's assumptions, and how much each scenario rests on each.

The assumptions are the statements of kind *assumption* and any statement tagged
``key-assumption`` (the analyst's mark for an assumption written as a claim or premise).

How much a scenario *rests on* an assumption is the change in its weight when the
assumption is taken away: the map is weighed again with the assumption's credibility set
to 0, so no line through it counts (a support it gives carries nothing, an attack it makes
carries nothing), and ``reliance = weight now - weight without it``, in points of
probability. Positive: the scenario would lose that much if the assumption failed;
negative: the assumption holds the scenario down. The weights of all scenarios move
together (they sum to 1), so the row of one assumption sums to 0.

Why removal and not the Shapley shares of :mod:`argmap.analysis.contributions`: the
Key Assumptions Check asks "if this assumption is wrong, what changes?", and removal
answers exactly that, in the weights an analyst reads (percentage points), for any
assumption, including one that is argued for (Shapley shares go to the judged leaves
beneath it, and are log-odds, not weight). The cost is one weighing per assumption.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.scenario_weights import scenario_weights
from argmap.model import ArgMap, Statement, StatementKind

KEY_ASSUMPTION_TAG = "key-assumption"


@dataclass(frozen=True, slots=True)
class Assumption:
    """One assumption: its text, credibility, whether it is marked by tag rather than by
    kind, and each scenario's reliance on it (aligned with ``KeyAssumptions.scenarios``)."""

    id: str
    text: str
    kind: str
    credibility: float | None
    tagged: bool
    reliance: tuple[float, ...]

    @property
    def bears(self) -> bool:
        """Whether taking it away moves any scenario's weight at all."""
        return any(abs(r) > 1e-9 for r in self.reliance)


@dataclass(frozen=True, slots=True)
class KeyAssumptions:
    """The check for one map: the scenarios and their weights now, and each assumption."""

    scenarios: tuple[str, ...]
    titles: tuple[str, ...]
    weights: tuple[float, ...]
    assumptions: tuple[Assumption, ...]


def is_key_assumption(statement: Statement) -> bool:
    """Of kind assumption, or tagged ``key-assumption`` (any case)."""
    return statement.kind is StatementKind.ASSUMPTION or KEY_ASSUMPTION_TAG in (
        t.casefold() for t in statement.tags
    )


def _without(doc: ArgMap, statement_id: str) -> ArgMap:
    """A copy of ``doc`` whose statement ``statement_id`` has credibility 0 (records
    copied only where changed: the weighing does not mutate the map)."""
    statements = [
        s.model_copy(update={"credibility": 0.0}) if s.id == statement_id else s
        for s in doc.statements
    ]
    return ArgMap.model_construct(
        question=doc.question,
        sources=doc.sources,
        quotes=doc.quotes,
        statements=statements,
        inferences=doc.inferences,
        ratings=doc.ratings,
    )


def key_assumptions(doc: ArgMap) -> KeyAssumptions:
    """Every assumption of ``doc`` with each scenario's reliance on it (see above)."""
    now = scenario_weights(doc)
    ids = tuple(w.id for w in now)
    found: list[Assumption] = []
    seen: set[str] = set()
    for statement in doc.statements:
        if statement.id in seen or not is_key_assumption(statement):
            continue
        seen.add(statement.id)
        after = scenario_weights(_without(doc, statement.id)) if now else []
        found.append(
            Assumption(
                id=statement.id,
                text=statement.text,
                kind=statement.kind.value,
                credibility=statement.credibility,
                tagged=statement.kind is not StatementKind.ASSUMPTION,
                reliance=tuple(w.weight - a.weight for w, a in zip(now, after, strict=True)),
            )
        )
    return KeyAssumptions(
        scenarios=ids,
        titles=tuple(w.title for w in now),
        weights=tuple(w.weight for w in now),
        assumptions=tuple(found),
    )
