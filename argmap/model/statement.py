"""A statement: one box on the map (claim, premise, evidence, scenario...)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from argmap.model.base import Record


class StatementKind(StrEnum):
    """What role a statement plays; the canvas shows it by colour and shape."""

    QUESTION = "question"
    SCENARIO = "scenario"
    CLAIM = "claim"
    PREMISE = "premise"
    EVIDENCE = "evidence"
    ASSUMPTION = "assumption"
    OBJECTION = "objection"


# Kinds that are never a row (a piece of evidence) of the ACH matrix.
NOT_EVIDENCE = frozenset({StatementKind.SCENARIO, StatementKind.QUESTION})


class Statement(Record):
    """A statement with the quotes it rests on and the analyst's judgement of it."""

    id: str = Field(min_length=1)
    kind: StatementKind
    text: str
    quotes: list[str] = Field(default_factory=list)
    notes: str = ""
    tags: list[str] = Field(default_factory=list)
    # Probability the statement is true, 0..1; None means "not judged" (treated as 0.5
    # for evidence by the analysis, see argmap.analysis).
    credibility: float | None = Field(default=None, ge=0.0, le=1.0)
    # Only for kind == scenario: the analyst's prior weight (any non-negative number;
    # the analysis normalises priors over the scenarios).
    prior: float | None = Field(default=None, ge=0.0)


def a_kind(kind: StatementKind) -> str:
    """The kind as a sentence names it: "a question", "an objection", "evidence"."""
    if kind is StatementKind.EVIDENCE:
        return kind.value
    return f"{'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value}"


def why_no_prior(statement: Statement) -> str:
    """Why the statement takes no prior ("" for a scenario, which does)."""
    if statement.kind is StatementKind.SCENARIO:
        return ""
    return f"only scenarios take a prior; '{statement.id}' is {a_kind(statement.kind)}"
