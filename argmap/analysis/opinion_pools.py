"""Pooling several analysts' scenario weights into one team estimate.

Two pools, each over the analysts' weights ``p[k][i]`` (analyst k, scenario i) with
analyst weights ``w[k]`` that sum to 1 (equal by default):

* **Linear pool** (the default): ``team[i] = sum_k w[k] p[k][i]``, the average.
* **Logarithmic pool**: ``team[i]`` proportional to ``prod_k p[k][i] ** w[k]``, the
  geometric mean, renormalised to sum to 1.

Why linear is the default (Clemen & Winkler, "Combining probability distributions from
experts in risk analysis", Risk Analysis 19(2), 1999; Genest & Zidek, Statistical Science
1(1), 1986):

1. *It keeps disagreement visible.* The team weight of every scenario lies between the
   lowest and the highest analyst's. The log pool can be more confident than every
   analyst: Alice at 70/20/10 % and Bob at 70/10/20 % pool linearly to 70/15/15 %, in
   the log pool to 71.2/14.4/14.4 %.
2. *Merging scenarios commutes with it* (the marginalisation property, which only the
   linear pool has): the team weight of "A or B" is the same whether the scenarios are
   pooled and then merged, or merged and then pooled. Scenario sets get merged and split
   as a map grows.
3. *No single analyst can veto a scenario.* In the log pool a weight of 0 from one
   analyst is 0 for the team, whatever the others think.
4. Simple averages do about as well as more elaborate combinations in the studies
   Clemen & Winkler review.

The log pool is shown alongside because it is *externally Bayesian*: pooling and then
updating all analysts on new shared evidence gives the same as updating each and then
pooling. When analysts share the evidence and differ in their priors, the log pool counts
that evidence once, at full strength, where the average of posteriors blunts it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def _analyst_weights(n: int, weights: Sequence[float] | None) -> list[float]:
    """The analysts' weights, scaled to sum to 1 (equal when not given)."""
    if n == 0:
        return []
    if weights is None:
        return [1.0 / n] * n
    if len(weights) != n:
        raise ValueError(f"{len(weights)} analyst weights for {n} analysts")
    if any(not math.isfinite(w) or w < 0.0 for w in weights) or not sum(weights) > 0.0:
        raise ValueError("analyst weights must be finite, non-negative and not all 0")
    total = math.fsum(weights)
    return [w / total for w in weights]


def linear_pool(
    distributions: Sequence[Sequence[float]], weights: Sequence[float] | None = None
) -> list[float]:
    """The weighted average of the analysts' distributions, scenario by scenario."""
    if not distributions:
        return []
    share = _analyst_weights(len(distributions), weights)
    return [
        math.fsum(w * p[i] for w, p in zip(share, distributions, strict=True))
        for i in range(len(distributions[0]))
    ]


def log_pool(
    distributions: Sequence[Sequence[float]], weights: Sequence[float] | None = None
) -> list[float] | None:
    """The weighted geometric mean of the distributions, renormalised; a scenario any
    (positively weighted) analyst gives 0 gets 0. None when every scenario gets 0: the
    analysts rule out every scenario between them, and the log pool is undefined."""
    if not distributions:
        return []
    share = _analyst_weights(len(distributions), weights)
    logs = []
    for i in range(len(distributions[0])):
        total = 0.0
        for w, p in zip(share, distributions, strict=True):
            if w == 0.0:
                continue
            total = total + w * math.log(p[i]) if p[i] > 0.0 else -math.inf
            if total == -math.inf:
                break
        logs.append(total)
    top = max(logs)
    if top == -math.inf:
        return None
    raw = [math.exp(x - top) for x in logs]
    norm = math.fsum(raw)
    return [x / norm for x in raw]
