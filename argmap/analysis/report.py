"""One call for the whole scenario analysis of a map, for the scenario panel and the CLI.

``analyze(doc)`` compiles and evaluates the map once and bundles: the focal question,
each scenario's prior, weight, evidence and ACH inconsistency, how established every
statement is and every inference's force, each scenario's contributions by statement,
the ACH matrix, warnings, and (on request, as it costs more) the flip analysis and the
confidence that needs it. See the modules it draws on for the method:
:mod:`~argmap.analysis.establishment`, :mod:`~argmap.analysis.scenario_weights`,
:mod:`~argmap.analysis.contributions`, :mod:`~argmap.analysis.flips`,
:mod:`~argmap.analysis.confidence`, :mod:`~argmap.analysis.ach`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from argmap.analysis.ach import AchMatrix, ach_matrix
from argmap.analysis.confidence import Confidence, confidence
from argmap.analysis.contributions import ScenarioShares, all_shares
from argmap.analysis.establishment import evaluate
from argmap.analysis.evidence_network import ATTACK, Network, Uncounted, compile_network
from argmap.analysis.flips import FlipAnalysis, flip_analysis
from argmap.analysis.map_checks import scenario_set_warnings
from argmap.analysis.scenario_weights import (
    counted_terms,
    leaders,
    likelihood_ratio,
    normalised_priors,
    scenario_priors,
    scenario_weights,
)
from argmap.model import ArgMap
from argmap.model.focal_question import focal_question


@dataclass(frozen=True, slots=True)
class Line:
    """One line of evidence into a scenario: the inference, its premises, whether it is an
    attack, its likelihood ratio when its premises hold (1 when unrated), how well they
    are established (q), and the log-odds it counts for (less than q ln ratio when it
    shares sources with other lines)."""

    id: str
    premises: tuple[str, ...]
    attack: bool
    rated: bool
    ratio: float
    established: float
    counted: float
    full: float


@dataclass(frozen=True, slots=True)
class ScenarioResult:
    """One scenario as the panel shows it. ``prior`` and ``weight`` are fractions of 1;
    ``evidence`` is the sum of its lines' log likelihood ratios (natural log);
    ``contributions`` split it by judgement, largest first: (id, what, amount) with
    what "credibility" (a statement) or "strength" (an inference); empty unless the
    analysis was asked for its explanation (``with_sensitivity``)."""

    id: str
    title: str
    prior: float
    prior_raw: float | None
    evidence: float
    weight: float
    inconsistency: float
    weight_rank: int
    ach_rank: int
    contributions: tuple[tuple[str, str, float], ...]
    lines: tuple[Line, ...] = ()

    @property
    def factor(self) -> float:
        """The combined likelihood ratio of the evidence, exp(evidence)."""
        return math.exp(self.evidence)


@dataclass(frozen=True, slots=True)
class MapAnalysis:
    """Everything the scenario analysis found in one map."""

    question: str | None
    question_text: str | None
    scenarios: tuple[ScenarioResult, ...]
    established: dict[str, float]
    force: dict[str, float]
    ach: AchMatrix
    flips: FlipAnalysis | None
    confidence: Confidence | None
    uncounted: tuple[Uncounted, ...]
    warnings: tuple[str, ...]

    def scenario(self, scenario_id: str) -> ScenarioResult:
        """The result for one scenario (KeyError if it is none)."""
        for s in self.scenarios:
            if s.id == scenario_id:
                return s
        raise KeyError(scenario_id)

    @property
    def tied(self) -> tuple[ScenarioResult, ...]:
        """The scenarios sharing the largest weight when more than one does, else ()."""
        top = leaders([s.weight for s in self.scenarios])
        return tuple(self.scenarios[j] for j in top) if len(top) > 1 else ()

    @property
    def leader(self) -> ScenarioResult | None:
        """The scenario with the largest weight; None on a tie or with no scenario."""
        top = leaders([s.weight for s in self.scenarios])
        return self.scenarios[top[0]] if len(top) == 1 else None

    @property
    def runner_up(self) -> ScenarioResult | None:
        """The scenario with the second largest weight (None with fewer than two)."""
        ranked = sorted(self.scenarios, key=lambda s: s.weight_rank)
        return ranked[1] if len(ranked) > 1 else None

    @property
    def ach_tied(self) -> tuple[ScenarioResult, ...]:
        """Judged scenarios sharing the least ACH inconsistency when more than one does."""
        return tuple(self.scenario(sid) for sid in self.ach.tied())

    @property
    def ach_leader(self) -> ScenarioResult | None:
        """The least inconsistent judged scenario, the one ACH favours; None on a tie or
        when no scenario has a judged cell."""
        leader = self.ach.leader()
        if leader is None or self.ach.tied():
            return None
        return self.scenario(leader)


def _ranked(values: list[float]) -> dict[int, int]:
    order = sorted(range(len(values)), key=lambda j: (-round(values[j], 12), j))
    return {j: r for r, j in enumerate(order, start=1)}


def analyze(doc: ArgMap, *, with_sensitivity: bool = False) -> MapAnalysis:
    """Weigh a map's scenarios and build its ACH matrix (and, if asked, the flip analysis)."""
    net = compile_network(doc)
    values = evaluate(net)
    weights = scenario_weights(doc, net, values)
    matrix = ach_matrix(doc, net)
    shares = all_shares(net, values) if with_sensitivity else None
    weight_rank = _ranked([w.weight for w in weights])
    ach_rank = {sid: r for r, sid in enumerate(matrix.ranking(), start=1)}
    scenarios = tuple(
        ScenarioResult(
            id=w.id,
            title=w.title,
            prior=w.prior,
            prior_raw=w.prior_raw,
            evidence=w.evidence,
            weight=w.weight,
            inconsistency=matrix.inconsistency[w.id],
            weight_rank=weight_rank[j],
            ach_rank=ach_rank[w.id],
            contributions=_named(net, shares[j]) if shares else (),
            lines=_lines(net, net.scenarios[j], values),
        )
        for j, w in enumerate(weights)
    )
    question_text = None
    warnings = list(net.warnings) + list(matrix.warnings) + scenario_set_warnings(doc, net)
    question = focal_question(doc)
    if question is not None:
        question_text = doc.statement(question).text
    if doc.question is not None and doc.question != question:
        warnings.append(f"the focal question {doc.question!r} is no statement of the map")
    if not scenarios:
        warnings.append("the map has no scenario to weigh")
    flips = conf = None
    if with_sensitivity:
        flips, conf = flip_and_confidence(doc, net, values, shares)
    ids, n_st = net.ids, net.n_statements
    return MapAnalysis(
        question=question,
        question_text=question_text,
        scenarios=scenarios,
        established={ids[n]: values[n] for n in range(n_st)},
        force={ids[n]: values[n] for n in range(n_st, len(ids))},
        ach=matrix,
        flips=flips,
        confidence=conf,
        uncounted=tuple(net.uncounted),
        warnings=tuple(warnings),
    )


