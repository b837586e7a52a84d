"""How far each statement is established by the map's evidence, and each argument's force.

Every statement gets ``p`` in [0, 1], the probability that it is established by what the
map holds; every inference a force in [0, 1]:

* A **judged** statement (credibility ``c`` set) starts from ``c``. An **unjudged** one
  starts from what supports it: ``1 - (1 - S1)(1 - S2)...`` over independent groups of
  supporting inferences (noisy-OR: any one carrying it is enough), the strongest force
  within a group of dependent ones. With nothing supporting it, that is 0: a statement
  nobody judged and nothing supports contributes nothing.
* Attacks then weaken it: ``p = start x (1 - A1)(1 - A2)...``, per independent group of
  attacks (the strongest within a group).
* An inference's force is its strength ``s`` (0.7 when not given) times the chance that
  its premises hold together: the product over independent groups of premises, the
  weakest premise within a group of dependent ones (two halves of one report are one
  report), times ``(1 - U)`` per group of undercuts. For an inference into a *scenario*
  the value is that chance alone, without ``s``: its strength is a likelihood ratio there
  (:mod:`argmap.analysis.scenario_weights`).

Every step multiplies by numbers no larger than 1, so along a chain of arguments a value
can only fall: restating a claim through an unjudged intermediate one never strengthens
it. Values are computed once per node in topological order (linear in the map's size);
a cycle of attacks is iterated, damped by half, until no value moves by more than 1e-9
(at most 200 rounds). Which inputs count and which depend on each other is decided when
the map is compiled (:mod:`argmap.analysis.evidence_network`).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence

from argmap.analysis.evidence_network import Network

MAX_ITERATIONS = 200
TOLERANCE = 1e-9
DAMPING = 0.5


def _prefix_unions(net: Network, item: int, others: Sequence[int]) -> list[tuple[int, float]]:
    """The atoms ``item`` shares with the inputs that come before it, with the chance of
    each when every order of ``item`` and ``others`` is equally likely.

    Only the inputs sharing an atom with ``item`` matter; with m of them, the chance that a
    given k of them come first is k! (m - k)! / (m + 1)!. The sets are counted by the union
    of shared atoms they give, which stays small however many inputs there are."""
    mine = net.basis[item]
    sharing = [net.basis[o] & mine for o in others if net.basis[o] & mine]
    m = len(sharing)
    states: dict[tuple[int, int], int] = {(0, 0): 1}
    for bits in sharing:
        grown = dict(states)
        for (union, k), count in states.items():
            key = (union | bits, k + 1)
            grown[key] = grown.get(key, 0) + count
        states = grown
    chance: dict[int, float] = {}
    whole = math.factorial(m + 1)
    for (union, k), count in states.items():
        p = count * math.factorial(k) * math.factorial(m - k) / whole
        chance[union] = chance.get(union, 0.0) + p
    return list(chance.items())


def order_averaged(
    net: Network,
    values: list[float],
    inputs: Sequence[int],
    bases: Mapping[int, float],
) -> dict[int, float]:
    """Each input's value counted only for what it adds to those before it: its value with
    the atoms it shares with them knocked out, averaged over every order in which the
    inputs could come (so no order, name or document position matters)."""
    out: dict[int, float] = {}
    for i in inputs:
        if values[i] <= 0.0:
            out[i] = values[i]
            continue
        others = [o for o in inputs if o != i]
        total = 0.0
        for shared, chance in _prefix_unions(net, i, others):
            v = residual(net, values, i, shared, bases) if shared else values[i]
            total += chance * v
        out[i] = total
    return out


def combined(
    net: Network,
    values: list[float],
    inputs: tuple[int, ...],
    bases: Mapping[int, float],
    dependent: bool,
) -> float:
    """1 - prod(1 - v) over ``inputs`` (noisy-OR). With ``dependent`` set, inputs that
    share an atom count only for what each adds to the others (:func:`order_averaged`)."""
    if dependent and len(inputs) > 1:
        counted = order_averaged(net, values, inputs, bases)
    else:
        counted = {i: values[i] for i in inputs}
    keep = 1.0
    for i in inputs:
        keep *= 1.0 - counted[i]
    return 1.0 - keep


def knocked_out(net: Network, atoms: int) -> dict[int, float]:
    """The statements carrying any of ``atoms``, each set to 0."""
    out: dict[int, float] = {}
    while atoms:
        low = atoms & -atoms
        atoms ^= low
        for v in net.atom_nodes[low.bit_length() - 1]:
            out[v] = 0.0
    return out


def residual(
    net: Network, values: list[float], node: int, atoms: int, bases: Mapping[int, float]
) -> float:
    """``node``'s value with every statement carrying one of ``atoms`` knocked out."""
    knocked = knocked_out(net, atoms)
    cone = net.cone(node)
    start = {v: x for v, x in knocked.items() if v in cone}
    if not start:
        return values[node]
    merged = {**bases, **knocked}
    log = propagate_change(net, values, merged, until=net.block_of[node], start=start, within=cone)
    out = values[node]
    undo_change(values, log)
    return out


