"""What would flip the lead: break-even values, plausible swings and knock-outs.

For the leading scenario, every judgement the weights rest on
(:mod:`argmap.analysis.judgements`) is tried, one at a time, everything else kept:

* at both ends of its plausible range: the scenario weights there give its *swing*;
* at 0, at 1 and at the ends of its plausible range: if another scenario leads (or ties)
  at any of them, the **break-even** value is found by bisection between the current
  value and the nearest such point, to 1e-4: the value at which the lead changes hands.
  Otherwise "no value flips it" (checked at those points; a judgement that pushes the
  leader and a rival the same way could, in principle, flip and flip back in between).

A flip inside the plausible range means a change the analyst would find reasonable hands
the lead to another scenario. **Knock-outs** set to 0 every statement resting only on one
source, carrying one tag, or one assumption, at once.

Each evaluation recomputes only what lies downstream of the change. Credibilities and
strengths inside the map are first predicted from how fast each scenario's score moves
with them (one backward pass, :mod:`argmap.analysis.score_gradients`); the predictions
that matter (the largest swings, every flip within a plausible range, and the nearest
flips) are then checked by re-evaluation. A flip left as predicted says so (``exact``);
along a tree of arguments the prediction is exact anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from argmap.analysis.establishment import evaluate, propagate_change, undo_change
from argmap.analysis.evidence_network import Network
from argmap.analysis.judgements import (
    Judgement,
    JudgementKind,
    prior_judgement,
    weighing_judgements,
)
from argmap.analysis.scenario_weights import leaders, posterior, scenario_score
from argmap.analysis.score_gradients import gradients, value_slope
from argmap.model import ArgMap, StatementKind

BISECT_STEPS = 14  # 2**-14 of the interval: better than 1e-4


@dataclass(frozen=True, slots=True)
class Flip:
    """One judgement tried: the weights at the ends of its plausible range, and the value
    (if any) at which another scenario takes the lead."""

    judgement: Judgement
    weights_low: tuple[float, ...]
    weights_high: tuple[float, ...]
    break_even: float | None
    new_leader: int | None
    in_range: bool
    exact: bool = True  # False: predicted from the score slopes, not re-evaluated

    def swing(self, scenario: int) -> float:
        """How far one scenario's weight moves across the plausible range."""
        return abs(self.weights_high[scenario] - self.weights_low[scenario])


@dataclass(frozen=True, slots=True)
class KnockOut:
    """A group of statements set to 0 at once: the weights then, and who leads."""

    kind: str  # "source", "tag" or "assumption"
    key: str
    label: str
    statements: tuple[str, ...]
    weights: tuple[float, ...]
    leaders: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class FlipAnalysis:
    """The flip analysis of one map: ``leader`` is None on a tie. ``corner`` holds the
    weights with every judgement the analyst set moved, within its plausible range, to
    the end that favours the runner-up, all at once."""

    scenario_ids: tuple[str, ...]
    weights: tuple[float, ...]
    leader: int | None
    flips: tuple[Flip, ...]
    knock_outs: tuple[KnockOut, ...]
    corner: tuple[float, ...] = ()

    @property
    def robust(self) -> bool:
        """Whether the leader still leads with every judgement moved against it at once."""
        if self.leader is None or not self.corner:
            return self.leader is not None
        return _margin(self.corner, self.leader) > 1e-12

    def flippers(self) -> list[Flip]:
        """The judgements with a break-even value, nearest to their current value first."""
        found = [f for f in self.flips if f.break_even is not None]
        return sorted(found, key=lambda f: abs((f.break_even or 0.0) - f.judgement.used))

    def nearest(self) -> Flip | None:
        """The judgement whose break-even lies closest to its current value."""
        found = self.flippers()
        return found[0] if found else None

    def in_range_flips(self) -> list[Flip]:
        """Flips a plausible change would cause."""
        return [f for f in self.flippers() if f.in_range]

    def by_swing(self, scenario: int | None = None) -> list[Flip]:
        """Judgements by how far they move a scenario (default: the leader) in range."""
        j = self.leader if scenario is None else scenario
        if j is None:
            j = 0
        moving = [f for f in self.flips if f.swing(j) > 1e-12]
        return sorted(moving, key=lambda f: -f.swing(j))


