"""A draft-0 map is upgraded with its renamed fields (and a field spelled both ways is
left for validation to flag); a map refused for several types lists each problem once,
with numbers past their bounds told as the file has them."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.io.map_file import MapFileError, loads_map
from argmap.io.migrations import migrate


def test_a_draft_map_gets_kind_premises_and_conclusion_in_place_of_old_names() -> None:
    raw = {
        "format": "argmap",
        "version": 0,
        "statements": [{"id": "s-1", "type": "claim", "text": "A"}],
        "inferences": [{"id": "i-1", "from": "s-2", "to": "s-1"}],
    }
    upgraded = migrate(raw)
    assert upgraded["version"] == 2
    assert list(upgraded["statements"][0]) == ["id", "kind", "text"]
    assert upgraded["inferences"][0] == {"id": "i-1", "premises": ["s-2"], "conclusion": "s-1"}
    assert raw["statements"][0] == {"id": "s-1", "type": "claim", "text": "A"}  # untouched


def test_a_field_spelled_the_old_and_the_new_way_keeps_both_for_validation() -> None:
    record = {"id": "s-2", "type": "claim", "kind": "premise", "text": "B"}
    raw = {"format": "argmap", "version": 0, "statements": [record]}
    assert migrate(raw)["statements"][0] == record
    with pytest.raises(MapFileError) as caught:
        loads_map(json.dumps(raw), "old.argmap.json")
    assert "statements[0].type: is not a field argmap knows" in str(caught.value)


def refused(extra: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(MapFileError) as caught:
        loads_map(json.dumps({"format": "argmap", "version": 2, **extra}), "m.argmap.json")
    return [(p.path, p.message) for p in caught.value.problems]


def test_several_wrong_types_are_each_told_once() -> None:
    assert refused({"question": 5, "title": 7}) == [
        ("title", "should be text, but is the number 7"),
        ("question", "should be text, but is the number 5"),
    ]


def test_a_number_past_its_bound_is_told_as_the_file_has_it_beside_a_wrong_type() -> None:
    statement = {"id": "s-1", "kind": "claim", "text": "x", "credibility": 1.5}
    assert refused({"question": 5, "statements": [statement]}) == [
        ("question", "should be text, but is the number 5"),
        ("statements[0].credibility", "credibility is 1.5, but must be from 0 to 1"),
    ]
