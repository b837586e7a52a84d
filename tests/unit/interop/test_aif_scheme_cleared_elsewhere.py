"""A scheme name cleared in another AIF tool stays cleared when the file comes back, though
argmap's entry still holds the name; one the other tool left alone comes back exactly."""

from __future__ import annotations

import json

from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import aif_dict
from argmap.model import ArgMap, Inference, Statement, StatementKind


def _map() -> ArgMap:
    return ArgMap(
        statements=[
            Statement(id="c", kind=StatementKind.CLAIM, text="c"),
            Statement(id="p", kind=StatementKind.PREMISE, text="p"),
            Statement(id="q", kind=StatementKind.PREMISE, text="q"),
        ],
        inferences=[
            Inference(id="i", premises=["p"], conclusion="c", scheme="Cause to effect"),
            Inference(id="j", premises=["q"], conclusion="c", scheme="  Expert opinion "),
        ],
    )


def test_a_scheme_cleared_in_another_tool_stays_cleared() -> None:
    data = aif_dict(_map(), "aifdb")
    first = next(n for n in data["nodes"] if n["type"] == "RA")
    first["text"] = "Default Inference"  # the other tool's "no scheme"
    first.pop("scheme", None)
    back = loads_aif(json.dumps(data)).doc
    assert [i.scheme for i in back.inferences] == [None, "  Expert opinion "]
