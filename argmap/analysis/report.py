"""One call for the whole scenario analysis of a map, for the scenario panel and the CLI.

``analyze(doc)`` compiles and evaluates the map once and bundles: the focal question,
each scenario's prior, weight and ACH inconsistency, every statement's acceptability and
inference's force, the ACH matrix, warnings about the map, and (on request, as it costs
more) the sensitivity ranking. See the modules it draws on for the method:
:mod:`~argmap.analysis.acceptability`, :mod:`~argmap.analysis.scenario_weights`,
:mod:`~argmap.analysis.ach`, :mod:`~argmap.analysis.sensitivity`.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.acceptability import compile_network, evaluate
from argmap.analysis.ach import AchMatrix, ach_matrix
from argmap.analysis.scenario_weights import scenario_weights
from argmap.analysis.sensitivity import Sensitivity, sensitivity
from argmap.model import ArgMap


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    """One scenario as the panel shows it. ``prior`` and ``weight`` are fractions of 1."""

    id: str
    title: str
    prior: float
    prior_raw: float | None
    acceptability: float
    factor: float
    weight: float
    inconsistency: float
    weight_rank: int
    ach_rank: int


@dataclass(frozen=True, slots=True)
class MapAnalysis:
    """Everything the scenario analysis found in one map."""

    question: str | None
    question_text: str | None
    scenarios: tuple[ScenarioResult, ...]
    acceptability: dict[str, float]
    force: dict[str, float]
    ach: AchMatrix
    sensitivity: Sensitivity | None
    warnings: tuple[str, ...]

    def scenario(self, scenario_id: str) -> ScenarioResult:
        """The result for one scenario (KeyError if it is none)."""
        for s in self.scenarios:
            if s.id == scenario_id:
                return s
        raise KeyError(scenario_id)

    @property
    def leader(self) -> ScenarioResult | None:
        """The scenario with the largest weight (the first one on a tie)."""
        return min(self.scenarios, key=lambda s: s.weight_rank, default=None)

    @property
    def ach_leader(self) -> ScenarioResult | None:
        """The least inconsistent scenario, the one ACH favours."""
        return min(self.scenarios, key=lambda s: s.ach_rank, default=None)


def analyze(doc: ArgMap, *, with_sensitivity: bool = False) -> MapAnalysis:
    """Weigh a map's scenarios and build its ACH matrix (and, if asked, sensitivities)."""
    net = compile_network(doc)
    values = evaluate(net)
    weights = scenario_weights(doc, net, values)
    matrix = ach_matrix(doc, net, values)
    by_weight = sorted(range(len(weights)), key=lambda j: (-round(weights[j].weight, 12), j))
    weight_rank = {weights[j].id: r for r, j in enumerate(by_weight, start=1)}
    ach_rank = {sid: r for r, sid in enumerate(matrix.ranking(), start=1)}
    scenarios = tuple(
        ScenarioResult(
            id=w.id,
            title=w.title,
            prior=w.prior,
            prior_raw=w.prior_raw,
            acceptability=w.acceptability,
            factor=w.factor,
            weight=w.weight,
            inconsistency=matrix.inconsistency[w.id],
            weight_rank=weight_rank[w.id],
            ach_rank=ach_rank[w.id],
        )
        for w in weights
    )
    question_text = None
    warnings = list(net.warnings) + list(matrix.warnings)
    if doc.question is not None:
        index = net.index.get(doc.question)
        if index is not None and net.is_statement(index):
            question_text = next(s.text for s in doc.statements if s.id == doc.question)
        else:
            warnings.append(f"the focal question {doc.question!r} is no statement of the map")
    if not scenarios:
        warnings.append("the map has no scenario to weigh")
    ids, n_st = net.ids, net.n_statements
    return MapAnalysis(
        question=doc.question,
        question_text=question_text,
        scenarios=scenarios,
        acceptability={ids[n]: values[n] for n in range(n_st)},
        force={ids[n]: values[n] for n in range(n_st, len(ids))},
        ach=matrix,
        sensitivity=sensitivity(doc, net, values) if with_sensitivity else None,
        warnings=tuple(warnings),
    )
