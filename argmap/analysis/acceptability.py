"""Acceptability: how far each statement stands, given the arguments for and against it.

Every statement gets a value in [0, 1], every inference a *force* in [0, 1]:

* A statement's **base** is its credibility; unjudged (``None``) counts as 0.5, "don't
  know". A statement that nothing supports or attacks (a leaf) keeps its base. A
  scenario's base is always 0.5: its prior, not its credibility, says how likely the
  analyst thought it before the evidence (see :mod:`argmap.analysis.scenario_weights`).
* An inference's **force** is its strength (``None`` counts as 0.7) times the
  acceptability of each of its premises (linked premises hold only together, so their
  values multiply) times (1 - u) for each undercut of force u aimed at it.
* Several supports of one conclusion are *convergent*: they combine like independent
  chances, by noisy-OR, ``S = 1 - (1 - f1)(1 - f2)...``; attacks likewise give ``A``.
* The conclusion's acceptability reads: with chance S the support carries it (true), with
  chance A the attack defeats it (false), and when both or neither hold it stays at its
  base b:  ``acc = b(1 - S)(1 - A) + S(1 - A) + b S A``.
  This stays within [0, 1], rises with b and S and falls with A; with no attack it is
  ``b + (1 - b) S``, with no support ``b (1 - A)``.

Values are computed once per node in topological order, so one evaluation is linear in
the size of the map. Support cycles are invalid, but attack cycles ("A attacks B, B
attacks A") and hand-edited files happen: each strongly connected part is iterated
(Gauss-Seidel, damped by half) until no value moves by more than 1e-9, at most 200
rounds, so evaluation always ends. Ids that point nowhere, duplicate ids and undercuts
that aim at a statement are left out of the evaluation and reported as warnings.

The module compiles a map into integer-indexed lists (:class:`Network`) so that the
sensitivity analysis can re-evaluate only the part of the map downstream of one change.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass

from argmap.model import ArgMap, InferenceKind, StatementKind

DEFAULT_CREDIBILITY = 0.5
DEFAULT_STRENGTH = 0.7
MAX_ITERATIONS = 200
TOLERANCE = 1e-9
DAMPING = 0.5
EMPTY: tuple[int, ...] = ()


@dataclass(slots=True)
class Network:
    """A map compiled for evaluation: statements are nodes ``0..n_statements-1``,
    inferences follow. ``pos_in``/``neg_in`` are a statement's support/attack inferences,
    or an inference's premises/undercuts. ``blocks`` lists the nodes in evaluation order;
    a block with ``cyclic[b]`` set is a strongly connected part, iterated to a fixed point.
    """

    ids: list[str]
    n_statements: int
    index: dict[str, int]
    kinds: list[str]
    base: list[float]
    pos_in: list[tuple[int, ...]]
    neg_in: list[tuple[int, ...]]
    successors: list[tuple[int, ...]]
    blocks: list[tuple[int, ...]]
    cyclic: list[bool]
    block_of: list[int]
    warnings: list[str]

    def is_statement(self, node: int) -> bool:
        """True for a statement node, False for an inference node."""
        return node < self.n_statements

    def nodes_of_kind(self, kind: StatementKind) -> list[int]:
        """Statement nodes of one kind, in document order."""
        return [n for n in range(self.n_statements) if self.kinds[n] == kind]

    def cycles(self) -> list[list[str]]:
        """The ids in each strongly connected part the evaluation had to iterate."""
        return [
            [self.ids[n] for n in b] for b, c in zip(self.blocks, self.cyclic, strict=True) if c
        ]


def compile_network(doc: ArgMap) -> Network:
    """Index a map's statements and inferences for fast, repeatable evaluation."""
    warnings: list[str] = []
    ids: list[str] = []
    kinds: list[str] = []
    base: list[float] = []
    index: dict[str, int] = {}
    for s in doc.statements:
        if s.id in index:
            warnings.append(f"statement id {s.id!r} is used twice; the second is ignored")
            continue
        index[s.id] = len(ids)
        ids.append(s.id)
        kinds.append(s.kind)  # a StrEnum: compares equal to its value
        neutral = s.credibility is None or s.kind is StatementKind.SCENARIO
        base.append(DEFAULT_CREDIBILITY if neutral else float(s.credibility or 0.0))
    n_statements = len(ids)
    accepted = []
    for inf in doc.inferences:
        if inf.id in index:
            warnings.append(f"inference id {inf.id!r} is already taken; it is ignored")
            continue
        index[inf.id] = len(ids)
        ids.append(inf.id)
        kinds.append(inf.kind)
        base.append(DEFAULT_STRENGTH if inf.strength is None else inf.strength)
        accepted.append(inf)
    n = len(ids)
    # Most nodes have no inputs: share one empty tuple instead of allocating thousands.
    pos_in: list[tuple[int, ...]] = [EMPTY] * n
    neg_lists: dict[int, list[int]] = {}
    pos_lists: dict[int, list[int]] = {}
    for inf in accepted:
        node = index[inf.id]
        premises = tuple(index.get(p, n) for p in inf.premises)
        if max(premises) >= n_statements:
            missing = [p for p in inf.premises if index.get(p, n) >= n_statements]
            warnings.append(f"inference {inf.id!r} has unknown premises {missing}; ignored")
            base[node] = 0.0  # an ignored inference carries no force
            continue
        target = index.get(inf.conclusion, -1)
        wants_inference = inf.kind is InferenceKind.UNDERCUT
        if target < 0 or (target >= n_statements) != wants_inference:
            what = "inference" if wants_inference else "statement"
            warnings.append(
                f"inference {inf.id!r} concludes {inf.conclusion!r}, which is no {what}; ignored"
            )
            base[node] = 0.0
            continue
        pos_in[node] = premises
        if inf.kind is InferenceKind.ATTACK or wants_inference:
            neg_lists.setdefault(target, []).append(node)
        else:
            pos_lists.setdefault(target, []).append(node)
    neg_in: list[tuple[int, ...]] = [EMPTY] * n
    for node, inputs in pos_lists.items():
        pos_in[node] = tuple(inputs)
    for node, inputs in neg_lists.items():
        neg_in[node] = tuple(inputs)
    succ_lists: dict[int, list[int]] = {}
    for node in range(n):
        for source in pos_in[node]:
            succ_lists.setdefault(source, []).append(node)
        for source in neg_in[node]:
            succ_lists.setdefault(source, []).append(node)
    succ: list[tuple[int, ...]] = [EMPTY] * n
    for node, outputs in succ_lists.items():
        succ[node] = tuple(outputs)
    blocks, cyclic = _evaluation_order(succ)
    block_of = [0] * n
    for b, block in enumerate(blocks):
        for node in block:
            block_of[node] = b
    net = Network(
        ids=ids,
        n_statements=n_statements,
        index=index,
        kinds=kinds,
        base=base,
        pos_in=pos_in,
        neg_in=neg_in,
        successors=succ,
        blocks=blocks,
        cyclic=cyclic,
        block_of=block_of,
        warnings=warnings,
    )
    for cycle in net.cycles():
        shown = ", ".join(cycle[:6]) + (", ..." if len(cycle) > 6 else "")
        warnings.append(f"a cycle of arguments ({shown}) was evaluated to a fixed point")
    return net


