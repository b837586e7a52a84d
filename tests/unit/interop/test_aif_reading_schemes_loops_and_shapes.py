"""Schemes in an AIF file: an RA node's own "scheme" field names its scheme over its text;
scheme fulfillments are kept for the nodes the file has, one for a missing node is named
and left out, and a malformed one names its place; an inference node the map cannot draw (a
support loop) is kept as it was and said; a file of the wrong shape says which part."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import aif_dict
from argmap.interop.errors import InteropError

BASE: dict[str, Any] = {
    "nodes": [
        {"nodeID": "1", "text": "c", "type": "I"},
        {"nodeID": "2", "text": "p", "type": "I"},
        {
            "nodeID": "3",
            "text": "Default Inference",
            "type": "RA",
            "scheme": "Argument from Expert Opinion",
        },
    ],
    "edges": [
        {"edgeID": "e1", "fromID": "2", "toID": "3"},
        {"edgeID": "e2", "fromID": "3", "toID": "1"},
    ],
    "locutions": [],
}


def test_an_ra_nodes_scheme_field_names_its_scheme() -> None:
    (inference,) = loads_aif(json.dumps(BASE)).doc.inferences
    assert inference.scheme == "Argument from Expert Opinion"


def test_fulfillments_are_kept_for_known_nodes_and_a_missing_node_is_named() -> None:
    data = BASE | {
        "schemefulfillments": [
            {"nodeID": "9", "schemeID": "72"},
            {"nodeID": "3", "schemeID": "71"},
        ]
    }
    read = loads_aif(json.dumps(data), "f.json")
    assert read.warnings == ["$.schemefulfillments[0]: scheme for unknown node '9'; left out"]
    assert read.doc.dialogue is not None and read.doc.dialogue.scheme_ids == {"3": "71"}


@pytest.mark.parametrize(
    ("fulfillments", "message"),
    [
        (
            [{"nodeID": [1], "schemeID": "7"}],
            "$.schemefulfillments[0].nodeID: id must be a string or an integer, not a list",
        ),
        (
            [{"nodeID": "3", "schemeID": None}],
            "$.schemefulfillments[0].schemeID: id must be a string or an integer, not null",
        ),
        ({"x": 1}, "$.schemefulfillments: must be a list, not an object"),
    ],
)
def test_a_malformed_fulfillment_names_its_place(fulfillments: object, message: str) -> None:
    with pytest.raises(InteropError) as caught:
        loads_aif(json.dumps(BASE | {"schemefulfillments": fulfillments}), "f.json")
    assert str(caught.value) == f"f.json: {message}"


def test_a_support_loop_keeps_its_node_for_export_and_says_so() -> None:
    nodes = [
        {"nodeID": "1", "text": "a", "type": "I"},
        {"nodeID": "2", "text": "b", "type": "I"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        {"nodeID": "4", "text": "Default Inference", "type": "RA"},
    ]
    edges = [
        {"edgeID": "5", "fromID": "1", "toID": "3"},
        {"edgeID": "6", "fromID": "3", "toID": "2"},
        {"edgeID": "7", "fromID": "2", "toID": "4"},
        {"edgeID": "8", "fromID": "4", "toID": "1"},
    ]
    read = loads_aif(json.dumps({"nodes": nodes, "edges": edges, "locutions": []}))
    assert read.warnings == [
        "RA node '3': support cycle: 's-1' → 's-2' → 's-1' (through inferences 'i-3', "
        "'i-4'); a statement cannot support itself; kept, not drawn"
    ]
    assert [(i.premises, i.conclusion) for i in read.doc.inferences] == [(["s-2"], "s-1")]
    back = aif_dict(read.doc, "aifdb")
    assert sorted(back["nodes"], key=lambda n: n["nodeID"]) == nodes
    assert sorted(back["edges"], key=lambda e: e["edgeID"]) == edges


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "$: expected an object with 'nodes' and 'edges'"),
        ('{"AIF": [1], "OVA": {}}', "$.AIF: must be an object with 'nodes' and 'edges'"),
        ('{"AIF": {"nodes": [], "edges": []}, "OVA": [1]}', "$.OVA: must be an object"),
    ],
)
def test_a_file_of_the_wrong_shape_says_which_part(text: str, message: str) -> None:
    with pytest.raises(InteropError) as caught:
        loads_aif(text, "f.json")
    assert str(caught.value) == f"f.json: {message}"


def test_a_number_as_a_nodes_text_is_written_out() -> None:
    data = {"nodes": [{"nodeID": "1", "text": 5, "type": "I"}], "edges": []}
    assert [s.text for s in loads_aif(json.dumps(data)).doc.statements] == ["5"]


def test_a_premise_linked_twice_is_one_premise_and_both_edges_come_back() -> None:
    edges = [
        {"edgeID": "5", "fromID": "2", "toID": "3"},
        {"edgeID": "6", "fromID": "2", "toID": "3"},
        {"edgeID": "7", "fromID": "3", "toID": "1"},
    ]
    data = {"nodes": BASE["nodes"], "edges": edges, "locutions": []}
    read = loads_aif(json.dumps(data))
    assert [(i.premises, i.conclusion) for i in read.doc.inferences] == [(["s-2"], "s-1")]
    back = aif_dict(read.doc, "aifdb")["edges"]
    assert sorted(back, key=lambda e: e["edgeID"]) == edges


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 65 + "]" * 65, "$: JSON nested too deeply (65 levels; at most 64)"),
        ('{"edges": []}', "$: no 'nodes' list: this is not an AIF file"),
        (
            '{"nodes": [], "edges": [], "locutions": {}}',
            "$.locutions: must be a list, not an object",
        ),
    ],
)
def test_a_file_too_deep_or_without_its_lists_says_so(text: str, message: str) -> None:
    with pytest.raises(InteropError) as caught:
        loads_aif(text, "f.json")
    assert str(caught.value) == f"f.json: {message}"


def test_json_nested_as_deep_as_allowed_is_read_as_far_as_its_shape() -> None:
    with pytest.raises(InteropError) as caught:
        loads_aif("[" * 64 + "]" * 64, "f.json")
    assert str(caught.value) == "f.json: $: expected an object with 'nodes' and 'edges'"


def test_aif_text_read_without_a_file_has_no_title() -> None:
    assert loads_aif('{"nodes": [], "edges": []}').doc.title == ""
