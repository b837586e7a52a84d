"""A damaged argmap entry in an AIF file (edited by hand or by another tool): each record
that cannot be read is left out with its JSON path and why, and everything else is read."""

from __future__ import annotations

import json
from datetime import datetime

from argmap.interop.aif_reader import loads_aif
from argmap.interop.aif_writer import aif_dict
from argmap.model import AchRow, ArgMap, RowLevel, Signpost, ViewState


def test_each_bad_record_of_the_entry_is_named_and_the_rest_is_read(sample_map: ArgMap) -> None:
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    entry = data["argmap"]
    entry["nodes"]["1"]["credibility"] = "high"
    entry["sources"].append({"id": "src-2"})
    entry["quotes"][0]["start"] = "x"
    cell = entry["ratings"][0]
    entry["ratings"].insert(0, 5)  # not a rating: said, the ratings after it are read
    entry["ratings"] += [
        {"evidence": "999", "scenario": "998", "rating": "CC"},
        {"evidence": cell["evidence"], "scenario": cell["scenario"], "rating": "ZZ"},
    ]
    entry["properties"] = {"colour": "red", "as_of": 5, "analyst": "Ann"}
    read = loads_aif(json.dumps(data))
    assert read.warnings == [
        "$.argmap.nodes[1]: 'high' is not a number; left out",
        "$.argmap.sources[1]: Field required; left out",
        "$.argmap.quotes[0]: Input should be a valid integer, unable to parse string as an "
        "integer; left out",
        "$.argmap.ratings[0]: not an object; left out",
        "$.argmap.ratings[4]: names a node the file no longer has; left out",
        "$.argmap.ratings[5]: Input should be 'CC', 'C', 'N', 'I', 'II' or 'NA'; left out",
        "$.argmap.properties.colour: not a map property argmap knows; left out",
        "$.argmap.properties.as_of: Input should be a valid string; left out",
    ]
    doc = read.doc
    assert [s.id for s in doc.sources] == ["src-1"]
    assert doc.quotes == [] and all(s.quotes == [] for s in doc.statements)
    assert len(doc.ratings) == len(sample_map.ratings)
    assert (doc.analyst, doc.as_of) == ("Ann", None)
    assert [s.prior for s in doc.statements] == [s.prior for s in sample_map.statements]


def test_bad_signposts_row_weights_snapshots_and_outcome_are_named_and_the_rest_is_read(
    sample_map: ArgMap,
) -> None:
    sample_map.signposts = [Signpost(id="sp-1", scenario="s-a", text="Envoys named")]
    sample_map.ach_rows = [AchRow(evidence="s-e1", relevance=RowLevel.LOW)]
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    entry = data["argmap"]
    nodes = entry["nodes"]
    entry["signposts"].append({"id": "sp-2", "scenario": entry["signposts"][0]["scenario"]})
    entry["ach_rows"].append({"evidence": entry["ach_rows"][0]["evidence"], "relevance": "huge"})
    entry["snapshots"] = [{"id": "", "as_of": "2026-01-01"}]
    entry["outcome"] = {"scenario": entry["signposts"][0]["scenario"]}  # no date
    entry["view"] = "junk"
    entry["question"] = next(n for n, f in nodes.items() if f["id"] == "i-1")  # not a statement
    nodes["1"] = "junk"  # the question's own fields: its kind is lost (said), the rest is read
    read = loads_aif(json.dumps(data))
    assert read.warnings == [
        "$.argmap.nodes[1]: not an object; its argmap fields left out",
        "$.argmap.signposts[1]: Field required; left out",
        "$.argmap.ach_rows[1]: Input should be 'low', 'medium' or 'high'; left out",
        "$.argmap.snapshots[0]: String should have at least 1 character; left out",
        "$.argmap.outcome[0]: Field required; left out",
        "$.argmap.view: not an object; left out",
    ]
    doc = read.doc
    assert doc.question is None
    assert [s.kind for s in doc.statements][1:] == [s.kind for s in sample_map.statements][1:]
    assert [s.id for s in doc.signposts] == ["sp-1"]
    assert [r.relevance for r in doc.ach_rows] == [RowLevel.LOW]
    assert doc.snapshots == [] and doc.outcome is None
    assert doc.view == ViewState()


def test_an_entry_of_another_version_is_left_out_whole_and_said(sample_map: ArgMap) -> None:
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    data["argmap"]["version"] = 99
    read = loads_aif(json.dumps(data))
    assert read.warnings == ["$.argmap: not an argmap entry of version 1; left out"]
    plain = {k: v for k, v in data.items() if k != "argmap"}
    as_plain = loads_aif(json.dumps(plain)).doc  # read as plain AIF
    assert read.doc.statements == as_plain.statements
    assert read.doc.sources == [] and all(s.prior is None for s in read.doc.statements)


