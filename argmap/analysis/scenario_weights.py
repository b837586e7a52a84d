"""Scenario weights: the analyst's priors updated by the map's evidence, by Bayes' rule.

What the weight is: the probability of each scenario given the lines of evidence drawn on
the map and the analyst's judgements of them, the scenarios taken as mutually exclusive
answers to the focal question that together cover every outcome (tag one scenario
``catch-all`` for "other / none of these" where the listed ones may all fail).

1. **Priors.** Each scenario's ``prior`` is any non-negative number, scaled to sum to 1.
   A scenario without a prior gets the mean of the given ones; with none given, or all
   zero, each gets 1/n. A prior of 0 rules a scenario out whatever the evidence.
2. **Lines of evidence.** An argument into a scenario is rated by its strength ``s``: if
   its premises hold, they are ``lambda = 1 / (1 - s)`` times as expected under this
   scenario as under the others (0.5 -> 2:1, 0.75 -> 4:1, 0.9 -> 10:1, at most 100:1);
   an attack, ``lambda = 1 - s`` (down to 1:100). **An argument nobody rated moves
   nothing** (lambda = 1) and is listed as unrated.
3. **Credibility discounts the weight of evidence.** The premises hold with chance ``q``
   (how established they are: :mod:`argmap.analysis.establishment`), and the line counts
   for ``ln F = q ln lambda``: a report trusted at 70 % carries 70 % of its weight of
   evidence (Good), supports and attacks alike, however the same judgement is drawn.
4. **Dependent lines count once.** Among the supports of one scenario (and among its
   attacks), a line that shares a source or a statement with others counts only for what
   it adds to them: its value with the shared ones knocked out, in the order that counts
   most (:func:`argmap.analysis.establishment.best_counted`). A report entered twice
   counts once, a weaker copy adds nothing, an independent part of a line still counts,
   and adding a line never lowers the total.
5. **Posterior.** ``score = ln prior + sum of ln F``; weight = exp(score), normalised. For
   any two scenarios, ln(w_i / w_j) = ln(prior_i / prior_j) + the sum of the differences
   of their lines: posterior odds are prior odds times likelihood ratios. A catch-all
   scenario is one of "the others" for every line drawn into a named scenario: evidence
   that refutes every named scenario makes "something else" the leader.

Assumptions: the scenarios are exclusive and exhaustive; lines of evidence that share no
source or statement are independent given each scenario; a line into one scenario is
equally expected under all the others (rate it against them in the ACH matrix where it
is not); a report drawn into two scenarios states two such judgements, and both count.
This is a weight of evidence in Good's sense with credibility as a discount, not an exact
Bayesian network: exact Bayes would need each report's hit and false-alarm rates.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.analysis.establishment import best_counted, evaluate
from argmap.analysis.evidence_network import ATTACK, Network, compile_network
from argmap.model import ArgMap

MAX_RATIO = 100.0
TIE = 1e-9


@dataclass(frozen=True, slots=True)
class ScenarioWeight:
    """One scenario's prior, the evidence's total log likelihood ratio, and its weight."""

    id: str
    title: str
    prior_raw: float | None
    prior: float
    evidence: float
    weight: float

    @property
    def factor(self) -> float:
        """The evidence's combined likelihood ratio, exp(evidence)."""
        return math.exp(self.evidence)


def normalised_priors(raw: Sequence[float | None]) -> list[float]:
    """Priors scaled to sum to 1; missing, negative or non-finite ones get an equal share."""
    if not raw:
        return []
    given = [p for p in raw if p is not None and math.isfinite(p) and p >= 0.0]
    fill = sum(given) / len(given) if given else 1.0
    filled = [p if p is not None and math.isfinite(p) and p >= 0.0 else fill for p in raw]
    total = sum(filled)
    if not total > 0.0 or not math.isfinite(total):
        return [1.0 / len(raw)] * len(raw)
    return [p / total for p in filled]


def likelihood_ratio(strength: float | None, attack: bool) -> float:
    """What an argument into a scenario says when its premises hold: 1/(1-s) for a
    support, 1-s for an attack, kept within [1/100, 100]; 1 when nobody rated it."""
    if strength is None or not math.isfinite(strength):
        return 1.0
    s = min(max(strength, 0.0), 1.0)
    if attack:
        return max(1.0 - s, 1.0 / MAX_RATIO)
    return min(1.0 / (1.0 - s), MAX_RATIO) if s < 1.0 else MAX_RATIO


def log_factor(q: float, ratio: float) -> float:
    """ln F = q ln(lambda): the argument carries the share q of its weight of evidence."""
    return min(max(q, 0.0), 1.0) * math.log(ratio)


