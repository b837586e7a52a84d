"""Loading hostile or broken files gives clear errors; saving is atomic and keeps a backup."""

from __future__ import annotations

import errno
import json
import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from layout_maps import synthetic_map

from argmap.io import atomic_write
from argmap.io.map_file import (
    MAX_FILE_BYTES,
    MAX_NESTING,
    MapFileError,
    dumps_map,
    load_map,
    load_map_with_report,
    loads_map,
    loads_map_with_report,
    nesting_depth,
    save_map,
)
from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind

TEXT = "Sanctions bite. The elites grumble. Talks may start."


def sample() -> ArgMap:
    return ArgMap(
        title="Élite discontent — «test»",
        sources=[Source.from_text("src-1", TEXT, title="Note")],
        quotes=[Quote.from_range("q-1", "src-1", TEXT, 0, 15)],
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="Talks"),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Sanctions", quotes=["q-1"]),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-1")],
    )


def raw_sample() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps_map(sample()))
    return data


def error_of(text: str | bytes, name: str = "m.argmap.json") -> MapFileError:
    with pytest.raises(MapFileError) as caught:
        loads_map(text, name)
    return caught.value


# --- dumping -------------------------------------------------------------------------


def test_dump_is_indented_utf8_in_field_order_with_final_newline() -> None:
    text = dumps_map(sample())
    assert text.endswith("}\n")
    assert '\n  "format": "argmap",\n  "version": 2,\n  "title": "Élite' in text
    keys = list(json.loads(text))
    assert keys == list(ArgMap.model_fields)
    assert "\\u" not in text  # non-ASCII stays readable


def test_dump_load_dump_is_stable() -> None:
    once = dumps_map(sample())
    assert dumps_map(loads_map(once)) == once


def test_dump_refuses_non_finite_numbers() -> None:
    doc = sample()
    doc.view.pinned["s-1"] = (float("nan"), 1.0)
    with pytest.raises(MapFileError, match="cannot be written as JSON"):
        dumps_map(doc)


# --- loading: file level ---------------------------------------------------------------


