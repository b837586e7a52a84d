"""The fast way in for well-formed maps gives exactly what the careful way gives."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from map_strategies import arg_maps

from argmap.io import map_file
from argmap.io.map_file import MapFileError, dumps_map, loads_map_with_report
from argmap.model import ArgMap, Statement, StatementKind


def _careful(text: str) -> map_file.LoadResult:
    """The full path: Python JSON parse with every hostile-input check, then types."""
    return map_file._parse(text, "m.argmap.json", allow_errors=True)


def _base() -> str:
    doc = ArgMap(
        title="Ceasefire",
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text='Kyiv said "talks: soon"'),
            Statement(id="s-2", kind=StatementKind.SCENARIO, text="Freeze", prior=2.0),
        ],
    )
    doc.view.pinned["s-1"] = (10.0, 20.0)
    return dumps_map(doc)


@settings(max_examples=60, deadline=None)
@given(arg_maps())
def test_a_saved_map_takes_the_fast_way_and_loads_as_the_careful_way(doc: ArgMap) -> None:
    text = dumps_map(doc)
    fast = map_file._fast_typed(text.encode("utf-8"))
    if doc.dialogue is None and "\\\\" not in text:
        assert fast is not None
    result = loads_map_with_report(text.encode("utf-8"), allow_errors=True)
    careful = _careful(text)
    assert result.doc == careful.doc
    assert result.problems == careful.problems


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ('"title": "Ceasefire"', '"title": "Ceasefire", "title": "Again"', "duplicate-key"),
        ('"question": null', '"question": null, "question": null', "duplicate-key"),
        ('"kind": "claim",', '"kind": "claim", "kind": "claim",', "duplicate-key"),
        ('"s-1": [', '"s-1": [1, 2], "s-1": [', "duplicate-key"),
        ('"prior": 2.0', '"prior": Infinity', "not-json"),
        ("10.0", "NaN", "not-json"),
        ('"Freeze"', '"Fr\\udc00eeze"', "not-json"),
        ('"format": "argmap",', "", "not-argmap"),
    ],
)
def test_what_the_fast_way_cannot_see_goes_the_careful_way(old: str, new: str, code: str) -> None:
    text = _base()
    assert old in text
    broken = text.replace(old, new, 1)
    assert map_file._fast_typed(broken.encode("utf-8")) is None
    with pytest.raises(MapFileError) as caught:
        loads_map_with_report(broken.encode("utf-8"))
    assert caught.value.problems[0].code == code


def test_keys_spelled_with_spaces_or_texts_with_backslashes_load_the_same() -> None:
    spaced = json.dumps(json.loads(_base()), separators=(",", " : "))
    assert map_file._fast_typed(spaced.encode("utf-8")) == _careful(_base()).doc
    repeated = spaced.replace('"title" : "Ceasefire"', '"title" : "Ceasefire", "title" : 1')
    with pytest.raises(MapFileError) as caught:
        loads_map_with_report(repeated)
    assert caught.value.problems[0].code == "duplicate-key"
    for text in ('C:\\ "key": 1', 'she said "key": yes'):
        doc = ArgMap(statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text=text)])
        assert loads_map_with_report(dumps_map(doc)).doc == doc
