"""Every refusal to open or save a map names the file and carries its stable code.

The code is what ``argmap validate --json`` and ``argmap doctor --json`` report for
scripts; the file name starts the message the user reads.
"""

from __future__ import annotations

import errno
import gc
import json
import os
from pathlib import Path
from typing import Any

import pytest

from argmap.io import atomic_write, json_reading, map_file
from argmap.io.map_file import MapFileError, dumps_map, load_map, loads_map, save_map
from argmap.model import ArgMap, Inference, Statement, StatementKind

NAME = "m.argmap.json"


def small_map() -> ArgMap:
    return ArgMap(
        title="Talks",
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="Talks start"),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Envoys met"),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-1")],
    )


def refusal(text: str | bytes) -> MapFileError:
    with pytest.raises(MapFileError) as caught:
        loads_map(text, NAME)
    return caught.value


def only_problem(error: MapFileError) -> tuple[str, str, str]:
    (problem,) = error.problems
    return problem.code, problem.path, problem.severity


@pytest.mark.parametrize(
    ("text", "code", "path"),
    [
        ("[1, 2]", "not-object", ""),
        ("{}", "not-argmap", "format"),
        ('{"format": "mindmap"}', "not-argmap", "format"),
        ('{"format": "argmap"}', "wrong-type", "version"),
        ('{"format": "argmap", "version": "1"}', "wrong-type", "version"),
        ('{"format": "argmap", "version": 3}', "newer-version", "version"),
        ('{"format": "argmap", "version": -1}', "unknown-version", "version"),
        ("  \n", "not-json", ""),
        ('{"format": "argmap",', "not-json", ""),
        (b'{"title": "caf\xe9"}', "encoding", ""),
    ],
)
def test_a_file_that_is_not_a_map_argmap_reads_says_why_in_a_stable_code(
    text: str | bytes, code: str, path: str
) -> None:
    error = refusal(text)
    assert only_problem(error) == (code, path, "error")
    assert str(error).startswith(f"{NAME}: ")


def test_a_folder_is_refused_as_unreadable_by_name(tmp_path: Path) -> None:
    with pytest.raises(MapFileError) as caught:
        load_map(tmp_path)
    assert str(caught.value) == f"{tmp_path}: this is a folder, not a map file"
    assert only_problem(caught.value) == ("unreadable", "", "error")


def test_a_device_is_refused_as_unreadable_by_name() -> None:
    with pytest.raises(MapFileError) as caught:
        load_map("/dev/null")
    assert str(caught.value) == "/dev/null: this is not a regular file"
    assert only_problem(caught.value) == ("unreadable", "", "error")


def test_a_missing_file_is_refused_as_unreadable(tmp_path: Path) -> None:
    with pytest.raises(MapFileError) as caught:
        load_map(tmp_path / "gone.argmap.json")
    assert only_problem(caught.value) == ("unreadable", "", "error")


def test_a_sparse_file_over_the_limit_is_refused_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "huge.argmap.json"
    with open(path, "wb") as handle:
        handle.truncate(json_reading.MAX_FILE_BYTES + 1)
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert str(caught.value).startswith(f"{path}: the file is 64.0 MB")


def test_bytes_over_the_limit_given_directly_are_refused_by_their_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(map_file, "MAX_FILE_BYTES", 2**20)
    monkeypatch.setattr(json_reading, "MAX_FILE_BYTES", 2**20)
    error = refusal(b" " * (2**20 + 2**19))
    assert str(error) == f"{NAME}: the file is 1.5 MB; a map file may be at most 1 MB"
    assert only_problem(error) == ("too-big", "", "error")


def test_text_over_the_limit_is_named_when_no_name_is_given() -> None:
    with pytest.raises(MapFileError) as caught:
        loads_map("[]")
    assert str(caught.value) == "<string>: the top level is a list; a map is a JSON object"


