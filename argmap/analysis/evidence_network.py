"""A map compiled for weighing: which arguments count, which depend on each other, and in
what order to evaluate them.

Nodes are integers: statements ``0 .. n_statements - 1`` in document order, then the
inferences. Compiling decides, once per map, everything that does not depend on numbers:

* **What counts.** An inference with an unknown premise or a conclusion of the wrong type
  is left out. So is any inference with a scenario among its premises, and any link from a
  scenario to a scenario: the weights already treat the scenarios as mutually exclusive,
  so drawing that as attacks would count it twice. The arguments for and against a
  statement that has its own credibility are not counted again: the analyst's judgement
  is final and already sums them up (clear it to let them count instead). Each of these
  is reported as a warning.
* **Cycles.** Inside a cycle of arguments, supports of a member and undercuts of an attack
  on a member are dropped (and reported): they would let a statement defend itself ("since
  A holds, the evidence against A is misleading"). Attacks between members stay; they
  settle to a fixed point.
* **Dependence.** Every statement rests on a *basis*: the sources its quotes come from and
  the statements beneath it. A source cited by two or more statements, and a statement
  used by two or more inferences, is a basis *atom*; ``atom_nodes`` lists the statements
  that carry each atom. Two inputs of one node whose bases share an atom are dependent:
  the evaluation counts the later one only for what it adds once the shared atoms are
  knocked out (:mod:`argmap.analysis.establishment`). Linked premises that share an atom
  are put in one group (``premise_groups``): together they are as good as the weakest.
  Only support and premise links carry a basis upward: an objection shared by two
  statements does not make them one witness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from argmap.analysis.graph_order import strong_parts
from argmap.model import ArgMap, InferenceKind, StatementKind

DEFAULT_STRENGTH = 0.7
CATCH_ALL_TAG = "catch-all"  # the tag of an "other / none of these" scenario
EMPTY: tuple[int, ...] = ()
NO_GROUPS: tuple[tuple[int, ...], ...] = ()
SCENARIO = StatementKind.SCENARIO.value
QUESTION = StatementKind.QUESTION.value
ATTACK = InferenceKind.ATTACK.value
UNDERCUT = InferenceKind.UNDERCUT.value
SUPPORT = InferenceKind.SUPPORT.value


@dataclass(frozen=True, slots=True)
class Uncounted:
    """An inference (or a part of one) that the weights leave out, and why."""

    id: str
    reason: str


@dataclass(slots=True)
class Network:
    """A compiled map. ``pos``/``neg`` of a statement are its counted supporting/attacking
    inferences; of an inference, its premises/undercuts. ``basis[v]`` is a bit set of
    atoms; ``overlapping[v]`` says whether two of v's supports, attacks or undercuts share
    an atom. ``blocks`` lists the nodes in evaluation order; a block with ``cyclic[b]`` set
    is iterated to a fixed point."""

    ids: list[str]
    n_statements: int
    index: dict[str, int]
    kinds: list[str]
    base: list[float]
    judged: list[bool]
    target: list[int]
    pos: list[tuple[int, ...]]
    neg: list[tuple[int, ...]]
    premise_groups: list[tuple[tuple[int, ...], ...]]
    basis: list[int]
    atom_nodes: list[tuple[int, ...]]
    overlapping: list[bool]
    successors: list[tuple[int, ...]]
    blocks: list[tuple[int, ...]]
    cyclic: list[bool]
    block_of: list[int]
    scenarios: list[int]
    catch_all: frozenset[int]
    sources_of: list[tuple[str, ...]]
    warnings: list[str] = field(default_factory=list)
    uncounted: list[Uncounted] = field(default_factory=list)
    _cones: dict[int, frozenset[int]] = field(default_factory=dict)
    residuals: dict[tuple[int, int], float] = field(default_factory=dict)
    knock_starts: dict[tuple[int, int], dict[int, float]] = field(default_factory=dict)

    def cone(self, node: int) -> frozenset[int]:
        """``node`` and everything a counted chain leads from to it (cached)."""
        found = self._cones.get(node)
        if found is None:
            found = self._cones[node] = frozenset((node, *self.upstream([node])))
        return found

    def to_scenario(self, node: int) -> bool:
        """Whether ``node`` is a counted inference whose conclusion is a scenario."""
        t = self.target[node]
        return t >= 0 and t < self.n_statements and self.kinds[t] == SCENARIO

    def pos_in(self, node: int) -> tuple[int, ...]:
        """Counted positive inputs of a node (supports, or premises)."""
        return self.pos[node]

    def neg_in(self, node: int) -> tuple[int, ...]:
        """Counted negative inputs of a node (attacks, or undercuts)."""
        return self.neg[node]

    def cycles(self) -> list[list[str]]:
        """The ids in each strongly connected part the evaluation iterates."""
        return [
            [self.ids[n] for n in b] for b, c in zip(self.blocks, self.cyclic, strict=True) if c
        ]

    def upstream(self, targets: Sequence[int]) -> list[int]:
        """Nodes from which a counted chain leads to one of ``targets`` (excluded), in
        node order; the work is proportional to what is found, not to the map."""
        seen = set(targets)
        found: list[int] = []
        stack = list(targets)
        while stack:
            node = stack.pop()
            for src in (*self.pos[node], *self.neg[node]):
                if src not in seen:
                    seen.add(src)
                    found.append(src)
                    stack.append(src)
        found.sort()
        return found


@dataclass(slots=True)
class _Links:
    """Counted links while compiling: inputs by node, flat."""

    pos: list[list[int]]
    neg: list[list[int]]


def compile_network(doc: ArgMap) -> Network:  # noqa: C901, PLR0912, PLR0915  one pass per record kind
    """Compile a map for evaluation (see the module docstring for what is decided here)."""
    warnings: list[str] = []
    uncounted: list[Uncounted] = []
    ids: list[str] = []
    kinds: list[str] = []
    base: list[float] = []
    judged: list[bool] = []
    index: dict[str, int] = {}
    texts: list[str] = []
    quote_lists: list[list[str]] = []
    catch_all: set[int] = set()
    for s in doc.statements:
        if s.id in index:
            warnings.append(f"statement id {s.id!r} is used twice; the second is ignored")
            continue
        index[s.id] = len(ids)
        ids.append(s.id)
        kinds.append(s.kind.value)
        texts.append(s.text)
        quote_lists.append(s.quotes)
        if s.kind is StatementKind.SCENARIO and CATCH_ALL_TAG in (t.lower() for t in s.tags):
            catch_all.add(index[s.id])
        is_judged = s.credibility is not None and s.kind is not StatementKind.SCENARIO
        judged.append(is_judged)
        base.append(float(s.credibility) if is_judged and s.credibility is not None else 0.0)
    n_statements = len(ids)
    accepted = []
    for inf in doc.inferences:
        if inf.id in index:
            warnings.append(f"inference id {inf.id!r} is already taken; it is ignored")
            continue
        index[inf.id] = len(ids)
        ids.append(inf.id)
        kinds.append(inf.kind.value)
        judged.append(inf.strength is not None)
        base.append(DEFAULT_STRENGTH if inf.strength is None else float(inf.strength))
        accepted.append(inf)
    n = len(ids)
    target = [-1] * n
    links = _Links(pos=[[] for _ in range(n)], neg=[[] for _ in range(n)])

    def leave_out(inf_id: str, reason: str) -> None:
        uncounted.append(Uncounted(inf_id, reason))
        warnings.append(f"inference {inf_id!r} is not counted: {reason}")

    for inf in accepted:
        node = index[inf.id]
        premises = list(dict.fromkeys(index.get(p, n) for p in inf.premises))
        if any(p >= n_statements for p in premises):
            missing = [p for p in inf.premises if index.get(p, n) >= n_statements]
            leave_out(inf.id, f"its premises {missing} are no statements of the map")
            continue
        goal = index.get(inf.conclusion, -1)
        wants_inference = inf.kind is InferenceKind.UNDERCUT
        if goal < 0 or (goal >= n_statements) != wants_inference:
            what = "inference" if wants_inference else "statement"
            leave_out(inf.id, f"its conclusion {inf.conclusion!r} is no {what} of the map")
            continue
        if any(kinds[p] == SCENARIO for p in premises) and kinds[goal] == QUESTION:
            uncounted.append(Uncounted(inf.id, "it says which question a scenario answers"))
            continue
        if any(kinds[p] == SCENARIO for p in premises):
            leave_out(
                inf.id,
                "a scenario is among its premises (scenarios are exclusive answers, "
                "weighed by the evidence, not evidence themselves)",
            )
            continue
        links.pos[node] = premises
        target[node] = goal
        if wants_inference or inf.kind is InferenceKind.ATTACK:
            links.neg[goal].append(node)
        else:
            links.pos[goal].append(node)  # a judged goal's supports are dropped below
    _drop_supports_of_judged(ids, texts, judged, links, target, uncounted, warnings)
    blocks, cyclic = _evaluation_order(ids, kinds, n_statements, links, target, uncounted, warnings)
    block_of = [0] * n
    for b, block in enumerate(blocks):
        for node in block:
            block_of[node] = b
    quote_source = {q.id: q.source for q in doc.quotes}
    sources_of = [
        tuple(dict.fromkeys(quote_source[q] for q in quotes if q in quote_source))
        for quotes in quote_lists
    ]
    basis, atom_nodes = _bases(n_statements, judged, links, sources_of, blocks, cyclic)
    premise_groups = [
        _groups(links.pos[v], basis) if v >= n_statements else NO_GROUPS for v in range(n)
    ]
    overlapping = [
        _overlap(links.neg[v], basis) or (v < n_statements and _overlap(links.pos[v], basis))
        for v in range(n)
    ]
    succ_lists: dict[int, list[int]] = {}
    for v in range(n):
        for src in (*links.pos[v], *links.neg[v]):
            succ_lists.setdefault(src, []).append(v)
    successors = [tuple(succ_lists[v]) if v in succ_lists else EMPTY for v in range(n)]
    net = Network(
        ids=ids,
        n_statements=n_statements,
        index=index,
        kinds=kinds,
        base=base,
        judged=judged,
        target=target,
        pos=[tuple(x) if x else EMPTY for x in links.pos],
        neg=[tuple(x) if x else EMPTY for x in links.neg],
        premise_groups=premise_groups,
        basis=basis,
        atom_nodes=atom_nodes,
        overlapping=overlapping,
        successors=successors,
        blocks=blocks,
        cyclic=cyclic,
        block_of=block_of,
        scenarios=[v for v in range(n_statements) if kinds[v] == SCENARIO],
        catch_all=frozenset(catch_all),
        sources_of=sources_of,
        warnings=warnings,
        uncounted=uncounted,
    )
    for cycle in net.cycles():
        shown = ", ".join(cycle[:6]) + (", ..." if len(cycle) > 6 else "")
        warnings.append(f"a cycle of attacks ({shown}) was evaluated to a fixed point")
    return net


def _drop_supports_of_judged(  # noqa: PLR0917  private, called once with every part of the compile
    ids: list[str],
    texts: list[str],
    judged: list[bool],
    links: _Links,
    target: list[int],
    uncounted: list[Uncounted],
    warnings: list[str],
) -> None:
    """A judged statement's own credibility is final: leave its arguments out."""
    for v in range(len(texts)):
        if not judged[v] or not (links.pos[v] or links.neg[v]):
            continue
        for inf in (*links.pos[v], *links.neg[v]):
            uncounted.append(Uncounted(ids[inf], f"{ids[v]!r} has its own credibility"))
            target[inf] = -1
        count = len(links.pos[v]) + len(links.neg[v])
        what = (
            f"the {count} arguments for or against it are"
            if count > 1
            else ("the argument for or against it is")
        )
        warnings.append(
            f"{ids[v]!r} has its own credibility, so {what} not counted again "
            "(clear its credibility to let them count instead)"
        )
        links.pos[v] = []
        links.neg[v] = []


