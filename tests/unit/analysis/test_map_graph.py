"""The networkx view of a map: edges, roots, leaves, cycles, ancestors."""

from __future__ import annotations

import pytest

from argmap.analysis import map_graph
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind


def _map(*inferences: Inference, extra: tuple[str, ...] = ()) -> ArgMap:
    ids = ["scn", "claim", "ev1", "ev2", "obj", *extra]
    kinds = {
        "scn": StatementKind.SCENARIO,
        "claim": StatementKind.CLAIM,
        "obj": StatementKind.OBJECTION,
    }
    return ArgMap(
        statements=[
            Statement(id=i, kind=kinds.get(i, StatementKind.EVIDENCE), text=i) for i in ids
        ],
        inferences=list(inferences),
    )


LINKED = Inference(id="i1", premises=["ev1", "ev2"], conclusion="claim")
TO_SCENARIO = Inference(id="i2", premises=["claim"], conclusion="scn")
UNDERCUT = Inference(id="u1", premises=["obj"], conclusion="i2", kind=InferenceKind.UNDERCUT)


def test_argument_graph_links_premises_inferences_and_conclusions() -> None:
    g = map_graph.argument_graph(_map(LINKED, TO_SCENARIO, UNDERCUT))
    assert set(g.predecessors("i1")) == {"ev1", "ev2"}
    assert list(g.successors("i1")) == ["claim"]
    assert list(g.successors("u1")) == ["i2"]  # an undercut aims at an inference
    assert g.nodes["i1"]["type"] == "inference"
    assert g.nodes["claim"]["type"] == "statement"


def test_statement_graph_sends_an_undercut_to_the_undercut_conclusion() -> None:
    g = map_graph.statement_graph(_map(LINKED, TO_SCENARIO, UNDERCUT))
    kinds = {(u, v): d["kind"] for u, v, d in g.edges(data=True)}
    assert kinds == {
        ("ev1", "claim"): "support",
        ("ev2", "claim"): "support",
        ("claim", "scn"): "support",
        ("obj", "scn"): "undercut",
    }


def test_roots_and_leaves() -> None:
    doc = _map(LINKED, TO_SCENARIO, UNDERCUT, extra=("lonely",))
    assert map_graph.roots(doc) == ["scn", "lonely"]
    assert map_graph.leaves(doc) == ["ev1", "ev2", "obj", "lonely"]


def test_ancestors_and_descendants() -> None:
    doc = _map(LINKED, TO_SCENARIO, UNDERCUT)
    assert map_graph.bearing_on(doc, "scn") == {"i1", "i2", "u1", "ev1", "ev2", "claim", "obj"}
    assert map_graph.consequences(doc, "ev1") == {"i1", "claim", "i2", "scn"}
    with pytest.raises(KeyError):
        map_graph.bearing_on(doc, "nope")


def test_an_acyclic_map_has_no_cycles() -> None:
    doc = _map(LINKED, TO_SCENARIO, UNDERCUT)
    assert map_graph.cycles(doc) == []
    assert map_graph.support_cycles(doc) == []


def test_attack_cycles_are_found_but_are_not_support_cycles() -> None:
    doc = _map(
        Inference(id="a1", premises=["ev1"], conclusion="ev2", kind=InferenceKind.ATTACK),
        Inference(id="a2", premises=["ev2"], conclusion="ev1", kind=InferenceKind.ATTACK),
    )
    (cycle,) = map_graph.cycles(doc)
    assert set(cycle) == {"ev1", "a1", "ev2", "a2"}
    assert map_graph.support_cycles(doc) == []


def test_support_cycles_are_found() -> None:
    doc = _map(
        Inference(id="s1", premises=["ev1"], conclusion="claim"),
        Inference(id="s2", premises=["claim"], conclusion="ev1"),
    )
    (cycle,) = map_graph.support_cycles(doc)
    assert set(cycle) == {"ev1", "s1", "claim", "s2"}


def test_dangling_ids_are_skipped_not_fatal() -> None:
    doc = _map(
        Inference(id="d1", premises=["ghost"], conclusion="claim"),
        Inference(id="d2", premises=["ev1"], conclusion="ghost"),
        Inference(id="d3", premises=["ev1"], conclusion="claim", kind=InferenceKind.UNDERCUT),
    )
    g = map_graph.argument_graph(doc)
    assert "ghost" not in g
    assert list(g.successors("d2")) == []
    assert list(g.successors("d3")) == []  # an undercut must aim at an inference
