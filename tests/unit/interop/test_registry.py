"""The format registry: names, suffixes, guessing from names and content, read/write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.interop import (
    FORMATS,
    SNIFF_BYTES,
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


def _padded(data: dict[str, object], size: int) -> str:
    """``data`` as JSON of at least ``size`` bytes, the padding at the end."""
    text = json.dumps(data)
    return text[:-1] + ', "padding": "' + "x" * size + '"}'


def test_a_big_json_file_is_told_by_its_first_bytes(tmp_path: Path, sample_map: ArgMap) -> None:
    native = tmp_path / "native.json"  # the .json suffix alone would say AIF
    native.write_text(_padded(json.loads(sample_map.model_dump_json()), 2 * SNIFF_BYTES))
    assert guess_format(native).name == "argmap"
    aif = tmp_path / "aif.argmap.json"  # the suffix alone would say argmap
    aif.write_text(_padded({"nodes": [], "edges": []}, 2 * SNIFF_BYTES))
    assert guess_format(aif).name == "aif"
    ova = tmp_path / "ova.argmap.json"
    ova.write_text(_padded({"AIF": {}, "OVA": {}}, 2 * SNIFF_BYTES))
    assert guess_format(ova).name == "aif"
    neither = tmp_path / "other.argmap.json"  # a big file unlike both: the suffix decides
    neither.write_text(_padded({"title": "x"}, 2 * SNIFF_BYTES))
    assert guess_format(neither).name == "argmap"


def test_a_small_json_file_is_parsed_before_the_suffix_decides(tmp_path: Path) -> None:
    native = tmp_path / "n.json"
    native.write_text('{"version": 1,\n "format" :"argmap"}', encoding="utf-8")  # spaced
    assert guess_format(native).name == "argmap"
    other = tmp_path / "o.argmap.json"
    other.write_text('{"format": "other"}', encoding="utf-8")
    assert guess_format(other).name == "argmap"  # not AIF either: the suffix stands
    broken = tmp_path / "b.json"
    broken.write_text("{not json", encoding="utf-8")
    assert guess_format(broken).name == "aif"
    latin = tmp_path / "l.json"
    latin.write_bytes(b'{"format": "argmap", "title": "caf\xe9"}')  # not UTF-8
    assert guess_format(latin).name == "argmap"


def test_a_json_file_that_cannot_be_read_is_named_in_the_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(InteropError) as info:
        guess_format(folder)
    assert str(info.value).startswith(f"{folder}: cannot read: ")


def test_name_errors_say_which_option_to_pass() -> None:
    with pytest.raises(FormatError) as reading:
        guess_format(Path("notes.txt"))
    assert str(reading.value) == (
        "notes.txt: cannot tell the format from the file name; name it with a known suffix "
        "or pass --from (formats: argmap, aif, ova, argdown, graphml, dot, markdown, ach-csv)"
    )
    with pytest.raises(FormatError, match="or pass --to "):
        guess_format(Path("notes.txt"), for_writing=True)
    with pytest.raises(FormatError) as unknown:
        get_format("pdf")
    assert str(unknown.value).startswith("pdf: unknown format")


def test_a_map_that_cannot_be_written_names_the_file(tmp_path: Path, sample_map: ArgMap) -> None:
    target = tmp_path / "missing-folder" / "m.dot"
    with pytest.raises(InteropError) as info:
        write_map(sample_map, target)
    assert str(info.value).startswith(f"{target}: cannot write: ")
    assert not target.parent.exists()