def _evaluation_order(  # noqa: C901, PLR0917  private, one pass over cyclic blocks
    ids: list[str],
    kinds: list[str],
    n_statements: int,
    links: _Links,
    target: list[int],
    uncounted: list[Uncounted],
    warnings: list[str],
) -> tuple[list[tuple[int, ...]], list[bool]]:
    """Blocks in topological order, after dropping the links that close a circular defence."""
    n = len(ids)

    def successors() -> list[list[int]]:
        succ: list[list[int]] = [[] for _ in range(n)]
        for v in range(n):
            for src in (*links.pos[v], *links.neg[v]):
                succ[src].append(v)
        return succ

    blocks, cyclic = strong_parts(successors())
    block_of = [0] * n
    for b, block in enumerate(blocks):
        for v in block:
            block_of[v] = b
    dropped = False
    for b, block in enumerate(blocks):
        if not cyclic[b]:
            continue
        for v in block:
            if v < n_statements:
                inputs = links.pos[v]
                reason = "it is part of a cycle through the statement it supports"
            elif kinds[v] == ATTACK:
                inputs = links.neg[v]
                reason = "it undercuts an attack on a statement it rests on (circular defence)"
            else:
                continue
            for i in [i for i in inputs if block_of[i] == b]:
                inputs.remove(i)
                target[i] = -1
                uncounted.append(Uncounted(ids[i], reason))
                warnings.append(f"inference {ids[i]!r} is not counted: {reason}")
                dropped = True
    if dropped:
        blocks, cyclic = strong_parts(successors())
    return blocks, cyclic


