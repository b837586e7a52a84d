"""How far each statement is established by the map's evidence, and each argument's force.

Every statement gets ``p`` in [0, 1], the probability that it is established by what the
map holds; every inference a force in [0, 1]:

* A **judged** statement (credibility ``c`` set) counts with ``c``: the analyst's
  judgement is final, and the arguments for and against it are not counted again. An
  **unjudged** one stands on what supports it: ``1 - (1 - S1)(1 - S2)...`` over its
  supporting inferences (noisy-OR: any one carrying it is enough). With nothing
  supporting it, that is 0: a statement nobody judged and nothing supports contributes
  nothing.
* Attacks then weaken it: ``p = S x (1 - A)``, A the noisy-OR of its attacks.
* Supports (or attacks) that share a source or a statement are not independent: each
  counts only for what it adds to the others (:func:`best_counted`), so a copy adds
  nothing and adding one never lowers the result.
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
(at most 200 rounds; the attacks are linear in each value, so the fixed point is unique
when the product of the strengths and credibilities round the cycle is below 1). Inside a
cycle, and inside a knock-out, dependence is not corrected again (it would nest). Which
inputs count and which depend on each other is decided when
the map is compiled (:mod:`argmap.analysis.evidence_network`).
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping, Sequence

from argmap.analysis.evidence_network import Network

MAX_ITERATIONS = 200
TOLERANCE = 1e-9
DAMPING = 0.5
EXACT_ORDERS = 7


def _components(inputs: Sequence[int], basis: Sequence[int]) -> list[list[int]]:
    """``inputs`` split into groups linked by shared atoms (transitively)."""
    groups: list[tuple[int, list[int]]] = []
    for i in inputs:
        bits, members = basis[i], [i]
        rest = []
        for atoms, group in groups:
            if atoms & bits:
                bits |= atoms
                members = group + members
            else:
                rest.append((atoms, group))
        groups = [*rest, (bits, members)]
    return [group for _, group in groups]


def best_counted(  # noqa: C901  one exact search over orders, kept whole to read as one
    net: Network,
    values: list[float],
    inputs: Sequence[int],
    bases: Mapping[int, float],
    worth: Callable[[int, float], float],
) -> dict[int, float]:
    """Each input's value as it counts when inputs sharing an atom are not independent.

    Taken in some order, each input counts for what it adds to those before it: its value
    with the atoms it shares with them knocked out (:func:`residual`). Of all the orders,
    the one whose inputs are worth most together counts (``worth`` turns a counted value
    into an additive amount). So a copy of an input adds nothing, an independent part of
    an input still counts, adding an input can never lower the total, and no order, name
    or document position matters. Exact over every order for groups of up to
    ``EXACT_ORDERS`` linked inputs; larger groups are taken strongest first."""
    out = {i: values[i] for i in inputs}
    live = [i for i in inputs if values[i] > 0.0 and net.basis[i]]
    cache: dict[tuple[int, int], float] = {}

    def counted(i: int, before: int) -> float:
        shared = net.basis[i] & before
        if not shared:
            return values[i]
        key = (i, shared)
        hit = cache.get(key)
        if hit is None:
            hit = cache[key] = residual(net, values, i, shared, bases)
        return hit

    for group in _components(live, net.basis):
        n = len(group)
        if n == 1:
            continue
        if n > EXACT_ORDERS:
            before = 0
            for i in sorted(group, key=lambda i: (-worth(i, values[i]), i)):
                out[i] = counted(i, before)
                before |= net.basis[i]
            continue
        full = (1 << n) - 1
        unions = [0] * (1 << n)
        best = [0.0] * (1 << n)
        last = [0] * (1 << n)
        for mask in range(1, full + 1):
            low = mask & -mask
            unions[mask] = unions[mask ^ low] | net.basis[group[low.bit_length() - 1]]
            top = -1.0
            for k in range(n):
                bit = 1 << k
                if mask & bit:
                    prev = mask ^ bit
                    total = best[prev] + worth(group[k], counted(group[k], unions[prev]))
                    if total > top + 1e-15:
                        top, last[mask] = total, k
            best[mask] = top
        mask = full
        while mask:
            k = last[mask]
            prev = mask ^ (1 << k)
            out[group[k]] = counted(group[k], unions[prev])
            mask = prev
    return out


def _log_survival(_node: int, v: float) -> float:
    return -math.log(max(1.0 - v, 1e-300))


def combined(
    net: Network,
    values: list[float],
    inputs: tuple[int, ...],
    bases: Mapping[int, float],
    dependent: bool,
) -> float:
    """1 - prod(1 - v) over ``inputs`` (noisy-OR: any one carrying it is enough). With
    ``dependent`` set, inputs that share an atom count as :func:`best_counted` says."""
    if dependent and len(inputs) > 1:
        counted = best_counted(net, values, inputs, bases, _log_survival)
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
    """``node``'s value with every statement carrying one of ``atoms`` knocked out.

    Remembered on the network while no judgement in ``node``'s cone is changed (the flip
    analysis changes one judgement at a time, so most of its residuals are the map's)."""
    cone = net.cone(node)
    if len(bases) <= len(cone):
        pristine = not any(k in cone for k in bases)
    else:
        pristine = not any(v in bases for v in cone)
    if pristine:
        hit = net.residuals.get((node, atoms))
        if hit is not None:
            return hit
    key = (node, atoms)
    start = net.knock_starts.get(key)
    if start is None:
        start = net.knock_starts[key] = {v: 0.0 for v in knocked_out(net, atoms) if v in cone}
    full = values[node]
    if not start:
        return full
    knocked = start  # carriers outside the cone cannot reach the node
    merged = {**bases, **knocked} if bases else knocked
    log = propagate_change(
        net, values, merged, until=net.block_of[node], start=start, within=cone, plain=True
    )
    # Knocking out can only take away; the knocked-out world is evaluated without the
    # (nested) dependence correction, so keep it from exceeding the corrected value.
    out = min(values[node], full)
    undo_change(values, log)
    if pristine:
        net.residuals[(node, atoms)] = out
    return out


def node_value(
    net: Network,
    node: int,
    values: list[float],
    base: float,
    judged: bool,
    *,
    bases: Mapping[int, float] | None = None,
    plain: bool = False,
) -> float:
    """One node's value from its inputs' current values (see the module docstring).

    ``plain`` skips the dependence correction (inside a knock-out or a cycle, so that
    corrections do not nest)."""
    bases = bases or {}
    dependent = net.overlapping[node] and not plain
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


def _value(
    net: Network,
    node: int,
    values: list[float],
    bases: Mapping[int, float],
    plain: bool = False,
) -> float:
    if node in bases:
        return node_value(net, node, values, bases[node], True, bases=bases, plain=plain)
    return node_value(net, node, values, net.base[node], net.judged[node], bases=bases, plain=plain)


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
            target = _value(net, node, values, bases, True)
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
    plain: bool = False,
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
            new = _value(net, node, values, bases, plain)
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
