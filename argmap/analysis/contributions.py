"""Why a scenario weighs what it does: its evidence score split among the judgements.

A scenario's evidence score is a sum of ln F over its counted lines of evidence
(:mod:`argmap.analysis.scenario_weights`). Each line's ln F is shared among the
judgements beneath it, its *players*: the credibility of each judged statement, the
strength of each rated inference on the way, and the line's own rating. A player's share
is its **Shapley value**: its average marginal effect on the line's ln F over every order
in which the judgements could have been made, a missing credibility counting as 0 and a
missing strength as no link. Shares are symmetric (equal players get equal shares), zero
for a player that changes nothing, and add up exactly to the line's ln F, so a scenario's
shares add up to its evidence score and, for two scenarios A and B,
``ln(w_A / w_B) = ln(prior_A / prior_B) + sum over players of (share_A - share_B)``.

Exact over all 2^n subsets up to 8 players; from 9 to 24 players, the average over
random orders (a fixed number of them, seeded by the line's id, so the result is
repeatable; the shares still add up exactly). Beyond 24 players, the line's ln F is
split along the map instead (each input's share of the value it feeds), which adds up
exactly but is only an approximation of the Shapley value: ``exact`` says which. A line
that counts only in part, because it shares sources with other lines, has its shares
scaled down by the part it counts for.
"""

from __future__ import annotations

import math
import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.analysis.establishment import propagate_change, undo_change
from argmap.analysis.evidence_network import Network
from argmap.analysis.scenario_weights import argument_log_factor, counted_terms

EXACT_PLAYERS = 8
SAMPLED_PLAYERS = 24
PERMUTATION_BUDGET = 480  # marginal evaluations per line when sampling
EPS = 1e-12


@dataclass(frozen=True, slots=True)
class Player:
    """A judgement a line of evidence rests on: a statement's credibility, or an
    inference's strength (``own`` for the line's own rating)."""

    node: int
    strength: bool


@dataclass(frozen=True, slots=True)
class Share:
    """One judgement's share of a scenario's evidence score (natural log units)."""

    node: int
    strength: bool
    amount: float


@dataclass(frozen=True, slots=True)
class ScenarioShares:
    """A scenario's shares by judgement, and whether each was computed exactly."""

    shares: tuple[Share, ...]
    exact: bool

    def total(self) -> float:
        """The sum of the shares: the scenario's evidence score."""
        return math.fsum(s.amount for s in self.shares)


def players(net: Network, line: int) -> list[Player]:
    """The judgements beneath a line of evidence into a scenario, its own rating first."""
    out = [Player(line, True)] if net.judged[line] else []
    for node in net.upstream([line]):
        if node < net.n_statements:
            if net.judged[node]:
                out.append(Player(node, False))
        elif net.judged[node]:
            out.append(Player(node, True))
    return out


class _Game:
    """The line's ln F with only some of its players' judgements present."""

    def __init__(self, net: Network, values: list[float], line: int) -> None:
        self.net = net
        self.values = values
        self.line = line
        self.players = players(net, line)
        self.cache: dict[int, float] = {}

    def value(self, present: int) -> float:
        """ln F with the players whose bits are set in ``present``; the others missing."""
        hit = self.cache.get(present)
        if hit is not None:
            return hit
        bases: dict[int, float] = {}
        rated = True
        for k, p in enumerate(self.players):
            if present >> k & 1:
                continue
            if p.node == self.line:
                rated = False
            else:
                bases[p.node] = 0.0
        if not rated:
            result = 0.0
        elif bases:
            log = propagate_change(self.net, self.values, bases, until=self.net.block_of[self.line])
            result = argument_log_factor(self.net, self.line, self.values[self.line])
            undo_change(self.values, log)
        else:
            result = argument_log_factor(self.net, self.line, self.values[self.line])
        self.cache[present] = result
        return result


