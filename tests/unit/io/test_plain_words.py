"""Every way a map file can be wrong is told in plain words: each kind of type error,
a truncated file, a file too big, a map that cannot be written as JSON."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from argmap.io import json_reading
from argmap.io.map_errors import json_kind
from argmap.io.map_file import MapFileError, dumps_map, loads_map
from argmap.model import ArgMap, Inference, Statement, StatementKind


def _map() -> dict[str, Any]:
    doc = ArgMap(
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="Trade thaws"),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Grain"),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-1")],
    )
    data: dict[str, Any] = json.loads(dumps_map(doc))
    return data


def _problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(MapFileError) as refused:
        loads_map(json.dumps(data))
    return {p.path: p.message for p in refused.value.problems if p.code == "wrong-type"}


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: object) -> None:
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


@pytest.mark.parametrize(
    ("path", "value", "where", "message"),
    [
        (("title",), 5, "title", "should be text, but is the number 5"),
        (("statements", 0, "notes"), None, "statements[0].notes", "should be text, but is null"),
        (
            ("statements", 0, "credibility"),
            True,
            "statements[0].credibility",
            "should be a number, but is true/false",
        ),
        (
            ("statements", 0, "credibility"),
            "high",
            "statements[0].credibility",
            'should be a number, but is the text "high"',
        ),
        (("statements", 0, "tags"), {}, "statements[0].tags", "should be a list, but is an object"),
        (("view",), [], "view", "should be an object, but is a list"),
        (("view", "pinned"), [], "view.pinned", "should be an object, but is a list"),
        (("view", "pinned"), {"s-1": [1.0]}, 'view.pinned["s-1"][1]', "is required but missing"),
        (
            ("view", "pinned"),
            {"s-1": [1.0, 2.0, 3.0]},
            'view.pinned["s-1"]',
            "should have at most 2 item(s)",
        ),
        (
            ("view", "pinned"),
            {"s-1": "1,2"},
            'view.pinned["s-1"]',
            "should be a list, but is the text",
        ),
        (
            ("inferences", 0, "premises"),
            [],
            "inferences[0].premises",
            "should have at least 1 item(s)",
        ),
        (
            ("view", "collapsed"),
            [1.5],
            "view.collapsed[0]",
            "should be text, but is the number 1.5",
        ),
        (("statements", 1, "id"), "", "statements[1].id", "should not be empty"),
        (
            ("view", "direction"),
            "XY",
            "view.direction",
            "should be one of 'TB' or 'LR', but is the text \"XY\"",
        ),
        (("statements", 0, "kind"), 3, "statements[0].kind", "should be one of 'question', "),
        (
            ("statements", 0, "surprise"),
            1,
            "statements[0].surprise",
            "is not a field argmap knows (a typo, or made by a newer argmap?)",
        ),
    ],
)
def test_each_type_error_is_told_in_words(
    path: tuple[str | int, ...], value: object, where: str, message: str
) -> None:
    data = _map()
    _set(data, path, value)
    found = _problems(data)
    assert found[where].startswith(message), found


def test_a_missing_field_and_an_integer_written_as_a_fraction() -> None:
    data = _map()
    del data["inferences"][0]["conclusion"]
    data["statements"][0]["quotes"] = [7]
    assert _problems(data) == {
        "inferences[0].conclusion": "is required but missing",
        "statements[0].quotes[0]": "should be text, but is the number 7",
    }


def test_a_number_out_of_range_beside_an_unreadable_item_is_told_by_its_bound() -> None:
    data = _map()
    data["statements"][1]["prior"] = -1
    data["statements"][0]["quotes"] = [7]  # an item of a list: the map cannot be read past
    assert _problems(data)["statements[1].prior"] == "should be at least 0.0, but is -1"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (True, "true/false"),
        (None, "null"),
        ({}, "an object"),
        ([], "a list"),
        ("short", 'the text "short"'),
        ("y" * 40, 'the text "' + "y" * 29 + '…"'),
        (2.5, "the number 2.5"),
        (b"x", "bytes"),
    ],
)
def test_json_values_are_named_in_words(value: object, words: str) -> None:
    assert json_kind(value) == words


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "argmap", "version": 1, "title": "cut',
        '{"format": "argmap", "version": tr',
        '{"format": "argmap", "version": 1.',
        '{"format": "argmap", "version": -',
        '{"format": "argmap", "title": nu',
        '{"format": "argmap", "title": fals',
        '{"format": "argmap", "statements": [',
        '{"format": "argmap"',
    ],
)
def test_a_truncated_file_is_said_to_end_too_early(text: str) -> None:
    with pytest.raises(MapFileError) as refused:
        loads_map(text)
    assert str(refused.value).endswith(
        "the file is not valid JSON: the file ends too early (is it truncated?)"
    )


@pytest.mark.parametrize(
    "text",
    ['{"format": "argmap", "version": 1, "title": x}', '{"format": "argmap", "version": 1] }'],
)
def test_a_broken_file_says_where(text: str) -> None:
    with pytest.raises(MapFileError) as refused:
        loads_map(text)
    assert "at line 1, column " in str(refused.value)
    assert "too early" not in str(refused.value)


def test_a_file_too_big_says_its_size_and_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_reading, "MAX_FILE_BYTES", 3 * 2**20)
    error = json_reading.too_big("big.argmap.json", 5 * 2**20 + 2**19)
    assert str(error) == "big.argmap.json: the file is 5.5 MB; a map file may be at most 3 MB"


def test_a_map_json_cannot_carry_is_refused_with_the_reason() -> None:
    doc = ArgMap(statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="x")])
    doc.statements[0].__dict__["credibility"] = math.nan  # as code may leave it, unvalidated
    with pytest.raises(MapFileError) as refused:
        dumps_map(doc)
    assert refused.value.path == "<unsaved map>"
    assert refused.value.problems[0].code == "unsavable"
    assert refused.value.problems[0].message.startswith("the map cannot be written as JSON: ")


def test_the_careful_writer_writes_the_same_layout_as_the_fast_one() -> None:
    # A lone surrogate makes the fast serializer give up; the text is still readable JSON.
    doc = ArgMap(statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text="café \udc80")])
    text = dumps_map(doc)
    assert text.startswith('{\n  "format": "argmap",\n  "version": 2,\n')
    assert "café" in text and text.endswith("}\n") and not text.endswith("}\n\n")


def test_a_whole_number_written_as_a_fraction_is_named() -> None:
    data = _map()
    data["quotes"] = [{"id": "q", "source": "s", "start": 1.5, "end": 2, "exact": "x"}]
    assert _problems(data) == {"quotes[0].start": "should be a whole number, but is the number 1.5"}