def test_load_round_trips_a_saved_file(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    assert load_map(path) == sample()


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.argmap.json"
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: cannot read the file: the file or folder does not exist"


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(MapFileError, match="this is a folder, not a map file"):
        load_map(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.argmap.json"
    path.write_text(dumps_map(sample()), encoding="utf-8")
    path.chmod(0)
    with pytest.raises(MapFileError, match="permission denied"):
        load_map(path)


def test_device_is_not_a_map() -> None:
    with pytest.raises(MapFileError, match="not a regular file"):
        load_map("/dev/null")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.argmap.json"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert caught.value.problems[0].code == "too-big"
    assert "64 MB" in str(caught.value)


def test_binary_file() -> None:
    error = error_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert error.problems[0].code == "binary"
    assert "binary file" in str(error)


def test_utf16_file_is_explained() -> None:
    error = error_of(dumps_map(sample()).encode("utf-16"))
    assert "UTF-16" in str(error)


def test_invalid_utf8_says_where() -> None:
    data = b'{\n  "format": "argmap",\n  "title": "caf\xe9"\n}'
    error = error_of(data)
    assert str(error) == (
        "m.argmap.json: the file is not UTF-8 text: byte 0xe9 at line 3, column 16 "
        "cannot be decoded"
    )


def test_utf8_bom_is_accepted() -> None:
    text = dumps_map(sample())
    assert loads_map(b"\xef\xbb\xbf" + text.encode("utf-8")) == sample()
    assert loads_map("\ufeff" + text) == sample()


def test_empty_file() -> None:
    assert str(error_of(b"  \n")) == "m.argmap.json: the file is empty"


def test_not_json_gives_line_and_column() -> None:
    error = error_of('{\n  "format": "argmap",\n  "version": 1 "title": ""\n}')
    assert str(error) == (
        "m.argmap.json: the file is not valid JSON: Expecting ',' delimiter at line 3, column 16"
    )


@pytest.mark.parametrize("fraction", [0.1, 0.25, 0.33, 0.5, 0.66, 0.75, 0.9, 0.99])
def test_truncated_file_is_called_truncated_wherever_it_was_cut(fraction: float) -> None:
    text = dumps_map(sample())
    error = error_of(text[: int(len(text) * fraction)])
    assert "ends too early (is it truncated?)" in str(error)


@pytest.mark.parametrize("text", ["bad", "{}x", '{"title": nope}', "hello world"])
def test_garbage_is_not_called_truncated(text: str) -> None:
    error = error_of(text)
    assert "truncated" not in str(error)
    assert "not valid JSON" in str(error)


def test_a_syntax_error_mid_file_is_not_called_truncated() -> None:
    text = dumps_map(sample())
    middle = text.index("\n", len(text) // 2) + 1  # between two lines, outside any string
    error = error_of(text[:middle] + "}}}" + text[middle:])
    assert "truncated" not in str(error)
    assert "line" in str(error)


def test_nan_is_not_json() -> None:
    error = error_of('{"format": "argmap", "version": 1, "view": {"pinned": {"s": [NaN, 1]}}}')
    assert "NaN is not a number JSON allows" in str(error)


def test_repeated_key_is_refused() -> None:
    error = error_of('{"format": "argmap", "version": 1, "title": "a", "title": "b"}')
    assert error.problems[0].code == "duplicate-key"
    assert '"title"' in str(error)


def test_lone_surrogate_escape_is_refused() -> None:
    error = error_of('{"format": "argmap", "version": 1, "title": "x\\udc00"}')
    assert "\\udc00 at line 1, column 47 is half of a UTF-16 pair" in str(error)


def test_deep_nesting_is_refused_before_parsing() -> None:
    depth = 100_000  # far beyond Python's recursion limit
    error = error_of(
        '{"format": "argmap", "version": 1, "title": ' + "[" * depth + "]" * depth + "}"
    )
    assert error.problems[0].code == "too-deep"
    assert f"at most {MAX_NESTING}" in str(error)


def test_nesting_depth_ignores_brackets_in_strings() -> None:
    assert nesting_depth(json.dumps({"a": ["[[{", '\\"]]', {"b": "}}"}]})) == 3
    assert nesting_depth(dumps_map(sample())) < 8


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "the top level is a list; a map is a JSON object"),
        ('"map"', 'the top level is the text "map"; a map is a JSON object'),
        ("{}", 'format: there is no "format": "argmap" entry, so this is not an argmap map'),
        (
            '{"format": "mindmap"}',
            'format: "format" is the text "mindmap", not "argmap", so this is not an argmap map',
        ),
        (
            '{"format": "argmap"}',
            "version: the format version should be a whole number, but is missing",
        ),
        (
            '{"format": "argmap", "version": "1"}',
            'version: the format version should be a whole number, but is the text "1"',
        ),
        (
            '{"format": "argmap", "version": 3}',
            "version: made by a newer version of argmap (file version 3, this argmap reads "
            "up to 2); nothing was changed",
        ),
        (
            '{"format": "argmap", "version": -1}',
            "version: format version -1 is not one argmap ever wrote",
        ),
    ],
)
def test_header_problems(text: str, message: str) -> None:
    assert str(error_of(text)) == f"m.argmap.json: {message}"


# --- loading: types and references -----------------------------------------------------


def test_wrong_types_are_listed_in_plain_words_with_paths() -> None:
    raw = raw_sample()
    raw["statements"][0]["kind"] = "hunch"
    raw["statements"][1]["text"] = 42
    raw["quotes"][0]["start"] = "0"
    raw["quotes"][0]["colour"] = "red"
    del raw["inferences"][0]["conclusion"]
    raw["inferences"][0]["strength"] = 3
    raw["view"]["pinned"] = {"s-1": [1.0]}
    error = error_of(json.dumps(raw))
    found = {p.path: p.message for p in error.problems}
    assert found == {
        "quotes[0].start": 'should be a whole number, but is the text "0"',
        "quotes[0].colour": "is not a field argmap knows (a typo, or made by a newer argmap?)",
        "statements[0].kind": (
            "should be one of 'question', 'scenario', 'claim', 'premise', 'evidence', "
            "'assumption' or 'objection', but is the text \"hunch\""
        ),
        "statements[1].text": "should be text, but is the number 42",
        "inferences[0].conclusion": "is required but missing",
        "inferences[0].strength": "should be at most 1.0, but is 3",
        'view.pinned["s-1"][1]': "is required but missing",
    }
    assert "pydantic" not in str(error)
    assert "type=" not in str(error)


