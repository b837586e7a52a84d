"""argmap -> AIF/OVA -> argmap loses nothing (argmap's ``argmap`` entry in the AIF file);
OVA positions come from argmap's layout; scheme placeholders are no scheme names."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from map_strategies import arg_maps

from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import aif_dict, dumps_aif
from argmap.layout.tidy_tree import layout_map
from argmap.model import ArgMap, Inference, Statement, StatementKind
from argmap.resources import resource


def _sample() -> ArgMap:
    return ArgMap.model_validate_json(resource("sample.argmap.json").read_bytes())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arg_maps(), st.sampled_from(["aifdb", "ova"]))
def test_argmap_to_aif_to_argmap_is_lossless(doc: ArgMap, form: str) -> None:
    back = loads_aif(dumps_aif(doc, form)).doc  # type: ignore[arg-type]
    assert back.model_dump() == doc.model_dump()


@pytest.mark.parametrize("form", ["aifdb", "ova"])
def test_the_sample_map_survives_aif_whole(form: str) -> None:
    doc = _sample()
    text = dumps_aif(doc, form)  # type: ignore[arg-type]
    imported = loads_aif(text)
    assert imported.warnings == []
    assert imported.doc.model_dump() == doc.model_dump()
    assert imported.doc.question is not None and len(imported.doc.ratings) == len(doc.ratings)


def test_other_aif_tools_see_plain_aif_and_one_extra_key() -> None:
    out = aif_dict(_sample(), "aifdb")
    assert set(out) == {"nodes", "edges", "locutions", "argmap"}
    assert {n["type"] for n in out["nodes"]} == {"I", "RA", "CA"}
    entry = out["argmap"]
    assert entry["version"] == 1 and entry["dialogue"] is False
    question = entry["nodes"][entry["question"]]
    assert question["kind"] == "question"
    scenarios = [n for n in entry["nodes"].values() if n.get("kind") == "scenario"]
    expected = [s for s in _sample().statements if s.kind == "scenario"]
    assert [n["prior"] for n in scenarios] == [s.prior for s in expected]


def test_ova_positions_come_from_the_layout_not_a_grid() -> None:
    doc = _sample()
    out = aif_dict(doc, "ova")
    layout = layout_map(
        doc.model_copy(update={"view": doc.view.model_copy(update={"collapsed": []})})
    )
    by_node = {n["nodeID"]: (n["x"], n["y"]) for n in out["OVA"]["nodes"]}
    entry = out["AIF"]["argmap"]["nodes"]
    statements = {node: f["id"] for node, f in entry.items() if "kind" in f}
    for node, sid in statements.items():
        card = layout.cards[sid]
        assert by_node[node] == (card.box.x, card.box.y)
    xs = {x for x, _y in by_node.values()}
    assert len(xs) > 6  # not six grid columns
    inferences = {node: f["id"] for node, f in entry.items() if "kind" not in f}
    for node, iid in inferences.items():
        assert by_node[node] == layout.edges[iid].marker


def _aif(nodes: list[dict[str, Any]], edges: list[tuple[str, str]]) -> str:
    return json.dumps(
        {
            "nodes": nodes,
            "edges": [
                {"edgeID": f"e{k}", "fromID": a, "toID": b} for k, (a, b) in enumerate(edges)
            ],
            "locutions": [],
        }
    )


@pytest.mark.parametrize(
    "node",
    [
        {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        {"nodeID": "3", "text": "default inference ", "type": "RA"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA", "scheme": "Default Inference"},
        {"nodeID": "3", "text": "RA", "type": "RA"},
    ],
)
def test_scheme_placeholders_are_not_scheme_names(node: dict[str, Any]) -> None:
    text = _aif(
        [
            {"nodeID": "1", "text": "c", "type": "I"},
            {"nodeID": "2", "text": "p", "type": "I"},
            node,
        ],
        [("2", "3"), ("3", "1")],
    )
    (inference,) = loads_aif(text).doc.inferences
    assert inference.scheme is None


def test_a_map_without_schemes_writes_placeholders_without_a_scheme_field() -> None:
    doc = ArgMap(
        statements=[
            Statement(id="c", kind=StatementKind.CLAIM, text="c"),
            Statement(id="p", kind=StatementKind.PREMISE, text="p"),
        ],
        inferences=[Inference(id="i", premises=["p"], conclusion="c")],
    )
    ra = next(n for n in aif_dict(doc)["nodes"] if n["type"] == "RA")
    assert ra["text"] == "Default Inference" and "scheme" not in ra


def test_edits_in_another_tool_win_over_the_entry() -> None:
    doc = _sample()
    data = aif_dict(doc, "aifdb")
    entry = data["argmap"]["nodes"]
    first_statement = next(n for n in data["nodes"] if n["type"] == "I")
    first_statement["text"] = "Edited in OVA"
    ra = next(n for n in data["nodes"] if n["type"] == "RA")
    ra["text"] = "Argument From Expert Opinion"
    ra.pop("scheme", None)
    near_ra = {e["fromID"] for e in data["edges"] if e["toID"] == ra["nodeID"]}
    near_ra |= {e["toID"] for e in data["edges"] if e["fromID"] == ra["nodeID"]}
    gone = next(
        n
        for n in data["nodes"]
        if n["type"] == "I" and n is not first_statement and n["nodeID"] not in near_ra
    )
    data["nodes"].remove(gone)
    data["edges"] = [e for e in data["edges"] if gone["nodeID"] not in (e["fromID"], e["toID"])]
    imported = loads_aif(json.dumps(data))
    back = imported.doc
    sid = entry[first_statement["nodeID"]]["id"]
    assert back.statement(sid).text == "Edited in OVA"
    assert back.inference(entry[ra["nodeID"]]["id"]).scheme == "Argument From Expert Opinion"
    assert entry[gone["nodeID"]]["id"] not in {s.id for s in back.statements}
