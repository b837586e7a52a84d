"""The format registry: names, suffixes, guessing from names and content, read/write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.interop import (
    FORMATS,
    FormatError,
    InteropError,
    get_format,
    guess_format,
    read_map,
    readable,
    writable,
    write_map,
)
from argmap.model import ArgMap

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "aif"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("map.argmap.json", "argmap"),
        ("MAP.ARGMAP.JSON", "argmap"),
        ("talks.json", "aif"),
        ("talks.aif.json", "aif"),
        ("talks.ova.json", "ova"),
        ("talks.argdown", "argdown"),
        ("talks.ad", "argdown"),
        ("talks.graphml", "graphml"),
        ("talks.gv", "dot"),
        ("talks.dot", "dot"),
        ("report.md", "markdown"),
        ("ach.csv", "ach-csv"),
    ],
)
def test_output_formats_are_guessed_from_the_name(name: str, expected: str) -> None:
    assert guess_format(Path(name), for_writing=True).name == expected


def test_a_json_file_to_read_is_recognised_by_its_content(
    tmp_path: Path, sample_map: ArgMap
) -> None:
    native = tmp_path / "plain.json"
    native.write_text(sample_map.model_dump_json(), encoding="utf-8")
    assert guess_format(native).name == "argmap"
    aif = tmp_path / "other.argmap.json"  # misnamed: when reading, the content wins
    aif.write_text((FIXTURES / "int_ids_schemes.json").read_text(encoding="utf-8"))
    assert guess_format(aif).name == "aif"
    assert guess_format(aif, for_writing=True).name == "argmap"
    assert guess_format(FIXTURES / "ova3_save.json").name == "aif"
    tiny = tmp_path / "tiny.json"
    tiny.write_text(json.dumps({"edges": [], "nodes": []}), encoding="utf-8")
    assert guess_format(tiny).name == "aif"


def test_unknown_names_and_formats_are_clear_errors() -> None:
    with pytest.raises(FormatError, match="pass --from"):
        guess_format(Path("notes.txt"))
    with pytest.raises(FormatError, match="unknown format; known formats: argmap, aif"):
        get_format("pdf")
    assert get_format("AIF") is FORMATS["aif"]


def test_directions_and_dialog_filters() -> None:
    assert {f.name for f in readable()} == {"argmap", "aif", "ova", "argdown"}
    assert {f.name for f in writable()} == set(FORMATS)
    assert FORMATS["argdown"].dialog_filter == "Argdown (*.argdown *.ad)"


def test_reading_a_write_only_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.dot"
    path.write_text("digraph {}\n", encoding="utf-8")
    with pytest.raises(FormatError, match="cannot read Graphviz DOT files"):
        read_map(path)


def test_an_argdown_file_reads_through_the_registry(tmp_path: Path) -> None:
    path = tmp_path / "x.argdown"
    path.write_text("[a]: b\n  + [c]: d\n", encoding="utf-8")
    imported = read_map(path)
    assert [s.text for s in imported.doc.statements] == ["b", "d"]
    assert imported.doc.title == "x"


def test_write_then_read_a_map_through_the_registry(tmp_path: Path, sample_map: ArgMap) -> None:
    path = tmp_path / "m.argmap.json"
    assert write_map(sample_map, path).name == "argmap"
    assert read_map(path).doc == sample_map
    aif = tmp_path / "m.json"
    write_map(sample_map, aif)
    back = read_map(aif).doc
    assert sorted(s.text for s in back.statements) == sorted(s.text for s in sample_map.statements)
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary files left behind


def test_a_broken_map_file_names_the_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.argmap.json"
    path.write_text('{"format": "argmap", "version": 1, "statements": [{"id": ""}]}')
    with pytest.raises(InteropError) as info:
        read_map(path)
    assert str(info.value).startswith(str(path))
    assert "statements" in str(info.value)
