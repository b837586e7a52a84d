"""A part of an AIF file's argmap entry that has the wrong shape (a list where an object
belongs, or the reverse) is left out and said, with its path: before, layers, ratings,
sources, the view and the entry's nodes of the wrong shape vanished without a word."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import aif_dict
from argmap.model import ArgMap, Layer

Entry = dict[str, Any]


def _layer_table(entry: Entry) -> None:
    entry["layers"][0]["credibility"] = ["0.5"]


def _pins(entry: Entry) -> None:
    entry["view"]["pinned"] = [1, 2]


CASES: list[tuple[str, Callable[[Entry], object], str]] = [
    ("nodes", lambda e: e.update(nodes=[1, 2]), "$.argmap.nodes: not an object; left out"),
    ("sources", lambda e: e.update(sources={"id": "src-1"}), "$.argmap.sources: not a list"),
    ("ratings", lambda e: e.update(ratings="CC"), "$.argmap.ratings: not a list; left out"),
    ("properties", lambda e: e.update(properties=["Ann"]), "$.argmap.properties: not an object"),
    ("layers", lambda e: e.update(layers={"name": "Ann"}), "$.argmap.layers: not a list"),
    ("layer table", _layer_table, "$.argmap.layers[0].credibility: not an object; left out"),
    ("view", lambda e: e.update(view=["TB"]), "$.argmap.view: not an object; left out"),
    ("pins", _pins, "$.argmap.view.pinned: not an object; left out"),
    ("folds", lambda e: e["view"].update(collapsed="s-a"), "$.argmap.view.collapsed: not a list"),
]


@pytest.mark.parametrize(("breakage", "said"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_part_of_the_wrong_shape_is_said_with_its_path(
    sample_map: ArgMap, breakage: Callable[[Entry], object], said: str
) -> None:
    sample_map.layers = [Layer(name="Ann", credibility={"s-e1": 0.5})]
    sample_map.view.pinned["s-a"] = (10.0, 20.0)
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    breakage(data["argmap"])
    read = loads_aif(json.dumps(data))
    assert any(w.startswith(said) for w in read.warnings), read.warnings
    assert [s.text for s in read.doc.statements] == [s.text for s in sample_map.statements]


def test_an_entry_of_the_right_shape_says_nothing(sample_map: ArgMap) -> None:
    sample_map.layers = [Layer(name="Ann", credibility={"s-e1": 0.5})]
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    assert loads_aif(json.dumps(data)).warnings == []
