"""Scenario weights: the analyst's priors updated by the map's arguments, as a distribution.

Method, in plain words:

1. The scenarios are the statements of kind ``scenario``; they are taken to be mutually
   exclusive answers to the focal question (``doc.question``).
2. **Priors.** Each scenario's ``prior`` is any non-negative number; they are scaled to
   sum to 1. A scenario without a prior gets the average of the priors that were given
   (an equal share); if none was given, or all are zero, every scenario gets 1/n.
3. **Evidence.** Each scenario's acceptability ``a`` is computed from the arguments
   that support and attack it (:mod:`argmap.analysis.acceptability`); with no argument it
   stays at the neutral 0.5.
4. **Update.** Like a Bayes factor, the evidence multiplies a scenario's prior by its
   odds ``a / (1 - a)``: 1 when neutral, 3 at a = 0.75, 1/3 at a = 0.25. To keep one
   conclusive argument from wiping out every other scenario, ``a`` is clipped to
   [0.001, 0.999], so the factor lies between 1/999 and 999.
5. **Normalise.** weight = prior x factor, divided by the sum over scenarios.

The result is always a distribution: non-negative, summing to 1, with no NaN. With no
scenario it is empty; a single scenario gets weight 1.

Assumptions: scenarios are exclusive and (together) exhaustive; arguments for one
scenario do not count against the others except through the normalisation (attack a
scenario explicitly to say so); separate arguments are independent. Explicit ACH ratings
do not enter the weights: they feed the ACH matrix, a second, independent view.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.analysis.acceptability import Network, compile_network, evaluate
from argmap.model import ArgMap, StatementKind

CLIP = 0.001


@dataclass(frozen=True, slots=True)
class ScenarioWeight:
    """One scenario's prior, evidence factor and resulting weight."""

    id: str
    title: str
    prior_raw: float | None
    prior: float
    acceptability: float
    factor: float
    weight: float


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


def evidence_factor(acceptability: float) -> float:
    """The odds a / (1 - a) of a scenario's acceptability, a clipped to [0.001, 0.999]."""
    if not math.isfinite(acceptability):
        return 1.0
    a = min(max(acceptability, CLIP), 1.0 - CLIP)
    return a / (1.0 - a)


def posterior(priors: Sequence[float], factors: Sequence[float]) -> list[float]:
    """prior x factor, normalised; falls back to the priors if the product degenerates."""
    products = [p * f for p, f in zip(priors, factors, strict=True)]
    total = sum(products)
    if not total > 0.0 or not math.isfinite(total):
        return list(priors)
    return [x / total for x in products]


def scenario_nodes(net: Network) -> list[int]:
    """The scenario statements of a compiled map, in document order."""
    return net.nodes_of_kind(StatementKind.SCENARIO)


def scenario_priors(doc: ArgMap, net: Network, nodes: Sequence[int]) -> list[float | None]:
    """The raw priors of the scenario nodes (first statement wins on duplicate ids)."""
    raw: dict[str, float | None] = {}
    for s in doc.statements:
        raw.setdefault(s.id, s.prior)
    return [raw[net.ids[n]] for n in nodes]


def scenario_weights(
    doc: ArgMap, net: Network | None = None, values: list[float] | None = None
) -> list[ScenarioWeight]:
    """Each scenario's weight, in document order (see the module docstring)."""
    net = net or compile_network(doc)
    values = values if values is not None else evaluate(net)
    nodes = scenario_nodes(net)
    raw = scenario_priors(doc, net, nodes)
    priors = normalised_priors(raw)
    factors = [evidence_factor(values[n]) for n in nodes]
    weights = posterior(priors, factors)
    texts: dict[str, str] = {}
    for s in doc.statements:
        texts.setdefault(s.id, s.text)
    return [
        ScenarioWeight(
            id=net.ids[n],
            title=texts[net.ids[n]],
            prior_raw=r,
            prior=p,
            acceptability=values[n],
            factor=f,
            weight=w,
        )
        for n, r, p, f, w in zip(nodes, raw, priors, factors, weights, strict=True)
    ]