def test_a_map_that_would_be_too_big_to_open_again_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.argmap.json"
    size = len(dumps_map(small_map()).encode("utf-8"))
    monkeypatch.setattr(map_file, "MAX_FILE_BYTES", size - 1)
    with pytest.raises(MapFileError) as caught:
        save_map(small_map(), path)
    assert only_problem(caught.value) == ("too-big", "", "error")
    assert str(caught.value).startswith(f"{path}: not written: the map would be ")
    assert not path.exists()


def test_a_map_exactly_at_the_limit_is_written_and_opens_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.argmap.json"
    size = len(dumps_map(small_map()).encode("utf-8"))
    monkeypatch.setattr(map_file, "MAX_FILE_BYTES", size)
    monkeypatch.setattr(json_reading, "MAX_FILE_BYTES", size)
    save_map(small_map(), path)
    assert path.stat().st_size == size
    assert load_map(path) == small_map()


def test_a_file_exactly_at_the_limit_is_read_to_its_last_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.argmap.json"
    data = dumps_map(small_map()).rstrip("\n").encode("utf-8")  # ends with its last "}"
    path.write_bytes(data)
    monkeypatch.setattr(map_file, "MAX_FILE_BYTES", len(data))
    monkeypatch.setattr(json_reading, "MAX_FILE_BYTES", len(data))
    assert load_map(path) == small_map()