def _bases(  # noqa: C901, PLR0912, PLR0917  atoms, then bases in one topological pass
    n_statements: int,
    judged: list[bool],
    links: _Links,
    sources_of: list[tuple[str, ...]],
    blocks: list[tuple[int, ...]],
    cyclic: list[bool],
) -> tuple[list[int], list[tuple[int, ...]]]:
    """Each node's basis as a bit set of atoms, and the statements carrying each atom."""
    n = len(judged)
    citations: dict[str, int] = {}
    for sources in sources_of:
        for src in sources:
            citations[src] = citations.get(src, 0) + 1
    atom_of_source: dict[str, int] = {}
    for src, count in citations.items():
        if count >= 2:
            atom_of_source[src] = len(atom_of_source)
    uses = [0] * n_statements
    for v in range(n_statements, n):
        for p in links.pos[v]:
            uses[p] += 1
    own = [0] * n
    carriers: list[list[int]] = [[] for _ in atom_of_source]
    for v in range(n_statements):
        bits = 0
        for src in sources_of[v]:
            atom = atom_of_source.get(src)
            if atom is not None:
                bits |= 1 << atom
                carriers[atom].append(v)
        if uses[v] >= 2:
            bits |= 1 << len(carriers)
            carriers.append([v])
        own[v] = bits
    basis = list(own)
    for block, is_cyclic in zip(blocks, cyclic, strict=True):
        for _ in range(len(block) + 1 if is_cyclic else 1):
            changed = False
            for v in block:
                bits = own[v]
                for i in links.pos[v]:  # supports of a statement, premises of an inference
                    bits |= basis[i]
                if bits != basis[v]:
                    basis[v] = bits
                    changed = True
            if not changed:
                break
    return basis, [tuple(c) for c in carriers]


def _overlap(inputs: Sequence[int], basis: Sequence[int]) -> bool:
    """Whether two of ``inputs`` share an atom."""
    seen = 0
    for node in inputs:
        if basis[node] & seen:
            return True
        seen |= basis[node]
    return False


def _groups(inputs: Sequence[int], basis: Sequence[int]) -> tuple[tuple[int, ...], ...]:
    """``inputs`` split into groups whose bases share an atom (transitively), in order."""
    if not inputs:
        return NO_GROUPS
    if len(inputs) == 1:
        return ((inputs[0],),)
    parent = list(range(len(inputs)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    first_with_atom: dict[int, int] = {}
    for k, node in enumerate(inputs):
        bits = basis[node]
        while bits:
            low = bits & -bits
            atom = low.bit_length() - 1
            bits ^= low
            other = first_with_atom.setdefault(atom, k)
            if other != k:
                a, b = root(other), root(k)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    grouped: dict[int, list[int]] = {}
    for k, node in enumerate(inputs):
        grouped.setdefault(root(k), []).append(node)
    return tuple(tuple(g) for g in grouped.values())