def rated_strength(net: Network, node: int, strengths: Mapping[int, float] | None) -> float | None:
    """An argument's strength, None when nobody rated it (unless ``strengths`` sets one)."""
    if strengths and node in strengths:
        return strengths[node]
    return net.base[node] if net.judged[node] else None


def argument_log_factor(
    net: Network, node: int, q: float, strengths: Mapping[int, float] | None = None
) -> float:
    """ln F of one counted argument into a scenario whose premises hold with chance q."""
    ratio = likelihood_ratio(rated_strength(net, node, strengths), net.kinds[node] == ATTACK)
    return log_factor(q, ratio)


def counted_terms(
    net: Network,
    scenario: int,
    values: list[float],
    strengths: Mapping[int, float] | None = None,
    bases: Mapping[int, float] | None = None,
) -> list[tuple[int, float, float]]:
    """Each line into a scenario with the ln F it counts for, and its full ln F. Among
    supports (and among attacks), a line sharing a source or statement with others counts
    only for what it adds to those before it, in the order of the lines worth most together
    (:func:`argmap.analysis.establishment.best_counted`)."""
    out: list[tuple[int, float, float]] = []
    for args in (net.pos[scenario], net.neg[scenario]):
        full = {a: argument_log_factor(net, a, values[a], strengths) for a in args}
        if not net.overlapping[scenario] or len(args) < 2:
            out.extend((a, full[a], full[a]) for a in args)
            continue
        rated = [a for a in args if full[a] != 0.0]

        def worth(a: int, q: float) -> float:
            return abs(argument_log_factor(net, a, q, strengths))

        counted_q = best_counted(net, values, rated, bases or {}, worth) if rated else {}
        for a in args:
            term = argument_log_factor(net, a, counted_q[a], strengths) if a in counted_q else 0.0
            out.append((a, term, full[a]))
    return out


def scenario_score(
    net: Network,
    scenario: int,
    values: list[float],
    strengths: Mapping[int, float] | None = None,
    bases: Mapping[int, float] | None = None,
) -> float:
    """One scenario's own evidence score: the sum of the ln F its lines count for."""
    return math.fsum(t for _, t, _ in counted_terms(net, scenario, values, strengths, bases))


def evidence_scores(
    net: Network,
    values: list[float],
    strengths: Mapping[int, float] | None = None,
    bases: Mapping[int, float] | None = None,
) -> list[float]:
    """Each scenario's evidence score (sum of counted ln F), in the network's order."""
    return [scenario_score(net, s, values, strengths, bases) for s in net.scenarios]


def posterior(priors: Sequence[float], evidence: Sequence[float]) -> list[float]:
    """exp(ln prior + evidence), normalised (a zero prior stays at zero)."""
    scores = [
        math.log(p) + e if p > 0.0 else -math.inf for p, e in zip(priors, evidence, strict=True)
    ]
    top = max(scores, default=-math.inf)
    if top == -math.inf:
        return list(priors)
    raw = [math.exp(s - top) for s in scores]
    total = math.fsum(raw)
    return [x / total for x in raw]


def leaders(weights: Sequence[float]) -> list[int]:
    """The positions of the largest weight; more than one on a tie (within 1e-9)."""
    if not weights:
        return []
    top = max(weights)
    return [j for j, w in enumerate(weights) if top - w <= TIE]


def scenario_priors(doc: ArgMap, net: Network) -> list[float | None]:
    """The raw priors of the scenario nodes (first statement wins on duplicate ids)."""
    raw: dict[str, float | None] = {}
    for s in doc.statements:
        raw.setdefault(s.id, s.prior)
    return [raw[net.ids[n]] for n in net.scenarios]


def scenario_weights(
    doc: ArgMap, net: Network | None = None, values: list[float] | None = None
) -> list[ScenarioWeight]:
    """Each scenario's weight, in document order (see the module docstring)."""
    net = net or compile_network(doc)
    values = values if values is not None else evaluate(net)
    raw = scenario_priors(doc, net)
    priors = normalised_priors(raw)
    evidence = evidence_scores(net, values)
    weights = posterior(priors, evidence)
    texts: dict[str, str] = {}
    for s in doc.statements:
        texts.setdefault(s.id, s.text)
    return [
        ScenarioWeight(
            id=net.ids[n], title=texts[net.ids[n]], prior_raw=r, prior=p, evidence=e, weight=w
        )
        for n, r, p, e, w in zip(net.scenarios, raw, priors, evidence, weights, strict=True)
    ]
