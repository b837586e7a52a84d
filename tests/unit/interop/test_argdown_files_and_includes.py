"""Reading an Argdown file: its title from the name, its encoding, its size limit, the
``@include`` files it pulls in (each once, relative to the including file), and where
in the text a syntax error stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.interop import argdown_reader
from argmap.interop.argdown_reader import ArgdownError, position, read_argdown_file
from argmap.interop.errors import InteropError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def texts(path: Path) -> list[str]:
    return sorted(s.text for s in read_argdown_file(path).doc.statements)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("talks.argdown", "talks"),
        ("talks.ad", "talks"),
        ("talks.ARGDOWN", "talks"),
        ("talks.txt", "talks"),
    ],
)
def test_the_title_is_the_file_name_without_its_argdown_suffix(
    tmp_path: Path, name: str, title: str
) -> None:
    path = write(tmp_path / name, "[A]: Talks resume.\n")
    assert read_argdown_file(path).doc.title == title


def test_a_byte_order_mark_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "a.argdown"
    path.write_bytes(b"\xef\xbb\xbf[A]: Talks resume.\n")
    assert texts(path) == ["Talks resume."]


def test_a_file_that_is_not_utf8_says_at_which_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.argdown"
    path.write_bytes(b"[A]: caf\xe9\n")
    with pytest.raises(InteropError) as caught:
        read_argdown_file(path)
    assert str(caught.value) == f"{path}: not UTF-8 text (byte 8)"


def test_a_missing_file_says_it_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "gone.argdown"
    with pytest.raises(InteropError) as caught:
        read_argdown_file(path)
    assert str(caught.value) == f"{path}: cannot read: No such file or directory"


def test_a_file_over_the_limit_is_refused_with_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "a.argdown", "[A]: Talks resume.\n")  # 19 bytes
    monkeypatch.setattr(argdown_reader, "MAX_BYTES", 19)
    assert texts(path) == ["Talks resume."]
    monkeypatch.setattr(argdown_reader, "MAX_BYTES", 18)
    with pytest.raises(InteropError) as caught:
        read_argdown_file(path)
    assert str(caught.value) == f"{path}: 19 bytes, more than the 18 allowed"


# --- includes -----------------------------------------------------------------------------


def test_an_included_file_is_read_from_beside_the_file_that_includes_it(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    write(tmp_path / "parts" / "b.argdown", "[B]: Ports reopen.\n\n@include(c.argdown)\n")
    write(tmp_path / "parts" / "c.argdown", "[C]: Grain moves.\n")
    main = write(tmp_path / "main.argdown", "[A]: Talks resume.\n\n@include(parts/b.argdown)\n")
    assert texts(main) == ["Grain moves.", "Ports reopen.", "Talks resume."]


def test_a_file_is_included_once_and_a_second_include_says_so(tmp_path: Path) -> None:
    write(tmp_path / "b.argdown", "[B]: Ports reopen.\n")
    main = write(
        tmp_path / "main.argdown",
        "[A]: Talks resume.\n\n@include(b.argdown)\n\n@include(b.argdown)\n\n"
        "@include(main.argdown)\n",
    )
    assert texts(main) == ["Ports reopen.", "Talks resume."]
    text = argdown_reader._with_includes(main.read_text(), main, {main.resolve()})
    assert text.count("already included. To avoid infinite loops") == 2
    assert f"File '{(tmp_path / 'b.argdown').resolve()}' already included" in text


def test_a_missing_include_is_named(tmp_path: Path) -> None:
    main = write(tmp_path / "main.argdown", "[A]: x\n@include(nope.argdown)\n")
    with pytest.raises(InteropError) as caught:
        read_argdown_file(main)
    assert str(caught.value) == f"{main}: @include: {tmp_path / 'nope.argdown'} not found"


def test_included_files_are_held_to_the_limit_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "b.argdown", "[B]: Ports reopen.\n")  # 19 bytes
    main = write(tmp_path / "main.argdown", "@include(b.argdown)\n")  # 20 bytes
    monkeypatch.setattr(argdown_reader, "MAX_BYTES", 39)
    assert texts(main) == ["Ports reopen."]
    monkeypatch.setattr(argdown_reader, "MAX_BYTES", 38)
    with pytest.raises(InteropError) as caught:
        read_argdown_file(main)
    assert str(caught.value) == f"{main}: the included files are too large together"


# --- where an error stands -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "offset", "place"),
    [
        ("abc", 0, (1, 1)),
        ("abc", 2, (1, 3)),
        ("ab\ncd", 4, (2, 2)),
        ("ab\r\ncd", 5, (2, 2)),
        ("ab\rcd\r\nef\ngh", 11, (4, 2)),
    ],
)
def test_a_place_in_the_text_is_counted_in_lines_and_columns(
    text: str, offset: int, place: tuple[int, int]
) -> None:
    assert position(text, offset) == place


def test_a_syntax_error_in_a_file_names_its_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "a.argdown", "[A]: fine\r\n\r\n[B]: x\r\n[C]: y\n")
    with pytest.raises(ArgdownError) as caught:
        read_argdown_file(path)
    assert (caught.value.line, caught.value.column) == (4, 1)
    assert str(caught.value).startswith(f"{path}: line 4, column 1: ")
