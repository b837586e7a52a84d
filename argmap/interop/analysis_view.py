"""Scenario weights as the Markdown report needs them.

Uses argmap's scenario analysis (``argmap.analysis.report.analyze``) when this build has
it; otherwise falls back to what the map states explicitly (its priors),
and says so through ``analysed = False``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argmap.analysis.report import analyze
from argmap.model import ArgMap, StatementKind


@dataclass(frozen=True)
class ScenarioRow:
    """A scenario with its prior and weight as fractions of 1 (None: unknown)."""

    id: str
    text: str
    prior: float | None
    weight: float | None


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
