"""Odd but valid AIF whose parts the map cannot draw: the import names each one, and the
AIF export gives them back."""

from __future__ import annotations

import json

from argmap.interop import losses
from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import dumps_aif

NODES = [
    {"nodeID": "1", "type": "I", "text": "Prices rise"},
    {"nodeID": "2", "type": "I", "text": "Wages rise"},
    {"nodeID": "3", "type": "RA", "text": "Default Inference"},
    {"nodeID": "4", "type": "I", "text": "Costs rise"},
]
EDGES = [
    {"edgeID": "a", "fromID": "1", "toID": "3"},
    {"edgeID": "b", "fromID": "3", "toID": "2"},
    {"edgeID": "k", "fromID": "4", "toID": "2"},
]


def test_an_edge_straight_between_two_statements_is_named_and_written_back() -> None:
    imported = loads_aif(json.dumps({"nodes": NODES, "edges": EDGES}), "a.json")
    assert imported.warnings == [
        "$.edges[2]: edge 'k' links I-node '4' straight to I-node '2' (no RA or CA node "
        "between them); kept, but not drawn"
    ]
    assert [(i.premises, i.conclusion) for i in imported.doc.inferences] == [(["s-1"], "s-2")]
    back = json.loads(dumps_aif(imported.doc))
    assert {(e["edgeID"], e["fromID"], e["toID"]) for e in back["edges"]} == {
        ("a", "1", "3"),
        ("b", "3", "2"),
        ("k", "4", "2"),
    }


def test_formats_without_aif_dialogue_count_the_edge_as_not_written() -> None:
    doc = loads_aif(json.dumps({"nodes": NODES, "edges": EDGES}), "a.json").doc
    for name in ("argdown", "graphml", "dot", "markdown", "ach-csv"):
        assert "1 AIF edges straight between statements not written" in losses(name, doc)
    assert losses("aif", doc) == []


def test_a_node_of_a_type_aif_does_not_have_is_named() -> None:
    nodes = [
        {"nodeID": "1", "type": "i", "text": "Prices rise"},
        {"nodeID": "2", "type": "XA", "text": "?"},
        {"nodeID": "3", "type": "TA", "text": "Default Transition"},
    ]
    imported = loads_aif(json.dumps({"nodes": nodes, "edges": []}), "a.json")
    assert imported.warnings == [
        "$.nodes[0]: node '1' has type 'i', no AIF node type (I, L, RA, CA, MA, PA, TA, YA); "
        "kept, but not drawn",
        "$.nodes[1]: node '2' has type 'XA', no AIF node type (I, L, RA, CA, MA, PA, TA, YA); "
        "kept, but not drawn",
    ]
    assert imported.doc.statements == []
    back = json.loads(dumps_aif(imported.doc))
    assert [(n["nodeID"], n["type"]) for n in back["nodes"]] == [
        ("1", "i"),
        ("2", "XA"),
        ("3", "TA"),
    ]
