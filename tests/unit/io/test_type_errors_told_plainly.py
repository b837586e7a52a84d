"""The rarer type errors of a map file are told in plain words too, each as an error,
and a long list of problems is cut after the twentieth with a count of the rest."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.io.map_file import MapFileError, loads_map

HEADER = {"format": "argmap", "version": 2}


def refused(extra: dict[str, Any]) -> MapFileError:
    text = json.dumps({**HEADER, **extra}).replace("Infinity", "1e400")
    with pytest.raises(MapFileError) as caught:
        loads_map(text, "m.argmap.json")
    return caught.value


def test_a_yes_no_field_given_text_is_told_so() -> None:
    error = refused({"dialogue": {"int_node_ids": "yes"}})
    assert str(error) == (
        'm.argmap.json: dialogue.int_node_ids: should be true or false, but is the text "yes"'
    )
    assert [(p.severity, p.code) for p in error.problems] == [("error", "wrong-type")]


def test_a_number_too_big_for_a_finite_weight_is_told_so() -> None:
    error = refused({"layers": [{"name": "A", "prior": {"s-1": float("inf")}}]})
    assert str(error) == (
        'm.argmap.json: layers[0].prior["s-1"]: should be a finite number, but is the number inf'
    )
    assert [(p.severity, p.code) for p in error.problems] == [("error", "wrong-type")]


def test_twenty_problems_are_all_shown_and_the_twenty_first_is_counted() -> None:
    twenty = refused({"view": {"collapsed": list(range(20))}})
    assert len(twenty.problems) == 20
    assert str(twenty).count("\n  - ") == 20
    assert "more problems" not in str(twenty)
    more = refused({"view": {"collapsed": list(range(21))}})
    assert str(more).count("\n  - ") == 21
    assert str(more).endswith("\n  - … and 1 more problems")
