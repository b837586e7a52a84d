"""Reading a file through the format registry, as ``argmap convert`` and File ▸ Open do:
the report of an Argdown file reaches the caller, and an error names the one file at fault
once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.interop import read_map
from argmap.interop.errors import InteropError


def test_an_argdown_files_report_reaches_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "Debate.ad"
    path.write_text("// a note\n[A]: Talks resume.\n", encoding="utf-8")
    read = read_map(path)
    assert read.doc.title == "Debate"
    assert [s.text for s in read.doc.statements] == ["Talks resume."]
    assert read.warnings == ["1 comments dropped (argmap keeps no comments)"]


def test_an_included_file_that_is_not_utf8_is_the_one_named(tmp_path: Path) -> None:
    (tmp_path / "main.argdown").write_text("[A]: a\n\n@include(other.argdown)\n", "utf-8")
    (tmp_path / "other.argdown").write_bytes(b"[B]: b\xff\n")
    with pytest.raises(InteropError) as caught:
        read_map(tmp_path / "main.argdown")
    assert str(caught.value) == f"{tmp_path / 'other.argdown'}: not UTF-8 text (byte 6)"


def test_a_broken_map_file_is_named_once(tmp_path: Path) -> None:
    path = tmp_path / "bad.argmap.json"
    path.write_text(json.dumps({"format": "argmap", "version": 2, "statements": 3}), "utf-8")
    with pytest.raises(InteropError) as caught:
        read_map(path)
    assert caught.value.file == str(path)
    assert str(caught.value) == f"{path}: statements: should be a list, but is the number 3"
