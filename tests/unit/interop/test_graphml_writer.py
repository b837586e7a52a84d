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


def test_every_attribute_of_every_record_comes_back(sample_map: ArgMap) -> None:
    doc = sample_map
    doc.statements[3].notes = "Rosstat figure"
    doc.statements[3].tags = ["economy", "oil"]
    doc.inferences[0].strength = 0.75
    doc.inferences[0].notes = "Strong link"
    graph = _read(doc)
    assert dict(graph.nodes["s-e1"]) == {
        "element": "statement",
        "kind": "evidence",
        "text": "Oil & gas revenue fell 26.7 % in October",
        "credibility": 0.9,
        "notes": "Rosstat figure",
        "tags": "economy, oil",
        "quotes": "q-1",
    }
    assert dict(graph.nodes["s-q"]) == {
        "element": "statement",
        "kind": "question",
        "text": "Will a ceasefire hold by June?",
    }
    assert dict(graph.nodes["i-1"]) == {
        "element": "inference",
        "kind": "support",
        "text": "Cause to effect",
        "scheme": "Cause to effect",
        "strength": 0.75,
        "notes": "Strong link",
    }
    assert dict(graph.nodes["i-2"]) == {"element": "inference", "kind": "attack", "text": ""}
    edges = {(a, b): dict(data) for a, b, data in graph.edges(data=True)}
    assert edges == {
        ("s-e1", "i-1"): {"role": "premise", "kind": "support"},
        ("i-1", "s-a"): {"role": "conclusion", "kind": "support"},
        ("s-e2", "i-2"): {"role": "premise", "kind": "attack"},
        ("i-2", "s-a"): {"role": "conclusion", "kind": "attack"},
        ("s-o", "i-3"): {"role": "premise", "kind": "undercut"},
        ("i-3", "i-1"): {"role": "conclusion", "kind": "undercut"},
        ("s-e2", "i-4"): {"role": "premise", "kind": "support"},
        ("s-e1", "i-4"): {"role": "premise", "kind": "support"},
        ("i-4", "s-b"): {"role": "conclusion", "kind": "support"},
    }


def test_the_file_is_indented_one_element_a_line(sample_map: ArgMap) -> None:
    lines = dumps_graphml(sample_map).splitlines()
    assert lines[0].startswith("<graphml ")
    assert '    <node id="s-q">' in lines
    assert dumps_graphml(sample_map).endswith("</graphml>\n")