def test_empty_premises_and_ids() -> None:
    raw = raw_sample()
    raw["inferences"][0]["premises"] = []
    raw["statements"][0]["id"] = ""
    messages = {p.path: p.message for p in error_of(json.dumps(raw)).problems}
    assert messages["inferences[0].premises"] == "should have at least 1 item(s)"
    assert messages["statements[0].id"] == "should not be empty"


def test_dangling_reference_refuses_to_load() -> None:
    raw = raw_sample()
    raw["statements"][1]["quotes"] = ["q-9"]
    error = error_of(json.dumps(raw))
    assert str(error) == (
        "m.argmap.json: statements[1].quotes[0]: statement 's-2' cites quote 'q-9', "
        "which does not exist"
    )


def test_many_problems_are_all_kept_but_str_is_capped() -> None:
    raw = raw_sample()
    raw["statements"][1]["quotes"] = [f"q-x{k}" for k in range(30)]
    error = error_of(json.dumps(raw))
    assert len(error.problems) == 30
    assert "… and 10 more problems" in str(error)
    assert str(error).count("\n  - ") == 21


def test_drifted_quote_loads_with_a_warning() -> None:
    raw = raw_sample()
    raw["sources"][0]["text"] = "Sanctions hurt. " + TEXT
    result = loads_map_with_report(json.dumps(raw))
    assert [p.code for p in result.warnings] == ["source-checksum", "quote-mismatch"]
    assert result.errors == []
    assert result.doc.quotes[0].exact == "Sanctions bite."
    with pytest.raises(MapFileError, match="does not match source 'src-1'"):
        loads_map(json.dumps(raw), strict=True)


def test_allow_errors_returns_a_broken_map_for_repair(tmp_path: Path) -> None:
    raw = raw_sample()
    raw["inferences"][0]["conclusion"] = "s-404"
    path = tmp_path / "broken.argmap.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    result = load_map_with_report(path, allow_errors=True)
    assert [p.code for p in result.errors] == ["dangling-reference"]
    assert result.doc.inferences[0].conclusion == "s-404"
    with pytest.raises(MapFileError):
        load_map(path)


# --- saving ----------------------------------------------------------------------------


def test_save_keeps_the_previous_file_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    first = sample()
    save_map(first, path)
    assert not (tmp_path / "m.argmap.json.bak").exists()
    second = sample()
    second.title = "Second"
    save_map(second, path)
    assert load_map(tmp_path / "m.argmap.json.bak") == first
    assert load_map(path).title == "Second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap.json", "m.argmap.json.bak"]


