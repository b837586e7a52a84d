"""Scenario weights and the ACH matrix as the report and CSV need them.

Uses argmap's scenario analysis (``argmap.analysis.report.analyze``) when this build has
it; otherwise falls back to what the map states explicitly (priors, explicit ratings),
and says so through ``analysed = False``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argmap.analysis.report import analyze
from argmap.model import AchRating, ArgMap, StatementKind

SCORE = {AchRating.CC: 2, AchRating.C: 1, AchRating.N: 0, AchRating.I: -1, AchRating.II: -2}


@dataclass(frozen=True)
class ScenarioRow:
    """A scenario with its prior and weight as fractions of 1 (None: unknown)."""

    id: str
    text: str
    prior: float | None
    weight: float | None


@dataclass(frozen=True)
class AchRow:
    """One item of evidence: its credibility, ratings per scenario id, diagnosticity."""

    id: str
    text: str
    credibility: float | None
    ratings: dict[str, str]
    diagnosticity: float | None


@dataclass(frozen=True)
class AchTable:
    """The ACH matrix: scenario columns, evidence rows."""

    scenarios: list[ScenarioRow]
    rows: list[AchRow]
    analysed: bool


def _analyzer() -> Callable[[ArgMap], Any] | None:
    return analyze


def scenarios(doc: ArgMap) -> tuple[list[ScenarioRow], bool]:
    """The map's scenarios, and whether the weights come from the analysis."""
    analyze = _analyzer()
    texts = {s.id: s.text for s in doc.statements}
    if analyze is not None:
        result = analyze(doc)
        rows = [
            ScenarioRow(r.id, texts.get(r.id, r.title), float(r.prior), float(r.weight))
            for r in result.scenarios
        ]
        return rows, True
    found = [s for s in doc.statements if s.kind is StatementKind.SCENARIO]
    raw = [s.prior for s in found]
    total = sum(p for p in raw if p is not None)
    known = [p for p in raw if p is not None]
    rows = []
    for s in found:
        if s.prior is None or not known:
            prior = 1 / len(found) if not known else None
        else:
            prior = s.prior / total if total > 0 else 1 / len(known)
        rows.append(ScenarioRow(s.id, s.text, prior, None))
    return rows, False


def ach_table(doc: ArgMap) -> AchTable:
    """The ACH matrix from the analysis, or from the map's explicit ratings alone."""
    analyze = _analyzer()
    texts = {s.id: s.text for s in doc.statements}
    if analyze is not None:
        matrix = analyze(doc).ach
        columns = [ScenarioRow(sid, texts.get(sid, sid), None, None) for sid in matrix.scenarios]
        rows = [
            AchRow(
                e.id,
                e.text,
                float(e.credibility),
                {sid: str(matrix.cell(e.id, sid).rating) for sid in matrix.scenarios},
                float(e.diagnosticity),
            )
            for e in matrix.evidence
        ]
        return AchTable(columns, rows, True)
    columns = [
        ScenarioRow(s.id, s.text, None, None)
        for s in doc.statements
        if s.kind is StatementKind.SCENARIO
    ]
    column_ids = {c.id for c in columns}
    rated: dict[str, dict[str, str]] = {}
    for r in doc.ratings:
        if r.scenario in column_ids and r.evidence in texts:
            rated.setdefault(r.evidence, {})[r.scenario] = str(r.rating)
    rows = []
    for s in doc.statements:
        if s.id not in rated and s.kind is not StatementKind.EVIDENCE:
            continue
        ratings = rated.get(s.id, {})
        scores = [SCORE[AchRating(v)] for v in ratings.values() if v in SCORE]
        spread = float(max(scores) - min(scores)) if len(scores) > 1 else None
        rows.append(AchRow(s.id, s.text, s.credibility, ratings, spread))
    return AchTable(columns, rows, False)