def node_value(
    net: Network,
    node: int,
    values: list[float],
    base: float,
    judged: bool,
    *,
    bases: Mapping[int, float] | None = None,
) -> float:
    """One node's value from its inputs' current values (see the module docstring)."""
    bases = bases or {}
    dependent = net.overlapping[node]
    if node < net.n_statements:
        if judged:
            return base
        p = combined(net, values, net.pos[node], bases, dependent)
        if p > 0.0 and net.neg[node]:
            p *= 1.0 - combined(net, values, net.neg[node], bases, dependent)
        return p
    q = 1.0
    for g in net.premise_groups[node]:
        q *= values[g[0]] if len(g) == 1 else min(values[i] for i in g)
    if q > 0.0 and net.neg[node]:
        q *= 1.0 - combined(net, values, net.neg[node], bases, dependent)
    return q if net.to_scenario(node) else base * q


def _value(net: Network, node: int, values: list[float], bases: Mapping[int, float]) -> float:
    if node in bases:
        return node_value(net, node, values, bases[node], True, bases=bases)
    return node_value(net, node, values, net.base[node], net.judged[node], bases=bases)


def _solve_block(
    net: Network,
    block: tuple[int, ...],
    values: list[float],
    bases: Mapping[int, float],
    log: list[tuple[int, float]] | None,
) -> bool:
    """Iterate a cyclic block to a fixed point in place; True if any value moved."""
    moved = False
    for _ in range(MAX_ITERATIONS):
        delta = 0.0
        for node in block:
            target = _value(net, node, values, bases)
            new = DAMPING * values[node] + (1.0 - DAMPING) * target
            if new != values[node]:
                delta = max(delta, abs(new - values[node]))
                if log is not None:
                    log.append((node, values[node]))
                values[node] = new
                moved = True
        if delta < TOLERANCE:
            break
    return moved


def evaluate(net: Network, bases: Mapping[int, float] | None = None) -> list[float]:
    """Every node's value: how established for statements, force for inferences.

    ``bases`` sets nodes' judgements for this evaluation: a credibility for a statement
    (which then counts as judged), a strength for an inference.
    """
    bases = bases or {}
    values = [0.0] * len(net.ids)
    for block, cyclic in zip(net.blocks, net.cyclic, strict=True):
        if cyclic:
            _solve_block(net, block, values, bases, None)
        else:
            node = block[0]
            values[node] = _value(net, node, values, bases)
    return values


def propagate_change(
    net: Network,
    values: list[float],
    bases: Mapping[int, float],
    *,
    until: int | None = None,
    start: Mapping[int, float] | None = None,
    within: frozenset[int] | None = None,
) -> list[tuple[int, float]]:
    """Apply changed judgements to ``values`` in place, touching only what lies downstream
    of the nodes in ``start`` (default: all of ``bases``), up to block ``until``, and only
    among the nodes ``within`` when given.

    Returns an undo log for :func:`undo_change`. The work is proportional to the part of
    the map the change actually moves.
    """
    log: list[tuple[int, float]] = []
    heap = sorted({net.block_of[n] for n in (bases if start is None else start)})
    queued = set(heap)
    while heap:
        b = heapq.heappop(heap)
        if until is not None and b > until:
            break
        block = net.blocks[b]
        if net.cyclic[b]:
            moved = _solve_block(net, block, values, bases, log)
        else:
            node = block[0]
            new = _value(net, node, values, bases)
            moved = new != values[node]
            if moved:
                log.append((node, values[node]))
                values[node] = new
        if not moved:
            continue
        for node in block:
            for succ in net.successors[node]:
                if within is not None and succ not in within:
                    continue
                sb = net.block_of[succ]
                if sb not in queued and sb != b:
                    queued.add(sb)
                    heapq.heappush(heap, sb)
    return log


def undo_change(values: list[float], log: list[tuple[int, float]]) -> None:
    """Restore the values a :func:`propagate_change` overwrote."""
    for node, old in reversed(log):
        values[node] = old
