"""Analytic confidence (ICD 203): how far to trust the lead, separately from how likely it is.

ICD 203 asks analysts to state confidence in a judgement apart from its likelihood.
argmap derives a level from three checks of the lead of the leading scenario over its
runner-up, and takes the lowest:

* **robustness**: every judgement the analyst set is moved, within its plausible range, to
  the end that narrows the lead, all at once. If the lead does not survive, there is **no
  clear leader** (low). A single judgement that flips the lead within its range: low.
* **basis**: how many independent sources the statements favouring the leader over the
  runner-up rest on (a statement without a quote counts as its own source): one or none
  is low, two moderate, three or more high.
* **completeness**: the share of the strengths that move the lead left at their default,
  and the lines into the two scenarios nobody rated: more than half is low, more than a
  quarter moderate.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.analysis.contributions import ScenarioShares
from argmap.analysis.evidence_network import Network
from argmap.analysis.flips import FlipAnalysis
from argmap.analysis.judgements import JudgementKind


@dataclass(frozen=True, slots=True)
class Confidence:
    """A confidence level with the facts it was derived from."""

    level: str  # "low", "moderate" or "high"
    sources: int
    defaults: int
    strengths: int
    in_range_flip: bool
    nearest_distance: float | None
    reason: str


def independent_sources(net: Network, leader: ScenarioShares, rival: ScenarioShares) -> int:
    """Distinct sources behind the statements that favour the leader over the rival."""
    lead = {x.node: x.amount for x in leader.shares if not x.strength}
    other = {x.node: x.amount for x in rival.shares if not x.strength}
    keys: set[str] = set()
    for node in set(lead) | set(other):
        if lead.get(node, 0.0) - other.get(node, 0.0) <= 1e-12:
            continue
        sources = net.sources_of[node]
        keys.update(sources if sources else (f"statement:{net.ids[node]}",))
    return len(keys)


def unrated_lines(net: Network, scenarios: tuple[int, ...]) -> int:
    """Lines of evidence into these scenarios that nobody rated (they move nothing)."""
    return sum(not net.judged[a] for s in scenarios for a in (*net.pos[s], *net.neg[s]))


LEVELS = ("low", "moderate", "high")


def confidence(
    net: Network, flips: FlipAnalysis, leader: ScenarioShares, rival: ScenarioShares
) -> Confidence:
    """The confidence level of the lead (see the module docstring)."""
    sources = independent_sources(net, leader, rival)
    moving = [
        f.judgement
        for f in flips.by_swing()
        if f.judgement.kind is JudgementKind.STRENGTH and not net.to_scenario(f.judgement.node)
    ]
    defaults = sum(j.is_default for j in moving)
    nearest = flips.nearest()
    distance = (
        None if nearest is None else abs((nearest.break_even or 0.0) - nearest.judgement.used)
    )
    in_range = bool(flips.in_range_flips())
    if flips.leader is None:
        return Confidence(
            "low", sources, defaults, len(moving), in_range, distance, "no scenario leads (a tie)"
        )
    pair = tuple(net.scenarios[k] for k in _pair(flips))
    unrated = unrated_lines(net, pair)
    rated = sum(net.judged[a] for s in pair for a in (*net.pos[s], *net.neg[s]))
    gaps = defaults + unrated
    share = gaps / (len(moving) + unrated + rated) if (moving or unrated or rated) else 1.0
    checks = []
    if not flips.robust:
        checks.append(
            (
                0,
                "no clear leader: moved within their plausible ranges, the judgements "
                "hand the lead to another scenario",
            )
        )
    elif in_range:
        checks.append((0, "a single judgement within its plausible range flips the lead"))
    else:
        checks.append((2, "the lead survives every judgement moved against it at once"))
    basis = 0 if sources <= 1 else 1 if sources == 2 else 2
    checks.append(
        (basis, f"{sources} independent source{'s' if sources != 1 else ''} behind the lead")
    )
    complete = 0 if share > 0.5 else 1 if share > 0.25 else 2
    checks.append(
        (
            complete,
            f"{defaults} default strength{'s' if defaults != 1 else ''} and "
            f"{unrated} unrated line{'s' if unrated != 1 else ''} behind it",
        )
    )
    level = min(c for c, _ in checks)
    reason = "; ".join(text for _, text in checks)
    return Confidence(LEVELS[level], sources, defaults, len(moving), in_range, distance, reason)


def _pair(flips: FlipAnalysis) -> tuple[int, int]:
    order = sorted(range(len(flips.weights)), key=lambda j: -flips.weights[j])
    return order[0], order[1]