def test_two_records_claiming_one_id_keep_their_own_ids_and_their_judgements(
    sample_map: ArgMap,
) -> None:
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    nodes = data["argmap"]["nodes"]
    for fields in nodes.values():
        if fields.get("kind") == "evidence":
            fields["id"] = "dup"
    doc = loads_aif(json.dumps(data)).doc
    assert [(s.id, s.kind.value, s.credibility) for s in doc.statements][3:5] == [
        ("s-4", "evidence", 0.9),
        ("s-5", "evidence", None),
    ]


def test_an_entry_whose_nodes_are_not_an_object_is_read_without_them(sample_map: ArgMap) -> None:
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    data["argmap"]["nodes"] = []
    doc = loads_aif(json.dumps(data)).doc
    assert len(doc.statements) == len(sample_map.statements)
    assert [s.id for s in doc.sources] == ["src-1"]  # the rest of the entry is read


def test_an_entry_id_another_record_already_has_is_not_given(sample_map: ArgMap) -> None:
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    nodes = data["argmap"]["nodes"]
    del nodes["5"]  # node 5 (s-e2) lost its entry fields elsewhere: it is read as "s-5"
    nodes["4"]["id"] = "s-5"  # and node 4's entry asks for that very id
    doc = loads_aif(json.dumps(data)).doc
    assert [s.id for s in doc.statements] == ["s-q", "s-a", "s-b", "s-4", "s-5", "s-o"]
    assert doc.statements[3].credibility == 0.9  # node 4's judgements are still read


def test_judgements_out_of_range_or_not_numbers_are_named_and_left_out(
    sample_map: ArgMap,
) -> None:
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    nodes = data["argmap"]["nodes"]
    nodes["2"]["prior"] = -1
    nodes["4"]["credibility"] = 1.5
    nodes["5"]["credibility"] = True
    nodes["7"]["strength"] = 1.5
    nodes["8"]["scheme"] = 5  # not a name: the scheme read from the AIF node stands
    read = loads_aif(json.dumps(data))
    assert read.warnings == [
        "$.argmap.nodes[2]: -1 is out of range; left out",
        "$.argmap.nodes[4]: 1.5 is out of range; left out",
        "$.argmap.nodes[5]: True is not a number; left out",
        "$.argmap.nodes[7]: 1.5 is out of range; left out",
    ]
    doc = read.doc
    assert [(s.id, s.credibility, s.prior) for s in doc.statements][1:4] == [
        ("s-a", None, None),
        ("s-b", None, 1.0),
        ("s-e1", None, None),
    ]
    assert [(i.strength, i.scheme) for i in doc.inferences][:2] == [
        (None, "Cause to effect"),
        (None, None),
    ]


def test_an_ova_save_whose_entry_view_is_damaged_keeps_its_layout(sample_map: ArgMap) -> None:
    sample_map.view.pinned = {"s-a": (10.0, 20.0)}
    data = aif_dict(sample_map, "ova", datetime(2026, 1, 1))
    data["AIF"]["argmap"]["view"] = "junk"
    data["AIF"]["argmap"]["properties"] = ["not", "an", "object"]
    doc = loads_aif(json.dumps(data)).doc
    assert set(doc.view.pinned) == {s.id for s in sample_map.statements}  # the map's own ids
    assert doc.view.pinned["s-a"] == (10.0, 20.0)


def test_only_the_usable_parts_of_the_entrys_view_are_read(sample_map: ArgMap) -> None:
    data = aif_dict(sample_map, "aifdb", datetime(2026, 1, 1))
    entry = data["argmap"]
    node = {f["id"]: n for n, f in entry["nodes"].items()}
    entry["view"] = {
        "direction": "LR",
        "pinned": {
            node["s-a"]: [1, 2.5],
            node["s-b"]: "here",
            node["s-q"]: [1],
            node["s-e1"]: ["1", 2],
            "999": [3, 4],
        },
        "collapsed": [node["s-a"], "999"],
    }
    view = loads_aif(json.dumps(data)).doc.view
    assert (view.direction, view.pinned, view.collapsed) == ("LR", {"s-a": (1.0, 2.5)}, ["s-a"])
    entry["view"] = {"direction": "up", "pinned": [1], "collapsed": "s-a"}
    assert loads_aif(json.dumps(data)).doc.view == ViewState()
