"""AIF export: round trips give every node, edge, text and scheme back; edits show up."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.interop.aif_reader import loads_aif, read_aif
from argmap.interop.aif_writer import aif_dict, dumps_aif
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind
from argmap.model.validation import validate

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "aif"
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "interop" / "aif"
SHARED_FILES = sorted(SHARED.glob("*.json")) if SHARED.is_dir() else []
# Fixtures whose every field is present, so the round trip is exact.
EXACT_FIXTURES = [FIXTURES / "int_ids_schemes.json", FIXTURES / "ova3_save.json"]
NOW = datetime(2025, 11, 22, 12, 0, 0)


def _aif(data: dict[str, Any]) -> dict[str, Any]:
    inner: dict[str, Any] = data.get("AIF", data)
    return inner


def _nodes(data: dict[str, Any]) -> set[str]:
    return {json.dumps(n, sort_keys=True) for n in _aif(data)["nodes"]}


def _edges(data: dict[str, Any]) -> set[str]:
    return {json.dumps(e, sort_keys=True) for e in _aif(data)["edges"]}


def _through_map_file(doc: ArgMap) -> ArgMap:
    """Save and load the map as argmap JSON, as a user would between import and export."""
    return ArgMap.model_validate_json(doc.model_dump_json())


@pytest.mark.parametrize("path", SHARED_FILES + EXACT_FIXTURES, ids=lambda p: p.name)
def test_round_trip_gives_every_node_edge_and_locution_back(path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    doc = _through_map_file(read_aif(path).doc)
    exported = json.loads(dumps_aif(doc, now=NOW))
    assert _nodes(exported) == _nodes(original)
    assert _edges(exported) == _edges(original)
    assert sorted(map(json.dumps, _aif(exported).get("locutions", []))) == sorted(
        map(json.dumps, _aif(original).get("locutions", []))
    )
    again = json.loads(dumps_aif(_through_map_file(loads_aif(json.dumps(exported)).doc)))
    assert _nodes(again) == _nodes(original) and _edges(again) == _edges(original)


def test_ova_save_round_trip_keeps_layout_and_its_other_parts() -> None:
    path = FIXTURES / "ova3_save.json"
    original = json.loads(path.read_text(encoding="utf-8"))
    exported = json.loads(dumps_aif(_through_map_file(read_aif(path).doc)))
    assert set(exported) == {"AIF", "OVA", "text"}
    assert exported["text"] == original["text"]
    layout = {n["nodeID"]: (float(n["x"]), float(n["y"])) for n in original["OVA"]["nodes"]}
    assert {n["nodeID"]: (float(n["x"]), float(n["y"])) for n in exported["OVA"]["nodes"]} == (
        layout
    )
    assert sorted(map(json.dumps, exported["OVA"]["edges"])) == sorted(
        map(json.dumps, original["OVA"]["edges"])
    )
    for key in ("schemefulfillments", "participants", "descriptorfulfillments"):
        assert sorted(map(json.dumps, exported["AIF"][key])) == sorted(
            map(json.dumps, original["AIF"][key])
        )
    assert {k: exported["OVA"][k] for k in ("firstname", "surname")} == {
        "firstname": "Ana",
        "surname": "Lyst",
    }


def test_aifdb_file_can_be_written_as_an_ova_save_and_back() -> None:
    path = FIXTURES / "int_ids_schemes.json"
    original = json.loads(path.read_text(encoding="utf-8"))
    ova = aif_dict(read_aif(path).doc, "ova", NOW)
    assert len(ova["OVA"]["nodes"]) == len(original["nodes"])
    assert all(isinstance(n["x"], float) for n in ova["OVA"]["nodes"])
    back = aif_dict(loads_aif(json.dumps(ova)).doc, "aifdb", NOW)
    assert {n["nodeID"] for n in back["nodes"]} == {n["nodeID"] for n in original["nodes"]}
    assert {(e["fromID"], e["toID"]) for e in back["edges"]} == {
        (e["fromID"], e["toID"]) for e in original["edges"]
    }


def test_edits_in_argmap_show_up_in_the_export() -> None:
    doc = read_aif(FIXTURES / "int_ids_schemes.json").doc
    doc.statement("s-1").text = "Talks resume in April"
    doc.inference("i-6").scheme = "Argument From Sign"
    doc.statements.append(Statement(id="s-new", kind=StatementKind.EVIDENCE, text="New fact"))
    doc.inferences.append(Inference(id="i-new", premises=["s-new"], conclusion="s-1"))
    doc.inferences = [i for i in doc.inferences if i.id != "i-8"]  # delete the attack
    out = aif_dict(doc, now=NOW)
    by_text = {n["text"]: n for n in out["nodes"]}
    assert by_text["Talks resume in April"]["nodeID"] == 1
    assert by_text["Argument From Sign"]["scheme"] == "Argument From Sign"
    assert "schemeID" not in by_text["Argument From Sign"]
    new_node = by_text["New fact"]
    assert new_node["nodeID"] not in {n for n in range(1, 14)}
    assert new_node["timestamp"] == "2025-11-22 12:00:00"
    ids = [n["nodeID"] for n in out["nodes"]]
    assert len(ids) == len(set(ids))
    edge_ids = [e["edgeID"] for e in out["edges"]]
    assert len(edge_ids) == len(set(edge_ids))
    # The deleted attack's CA node (8) and both its edges are gone, and so is the edge
    # from it into the preference node; the preference node itself is kept.
    assert 8 not in ids and 13 in ids
    assert all(8 not in (e["fromID"], e["toID"]) for e in out["edges"])
    ra_new = next(n for n in out["nodes"] if n["text"] == "Default Inference" and n["nodeID"] != 6)
    assert {(e["fromID"], e["toID"]) for e in out["edges"]} >= {
        (new_node["nodeID"], ra_new["nodeID"]),
        (ra_new["nodeID"], 1),
    }


def test_a_native_map_exports_as_plain_aif(sample_map: ArgMap) -> None:
    out = aif_dict(sample_map, now=NOW)
    assert set(out) == {"nodes", "edges", "locutions", "argmap"}  # argmap's own entry
    types = sorted(n["type"] for n in out["nodes"])
    assert types == ["CA", "CA", "I", "I", "I", "I", "I", "I", "RA", "RA"]
    ids = {n["nodeID"] for n in out["nodes"]}
    assert all(e["fromID"] in ids and e["toID"] in ids for e in out["edges"])
    undercut = next(n for n in out["nodes"] if n["type"] == "CA" and _targets_scheme(out, n))
    assert undercut["text"] == "Default Conflict"
    ra_scheme = [n for n in out["nodes"] if n.get("scheme") == "Cause to effect"]
    assert len(ra_scheme) == 1 and ra_scheme[0]["type"] == "RA"


def _targets_scheme(out: dict[str, Any], node: dict[str, Any]) -> bool:
    types = {n["nodeID"]: n["type"] for n in out["nodes"]}
    return any(
        e["fromID"] == node["nodeID"] and types[e["toID"]] in {"RA", "CA"} for e in out["edges"]
    )


def test_dangling_inferences_are_left_out_of_the_export() -> None:
    doc = ArgMap(
        statements=[Statement(id="a", kind=StatementKind.CLAIM, text="a")],
        inferences=[
            Inference(id="i1", premises=["a"], conclusion="gone"),
            Inference(id="i2", premises=["a"], conclusion="i1", kind=InferenceKind.UNDERCUT),
        ],
    )
    out = aif_dict(doc, now=NOW)
    assert [n["type"] for n in out["nodes"]] == ["I"]
    assert out["edges"] == []


_texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@st.composite
def _maps(draw: st.DrawFn) -> ArgMap:
    n = draw(st.integers(1, 8))
    statements = [
        Statement(id=f"s{k}", kind=StatementKind.CLAIM, text=draw(_texts)) for k in range(n)
    ]
    inferences: list[Inference] = []
    for k in range(draw(st.integers(0, 8)) if n > 1 else 0):
        # Premises come after their conclusion in statement order: no support loops.
        conclusion = draw(st.integers(0, n - 2))
        premises = draw(
            st.lists(st.integers(conclusion + 1, n - 1), min_size=1, max_size=3, unique=True)
        )
        kind = draw(st.sampled_from(list(InferenceKind)))
        if kind is InferenceKind.UNDERCUT:
            if not inferences:
                continue
            target = draw(st.sampled_from([i.id for i in inferences]))
        else:
            target = f"s{conclusion}"
        scheme = draw(st.none() | st.sampled_from(["Argument From Analogy", "Expert Opinion"]))
        inferences.append(
            Inference(
                id=f"i{k}",
                premises=[f"s{p}" for p in premises],
                conclusion=target,
                kind=kind,
                scheme=scheme,
            )
        )
    return ArgMap(statements=statements, inferences=inferences)


def _shape(doc: ArgMap) -> tuple[list[str], list[tuple[tuple[str, ...], str, str, str | None]]]:
    """A map's content without ids: statement texts, and inferences by their texts."""
    text = {s.id: s.text for s in doc.statements}
    names = {i.id: ",".join(sorted(text[p] for p in i.premises)) for i in doc.inferences}
    inferences = []
    for i in doc.inferences:
        target = names[i.conclusion] if i.kind is InferenceKind.UNDERCUT else text[i.conclusion]
        inferences.append((tuple(sorted(text[p] for p in i.premises)), target, i.kind, i.scheme))
    return sorted(text.values()), sorted(inferences, key=repr)


@settings(max_examples=60, deadline=None)
@given(_maps(), st.sampled_from(["aifdb", "ova"]))
def test_any_map_survives_export_and_import(doc: ArgMap, form: str) -> None:
    assert validate(doc) == []
    back = loads_aif(dumps_aif(doc, form, now=NOW)).doc  # type: ignore[arg-type]
    assert _shape(back) == _shape(doc)