def _evaluation_order(succ: list[tuple[int, ...]]) -> tuple[list[tuple[int, ...]], list[bool]]:
    """Strongly connected parts in topological order (iterative Tarjan), cyclic flags."""
    n = len(succ)
    order = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    parts: list[tuple[int, ...]] = []
    counter = 0
    for root in range(n):
        if order[root] >= 0:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, 0)]
        while work:
            v, i = work[-1]
            out = succ[v]
            if i < len(out):
                work[-1] = (v, i + 1)
                w = out[i]
                if order[w] < 0:
                    order[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, 0))
                elif on_stack[w] and order[w] < low[v]:
                    low[v] = order[w]
                continue
            work.pop()
            if work and low[v] < low[work[-1][0]]:
                low[work[-1][0]] = low[v]
            if low[v] == order[v]:
                part = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    part.append(w)
                    if w == v:
                        break
                parts.append(tuple(sorted(part)))
    parts.reverse()  # Tarjan emits a part after everything it reaches
    cyclic = [len(p) > 1 or p[0] in succ[p[0]] for p in parts]
    return parts, cyclic


def node_value(net: Network, node: int, values: list[float], base: float) -> float:
    """One node's value from its inputs' current values (see the module docstring)."""
    if node < net.n_statements:
        keep_support = 1.0
        for i in net.pos_in[node]:
            keep_support *= 1.0 - values[i]
        keep_attack = 1.0
        for i in net.neg_in[node]:
            keep_attack *= 1.0 - values[i]
        support = 1.0 - keep_support
        return base * (keep_support * keep_attack + support * (1.0 - keep_attack)) + (
            support * keep_attack
        )
    force = base
    for p in net.pos_in[node]:
        force *= values[p]
    for u in net.neg_in[node]:
        force *= 1.0 - values[u]
    return force


