"""The published JSON Schema describes the files argmap writes, and refuses others."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from map_strategies import arg_maps

from argmap.io.json_schema import map_json_schema
from argmap.io.map_file import dumps_map
from argmap.model import FORMAT_VERSION, ArgMap

jsonschema = pytest.importorskip("jsonschema")


def test_schema_header() -> None:
    schema = map_json_schema()
    assert list(schema)[:4] == ["$schema", "$id", "title", "description"]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["version"]["const"] == FORMAT_VERSION == 2
    assert "undercut" in schema["properties"]["inferences"]["description"]
    jsonschema.Draft202012Validator.check_schema(schema)


@settings(max_examples=40, deadline=None)
@given(arg_maps())
def test_saved_maps_follow_the_schema(doc: ArgMap) -> None:
    jsonschema.validate(json.loads(dumps_map(doc)), map_json_schema())


def test_schema_refuses_a_wrong_kind_and_unknown_field() -> None:
    validator = jsonschema.Draft202012Validator(map_json_schema())
    raw = json.loads(dumps_map(ArgMap()))
    raw["statements"] = [{"id": "s-1", "kind": "hunch", "text": "x"}]
    raw["colour"] = "red"
    messages = sorted(e.message for e in validator.iter_errors(raw))
    assert len(messages) == 2
    assert any("'hunch' is not one of" in m for m in messages)
    assert any("colour" in m for m in messages)