class WeightEvaluator:
    """Weights of the map with one or more judgements changed, computed incrementally."""

    def __init__(self, net: Network, priors: Sequence[float], values: list[float]) -> None:
        self.net = net
        self.priors = list(priors)
        self.values = values
        self.evidence = [scenario_score(net, s, values) for s in net.scenarios]

    def weights(self, changes: dict[int, float], kind: JudgementKind) -> list[float]:
        """The weights with ``changes`` (node -> value) of one kind of judgement."""
        if kind is JudgementKind.PRIOR:
            return self.mixed({}, changes)
        return self.mixed(changes, {})

    def mixed(self, judgements: dict[int, float], priors: dict[int, float]) -> list[float]:
        """The weights with credibilities/strengths and prior shares changed at once."""
        net = self.net
        shares = _with_priors(self.priors, {net.scenarios.index(n): v for n, v in priors.items()})
        if not judgements:
            return posterior(shares, self.evidence)
        strengths = {
            n: v for n, v in judgements.items() if n >= net.n_statements and net.to_scenario(n)
        }
        bases = {n: v for n, v in judgements.items() if n not in strengths}
        log = propagate_change(net, self.values, bases) if bases else []
        moved = {node for node, _ in log} | set(strengths)
        evidence = list(self.evidence)
        for j, s in enumerate(net.scenarios):
            if any(a in moved for a in (*net.pos[s], *net.neg[s])):
                evidence[j] = scenario_score(net, s, self.values, strengths, bases)
        undo_change(self.values, log)
        return posterior(shares, evidence)


def _with_priors(priors: Sequence[float], fixed: dict[int, float]) -> list[float]:
    """Priors with some shares set exactly, the others scaled to fill what is left."""
    if not fixed:
        return list(priors)
    if len(fixed) == 1:
        ((j, share),) = fixed.items()
        return _shifted(priors, j, share)
    room = max(0.0, 1.0 - sum(fixed.values()))
    rest = sum(p for k, p in enumerate(priors) if k not in fixed)
    others = len(priors) - len(fixed)
    return [
        fixed[k] if k in fixed else (p / rest * room if rest > 0 else room / others)
        for k, p in enumerate(priors)
    ]


def _shifted(priors: Sequence[float], j: int, share: float) -> list[float]:
    """Priors with scenario j's share set to ``share``, the others scaled to make room."""
    rest = 1.0 - priors[j]
    out = []
    for k, p in enumerate(priors):
        if k == j:
            out.append(share)
        elif rest > 0.0:
            out.append(p / rest * (1.0 - share))
        else:
            out.append((1.0 - share) / (len(priors) - 1))
    return out


def _margin(weights: Sequence[float], leader: int) -> float:
    """How far the leader is ahead of its nearest rival (<= 0: it no longer leads)."""
    rival = max((w for k, w in enumerate(weights) if k != leader), default=0.0)
    return weights[leader] - rival


def _break_even(
    at: Callable[[float], list[float]], leader: int, now: float, end: float
) -> tuple[float, int]:
    """Bisect between ``now`` (leader ahead) and ``end`` (not) for where the lead changes."""
    inside, outside = now, end
    for _ in range(BISECT_STEPS):
        mid = (inside + outside) / 2
        if _margin(at(mid), leader) > 1e-12:
            inside = mid
        else:
            outside = mid
    final = at(outside)
    rival = max((k for k in range(len(final)) if k != leader), key=lambda k: final[k])
    return outside, rival