def _solve_block(
    net: Network,
    block: tuple[int, ...],
    values: list[float],
    fixed: Mapping[int, float],
    bases: Mapping[int, float],
    *,
    log: list[tuple[int, float]] | None,
) -> bool:
    """Iterate a cyclic block to a fixed point in place; True if any value moved."""
    moved = False
    for _ in range(MAX_ITERATIONS):
        delta = 0.0
        for node in block:
            if node in fixed:
                new = fixed[node]
            else:
                target = node_value(net, node, values, bases.get(node, net.base[node]))
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


def evaluate(
    net: Network,
    fixed: Mapping[int, float] | None = None,
    bases: Mapping[int, float] | None = None,
) -> list[float]:
    """Every node's value: acceptability for statements, force for inferences.

    ``fixed`` pins nodes to a value; ``bases`` replaces credibility/strength of nodes.
    """
    fixed = fixed or {}
    bases = bases or {}
    values = [bases.get(n, b) for n, b in enumerate(net.base)]
    for block, cyclic in zip(net.blocks, net.cyclic, strict=True):
        if cyclic:
            _solve_block(net, block, values, fixed, bases, log=None)
            continue
        node = block[0]
        if node in fixed:
            values[node] = fixed[node]
        else:
            values[node] = node_value(net, node, values, bases.get(node, net.base[node]))
    return values


def propagate_change(
    net: Network,
    values: list[float],
    fixed: Mapping[int, float],
    bases: Mapping[int, float],
) -> list[tuple[int, float]]:
    """Apply pins/base changes to ``values`` in place, touching only what lies downstream.

    Returns an undo log; :func:`undo_change` restores ``values`` exactly. The work is
    proportional to the part of the map the change actually moves.
    """
    log: list[tuple[int, float]] = []
    heap = sorted({net.block_of[n] for n in (*fixed, *bases)})
    queued = set(heap)
    while heap:
        b = heapq.heappop(heap)
        block = net.blocks[b]
        if net.cyclic[b]:
            moved = _solve_block(net, block, values, fixed, bases, log=log)
        else:
            node = block[0]
            if node in fixed:
                new = fixed[node]
            else:
                new = node_value(net, node, values, bases.get(node, net.base[node]))
            moved = new != values[node]
            if moved:
                log.append((node, values[node]))
                values[node] = new
        if not moved:
            continue
        for node in block:
            for succ in net.successors[node]:
                sb = net.block_of[succ]
                if sb not in queued and sb != b:
                    queued.add(sb)
                    heapq.heappush(heap, sb)
    return log


def undo_change(values: list[float], log: list[tuple[int, float]]) -> None:
    """Restore the values a :func:`propagate_change` overwrote."""
    for node, old in reversed(log):
        values[node] = old


@dataclass(frozen=True, slots=True)
class Acceptability:
    """Evaluation results by id: statements' acceptability, inferences' force."""

    statements: dict[str, float]
    inferences: dict[str, float]
    warnings: tuple[str, ...]


def acceptability(doc: ArgMap) -> Acceptability:
    """Evaluate a whole map (see the module docstring for the method)."""
    net = compile_network(doc)
    values = evaluate(net)
    return results_by_id(net, values)


def results_by_id(net: Network, values: list[float]) -> Acceptability:
    """Name the values of an evaluated network by statement and inference id."""
    ids, n_st = net.ids, net.n_statements
    return Acceptability(
        statements={ids[n]: values[n] for n in range(n_st)},
        inferences={ids[n]: values[n] for n in range(n_st, len(ids))},
        warnings=tuple(net.warnings),
    )
