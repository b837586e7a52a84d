"""GraphML export: networkx reads it back with kinds, text and credibility."""

from __future__ import annotations

import io

import networkx as nx

from argmap.interop.graphml_writer import dumps_graphml
from argmap.model import ArgMap, Statement, StatementKind


def _read(doc: ArgMap) -> nx.DiGraph:
    return nx.read_graphml(io.BytesIO(dumps_graphml(doc).encode("utf-8")))


def test_statements_and_inferences_come_back_with_their_attributes(sample_map: ArgMap) -> None:
    graph = _read(sample_map)
    assert graph.graph["title"] == "Ceasefire talks"
    evidence = graph.nodes["s-e1"]
    assert evidence["element"] == "statement"
    assert evidence["kind"] == "evidence"
    assert evidence["text"] == "Oil & gas revenue fell 26.7 % in October"
    assert evidence["credibility"] == 0.9
    assert "credibility" not in graph.nodes["s-e2"]  # not judged: no value, not 0
    assert graph.nodes["s-a"]["prior"] == 3
    assert graph.nodes["i-1"]["scheme"] == "Cause to effect"
    assert graph.nodes["i-3"]["kind"] == "undercut"


def test_edges_run_from_premises_through_the_inference(sample_map: ArgMap) -> None:
    graph = _read(sample_map)
    assert graph.edges["s-e2", "i-4"]["role"] == "premise"
    assert graph.edges["s-e1", "i-4"]["role"] == "premise"
    assert graph.edges["i-4", "s-b"]["role"] == "conclusion"
    assert graph.edges["i-3", "i-1"]["kind"] == "undercut"
    assert graph.number_of_nodes() == len(sample_map.statements) + len(sample_map.inferences)


def test_control_characters_do_not_break_the_xml() -> None:
    doc = ArgMap(statements=[Statement(id="a", kind=StatementKind.CLAIM, text="bell\x07 <&>")])
    assert _read(doc).nodes["a"]["text"] == "bell <&>"