def _try(ev: WeightEvaluator, judgement: Judgement, leader: int | None) -> Flip:
    def at(x: float) -> list[float]:
        return ev.weights({judgement.node: x}, judgement.kind)

    low, high = at(judgement.low), at(judgement.high)
    break_even: float | None = None
    new_leader: int | None = None
    if leader is not None:
        ends = {judgement.low: low, judgement.high: high, 0.0: None, 1.0: None}
        candidates = []
        for end, weights in ends.items():
            if end == judgement.used:
                continue
            if _margin(weights if weights is not None else at(end), leader) <= 1e-12:
                candidates.append(_break_even(at, leader, judgement.used, end))
        if candidates:
            break_even, new_leader = min(candidates, key=lambda c: abs(c[0] - judgement.used))
    in_range = break_even is not None and judgement.low <= break_even <= judgement.high
    return Flip(judgement, tuple(low), tuple(high), break_even, new_leader, in_range)


def _predict(
    ev: WeightEvaluator, judgement: Judgement, leader: int | None, slopes: list[float]
) -> Flip:
    """A judgement's flip from the score slopes alone (no re-evaluation): exact along a
    tree of arguments, a first-order estimate elsewhere (see score_gradients)."""
    net = ev.net
    per_value = value_slope(net, judgement.node, ev.values)
    now = ev.values[judgement.node]
    used = judgement.used

    def at(x: float) -> list[float]:
        change = (x - used) * per_value if judgement.node >= net.n_statements else x - now
        scores = [e + change * g for e, g in zip(ev.evidence, slopes, strict=True)]
        return posterior(ev.priors, scores)

    low, high = at(judgement.low), at(judgement.high)
    break_even: float | None = None
    new_leader: int | None = None
    if leader is not None:
        ends = [e for e in (0.0, 1.0, judgement.low, judgement.high) if e != used]
        found = [
            _break_even(at, leader, used, end) for end in ends if _margin(at(end), leader) <= 1e-12
        ]
        if found:
            break_even, new_leader = min(found, key=lambda c: abs(c[0] - used))
    in_range = break_even is not None and judgement.low <= break_even <= judgement.high
    return Flip(judgement, tuple(low), tuple(high), break_even, new_leader, in_range, False)


def _knock_outs(doc: ArgMap, net: Network, ev: WeightEvaluator) -> list[KnockOut]:
    """Every source, tag and assumption knocked out in turn."""
    judged = [n for n in range(net.n_statements) if net.judged[n]]
    groups: dict[tuple[str, str], list[int]] = {}
    titles = {s.id: s.title or s.publisher or s.id for s in doc.sources}
    statement = {s.id: s for s in doc.statements}
    for n in judged:
        sources = net.sources_of[n]
        if len(sources) == 1:
            groups.setdefault(("source", sources[0]), []).append(n)
        for tag in statement[net.ids[n]].tags:
            groups.setdefault(("tag", tag), []).append(n)
        if net.kinds[n] == StatementKind.ASSUMPTION:
            groups.setdefault(("assumption", net.ids[n]), []).append(n)
    reach = set(net.upstream(net.scenarios))
    out = []
    for (kind, key), nodes in groups.items():
        if not any(n in reach for n in nodes):
            continue
        weights = ev.weights(dict.fromkeys(nodes, 0.0), JudgementKind.CREDIBILITY)
        label = titles.get(key, key) if kind == "source" else key
        if kind == "assumption":
            label = statement[key].text
        out.append(
            KnockOut(
                kind,
                key,
                label,
                tuple(net.ids[n] for n in nodes),
                tuple(weights),
                tuple(leaders(weights)),
            )
        )
    return out


