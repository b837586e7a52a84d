"""A map refused for its types still has its other problems listed (io/type_salvage)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.io.map_file import MapFileError, dumps_map, loads_map, loads_map_with_report
from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind

TEXT = "Grain exports resumed. Shelling continued."


def _data() -> dict[str, Any]:
    doc = ArgMap(
        sources=[Source.from_text("src-1", TEXT)],
        quotes=[Quote.from_range("q-1", "src-1", TEXT, 0, 22)],
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="Trade thaws"),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Grain", quotes=["q-1"]),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-1", strength=0.5)],
    )
    data: dict[str, Any] = json.loads(dumps_map(doc))
    return data


def _codes(problems: list[Any]) -> list[tuple[str, str]]:
    return [(p.path, p.code) for p in problems]


def test_out_of_range_numbers_are_kept_as_read_and_reported() -> None:
    data = _data()
    data["inferences"][0]["strength"] = -0.25
    data["quotes"][0]["start"] = -3
    result = loads_map_with_report(json.dumps(data), allow_errors=True)
    assert result.doc.inferences[0].strength == -0.25  # the file's value, not a guess
    assert result.doc.quotes[0].start == -3
    assert ("inferences[0].strength", "out-of-range") in _codes(result.errors)
    assert ("quotes[0].start", "out-of-range") in _codes(result.errors)
    message = next(p.message for p in result.errors if p.path == "inferences[0].strength")
    assert message == "strength is -0.25, but must be from 0 to 1"


def test_the_app_still_refuses_a_number_out_of_range() -> None:
    data = _data()
    data["statements"][0]["credibility"] = 1.7
    with pytest.raises(MapFileError) as caught:
        loads_map(json.dumps(data))
    assert _codes(caught.value.problems) == [("statements[0].credibility", "out-of-range")]


def test_a_value_of_the_wrong_type_is_listed_with_the_other_problems() -> None:
    data = _data()
    data["statements"][0]["credibility"] = "high"
    data["inferences"][0]["conclusion"] = "s-gone"
    data["surprise"] = True
    with pytest.raises(MapFileError) as caught:
        loads_map_with_report(json.dumps(data), allow_errors=True)
    assert _codes(caught.value.problems) == [
        ("statements[0].credibility", "wrong-type"),
        ("surprise", "wrong-type"),
        ("inferences[0].conclusion", "dangling-reference"),
    ]


def test_without_allow_errors_only_errors_follow_the_type_problems() -> None:
    data = _data()
    data["statements"][0]["notes"] = 5
    data["sources"][0]["text"] = TEXT.upper()  # a warning: the checksum no longer matches
    data["inferences"][0]["conclusion"] = "s-gone"
    with pytest.raises(MapFileError) as caught:
        loads_map(json.dumps(data))
    assert _codes(caught.value.problems) == [
        ("statements[0].notes", "wrong-type"),
        ("inferences[0].conclusion", "dangling-reference"),
    ]


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("statements", 0, "kind"), "clam"),  # required: nothing to fall back on
        (("statements", 1, "quotes"), ["q-1", 7]),  # an item of a list
    ],
)
def test_what_cannot_be_set_aside_leaves_the_type_problems_alone(
    where: tuple[str, int, str], value: object
) -> None:
    data = _data()
    table, index, field = where
    data[table][index][field] = value
    data["inferences"][0]["conclusion"] = "s-gone"
    with pytest.raises(MapFileError) as caught:
        loads_map_with_report(json.dumps(data), allow_errors=True)
    assert {p.code for p in caught.value.problems} == {"wrong-type"}


def test_a_healthy_file_is_read_as_before() -> None:
    text = json.dumps(_data())
    assert loads_map_with_report(text, allow_errors=True).problems == []
