"""A number outside its range inside an analyst layer (a credibility, strength or prior
table, a rating's relevance) is found, reported with the map's other problems, refused by
the app and clamped by repair, as one on a statement is; never loaded as if valid."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from argmap.io.map_file import MapFileError, dumps_map, load_map, loads_map, loads_map_with_report
from argmap.model import ArgMap, Inference, Layer, Statement, StatementKind
from argmap.model.layer import LayerRating


def _data() -> dict[str, Any]:
    doc = ArgMap(
        question="s-q",
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Will talks start?"),
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="Talks start", prior=1.0),
            Statement(id="s-e", kind=StatementKind.EVIDENCE, text="Envoys met"),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-a"], conclusion="s-q"),
            Inference(id="i-2", premises=["s-e"], conclusion="s-a"),
        ],
        layers=[
            Layer(
                name="Ann",
                credibility={"s-e": 0.5},
                strength={"i-2": 0.5},
                prior={"s-a": 2.0},
                ratings=[LayerRating(evidence="s-e", scenario="s-a", rating=None, relevance=0.5)],
            )
        ],
    )
    data: dict[str, Any] = json.loads(dumps_map(doc))
    return data


def _codes(problems: list[Any]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in problems]


def test_a_layer_number_out_of_range_no_longer_hides_the_other_problems() -> None:
    data = _data()
    data["layers"][0]["credibility"]["s-e"] = 1.7
    data["inferences"][1]["conclusion"] = "s-gone"
    result = loads_map_with_report(json.dumps(data), allow_errors=True)
    assert _codes(result.errors) == [
        ('layers[0].credibility["s-e"]', "out-of-range"),
        ("inferences[1].conclusion", "dangling-reference"),
    ]
    assert result.doc.layers[0].credibility["s-e"] == 1.7  # the file's value, not a guess
    message = result.errors[0].message
    assert message == "credibility is 1.7, but must be from 0 to 1"


def test_the_app_refuses_a_rating_relevance_out_of_range_inside_a_layer() -> None:
    data = _data()
    data["layers"][0]["ratings"][0]["relevance"] = 1.7
    with pytest.raises(MapFileError) as caught:
        loads_map(json.dumps(data))
    assert _codes(caught.value.problems) == [("layers[0].ratings[0].relevance", "out-of-range")]


def test_every_layer_table_is_checked() -> None:
    data = _data()
    data["layers"][0]["strength"]["i-2"] = -0.5
    data["layers"][0]["prior"]["s-a"] = -1
    with pytest.raises(MapFileError) as caught:
        loads_map(json.dumps(data))
    assert _codes(caught.value.problems) == [
        ('layers[0].strength["i-2"]', "out-of-range"),
        ('layers[0].prior["s-a"]', "out-of-range"),
    ]


def test_a_layer_value_of_the_wrong_type_is_named_by_its_key() -> None:
    data = _data()
    data["layers"][0]["credibility"]["s-e"] = "high"
    with pytest.raises(MapFileError) as caught:
        loads_map(json.dumps(data))
    assert _codes(caught.value.problems) == [('layers[0].credibility["s-e"]', "wrong-type")]


def test_doctor_repair_clamps_layer_numbers_and_says_so(tmp_path: Path) -> None:
    data = _data()
    data["layers"][0]["credibility"]["s-e"] = 1.7
    data["layers"][0]["ratings"][0]["relevance"] = -0.25
    path = tmp_path / "team.argmap.json"
    text = json.dumps(data, indent=2)
    path.write_text(text, encoding="utf-8")
    fixed = tmp_path / "fixed.argmap.json"
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "doctor", str(path), "--repair", "-o", str(fixed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert path.read_text(encoding="utf-8") == text  # the user's file is untouched
    assert 'layers[0].credibility["s-e"]' in done.stdout
    assert "credibility was 1.7, outside its range (from 0 to 1); set to 1" in done.stdout
    assert "relevance was -0.25, outside its range (from 0 to 1); set to 0" in done.stdout
    repaired = load_map(fixed)
    assert repaired.layers[0].credibility == {"s-e": 1.0}
    assert repaired.layers[0].ratings[0].relevance == 0.0
