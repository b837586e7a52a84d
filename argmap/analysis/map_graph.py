"""A networkx view of a map: who supports, attacks or undercuts whom.

Two graphs, both directed the way reasons flow (from premise towards conclusion):

* :func:`argument_graph` holds a node per statement (``type="statement"``) and per
  inference (``type="inference"``), with an edge from each premise to its inference
  (``role="premise"``) and from each inference to what it concludes (``role="conclusion"``;
  for an undercut, the target is another inference). This is the exact structure the
  analysis evaluates.
* :func:`statement_graph` collapses inferences: an edge premise -> conclusion statement
  per inference, carrying ``kind`` (support/attack/undercut) and ``inference`` id. An
  undercut's edge goes to the conclusion of the inference it undercuts.

*Roots* are statements that are no inference's premise (the top of a tree: scenarios,
main claims); *leaves* are statements that nothing supports, attacks or undercuts (the
bottom: evidence and unargued assumptions). Ids that point nowhere are skipped here;
the validator reports them.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from argmap.model import ArgMap, InferenceKind

MAX_CYCLES = 100


def argument_graph(doc: ArgMap) -> nx.DiGraph:
    """Statements and inferences as nodes; premise -> inference -> conclusion edges."""
    graph = nx.DiGraph()
    for s in doc.statements:
        if s.id not in graph:
            graph.add_node(s.id, type="statement", kind=str(s.kind))
    for inf in doc.inferences:
        if inf.id not in graph:
            graph.add_node(inf.id, type="inference", kind=str(inf.kind))
    for inf in doc.inferences:
        if graph.nodes[inf.id].get("type") != "inference":
            continue  # an inference that reuses a statement's id: invalid, skipped
        for premise in inf.premises:
            if graph.nodes.get(premise, {}).get("type") == "statement":
                graph.add_edge(premise, inf.id, role="premise")
        target_type = "inference" if inf.kind is InferenceKind.UNDERCUT else "statement"
        if graph.nodes.get(inf.conclusion, {}).get("type") == target_type:
            graph.add_edge(inf.id, inf.conclusion, role="conclusion", kind=str(inf.kind))
    return graph


def statement_graph(doc: ArgMap) -> nx.MultiDiGraph:
    """Statements only; one premise -> conclusion edge per premise of each inference."""
    graph = nx.MultiDiGraph()
    statement_ids = {s.id for s in doc.statements}
    graph.add_nodes_from((s.id, {"kind": str(s.kind)}) for s in doc.statements)
    by_id = {inf.id: inf for inf in reversed(doc.inferences)}

    def target_statement(inference_id: str, seen: set[str]) -> str | None:
        inf = by_id.get(inference_id)
        if inf is None or inference_id in seen:
            return None
        if inf.kind is InferenceKind.UNDERCUT:
            return target_statement(inf.conclusion, seen | {inference_id})
        return inf.conclusion if inf.conclusion in statement_ids else None

    for inf in doc.inferences:
        target = target_statement(inf.id, set())
        if target is None:
            continue
        for premise in inf.premises:
            if premise in statement_ids:
                graph.add_edge(premise, target, kind=str(inf.kind), inference=inf.id)
    return graph


def _statements(graph: nx.DiGraph) -> Iterable[str]:
    return (n for n, data in graph.nodes(data=True) if data.get("type") == "statement")


def roots(doc: ArgMap) -> list[str]:
    """Statements that are no inference's premise, in document order."""
    graph = argument_graph(doc)
    return [n for n in _statements(graph) if graph.out_degree(n) == 0]


def leaves(doc: ArgMap) -> list[str]:
    """Statements nothing supports, attacks or undercuts, in document order."""
    graph = argument_graph(doc)
    return [n for n in _statements(graph) if graph.in_degree(n) == 0]


def cycles(doc: ArgMap, limit: int = MAX_CYCLES) -> list[list[str]]:
    """Up to ``limit`` simple cycles of the argument graph (statement and inference ids).

    A valid map has no support cycle, but attack cycles ("A attacks B, B attacks A")
    are legitimate and hand-edited files may hold anything.
    """
    found: list[list[str]] = []
    for cycle in nx.simple_cycles(argument_graph(doc)):
        found.append(list(cycle))
        if len(found) >= limit:
            break
    return found


def support_cycles(doc: ArgMap, limit: int = MAX_CYCLES) -> list[list[str]]:
    """Cycles made of support inferences only (what the validator forbids)."""
    graph = argument_graph(doc)
    support_only = graph.edge_subgraph(
        (u, v)
        for u, v, data in graph.edges(data=True)
        if data["role"] == "premise" or data.get("kind") == str(InferenceKind.SUPPORT)
    )
    found: list[list[str]] = []
    # Attack and undercut inferences have no outgoing edge here, so never sit on a cycle.
    for cycle in nx.simple_cycles(support_only):
        found.append(list(cycle))
        if len(found) >= limit:
            break
    return found


def bearing_on(doc: ArgMap, node_id: str) -> set[str]:
    """Every statement and inference whose change can reach ``node_id`` (its ancestors)."""
    graph = argument_graph(doc)
    if node_id not in graph:
        raise KeyError(node_id)
    return set(nx.ancestors(graph, node_id))


def consequences(doc: ArgMap, node_id: str) -> set[str]:
    """Every statement and inference that ``node_id`` bears on (its descendants)."""
    graph = argument_graph(doc)
    if node_id not in graph:
        raise KeyError(node_id)
    return set(nx.descendants(graph, node_id))
