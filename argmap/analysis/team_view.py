"""The team view: each analyst's scenario weights and the team's, pooled.

Each analyst is a layer of the map (:mod:`argmap.model.layer`); their weights are the
ordinary scenario weights of the map as they see it
(:func:`argmap.model.layer_view.seen_by`), so everything the single-analyst weights
assume holds per analyst. The team's weights pool them with equal analyst weights, by the
linear pool (the default) and the logarithmic pool (see
:mod:`argmap.analysis.opinion_pools` for both, and why linear is the default). The map's
own judgements are not an analyst: they are what each analyst sees for a judgement they
left out; give their author a layer to count them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from argmap.analysis.opinion_pools import linear_pool, log_pool
from argmap.analysis.scenario_weights import leaders, scenario_weights
from argmap.model import ArgMap
from argmap.model.layer_view import seen_by

Pool = Literal["linear", "log"]
DEFAULT_POOL: Pool = "linear"


@dataclass(frozen=True, slots=True)
class AnalystWeights:
    """One analyst's prior shares and weights, in the map's scenario order."""

    name: str
    priors: tuple[float, ...]
    weights: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class TeamView:
    """Every analyst's weights and the team's by both pools (``log`` is None when the
    analysts rule out every scenario between them)."""

    scenario_ids: tuple[str, ...]
    titles: tuple[str, ...]
    analysts: tuple[AnalystWeights, ...]
    linear: tuple[float, ...]
    log: tuple[float, ...] | None

    def pooled(self, pool: Pool = DEFAULT_POOL) -> tuple[float, ...] | None:
        """The team's weights by one pool."""
        return self.linear if pool == "linear" else self.log

    def leader(self, pool: Pool = DEFAULT_POOL) -> int | None:
        """The scenario the team's pooled weights put first (None on a tie or none)."""
        weights = self.pooled(pool)
        top = leaders(weights) if weights else []
        return top[0] if len(top) == 1 else None

    def spread(self, scenario: int) -> tuple[float, float]:
        """The lowest and highest weight an analyst gives one scenario."""
        values = [a.weights[scenario] for a in self.analysts]
        return (min(values), max(values)) if values else (0.0, 0.0)


def analysts(doc: ArgMap) -> list[str]:
    """The analysts of a map: its layers' names, in order (a repeated name once)."""
    return list(dict.fromkeys(layer.name for layer in doc.layers))


def analyst_weights(doc: ArgMap, name: str) -> AnalystWeights:
    """One analyst's weights: those of the map as they see it."""
    found = scenario_weights(seen_by(doc, name))
    return AnalystWeights(name, tuple(w.prior for w in found), tuple(w.weight for w in found))


def pool_weights(
    distributions: Sequence[Sequence[float]], pool: Pool = DEFAULT_POOL
) -> tuple[float, ...] | None:
    """The team's weights from the analysts' by one pool, equal analyst weights."""
    if pool == "linear":
        return tuple(linear_pool(distributions))
    pooled = log_pool(distributions)
    return None if pooled is None else tuple(pooled)


def team_view(doc: ArgMap, names: Sequence[str] | None = None) -> TeamView:
    """The team view of ``names`` (default: every analyst of the map)."""
    chosen = analysts(doc) if names is None else list(names)
    base = scenario_weights(doc)
    each = tuple(analyst_weights(doc, name) for name in chosen)
    distributions = [a.weights for a in each]
    return TeamView(
        scenario_ids=tuple(w.id for w in base),
        titles=tuple(w.title for w in base),
        analysts=each,
        linear=pool_weights(distributions, "linear") or (),
        log=pool_weights(distributions, "log"),
    )
