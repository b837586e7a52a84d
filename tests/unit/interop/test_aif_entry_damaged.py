"""A damaged argmap entry in an AIF file (edited by hand or by another tool): each record
that cannot be read is left out with its JSON path and why, and everything else is read."""

from __future__ import annotations

import json
from datetime import datetime

from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import aif_dict
from argmap.model import ArgMap


def test_each_bad_record_of_the_entry_is_named_and_the_rest_is_read(sample_map: ArgMap) -> None:
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    entry = data["argmap"]
    entry["nodes"]["1"]["credibility"] = "high"
    entry["sources"].append({"id": "src-2"})
    entry["quotes"][0]["start"] = "x"
    cell = entry["ratings"][0]
    entry["ratings"] += [
        {"evidence": "999", "scenario": "998", "rating": "CC"},
        {"evidence": cell["evidence"], "scenario": cell["scenario"], "rating": "ZZ"},
    ]
    entry["properties"] = {"as_of": 5, "analyst": "Ann", "colour": "red"}
    read = loads_aif(json.dumps(data))
    assert read.warnings == [
        "$.argmap.nodes[1]: 'high' is not a number; left out",
        "$.argmap.sources[1]: Field required; left out",
        "$.argmap.quotes[0]: Input should be a valid integer, unable to parse string as an "
        "integer; left out",
        "$.argmap.ratings[3]: names a node the file no longer has; left out",
        "$.argmap.ratings[4]: Input should be 'CC', 'C', 'N', 'I', 'II' or 'NA'; left out",
        "$.argmap.properties.as_of: Input should be a valid string; left out",
        "$.argmap.properties.colour: not a map property argmap knows; left out",
    ]
    doc = read.doc
    assert [s.id for s in doc.sources] == ["src-1"]
    assert doc.quotes == [] and all(s.quotes == [] for s in doc.statements)
    assert len(doc.ratings) == len(sample_map.ratings)
    assert (doc.analyst, doc.as_of) == ("Ann", None)
    assert [s.prior for s in doc.statements] == [s.prior for s in sample_map.statements]
