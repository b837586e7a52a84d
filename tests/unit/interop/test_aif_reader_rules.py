"""AIF import, one rule at a time on small node sets: what is AIF, what a node or edge
must have, fresh edge ids, schemes, nodes the map cannot draw (and why), inferences the
map may not hold, and OVA's layout."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from argmap.interop.aif_reader import is_aif, loads_aif, read_aif
from argmap.interop.errors import AifError


def aif(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], **more: Any) -> str:
    return json.dumps({"nodes": nodes, "edges": edges, **more})


def i_node(nid: Any, text: str = "") -> dict[str, Any]:
    return {"nodeID": nid, "type": "I", "text": text or f"statement {nid}"}


def edge(eid: Any, source: Any, target: Any) -> dict[str, Any]:
    found = {"fromID": source, "toID": target}
    if eid is not None:
        found["edgeID"] = eid
    return found


def refusal(text: str) -> str:
    with pytest.raises(AifError) as caught:
        loads_aif(text, "a.json")
    return str(caught.value)


# --- what is AIF ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "answer"),
    [
        ({"nodes": [], "edges": []}, True),
        ({"AIF": {"nodes": []}, "OVA": {}}, True),
        ({"nodes": [], "format": "argmap"}, False),  # an argmap map with a "nodes" key
        ({"nodes": {}}, False),
        ({"edges": []}, False),
        ([{"nodes": []}], False),
        ("nodes", False),
    ],
)
def test_what_counts_as_aif(value: object, answer: bool) -> None:
    assert is_aif(value) is answer


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("talks.aif.json", "talks"),
        ("talks.ova.json", "talks"),
        ("talks.JSON", "talks"),
        ("talks.aif", "talks"),
    ],
)
def test_the_title_is_the_file_name_without_its_aif_suffix(
    tmp_path: Path, name: str, title: str
) -> None:
    path = tmp_path / name
    path.write_text(aif([i_node(1)], []), encoding="utf-8")
    assert read_aif(path).doc.title == title


def test_errors_in_a_file_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "talks.json"
    path.write_text(aif([{"type": "I"}], []), encoding="utf-8")
    with pytest.raises(AifError) as caught:
        read_aif(path)
    assert str(caught.value) == f"{path}: $.nodes[0]: node has no 'nodeID'"


def test_a_missing_file_says_it_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(AifError) as caught:
        read_aif(tmp_path / "gone.json")
    assert (
        str(caught.value) == f"{tmp_path / 'gone.json'}: $: cannot read: No such file or directory"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"nodes": [], "edges": {}}', "a.json: $.edges: must be a list, not an object"),
        ('{"AIF": {"nodes": [], "edges": 5}}', "a.json: $.AIF.edges: must be a list, not a number"),
    ],
)
def test_edges_that_are_not_a_list_are_refused_where_they_stand(text: str, message: str) -> None:
    assert refusal(text) == message


# --- nodes ---------------------------------------------------------------------------------


def test_a_node_without_a_type_is_refused_in_words() -> None:
    assert refusal(aif([{"nodeID": 1, "text": "x"}], [])) == (
        "a.json: $.nodes[0].type: node has no type (I, RA, CA, L, ...)"
    )
    assert refusal(aif([{"nodeID": 1, "type": ""}], [])).endswith(
        "node has no type (I, RA, CA, L, ...)"
    )


def test_a_node_listed_twice_alike_is_kept_once_with_a_warning() -> None:
    imported = loads_aif(aif([i_node(1), i_node(2), i_node(1), i_node(3)], []), "a.json")
    assert [s.text for s in imported.doc.statements] == [
        "statement 1",
        "statement 2",
        "statement 3",
    ]
    assert imported.warnings == ["$.nodes[2]: node 1 is listed twice; kept once"]


def test_a_node_id_given_twice_to_different_nodes_is_refused() -> None:
    assert refusal(aif([i_node(1, "a"), i_node(1, "b")], [])) == (
        "a.json: $.nodes[1].nodeID: duplicate nodeID '1' (also $.nodes[0])"
    )


# --- edges --------------------------------------------------------------------------------


def test_an_edge_without_an_end_is_refused() -> None:
    assert refusal(aif([i_node(1)], [{"fromID": 1}])) == "a.json: $.edges[0]: edge has no 'toID'"


def test_an_edge_to_an_unknown_node_is_left_out_naming_that_node() -> None:
    imported = loads_aif(aif([i_node(1)], [edge(5, 9, 1), edge(6, 1, 8)]), "a.json")
    assert imported.warnings == [
        "$.edges[0]: edge points at unknown node '9'; left out",
        "$.edges[1]: edge points at unknown node '8'; left out",
    ]


def _dialogue_edge_ids(text: str) -> list[str]:
    doc = loads_aif(text, "a.json").doc
    assert doc.dialogue is not None
    return [e.id for e in doc.dialogue.edges]


def test_edges_without_an_id_get_fresh_ones_that_no_edge_has() -> None:
    nodes = [i_node(1), i_node(2), {"nodeID": 3, "type": "L", "text": "said"}]
    edges = [edge(None, 3, 1), edge("e2", 3, 2), edge(None, 1, 3), edge(None, 2, 3)]
    assert _dialogue_edge_ids(aif(nodes, edges)) == ["e1", "e2", "e3", "e4"]
    edges = [edge("e1", 3, 1), edge(None, 3, 2), edge("e3", 1, 3), edge(None, 2, 3)]
    assert _dialogue_edge_ids(aif(nodes, edges)) == ["e1", "e2", "e3", "e4"]


@pytest.mark.parametrize(
    ("ids", "numbers"),
    [([1, 2], True), ([1, None], True), (["1", 2], False), ([None, None], False)],
)
def test_edge_ids_are_written_back_as_numbers_only_when_the_file_had_numbers(
    ids: list[Any], numbers: bool
) -> None:
    nodes = [i_node(1), i_node(2), {"nodeID": 3, "type": "L"}]
    edges = [edge(ids[0], 3, 1), edge(ids[1], 3, 2)]
    doc = loads_aif(aif(nodes, edges), "a.json").doc
    assert doc.dialogue is not None
    assert doc.dialogue.int_edge_ids is numbers


def test_node_ids_are_written_back_as_numbers_only_when_all_were() -> None:
    for nodes, numbers in (([i_node(1), i_node(2)], True), ([i_node(1), i_node("b")], False)):
        doc = loads_aif(aif(nodes, []), "a.json").doc
        assert doc.dialogue is not None
        assert doc.dialogue.int_node_ids is numbers


def test_an_empty_file_has_no_number_ids() -> None:
    doc = loads_aif(aif([], []), "a.json").doc
    assert doc.dialogue is not None
    assert (doc.dialogue.int_node_ids, doc.dialogue.int_edge_ids) == (False, False)


# --- schemes -----------------------------------------------------------------------------------


def test_schemes_are_kept_for_known_nodes_and_unknown_ones_are_named() -> None:
    nodes = [i_node(1), i_node(2), {"nodeID": 3, "type": "RA", "text": "Default Inference"}]
    fulfil = [{"nodeID": 3, "schemeID": 72}, {"nodeID": 99, "schemeID": 5}]
    imported = loads_aif(
        aif(nodes, [edge(1, 1, 3), edge(2, 3, 2)], schemefulfillments=fulfil), "a.json"
    )
    assert imported.doc.dialogue is not None
    assert imported.doc.dialogue.scheme_ids == {"3": "72"}
    assert imported.warnings == ["$.schemefulfillments[1]: scheme for unknown node '99'; left out"]


# --- nodes the map cannot draw ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("nodes", "edges", "why"),
    [
        ([{"nodeID": 3, "type": "RA"}, i_node(2)], [edge(1, 3, 2)], "RA node '3' has no premise"),
        (
            [i_node(1), i_node(2), i_node(4), {"nodeID": 3, "type": "RA"}],
            [edge(1, 1, 3), edge(2, 3, 2), edge(5, 3, 4)],
            "RA node '3' has 2 conclusions",
        ),
        (
            [i_node(1), {"nodeID": 3, "type": "RA"}],
            [edge(1, 1, 3)],
            "RA node '3' has 0 conclusions",
        ),
        (
            [
                i_node(1),
                i_node(2),
                i_node(5),
                {"nodeID": 3, "type": "RA"},
                {"nodeID": 4, "type": "RA"},
            ],
            [edge(1, 1, 3), edge(2, 3, 2), edge(6, 5, 4), edge(7, 4, 3)],
            "RA node '4' points at a RA node",
        ),
    ],
)
def test_a_scheme_node_the_map_cannot_draw_is_kept_and_says_why(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], why: str
) -> None:
    imported = loads_aif(aif(nodes, edges), "a.json")
    assert any(w.endswith(f"{why}; kept, but not drawn") for w in imported.warnings), (
        imported.warnings
    )
    assert imported.doc.dialogue is not None
    kept = {n.id for n in imported.doc.dialogue.nodes}
    assert why.split("'")[1] in kept


def test_an_attack_on_an_undrawn_inference_is_not_drawn_and_so_on_up_the_chain() -> None:
    nodes = [
        i_node(1),
        i_node(2),
        i_node(3),
        {"nodeID": 10, "type": "RA"},  # no conclusion: not drawn
        {"nodeID": 11, "type": "CA"},  # attacks 10
        {"nodeID": 12, "type": "CA"},  # attacks 11
    ]
    edges = [edge(1, 1, 10), edge(2, 2, 11), edge(3, 11, 10), edge(4, 3, 12), edge(5, 12, 11)]
    imported = loads_aif(aif(nodes, edges), "a.json")
    assert imported.doc.inferences == []
    assert imported.warnings[1:] == [
        "$.nodes[4]: CA node '11' attacks a node that is not drawn; kept, but not drawn",
        "$.nodes[5]: CA node '12' attacks a node that is not drawn; kept, but not drawn",
    ]


def test_an_attack_on_a_drawn_inference_is_an_undercut() -> None:
    nodes = [i_node(1), i_node(2), i_node(3), {"nodeID": 10, "type": "RA"}]
    nodes.append({"nodeID": 11, "type": "CA"})
    edges = [edge(1, 1, 10), edge(2, 10, 2), edge(3, 3, 11), edge(4, 11, 10)]
    imported = loads_aif(aif(nodes, edges), "a.json")
    assert imported.warnings == []
    assert [(i.id, i.conclusion, i.kind.value) for i in imported.doc.inferences] == [
        ("i-10", "s-2", "support"),
        ("i-11", "i-10", "undercut"),
    ]


def test_an_inference_the_map_may_not_hold_stays_an_aif_node_with_its_fields() -> None:
    # 1 supports itself: a loop the map may not hold.
    nodes = [i_node(1), {"nodeID": 3, "type": "RA", "text": "Modus ponens", "timestamp": "t"}]
    imported = loads_aif(aif(nodes, [edge(1, 1, 3), edge(2, 3, 1)]), "a.json")
    assert imported.doc.inferences == []
    assert imported.doc.dialogue is not None
    (kept,) = imported.doc.dialogue.nodes
    assert (kept.id, kept.type, kept.text, kept.fields) == (
        "3",
        "RA",
        "Modus ponens",
        {"timestamp": "t"},
    )
    assert sorted(e.id for e in imported.doc.dialogue.edges) == ["1", "2"]
    assert imported.warnings[0].startswith("RA node '3': ")
    assert imported.warnings[0].endswith("; kept, not drawn")


def test_a_dialogue_node_keeps_its_other_fields_apart_from_id_type_and_text() -> None:
    nodes = [i_node(1), {"nodeID": 5, "type": "L", "text": "Bob: yes", "timestamp": "t"}]
    doc = loads_aif(aif(nodes, [edge(1, 5, 1)]), "a.json").doc
    assert doc.dialogue is not None
    (kept,) = doc.dialogue.nodes
    assert (kept.type, kept.text, kept.fields) == ("L", "Bob: yes", {"timestamp": "t"})


# --- OVA layout ----------------------------------------------------------------------------------


def test_ova_positions_pin_statements_and_stay_with_other_nodes() -> None:
    data = {
        "AIF": {
            "nodes": [i_node(1), {"nodeID": 5, "type": "L", "text": "Bob: yes"}],
            "edges": [edge(1, 5, 1)],
        },
        "OVA": {
            "nodes": [
                {"nodeID": 1, "x": 10, "y": "20", "visible": True},
                {"nodeID": 5, "x": 30, "y": 40},
                {"nodeID": 9, "x": 0, "y": 0},
            ],
            "edges": [],
            "zoom": 2,
        },
        "text": "the analysed text",
    }
    imported = loads_aif(json.dumps(data), "a.json")
    doc = imported.doc
    assert doc.view.pinned == {"s-1": (10.0, 20.0)}
    assert doc.dialogue is not None
    assert doc.dialogue.links["s-1"].ova == {"visible": True}
    assert doc.dialogue.nodes[0].ova == {"x": 30, "y": 40}
    assert doc.dialogue.ova_extra == {"edges": [], "zoom": 2}
    assert doc.dialogue.text == "the analysed text"
    assert imported.warnings == ["$.OVA.nodes[2]: layout for unknown node '9'; left out"]


def test_an_ova_position_that_is_no_number_names_its_place() -> None:
    data = {
        "AIF": {"nodes": [i_node(1)], "edges": []},
        "OVA": {"nodes": [{"nodeID": 1, "x": 1, "y": "north"}]},
    }
    assert refusal(json.dumps(data)).startswith("a.json: $.OVA.nodes[0].y: ")
