"""AIF export gives an imported file's ids back as it wrote them (numbers stay numbers, of
any sign), and an OVA save places the dialogue nodes argmap does not lay out in a column of
their own, right of the map, one below the other."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from argmap.interop.aif_reader import loads_aif, read_aif
from argmap.interop.aif_writer import GRID, aif_dict
from argmap.model import ArgMap
from argmap.model.dialogue import AifNode, Dialogue

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "aif"
NOW = datetime(2025, 11, 22, 12, 0, 0)


def test_numeric_ids_come_back_as_numbers_even_below_zero() -> None:
    # AIFdb and OVA number their nodes; a file with a negative id (some tools count new
    # nodes down from -1) got that id back as the string "-1" beside numbers.
    source = {
        "nodes": [
            {"nodeID": -1, "text": "A", "type": "I"},
            {"nodeID": 2, "text": "B", "type": "I"},
            {"nodeID": 0, "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": -7, "fromID": 2, "toID": 0},
            {"edgeID": 8, "fromID": 0, "toID": -1},
        ],
        "locutions": [],
    }
    back = aif_dict(loads_aif(json.dumps(source)).doc, "aifdb", NOW)
    assert back["nodes"] == source["nodes"]
    assert back["edges"] == source["edges"]


def test_string_ids_stay_strings() -> None:
    source = {
        "nodes": [
            {"nodeID": "007", "text": "A", "type": "I"},
            {"nodeID": "n2", "text": "B", "type": "I"},
            {"nodeID": "12", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [
            {"edgeID": "e1", "fromID": "n2", "toID": "12"},
            {"edgeID": "08", "fromID": "12", "toID": "007"},
        ],
        "locutions": [],
    }
    back = aif_dict(loads_aif(json.dumps(source)).doc, "aifdb", NOW)
    assert back["nodes"] == source["nodes"]
    assert back["edges"] == source["edges"]


def test_dialogue_nodes_without_a_place_stand_in_a_column_right_of_the_map() -> None:
    # An AIFdb file has no layout: its MA and PA nodes (12, 13) are nothing argmap draws.
    doc = read_aif(FIXTURES / "int_ids_schemes.json").doc
    nodes = aif_dict(doc, "ova", NOW)["OVA"]["nodes"]
    placed = {n["nodeID"]: (n["x"], n["y"]) for n in nodes}
    drawn = [xy for nid, xy in placed.items() if nid not in (12, 13)]
    right = max(x for x, _y in drawn) + 2 * GRID[0]
    assert (placed[12], placed[13]) == ((right, 0.0), (right, GRID[1]))
    assert GRID == (260.0, 160.0)


def test_a_map_with_only_dialogue_nodes_places_them_from_the_origin() -> None:
    doc = ArgMap(
        dialogue=Dialogue(
            nodes=[AifNode(id=n, type="L", text=f"Speaker : {n}") for n in ("7", "8", "9")],
            int_node_ids=True,
        )
    )
    nodes = aif_dict(doc, "ova", NOW)["OVA"]["nodes"]
    assert [(n["nodeID"], n["x"], n["y"]) for n in nodes] == [
        (7, 520.0, 0.0),
        (8, 520.0, 160.0),
        (9, 520.0, 320.0),
    ]


def test_an_inference_given_another_conclusion_keeps_its_edge_id() -> None:
    # The edge from the RA node to its conclusion is the same edge, moved: other tools
    # that refer to it by id still find it.
    doc = read_aif(FIXTURES / "int_ids_schemes.json").doc
    inference = next(i for i in doc.inferences if i.id == "i-5")
    inference.conclusion = "s-11"
    edges = aif_dict(doc, "aifdb", NOW)["edges"]
    assert [e for e in edges if e["fromID"] == 5] == [
        {"edgeID": 103, "fromID": 5, "toID": 11, "formEdgeID": None}
    ]