def test_an_older_file_exactly_at_the_limit_is_upgraded_not_called_too_big(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = dumps_map(small_map()).replace('"version": 2', '"version": 1').encode("utf-8")
    monkeypatch.setattr(map_file, "MAX_FILE_BYTES", len(data))
    monkeypatch.setattr(json_reading, "MAX_FILE_BYTES", len(data))
    result = map_file.loads_map_with_report(data, NAME)
    assert result.migrated_from == 1


# --- saving --------------------------------------------------------------------------


def test_a_map_with_errors_is_not_saved_and_each_problem_keeps_its_place_and_code(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.argmap.json"
    doc = small_map()
    doc.inferences[0].conclusion = "s-404"
    with pytest.raises(MapFileError) as caught:
        save_map(doc, path)
    assert str(caught.value).startswith(f"{path}: inferences[0].conclusion: not saved: ")
    (problem,) = caught.value.problems
    assert (problem.path, problem.severity, problem.code) == (
        "inferences[0].conclusion",
        "error",
        "dangling-reference",
    )
    assert not path.exists()


def test_a_map_whose_fields_break_their_own_rules_is_not_saved(tmp_path: Path) -> None:
    # Code that sets a field past the model (no validation) must not reach the disk.
    path = tmp_path / "m.argmap.json"
    save_map(small_map(), path)
    before = path.read_bytes()
    doc = small_map()
    doc.statements[0].__dict__["id"] = ""
    with pytest.raises(MapFileError) as caught:
        save_map(doc, path)
    assert caught.value.path == str(path)
    assert [p.message for p in caught.value.problems][0].startswith("not saved: ")
    assert caught.value.problems[0].path == "statements[0].id"
    assert path.read_bytes() == before


def test_a_map_json_cannot_carry_is_refused_under_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    doc = small_map()
    doc.statements[0].__dict__["credibility"] = float("nan")
    with pytest.raises(MapFileError) as caught:
        save_map(doc, path)
    assert caught.value.path == str(path)
    assert caught.value.problems[0].code == "unsavable"
    assert not path.exists()


def test_text_that_cannot_be_utf8_is_refused_naming_the_character(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    doc = small_map()
    doc.statements[0].text = "café \udc80"
    with pytest.raises(MapFileError) as caught:
        save_map(doc, path)
    assert str(caught.value) == (
        f"{path}: the map holds text that cannot be saved as UTF-8 (character '\\udc80')"
    )
    assert only_problem(caught.value) == ("unsavable", "", "error")
    assert not path.exists()


def _disk_full(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_failed_write_is_coded_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.argmap.json"
    monkeypatch.setattr(atomic_write.os, "fsync", _disk_full)
    with pytest.raises(MapFileError) as caught:
        save_map(small_map(), path)
    assert only_problem(caught.value) == ("unwritable", "", "error")


def test_saving_without_backup_leaves_no_bak_file(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(small_map(), path)
    save_map(small_map(), path, backup=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap.json"]


def test_every_repeated_key_is_named_once_in_quotes() -> None:
    error = refusal(
        '{"format": "argmap", "version": 2, "title": "a", "title": "b", '
        '"question": null, "question": null, "title": "c"}'
    )
    assert str(error) == (
        f'{NAME}: an object repeats the key "question", "title"; only one value per key is allowed'
    )
    assert only_problem(error) == ("duplicate-key", "", "error")


# --- the careful reader names the file too ---------------------------------------------


def old_version(text: str) -> str:
    return text.replace('"version": 2', '"version": 1')


def test_an_older_map_with_a_dangling_reference_is_refused_by_name() -> None:
    doc = small_map()
    doc.inferences[0].__dict__["conclusion"] = "s-404"
    error = refusal(old_version(dumps_map(doc)))
    assert str(error).startswith(f"{NAME}: inferences[0].conclusion: ")
    assert [p.code for p in error.problems] == ["dangling-reference"]


def test_a_map_missing_a_required_field_is_refused_by_name() -> None:
    raw = json.loads(dumps_map(small_map()))
    del raw["inferences"][0]["conclusion"]
    error = refusal(json.dumps(raw))
    assert str(error) == f"{NAME}: inferences[0].conclusion: is required but missing"


def test_a_repair_tool_sees_the_warnings_beside_the_values_set_aside() -> None:
    raw = json.loads(dumps_map(small_map()))
    raw["title"] = 42  # set aside: a wrong type
    raw["view"]["collapsed"] = ["s-404"]  # a warning: collapses a statement not in the map
    with pytest.raises(MapFileError) as caught:
        map_file.loads_map_with_report(json.dumps(raw), NAME, allow_errors=True)
    severities = sorted({p.severity for p in caught.value.problems})
    assert severities == ["error", "warning"]
    with pytest.raises(MapFileError) as caught:
        map_file.loads_map_with_report(json.dumps(raw), NAME)
    assert {p.severity for p in caught.value.problems} == {"error"}


def test_a_map_given_as_text_without_a_name_is_called_string() -> None:
    with pytest.raises(MapFileError) as caught:
        map_file.loads_map_with_report("{}")
    assert str(caught.value).startswith("<string>: format: ")


def test_loading_leaves_the_garbage_collector_on() -> None:
    assert gc.isenabled()
    loads_map(dumps_map(small_map()))
    assert gc.isenabled()
    refusal("{}")
    assert gc.isenabled()


# --- warnings: loaded unless asked to be strict ------------------------------------------


def drifted_map_text() -> str:
    """A map whose collapsed list names a statement it does not hold: a warning only."""
    raw = json.loads(dumps_map(small_map()))
    raw["view"]["collapsed"] = ["s-404"]
    return json.dumps(raw)


def test_a_map_with_only_warnings_opens_unless_strict(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    path.write_text(drifted_map_text(), encoding="utf-8")
    assert loads_map(drifted_map_text()).title == "Talks"
    assert load_map(path).title == "Talks"
    with pytest.raises(MapFileError) as caught:
        loads_map(drifted_map_text(), NAME, strict=True)
    assert str(caught.value).startswith(f"{NAME}: view.collapsed")
    with pytest.raises(MapFileError) as caught:
        load_map(path, strict=True)
    assert str(caught.value).startswith(f"{path}: view.collapsed")


def test_a_broken_file_opened_for_its_report_is_refused_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    doc = small_map()
    doc.inferences[0].__dict__["conclusion"] = "s-404"
    path.write_text(dumps_map(doc), encoding="utf-8")
    with pytest.raises(MapFileError) as caught:
        map_file.load_map_with_report(path)
    assert str(caught.value).startswith(f"{path}: inferences[0].conclusion: ")
    result = map_file.load_map_with_report(path, allow_errors=True)
    assert [p.code for p in result.errors] == ["dangling-reference"]
