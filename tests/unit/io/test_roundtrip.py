"""Generated valid maps survive save → load unchanged, and their JSON is stable."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from map_strategies import arg_maps

from argmap.io.map_file import dumps_map, load_map, loads_map, save_map
from argmap.model import ArgMap


@settings(max_examples=60, deadline=None)
@given(arg_maps())
def test_save_then_load_gives_the_same_map(doc: ArgMap) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.argmap.json"
        save_map(doc, path)
        save_map(doc, path)  # second save exercises the backup path too
        loaded = load_map(path)
        backup = load_map(Path(folder) / "m.argmap.json.bak")
    assert loaded == doc
    assert backup == doc
    assert loaded.model_dump() == doc.model_dump()  # order of every list and dict kept


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arg_maps())
def test_dumps_is_stable_and_plain_json(doc: ArgMap) -> None:
    text = dumps_map(doc)
    assert dumps_map(loads_map(text)) == text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert json.loads(text)["format"] == "argmap"
    assert "\x00" not in text
