"""What a refusal to open a map tells: long names clipped, out-of-range layer numbers
named (not a crash), the caller's parsed JSON left as it was, and the error itself
intact when it crosses to another process."""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest
from pydantic import ValidationError

from argmap.io.map_file import MapFileError, loads_map
from argmap.io.type_salvage import read_past_type_errors
from argmap.model import FORMAT_VERSION, ArgMap
from argmap.model.validation import Problem

NAME = "m.argmap.json"


def refusal(raw: dict[str, Any] | str) -> MapFileError:
    text = raw if isinstance(raw, str) else json.dumps(raw)
    with pytest.raises(MapFileError) as caught:
        loads_map(text, NAME)
    return caught.value


def test_a_long_repeated_key_is_named_clipped_to_thirty_characters() -> None:
    key = "k" * 31
    error = refusal(f'{{"format": "argmap", "version": 2, "{key}": 1, "{key}": 2}}')
    clipped = "k" * 29 + "…"
    assert str(error) == (
        f'{NAME}: an object repeats the key "{clipped}"; only one value per key is allowed'
    )


def _with_layer_credibility(value: float) -> dict[str, Any]:
    return {
        "format": "argmap",
        "version": FORMAT_VERSION,
        "statements": [{"id": "s-1", "kind": "claim", "text": "Talks start"}],
        "layers": [{"name": "Ana", "credibility": {"s-1": value}}],
    }


def test_a_layer_judgement_out_of_range_is_refused_in_words() -> None:
    error = refusal(_with_layer_credibility(1.7))
    assert [(p.path, p.message, p.code) for p in error.problems] == [
        (
            'layers[0].credibility["s-1"]',
            "credibility is 1.7, but must be from 0 to 1",
            "out-of-range",
        )
    ]


def test_reading_past_type_errors_leaves_the_callers_json_as_it_was() -> None:
    raw = {
        "format": "argmap",
        "version": FORMAT_VERSION,
        "title": 5,
        "statements": [{"id": "s-1", "kind": "claim", "text": "x", "notes": 7}],
    }
    before = copy.deepcopy(raw)
    with pytest.raises(ValidationError) as refused:
        ArgMap.model_validate_json(json.dumps(raw), strict=True)
    salvaged = read_past_type_errors(raw, refused.value)
    assert salvaged is not None
    assert [p.path for p in salvaged.set_aside] == ["title", "statements[0].notes"]
    assert raw == before


def test_a_map_error_crosses_a_process_boundary_with_its_file_and_problems() -> None:
    # A worker process (concurrent.futures) hands its exception back pickled.
    error = MapFileError(NAME, [Problem("title", "should be text", "error", "wrong-type")])
    back = pickle.loads(pickle.dumps(error))
    assert isinstance(back, MapFileError)
    assert back.path == NAME
    assert back.problems == error.problems
    assert str(back) == str(error)
