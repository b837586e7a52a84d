"""Analyst layers and OVA layout in a damaged AIF file: what cannot be used is left out
with its JSON path and why, the rest of the layer or layout is read, and a coordinate off
the canvas names its place."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import aif_dict
from argmap.interop.errors import InteropError
from argmap.model import ArgMap, Layer

OVA_SAVE = Path(__file__).resolve().parents[2] / "fixtures" / "aif" / "ova3_save.json"


def test_a_layer_that_is_not_one_or_names_lost_nodes_is_cut_down_and_said(
    sample_map: ArgMap,
) -> None:
    sample_map.layers = [Layer(name="Ann", credibility={"s-e1": 0.5}, notes="n")]
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    layers = data["argmap"]["layers"]
    node = next(iter(layers[0]["credibility"]))
    scenario = next(n for n, f in data["argmap"]["nodes"].items() if f.get("id") == "s-a")
    layers.insert(0, "junk")
    layers.insert(1, {"name": ""})
    layers.append(
        {
            "name": "Bo",
            "credibility": {"999": 0.5, node: 0.25},
            "ratings": [
                {"evidence": "999", "scenario": "998", "rating": "C"},
                5,
                {"evidence": node, "scenario": "998", "rating": "C"},
                {"evidence": node, "scenario": scenario, "rating": "II"},
            ],
        }
    )
    read = loads_aif(json.dumps(data))
    assert read.warnings == [
        "$.argmap.layers[0]: not a layer; left out",
        "$.argmap.layers[1]: String should have at least 1 character; left out",
        "$.argmap.layers[3].credibility: names node '999' the file no longer has; left out",
        "$.argmap.layers[3].ratings: names a node the file no longer has; left out",
        "$.argmap.layers[3].ratings[1]: not an object; left out",
        "$.argmap.layers[3].ratings: names a node the file no longer has; left out",
    ]
    assert [(x.name, x.credibility, x.notes) for x in read.doc.layers] == [
        ("Ann", {"s-e1": 0.5}, "n"),
        ("Bo", {"s-e1": 0.25}, ""),
    ]
    bo = read.doc.layers[1]
    assert [(c.evidence, c.scenario, c.rating) for c in bo.ratings] == [("s-e1", "s-a", "II")]


def _ova(**changes: object) -> dict[str, object]:
    data: dict[str, object] = json.loads(OVA_SAVE.read_text(encoding="utf-8"))
    ova = data["OVA"]
    assert isinstance(ova, dict)
    ova.update(changes)
    return data


def test_layout_for_a_node_the_file_lacks_is_left_out_and_the_rest_is_read() -> None:
    whole = loads_aif(json.dumps(_ova()), "save.json")
    data = _ova()
    data["OVA"]["nodes"].insert(0, {"nodeID": "404", "x": 1, "y": 2})  # type: ignore[index]
    read = loads_aif(json.dumps(data), "save.json")
    assert read.warnings == [
        *whole.warnings,
        "$.OVA.nodes[0]: layout for unknown node '404'; left out",
    ]
    assert read.doc.view.pinned == whole.doc.view.pinned != {}


@pytest.mark.parametrize(
    ("x", "message"),
    [
        (1e12, "coordinate 1e+12 is off the canvas (at most 1e+08)"),
        ("nan" + "0" * 50, "coordinate '" + "nan" + "0" * 37 + "' is not a number"),
        ("inf", "coordinate 'inf'… is not a finite number"),
    ],
)
def test_a_coordinate_that_is_no_place_on_the_canvas_names_its_place(
    x: object, message: str
) -> None:
    data = _ova()
    data["OVA"]["nodes"][0]["x"] = x  # type: ignore[index]
    with pytest.raises(InteropError) as caught:
        loads_aif(json.dumps(data), "save.json")
    assert str(caught.value) == f"save.json: $.OVA.nodes[0].x: {message}"


def test_ova_nodes_that_are_not_a_list_are_named() -> None:
    with pytest.raises(InteropError) as caught:
        loads_aif(json.dumps(_ova(nodes={"1": {}})), "save.json")
    assert str(caught.value) == "save.json: $.OVA.nodes: must be a list, not an object"
