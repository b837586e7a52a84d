"""AIF import: structure, the quirks of real files, malformed and hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.interop import aif_model
from argmap.interop.aif_reader import loads_aif, read_aif
from argmap.interop.aif_writer import dumps_aif
from argmap.interop.errors import AifError
from argmap.model import ArgMap, InferenceKind, StatementKind
from argmap.model.validation import validate

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "aif"
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "interop" / "aif"
SHARED_FILES = sorted(SHARED.glob("*.json")) if SHARED.is_dir() else []


def _nodes(path: Path) -> list[dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    nodes: list[dict[str, object]] = data.get("AIF", data)["nodes"]
    return nodes


@pytest.mark.parametrize("path", SHARED_FILES, ids=lambda p: p.name)
def test_every_shared_aif_file_imports_with_each_i_node_as_a_statement(path: Path) -> None:
    imported = read_aif(path)
    doc = imported.doc
    i_texts = sorted(str(n["text"]) for n in _nodes(path) if n["type"] == "I")
    assert sorted(s.text for s in doc.statements) == i_texts
    ra_ca = [n for n in _nodes(path) if n["type"] in {"RA", "CA"}]
    assert len(doc.inferences) == len(ra_ca)
    assert imported.warnings == []
    assert validate(doc) == []
    assert ArgMap.model_validate_json(doc.model_dump_json()) == doc


def test_shared_files_are_checked_when_present() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared/interop/aif not present")
    assert SHARED_FILES, "the shared AIF folder holds no .json files"


@pytest.mark.skipif(not (SHARED / "nodeset283.json").is_file(), reason="shared AIF absent")
def test_linked_argument_with_attack_from_aifdb() -> None:
    doc = read_aif(SHARED / "nodeset283.json").doc
    support = doc.inference("i-2680")
    assert support.kind is InferenceKind.SUPPORT
    assert support.premises == ["s-2672", "s-2678"]  # two premises into one RA: linked
    attack = doc.inference("i-2679")
    assert (attack.kind, attack.premises, attack.conclusion) == (
        InferenceKind.ATTACK,
        ["s-2677"],
        "s-2672",
    )


@pytest.mark.skipif(not (SHARED / "19398.json").is_file(), reason="shared AIF absent")
def test_dialogue_nodes_and_locutions_are_kept_from_a_real_file() -> None:
    doc = read_aif(SHARED / "19398.json").doc
    assert doc.dialogue is not None
    kept_types = sorted({n.type for n in doc.dialogue.nodes})
    assert kept_types == ["L", "MA", "TA", "YA"]
    assert len(doc.dialogue.locutions) == 16
    assert doc.inference("i-610753").scheme == "Evidence of guilt erasing"
    assert doc.inference("i-610756").scheme is None  # "Default Inference" names no scheme


def test_integer_ids_linked_convergent_undercut_and_schemes(fixtures_dir: Path) -> None:
    imported = read_aif(fixtures_dir / "int_ids_schemes.json")
    doc = imported.doc
    into_talks = [i for i in doc.inferences if i.conclusion == "s-1"]
    # Separate RAs into one conclusion are convergent: two inferences.
    assert sorted(len(i.premises) for i in into_talks) == [1, 2]
    expert = doc.inference("i-5")
    assert expert.scheme == "Argument From Expert Opinion"
    assert expert.premises == ["s-2", "s-4"]
    undercut = doc.inference("i-10")
    assert (undercut.kind, undercut.conclusion) == (InferenceKind.UNDERCUT, "i-5")
    attack = doc.inference("i-8")
    assert (attack.kind, attack.conclusion) == (InferenceKind.ATTACK, "s-3")
    kinds = {s.id: s.kind for s in doc.statements}
    assert kinds["s-1"] is StatementKind.CLAIM
    assert kinds["s-2"] is StatementKind.PREMISE
    assert kinds["s-3"] is StatementKind.CLAIM  # a premise that is also attacked
    assert kinds["s-7"] is StatementKind.OBJECTION
    assert doc.dialogue is not None
    assert sorted(n.type for n in doc.dialogue.nodes) == ["MA", "PA"]
    assert imported.warnings == []


def test_ova3_save_form_with_string_coordinates_and_schemefulfillments(
    fixtures_dir: Path,
) -> None:
    doc = read_aif(fixtures_dir / "ova3_save.json").doc
    assert doc.dialogue is not None and doc.dialogue.form == "ova"
    assert doc.view.pinned["s-1"] == (540.0, 120.0)
    assert doc.view.pinned["s-4"] == (540.5, 400.0)
    inference = doc.inference("i-7")
    assert inference.scheme == "Argument From Rules"  # from the node text
    assert doc.dialogue.scheme_ids["7"] == "25"
    assert doc.dialogue.node("2").type == "L"
    assert doc.dialogue.node("2").ova is not None
    assert doc.dialogue.node("2").ova["x"] == "980"  # kept as written
    assert doc.dialogue.extra["participants"] == [
        {"participantID": 1, "firstname": "Volodymyr", "surname": "Zelensky"}
    ]
    assert "cede territory" in str(doc.dialogue.text)


def test_missing_fields_are_tolerated(fixtures_dir: Path) -> None:
    imported = read_aif(fixtures_dir / "missing_fields.json")
    doc = imported.doc
    assert doc.statement("s-b").text == ""
    assert doc.inference("i-c").premises == ["s-e"]
    # The RA without a conclusion is kept for export but not drawn, and said so.
    assert doc.dialogue is not None and doc.dialogue.node("d").type == "RA"
    assert any("'d' has 0 conclusions" in w for w in imported.warnings)


def test_title_comes_from_the_file_name(fixtures_dir: Path) -> None:
    assert read_aif(fixtures_dir / "ova3_save.json").doc.title == "ova3_save"


def _error(data: str | bytes) -> AifError:
    with pytest.raises(AifError) as info:
        loads_aif(data, "bad.json")
    return info.value


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        ("{nodes: []}", "$", "not valid JSON"),
        ("[1, 2]", "$", "expected an object"),
        ('{"edges": []}', "$", "no 'nodes' list"),
        ('{"nodes": {}}', "$.nodes", "must be a list"),
        ('{"nodes": [3]}', "$.nodes[0]", "must be an object"),
        ('{"nodes": [{"type": "I"}]}', "$.nodes[0]", "no 'nodeID'"),
        ('{"nodes": [{"nodeID": true, "type": "I"}]}', "$.nodes[0].nodeID", "string or an int"),
        ('{"nodes": [{"nodeID": "1"}]}', "$.nodes[0].type", "no type"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": {}}]}', "$.nodes[0].text", "string"),
        (
            '{"nodes": [{"nodeID": "1", "type": "I", "text": "a"},'
            ' {"nodeID": 1, "type": "I", "text": "b"}]}',
            "$.nodes[1].nodeID",
            "duplicate nodeID '1'",
        ),
        ('{"nodes": [], "edges": [{"fromID": "1"}]}', "$.edges[0]", "no 'toID'"),
        ('{"AIF": [], "OVA": {}}', "$.AIF", "must be an object"),
        (
            '{"AIF": {"nodes": [{"nodeID": "1", "type": "I"}]},'
            ' "OVA": {"nodes": [{"nodeID": "1", "x": "left", "y": 0}]}}',
            "$.OVA.nodes[0].x",
            "'left' is not a number",
        ),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": NaN}]}', "$", "not valid JSON"),
        (b"\xff\xfe{}", "$", "not UTF-8"),
    ],
)
def test_malformed_files_name_the_file_the_place_and_the_problem(
    data: str | bytes, where: str, words: str
) -> None:
    error = _error(data)
    assert error.where == where
    assert words in str(error)
    assert str(error).startswith("bad.json: ")


def test_deeply_nested_json_is_refused_cleanly() -> None:
    deep = '{"nodes": [], "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert "nested too deeply" in str(_error(deep))


def test_huge_integer_is_refused_cleanly() -> None:
    error = _error('{"nodes": [{"nodeID": ' + "9" * 5000 + ', "type": "I"}]}')
    assert "not valid JSON" in str(error)


def test_oversized_file_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aif_model, "MAX_BYTES", 100)
    assert "more than the 100 allowed" in str(_error('{"nodes": []}' + " " * 200))


def test_too_many_nodes_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("argmap.interop.aif_reader.MAX_NODES", 2)
    nodes = [{"nodeID": str(n), "type": "I", "text": "x"} for n in range(3)]
    error = _error(json.dumps({"nodes": nodes}))
    assert error.where == "$.nodes" and "3 entries" in str(error)


def test_unreadable_file_is_an_aif_error(tmp_path: Path) -> None:
    with pytest.raises(AifError, match="cannot read"):
        read_aif(tmp_path / "absent.json")


def _cyclic_aif() -> dict[str, object]:
    nodes = [{"nodeID": n, "type": "I", "text": f"claim {n}"} for n in ("a", "b", "c")]
    nodes += [{"nodeID": r, "type": "RA"} for r in ("r1", "r2", "r3")]
    nodes += [{"nodeID": c, "type": "CA"} for c in ("c1", "c2", "c3")]
    edges = [
        ("a", "r1"), ("r1", "b"), ("b", "r2"), ("r2", "a"),  # a supports b supports a
        ("c", "r3"), ("r3", "c"),  # c supports itself
        ("c", "c1"), ("c1", "c2"), ("a", "c2"), ("c2", "c1"),  # c1 and c2 undercut each other
        ("b", "c3"), ("c3", "c3"),  # c3 undercuts itself
    ]  # fmt: skip
    return {
        "nodes": nodes,
        "edges": [{"edgeID": str(k), "fromID": f, "toID": t} for k, (f, t) in enumerate(edges)],
    }


def test_loops_the_map_may_not_hold_stay_aif_nodes_and_the_map_is_valid() -> None:
    imported = loads_aif(json.dumps(_cyclic_aif()))
    doc = imported.doc
    assert validate(doc) == []
    drawn = {i.id for i in doc.inferences}
    assert len(drawn & {"i-r1", "i-r2"}) == 1  # one support of the loop is drawn
    assert "i-r3" not in drawn and "i-c3" not in drawn
    assert doc.inference("i-c1").conclusion == "i-c2"  # mutual undercuts are allowed
    assert doc.inference("i-c2").conclusion == "i-c1"
    assert doc.dialogue is not None
    assert len(doc.dialogue.nodes) == 3
    assert len(imported.warnings) == 3
    assert any("support cycle" in w for w in imported.warnings)
    exported = json.loads(dumps_aif(doc))
    assert {(e["fromID"], e["toID"]) for e in exported["edges"]} == {
        (e["fromID"], e["toID"])
        for e in _cyclic_aif()["edges"]  # type: ignore[attr-defined]
    }


def test_undercut_chain_on_an_undrawable_node_is_kept_not_drawn() -> None:
    # c1 -> c2 -> r (an RA with no premise): none of them can be drawn.
    data = {
        "nodes": [
            {"nodeID": "x", "type": "I", "text": "x"},
            {"nodeID": "y", "type": "I", "text": "y"},
            {"nodeID": "r", "type": "RA"},
            {"nodeID": "c1", "type": "CA"},
            {"nodeID": "c2", "type": "CA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "r", "toID": "y"},
            {"edgeID": "2", "fromID": "x", "toID": "c2"},
            {"edgeID": "3", "fromID": "c2", "toID": "r"},
            {"edgeID": "4", "fromID": "x", "toID": "c1"},
            {"edgeID": "5", "fromID": "c1", "toID": "c2"},
        ],
    }
    imported = loads_aif(json.dumps(data))
    assert imported.doc.inferences == []
    assert imported.doc.dialogue is not None
    assert sorted(n.id for n in imported.doc.dialogue.nodes) == ["c1", "c2", "r"]
    assert len(imported.warnings) == 3


def test_edges_to_unknown_nodes_are_left_out_with_a_warning() -> None:
    data = {
        "nodes": [{"nodeID": "1", "type": "I", "text": "x"}],
        "edges": [{"edgeID": "9", "fromID": "1", "toID": "404"}],
    }
    imported = loads_aif(json.dumps(data))
    assert imported.warnings == ["$.edges[0]: edge points at unknown node '404'; left out"]


def test_the_dialogue_tells_who_said_each_statement() -> None:
    doc = read_aif(FIXTURES / "ova3_save.json").doc
    assert doc.dialogue is not None
    said = {s.text: doc.dialogue.said(s.id) for s in doc.statements}
    assert said == {
        "Kyiv will not cede territory": [("Asserting", "Zelensky : We will not cede territory")],
        "The constitution forbids ceding territory": [
            ("Asserting", "Zelensky : The constitution forbids it")
        ],
    }
    assert doc.dialogue.said("no-such-statement") == []


@pytest.mark.parametrize(
    ("nodes", "message"),
    [
        ("{}", "$.nodes: must be a list, not an object"),
        ('"x"', "$.nodes: must be a list, not a string"),
        ("true", "$.nodes: must be a list, not a boolean"),
        ("3.5", "$.nodes: must be a list, not a number"),
        ("[[]]", "$.nodes[0]: must be an object, not a list"),
        (
            '[{"nodeID": [], "type": "I"}]',
            "$.nodes[0].nodeID: id must be a string or an integer, not a list",
        ),
        (
            '[{"nodeID": "1", "type": "I", "text": null},'
            ' {"nodeID": "2", "type": "I", "text": true}]',
            "$.nodes[1].text: text must be a string, not a boolean",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_named_in_plain_words(nodes: str, message: str) -> None:
    assert str(_error('{"nodes": ' + nodes + "}")) == f"bad.json: {message}"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("talks.aif.json", "talks"),
        ("talks.ova.json", "talks"),
        ("talks.json", "talks"),
        ("TALKS.AIF.JSON", "TALKS"),
        ("talks.v2.json", "talks.v2"),
    ],
)
def test_the_title_is_the_file_name_without_its_suffix(
    tmp_path: Path, name: str, title: str
) -> None:
    path = tmp_path / name
    path.write_text('{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}]}', encoding="utf-8")
    assert read_aif(path).doc.title == title


def test_an_unreadable_file_names_itself_and_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "absent.json"
    with pytest.raises(AifError) as info:
        read_aif(path)
    assert info.value.where == "$"
    assert str(info.value).startswith(f"{path}: $: cannot read: ")
    assert "No such file" in str(info.value)


_TWO = '{"nodeID": "1", "type": "I", "text": "a"}, {"nodeID": "2", "type": "RA"}'


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            '{"nodes": [' + _TWO + '], "edges": [{"fromID": [], "toID": "2"}]}',
            "$.edges[0].fromID: id must be a string or an integer, not a list",
        ),
        (
            '{"nodes": [' + _TWO + '], "edges": [{"fromID": "1", "toID": {}}]}',
            "$.edges[0].toID: id must be a string or an integer, not an object",
        ),
        (
            '{"nodes": [' + _TWO + '], "edges": [{"edgeID": "", "fromID": "1", "toID": "2"}]}',
            "$.edges[0].edgeID: id is empty",
        ),
        (
            '{"AIF": {"nodes": [' + _TWO + ']}, "OVA": {"nodes": [{"nodeID": "1", "x": 0,'
            ' "y": true}]}}',
            "$.OVA.nodes[0].y: coordinate must be a number, not a boolean",
        ),
        (
            '{"AIF": {"nodes": [' + _TWO + ']}, "OVA": {"nodes": [{"nodeID": [], "x": 0}]}}',
            "$.OVA.nodes[0].nodeID: id must be a string or an integer, not a list",
        ),
    ],
)
def test_edge_and_layout_errors_name_the_file_and_the_place(data: str, message: str) -> None:
    assert str(_error(data)) == f"bad.json: {message}"


@pytest.mark.parametrize(
    ("value", "number"),
    [(12, 12.0), (-3.5, -3.5), (" 40.25 ", 40.25), ("1e3", 1000.0)],
)
def test_ova_coordinates_may_be_numbers_or_numeric_text(value: object, number: float) -> None:
    assert aif_model.coordinate(value, "f.json", "$.x") == number


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "coordinate must be a number, not a boolean"),
        (None, "coordinate must be a number, not null"),
        ([1], "coordinate must be a number, not a list"),
        ("left", "coordinate 'left' is not a number"),
        ("x" * 60, f"coordinate {'x' * 40!r} is not a number"),
        ("inf", "coordinate 'inf'… is not a finite number"),
        (10**400, "coordinate 100000000000… (401 digits) is off the canvas (at most 1e+08)"),
    ],
)
def test_a_coordinate_that_is_no_number_is_refused_in_words(value: object, message: str) -> None:
    with pytest.raises(AifError) as refused:
        aif_model.coordinate(value, "f.json", "$.OVA.nodes[0].x")
    assert str(refused.value) == f"f.json: $.OVA.nodes[0].x: {message}"


def test_unknown_nodes_in_edges_schemes_and_layout_are_left_out_with_a_warning() -> None:
    imported = loads_aif(
        json.dumps(
            {
                "AIF": {
                    "nodes": [
                        {"nodeID": "1", "type": "I", "text": "a"},
                        {"nodeID": "2", "type": "I", "text": "b"},
                        {"nodeID": "3", "type": "RA"},
                    ],
                    "edges": [
                        {"fromID": "9", "toID": "3"},
                        {"fromID": "1", "toID": "3"},
                        {"fromID": "3", "toID": "8"},
                        {"fromID": "3", "toID": "2"},
                    ],
                    "schemefulfillments": [{"nodeID": "7", "schemeID": "12"}],
                },
                "OVA": {"nodes": [{"nodeID": "6", "x": 1, "y": 2}], "zoom": 2},
            }
        ),
        "talks.json",
    )
    assert imported.warnings == [
        "$.AIF.edges[0]: edge points at unknown node '9'; left out",
        "$.AIF.edges[2]: edge points at unknown node '8'; left out",
        "$.AIF.schemefulfillments[0]: scheme for unknown node '7'; left out",
        "$.OVA.nodes[0]: layout for unknown node '6'; left out",
    ]
    doc = imported.doc
    assert [(i.id, i.premises, i.conclusion) for i in doc.inferences] == [("i-3", ["s-1"], "s-2")]
    assert doc.dialogue is not None and doc.dialogue.ova_extra == {"zoom": 2}