def flip_analysis(
    doc: ArgMap,
    net: Network,
    priors: Sequence[float],
    raw_priors: Sequence[float | None],
    values: Sequence[float] | None = None,
) -> FlipAnalysis:
    """Try every judgement and knock-out (see the module docstring)."""
    work = list(values) if values is not None else evaluate(net)
    ev = WeightEvaluator(net, priors, work)
    weights = posterior(priors, ev.evidence)
    top = leaders(weights)
    leader = top[0] if len(top) == 1 else None
    judgements = weighing_judgements(net)
    if len(net.scenarios) >= 2:
        judgements += [
            prior_judgement(net, s, raw, share)
            for s, raw, share in zip(net.scenarios, raw_priors, priors, strict=True)
        ]
    flips = _all_flips(ev, judgements, leader) if len(net.scenarios) >= 2 else ()
    knock_outs = tuple(_knock_outs(doc, net, ev)) if len(net.scenarios) >= 2 else ()
    corner = _corner(ev, flips, weights, leader) if leader is not None and len(weights) > 1 else ()
    return FlipAnalysis(
        scenario_ids=tuple(net.ids[s] for s in net.scenarios),
        weights=tuple(weights),
        leader=leader,
        flips=flips,
        knock_outs=knock_outs,
        corner=corner,
    )


CORNER_SIZE = 3  # how many judgements the robustness check moves at once


EXACT_TOP = 12  # judgements whose swings and flips are always checked by re-evaluation


def _all_flips(
    ev: WeightEvaluator, judgements: Sequence[Judgement], leader: int | None
) -> tuple[Flip, ...]:
    """Every judgement tried. Priors and the ratings of lines into scenarios are tried
    exactly (they need no re-evaluation of the map); credibilities and inner strengths are
    first predicted from the score slopes, and re-evaluated exactly where it matters: the
    largest swings, every predicted or in-range flip, and the nearest ones."""
    net = ev.net
    cheap = {JudgementKind.PRIOR}
    slopes = gradients(net, ev.values)
    by_node: list[list[float]] = []
    out: list[Flip] = []
    predicted: list[int] = []
    for j in judgements:
        if j.kind in cheap or (j.node >= net.n_statements and net.to_scenario(j.node)):
            out.append(_try(ev, j, leader))
            continue
        if not by_node:
            by_node = [list(col) for col in zip(*slopes, strict=True)]
        out.append(_predict(ev, j, leader, by_node[j.node]))
        predicted.append(len(out) - 1)
    focus = leader if leader is not None else 0
    recheck = set(sorted(predicted, key=lambda k: -out[k].swing(focus))[:EXACT_TOP])
    flipping = [k for k in predicted if out[k].break_even is not None]
    recheck |= {k for k in flipping if out[k].in_range}
    recheck |= set(
        sorted(flipping, key=lambda k: abs((out[k].break_even or 0.0) - out[k].judgement.used))[
            :EXACT_TOP
        ]
    )
    for k in recheck:
        out[k] = _try(ev, out[k].judgement, leader)
    return tuple(out)


def _corner(
    ev: WeightEvaluator, flips: Sequence[Flip], weights: Sequence[float], leader: int
) -> tuple[float, ...]:
    """The weights with the CORNER_SIZE judgements the lead over the runner-up hinges on
    most each moved to the end of its plausible range that narrows the lead, at once
    (judgements nobody set, and unrated lines, stay as they are)."""
    rival = max((k for k in range(len(weights)) if k != leader), key=lambda k: weights[k])
    moves: list[tuple[float, Judgement, float]] = []
    for f in flips:
        j = f.judgement
        if j.value is None:
            continue  # a default or an unjudged statement: not the analyst's judgement
        low = f.weights_low[leader] - f.weights_low[rival]
        high = f.weights_high[leader] - f.weights_high[rival]
        if abs(low - high) <= 1e-12:
            continue
        moves.append((abs(low - high), j, j.low if low < high else j.high))
    moves.sort(key=lambda m: (-m[0], m[1].id))
    judgements: dict[int, float] = {}
    priors: dict[int, float] = {}
    for _, j, end in moves[:CORNER_SIZE]:
        (priors if j.kind is JudgementKind.PRIOR else judgements)[j.node] = end
    return tuple(ev.mixed(judgements, priors))
