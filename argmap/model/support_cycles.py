"""Loops of support among statements, found in linear time (iterative Tarjan SCC)."""

from __future__ import annotations

from collections.abc import Collection

from argmap.model.document import ArgMap
from argmap.model.inference import InferenceKind

Step = tuple[str, int]  # a statement id, and the index of the inference it supports through


def support_cycles(doc: ArgMap, statement_ids: Collection[str] | None = None) -> list[list[Step]]:
    """One support loop per knot of statements that support each other, as steps.

    Each loop ``[(s0, i0), (s1, i1), ...]`` reads "s0 supports s1 through
    ``doc.inferences[i0]``, s1 supports s2 ..., and the last supports s0". A premise equal
    to its own conclusion is not a loop here (validation reports it on its own).
    """
    known = set(statement_ids) if statement_ids is not None else {s.id for s in doc.statements}
    edges: dict[str, list[Step]] = {}
    for i, inference in enumerate(doc.inferences):
        if inference.kind != InferenceKind.SUPPORT or inference.conclusion not in known:
            continue
        for premise in inference.premises:
            if premise in known and premise != inference.conclusion:
                edges.setdefault(premise, []).append((inference.conclusion, i))
    loops = []
    for component in _strong_components([s.id for s in doc.statements], edges):
        members = set(component)
        walk: list[Step] = []
        position: dict[str, int] = {}
        node = component[-1]
        while node not in position:  # every member has an edge inside the knot
            position[node] = len(walk)
            target, via = next((t, k) for t, k in edges[node] if t in members)
            walk.append((node, via))
            node = target
        loops.append(walk[position[node] :])
    return loops


def _strong_components(nodes: list[str], edges: dict[str, list[Step]]) -> list[list[str]]:
    """Strongly connected components with more than one node (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    for root in nodes:
        if root in index or root not in edges:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(edges.get(root, ())))]
        while work:
            node, targets = work[-1]
            descended = False
            for target, _ in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(edges.get(target, ()))))
                    descended = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if descended:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    result.append(component)
    return result