def flip_and_confidence(
    doc: ArgMap,
    net: Network | None = None,
    values: list[float] | None = None,
    shares: list[ScenarioShares] | None = None,
) -> tuple[FlipAnalysis, Confidence | None]:
    """The flip analysis and the confidence of the lead (None with fewer than 2 scenarios)."""
    net = net or compile_network(doc)
    values = values if values is not None else evaluate(net)
    shares = shares if shares is not None else all_shares(net, values)
    raw = scenario_priors(doc, net)
    priors = normalised_priors(raw)
    flips = flip_analysis(doc, net, priors, raw, values)
    if len(net.scenarios) < 2:
        return flips, None
    order = sorted(range(len(flips.weights)), key=lambda j: -flips.weights[j])
    lead, rival = order[0], order[1]
    return flips, confidence(net, flips, shares[lead], shares[rival])


def _lines(net: Network, scenario: int, values: list[float]) -> tuple[Line, ...]:
    found = [
        Line(
            id=net.ids[a],
            premises=tuple(net.ids[p] for p in net.pos[a]),
            attack=net.kinds[a] == ATTACK,
            rated=net.judged[a],
            ratio=likelihood_ratio(net.base[a] if net.judged[a] else None, net.kinds[a] == ATTACK),
            established=values[a],
            counted=term,
            full=full,
        )
        for a, term, full in counted_terms(net, scenario, values)
    ]
    found.sort(key=lambda line: -abs(line.counted))
    return tuple(found)


def _named(net: Network, shares: ScenarioShares) -> tuple[tuple[str, str, float], ...]:
    return tuple(
        (net.ids[x.node], "strength" if x.strength else "credibility", x.amount)
        for x in shares.shares
    )
