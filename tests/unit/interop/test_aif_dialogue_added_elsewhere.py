"""A map without an AIF dialogue, exported by argmap and opened in another AIF tool: what
the other tool added (a locution, a dialogue node, a top-level key, OVA's analysed text or
analyst's name) comes back as the map's dialogue; a file the tool only saved again brings
no dialogue."""

from __future__ import annotations

import json
from typing import Any

import pytest

from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import Form, aif_dict
from argmap.model import ArgMap


def _aif(sample_map: ArgMap, form: Form) -> dict[str, Any]:
    assert sample_map.dialogue is None
    data: dict[str, Any] = aif_dict(sample_map, form)
    return data


@pytest.mark.parametrize("form", ["aifdb", "ova"])
def test_a_file_saved_again_unchanged_brings_no_dialogue(sample_map: ArgMap, form: Form) -> None:
    assert loads_aif(json.dumps(_aif(sample_map, form))).doc.dialogue is None


def test_a_locution_added_elsewhere_comes_back(sample_map: ArgMap) -> None:
    data = _aif(sample_map, "aifdb")
    data["locutions"] = [{"nodeID": "900", "personID": "1"}]
    dialogue = loads_aif(json.dumps(data)).doc.dialogue
    assert dialogue is not None and dialogue.locutions == [{"nodeID": "900", "personID": "1"}]
    records = [*sample_map.statements, *sample_map.inferences]
    assert set(dialogue.links) == {r.id for r in records}  # by the map's own ids


def test_a_dialogue_node_added_elsewhere_comes_back(sample_map: ArgMap) -> None:
    data = _aif(sample_map, "aifdb")
    data["nodes"].append({"nodeID": "900", "text": "Ann : talks resume", "type": "L"})
    dialogue = loads_aif(json.dumps(data)).doc.dialogue
    assert dialogue is not None and [n.id for n in dialogue.nodes] == ["900"]


def test_a_key_added_elsewhere_comes_back(sample_map: ArgMap) -> None:
    data = _aif(sample_map, "aifdb")
    data["participants"] = [{"participantID": 1, "firstname": "Ann"}]
    dialogue = loads_aif(json.dumps(data)).doc.dialogue
    assert dialogue is not None
    assert dialogue.extra["participants"] == [{"participantID": 1, "firstname": "Ann"}]


@pytest.mark.parametrize(
    ("part", "value"), [("text", "Talks resumed in Geneva."), ("firstname", "Ann")]
)
def test_ova_text_or_analyst_added_elsewhere_comes_back(
    sample_map: ArgMap, part: str, value: str
) -> None:
    data = _aif(sample_map, "ova")
    if part == "text":
        data["text"] = value
    else:
        data["OVA"][part] = value
    dialogue = loads_aif(json.dumps(data)).doc.dialogue
    assert dialogue is not None and dialogue.form == "ova"
    assert (dialogue.text if part == "text" else dialogue.ova_extra[part]) == value
