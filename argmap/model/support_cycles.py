"""Loops of support among statements: networkx's strongly connected components, each
shown as its shortest loop."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from argmap.model.document import ArgMap
from argmap.model.inference import InferenceKind

Step = tuple[str, int]  # a statement id, and the index of the inference it supports through


def support_cycles(doc: ArgMap, statement_ids: Collection[str] | None = None) -> list[list[Step]]:
    """One support loop per knot of statements that support each other, as steps.

    Each loop ``[(s0, i0), (s1, i1), ...]`` reads "s0 supports s1 through
    ``doc.inferences[i0]``, s1 supports s2 ..., and the last supports s0". A premise equal
    to its own conclusion is not a loop here (validation reports it on its own). Knots come
    in document order of their first statement; each loop is the shortest one through it.
    """
    # Validation calls this only for a map that has a loop, so networkx (~100 ms to import)
    # stays out of the window's start-up and of every ordinary load.
    import networkx as nx  # noqa: PLC0415

    known = set(statement_ids) if statement_ids is not None else {s.id for s in doc.statements}
    via: dict[tuple[str, str], int] = {}  # premise -> conclusion: the first inference saying so
    for i, inference in enumerate(doc.inferences):
        conclusion = inference.conclusion
        if inference.kind != InferenceKind.SUPPORT or conclusion not in known:
            continue
        for premise in inference.premises:
            if premise in known and premise != conclusion:
                via.setdefault((premise, conclusion), i)
    graph = nx.DiGraph(via.keys())
    position = {s.id: k for k, s in enumerate(doc.statements)}

    def rank(statement_id: str) -> tuple[int, str]:
        return position.get(statement_id, len(position)), statement_id

    knots = [
        (min(knot, key=rank), knot)
        for knot in nx.strongly_connected_components(graph)
        if len(knot) > 1
    ]
    knots.sort(key=lambda pair: rank(pair[0]))
    return [_loop(graph, first, knot, via) for first, knot in knots]


def _loop(graph: Any, start: str, knot: set[str], via: dict[tuple[str, str], int]) -> list[Step]:
    """The shortest loop through ``start`` inside its ``knot`` (breadth-first)."""
    import networkx as nx  # noqa: PLC0415

    succ = graph.succ

    def inside(node: str) -> Iterator[str]:
        return (t for t in succ[node] if t in knot)

    parent: dict[str, str] = {}
    found = {start: 0}
    for k, (before, node) in enumerate(nx.generic_bfs_edges(graph, start, inside), 1):
        parent[node], found[node] = before, k
    last = min((p for p in graph.pred[start] if p in knot), key=found.__getitem__)
    path = [last]  # walk back from the nearest way back to start
    while path[-1] != start:
        path.append(parent[path[-1]])
    path.reverse()
    return [(a, via[a, b]) for a, b in zip(path, [*path[1:], start], strict=True)]
