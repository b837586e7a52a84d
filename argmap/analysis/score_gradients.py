"""How fast each scenario's evidence score moves with each node's value: one backward pass.

For the flip analysis, ``gradients(net, values)[j][n]`` is the derivative of scenario j's
evidence score with respect to node n's value, by the chain rule through the map in
reverse evaluation order. Each node's value is a product of factors of its inputs (the
noisy-OR ``1 - prod(1 - v)`` of supports, ``1 - A`` of attacks and undercuts, linked
premises, a strength), so every local derivative is the product of the other factors.

Along a tree of arguments each value is affine in any one judgement, so a score predicted
from the derivative, ``score + slope x change``, is exact. Where a statement feeds a
conclusion along two routes, where dependent inputs are counted for what they add, and
inside a cycle of attacks, the prediction is a first-order estimate: the flip analysis
checks every value it reports as a flip, and the largest swings, with exact evaluations.
Work: linear in the map's size per scenario.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from argmap.analysis.evidence_network import Network
from argmap.analysis.scenario_weights import counted_terms, likelihood_ratio, rated_strength


def _others(factors: Sequence[float]) -> list[float]:
    """For each position, the product of every other factor (prefix x suffix, no division)."""
    n = len(factors)
    prefix = [1.0] * (n + 1)
    for k, f in enumerate(factors):
        prefix[k + 1] = prefix[k] * f
    out = [0.0] * n
    suffix = 1.0
    for k in range(n - 1, -1, -1):
        out[k] = prefix[k] * suffix
        suffix *= factors[k]
    return out


def _local(net: Network, node: int, values: Sequence[float]) -> list[tuple[int, float]]:
    """(input, d value / d input) for one node, the dependence correction left aside."""
    if node < net.n_statements:
        if net.judged[node]:
            return []
        pos, neg = net.pos[node], net.neg[node]
        keep = [1.0 - values[i] for i in pos]
        hold = [1.0 - values[i] for i in neg]
        support = 1.0 - math.prod(keep) if pos else 0.0
        attack_keep = math.prod(hold) if neg else 1.0
        out = [(i, attack_keep * o) for i, o in zip(pos, _others(keep), strict=True)]
        out += [(i, -support * o) for i, o in zip(neg, _others(hold), strict=True)]
        return out
    groups = net.premise_groups[node]
    chosen = [min(g, key=lambda i: (values[i], i)) for g in groups]
    factors = [values[i] for i in chosen] + [1.0 - values[u] for u in net.neg[node]]
    scale = 1.0 if net.to_scenario(node) else net.base[node]
    others = _others(factors)
    out = [(i, scale * o) for i, o in zip(chosen, others[: len(chosen)], strict=True)]
    out += [(u, -scale * o) for u, o in zip(net.neg[node], others[len(chosen) :], strict=True)]
    return out


def gradients(net: Network, values: list[float]) -> list[list[float]]:
    """d score_j / d value_n for every scenario j (network order) and node n."""
    out = []
    for scenario in net.scenarios:
        g = [0.0] * len(net.ids)
        for line, counted, full in counted_terms(net, scenario, values):
            ratio = likelihood_ratio(rated_strength(net, line, None), net.kinds[line] == "attack")
            # d(q ln ratio)/dq, scaled down for a line that counts only in part.
            share = counted / full if full != 0.0 else 1.0
            g[line] += math.log(ratio) * share
        for b in range(len(net.blocks) - 1, -1, -1):
            for node in net.blocks[b]:
                slope = g[node]
                if slope == 0.0:
                    continue
                for i, d in _local(net, node, values):
                    if net.block_of[i] != b or not net.cyclic[b]:
                        g[i] += slope * d
        out.append(g)
    return out


def value_slope(net: Network, node: int, values: Sequence[float]) -> float:
    """d value / d judgement for a node: 1 for a statement's credibility; for an inference,
    what its strength multiplies (its value over its strength)."""
    if node < net.n_statements:
        return 1.0
    factors = [min(values[i] for i in g) for g in net.premise_groups[node]]
    factors += [1.0 - values[u] for u in net.neg[node]]
    return math.prod(factors)