def _exact(game: _Game) -> list[float]:
    n = len(game.players)
    weights = [math.factorial(k) * math.factorial(n - k - 1) / math.factorial(n) for k in range(n)]
    phi = [0.0] * n
    for subset in range(1 << n):
        size = subset.bit_count()
        v = game.value(subset)
        for i in range(n):
            bit = 1 << i
            if subset & bit:
                phi[i] += weights[size - 1] * v
            else:
                phi[i] -= weights[size] * v
    return phi


def _sampled(game: _Game) -> list[float]:
    n = len(game.players)
    rounds = max(8, PERMUTATION_BUDGET // n)
    rng = random.Random(zlib.crc32(game.net.ids[game.line].encode("utf-8")))
    phi = [0.0] * n
    order = list(range(n))
    for _ in range(rounds):
        rng.shuffle(order)
        present = 0
        before = game.value(0)
        for i in order:
            present |= 1 << i
            after = game.value(present)
            phi[i] += after - before
            before = after
    return [x / rounds for x in phi]


def _along_the_map(
    net: Network, values: Sequence[float], line: int, amount: float
) -> dict[Player, float]:
    """The fallback: ``amount`` passed down in proportion to each input's share of the
    value it feeds (additive, not a Shapley value)."""
    out: dict[Player, float] = {}
    if net.judged[line]:
        out[Player(line, True)] = amount / 2
        amount /= 2
    pending = {line: amount}
    for b in range(net.block_of[line], -1, -1):
        for node in net.blocks[b]:
            x = pending.pop(node, 0.0)
            if x == 0.0 or values[node] <= 0.0:
                continue
            if node < net.n_statements and net.judged[node]:
                out[Player(node, False)] = out.get(Player(node, False), 0.0) + x
                continue
            if node >= net.n_statements:
                # An inference is the product of its premise groups, a group as good as
                # its weakest member: with any member missing (0) it is worth nothing, so
                # the groups share equally and so do the members of each.
                groups = net.premise_groups[node]
                for group in groups:
                    for i in group:
                        pending[i] = pending.get(i, 0.0) + x / (len(groups) * len(group))
                continue
            inputs = list(net.pos[node])
            shares = [-math.log(max(1.0 - values[i], EPS)) for i in inputs]
            total = sum(shares)
            if total <= 0.0:
                continue
            for i, share in zip(inputs, shares, strict=True):
                pending[i] = pending.get(i, 0.0) + x * share / total
    return out


def scenario_shares(net: Network, scenario: int, values: list[float]) -> ScenarioShares:
    """Each judgement's share of one scenario's evidence score (see the module docstring)."""
    totals: dict[Player, float] = {}
    exact = True
    for line, term, full in counted_terms(net, scenario, values):
        if term == 0.0:
            continue
        game = _Game(net, values, line)
        n = len(game.players)
        if n == 0:
            continue
        if n > SAMPLED_PLAYERS:
            exact = False
            found = _along_the_map(net, values, line, term)
        else:
            phi = _exact(game) if n <= EXACT_PLAYERS else _sampled(game)
            exact = exact and n <= EXACT_PLAYERS
            # A line that counts only in part (it shares sources with others) has its
            # shares scaled by the part it counts for.
            scale = term / full if full else 0.0
            found = {p: x * scale for p, x in zip(game.players, phi, strict=True)}
            rest = term - math.fsum(found.values())
            if abs(rest) > 1e-12:
                key = Player(line, True)
                found[key] = found.get(key, 0.0) + rest
        for player, amount in found.items():
            totals[player] = totals.get(player, 0.0) + amount
    shares = tuple(
        Share(p.node, p.strength, x)
        for p, x in sorted(totals.items(), key=lambda kv: -abs(kv[1]))
        if x != 0.0
    )
    return ScenarioShares(shares, exact)


def all_shares(net: Network, values: list[float]) -> list[ScenarioShares]:
    """:func:`scenario_shares` for every scenario, in the network's order."""
    return [scenario_shares(net, s, values) for s in net.scenarios]