def test_save_keeps_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    path.chmod(0o640)
    save_map(sample(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~mask


def test_save_through_a_symlink_replaces_the_target(tmp_path: Path) -> None:
    real = tmp_path / "real.argmap.json"
    save_map(sample(), real)
    link = tmp_path / "link.argmap.json"
    link.symlink_to(real)
    doc = sample()
    doc.title = "via link"
    save_map(doc, link)
    assert link.is_symlink()
    assert load_map(real).title == "via link"


def _fails_with(errno_code: int) -> Any:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(errno_code, os.strerror(errno_code))

    return fail


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_failed_save_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    before = path.read_bytes()
    monkeypatch.setattr(atomic_write.os, step, _fails_with(errno.ENOSPC))
    doc = sample()
    doc.title = "lost?"
    with pytest.raises(MapFileError) as caught:
        save_map(doc, path, backup=False)
    monkeypatch.undo()
    assert str(caught.value) == (
        f"{path}: could not save: the disk is full; the previous file is unchanged"
    )
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["m.argmap.json"]


def test_failed_write_midway_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real_fdopen(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> None:
            self.handle.write(data[:10])
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic_write.os, "fdopen", HalfWriter)
    with pytest.raises(MapFileError, match="could not save: Input/output error"):
        save_map(sample(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.argmap.json"]


def test_save_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(MapFileError, match="could not save: the file or folder does not exist"):
        save_map(sample(), tmp_path / "no" / "m.argmap.json")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes everywhere")
def test_save_into_a_read_only_folder(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    before = path.read_bytes()
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(MapFileError, match="permission denied"):
            save_map(sample(), path)
    finally:
        tmp_path.chmod(0o700)
    assert path.read_bytes() == before


def test_save_refuses_a_map_with_errors_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    before = path.read_bytes()
    doc = sample()
    doc.statements[1].quotes.append("q-missing")
    with pytest.raises(MapFileError) as caught:
        save_map(doc, path)
    assert "not saved: statement 's-2' cites quote 'q-missing'" in str(caught.value)
    assert path.read_bytes() == before
    save_map(doc, tmp_path / "recovery.argmap.json", check=False)
    assert load_map_with_report(tmp_path / "recovery.argmap.json", allow_errors=True).errors


def test_save_refuses_objects_smuggled_into_lists(tmp_path: Path) -> None:
    doc = sample()
    doc.statements.append({"id": "s-9"})  # type: ignore[arg-type]
    with pytest.raises(MapFileError, match="cannot be written as JSON"):
        save_map(doc, tmp_path / "m.argmap.json")
    assert list(tmp_path.iterdir()) == []


def test_save_refuses_unencodable_text(tmp_path: Path) -> None:
    doc = sample()
    doc.title = "half \ud800 pair"
    with pytest.raises(MapFileError, match="cannot be saved as UTF-8"):
        save_map(doc, tmp_path / "m.argmap.json")
    assert list(tmp_path.iterdir()) == []


def test_map_with_only_warnings_can_be_saved(tmp_path: Path) -> None:
    doc = sample()
    doc.quotes[0].exact = "drifted"
    save_map(doc, tmp_path / "m.argmap.json")
    assert load_map(tmp_path / "m.argmap.json").quotes[0].exact == "drifted"


def test_read_permission_error_is_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    monkeypatch.setattr("argmap.io.json_reading.open", _fails_with(errno.EACCES), raising=False)
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert str(caught.value) == f"{path}: cannot read the file: permission denied"


def test_temp_file_refused_by_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    before = path.read_bytes()
    monkeypatch.setattr(atomic_write.tempfile, "mkstemp", _fails_with(errno.EROFS))
    with pytest.raises(MapFileError, match="could not save: the disk is read-only"):
        save_map(sample(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before


def test_a_save_clears_temporaries_left_by_a_killed_save_but_not_fresh_ones(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    stale = tmp_path / ".m.argmap.json.abc123.tmp"
    stale.write_text("half a map")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    fresh = tmp_path / ".m.argmap.json.def456.tmp"
    fresh.write_text("another process is saving right now")
    save_map(sample(), path)
    assert not stale.exists()
    assert fresh.exists()
    assert load_map(path) == sample()


def test_dump_writes_what_json_dumps_would() -> None:
    # Files written before the fast writer stay byte for byte the same when saved again.
    for doc in (sample(), synthetic_map(300, seed=2)):
        slow = json.dumps(doc.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
        assert dumps_map(doc) == slow


def test_dump_refuses_an_infinite_prior() -> None:
    doc = sample()
    doc.statements[0].prior = float("inf")
    with pytest.raises(MapFileError, match="cannot be written as JSON"):
        dumps_map(doc)


def test_dump_refuses_nan_in_a_record_made_without_validation() -> None:
    doc = sample()
    object.__setattr__(doc.statements[0], "credibility", float("nan"))  # bypasses the bound
    with pytest.raises(MapFileError, match="cannot be written as JSON"):
        dumps_map(doc)


def test_a_map_too_big_to_open_again_is_not_written(tmp_path: Path) -> None:
    """Importing articles into a big map made a 65.6 MB file argmap then refused to open."""
    path = tmp_path / "m.argmap.json"
    save_map(sample(), path)
    before = path.read_bytes()
    text = "word " * 980_000
    doc = sample()
    doc.sources += [Source.from_text(f"src-big-{i}", f"{text}{i}") for i in range(14)]
    with pytest.raises(MapFileError) as caught:
        save_map(doc, path)
    assert str(caught.value) == (
        f"{path}: not written: the map would be 65.4 MB, and argmap opens map files of at "
        "most 64 MB; nothing was changed (remove articles or statements, or split the map)"
    )
    assert path.read_bytes() == before
    del doc.sources[-1]  # 60.7 MB: written, and it opens again
    save_map(doc, path)
    assert len(load_map(path).sources) == len(doc.sources)
