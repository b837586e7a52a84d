"""Which format a file is in, from its name and, for ``.json``, its first bytes; and
writing a map in a format: refused in words when the format is write-only or read-only,
when the text cannot be UTF-8, when the file would be too big to read back, or when the
disk refuses; the replaced file kept on request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap import interop
from argmap.interop import FORMATS, SNIFF_BYTES, guess_format, read_map, write_map
from argmap.interop.errors import FormatError, InteropError
from argmap.io.map_file import dumps_map
from argmap.model import ArgMap, Statement, StatementKind


def small_map(text: str = "Talks resume") -> ArgMap:
    return ArgMap(
        title="Talks", statements=[Statement(id="s-1", kind=StatementKind.CLAIM, text=text)]
    )


def json_file(tmp_path: Path, text: str, name: str = "x.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"format": "argmap", "version": 2}', "argmap"),
        ('{"nodes": [], "edges": []}', "aif"),
        ('{"AIF": {"nodes": []}, "OVA": {}}', "aif"),
        ('{"format": "argm\\u0061p", "version": 2}', "argmap"),  # seen only once parsed
        ('{"n\\u006fdes": [], "edges": []}', "aif"),
        ('{"something": "else"}', "aif"),  # unknown: what the suffix says
        ("not json at all", "aif"),
    ],
)
def test_a_json_files_format_is_told_by_its_content(tmp_path: Path, text: str, fmt: str) -> None:
    assert guess_format(json_file(tmp_path, text)).name == fmt


def test_a_big_json_file_is_told_by_its_first_bytes_only(tmp_path: Path) -> None:
    padding = " " * SNIFF_BYTES
    assert guess_format(json_file(tmp_path, padding + '{"format": "argmap"}')).name == "aif"
    text = '{"format": "argmap", "title": "' + "x" * SNIFF_BYTES + '"}'
    assert guess_format(json_file(tmp_path, text)).name == "argmap"


def test_the_longest_suffix_wins(tmp_path: Path) -> None:
    assert guess_format(tmp_path / "m.argmap.json", for_writing=True).name == "argmap"
    assert guess_format(tmp_path / "m.ova.json", for_writing=True).name == "ova"
    assert guess_format(tmp_path / "m.JSON", for_writing=True).name == "aif"


def test_a_name_without_a_known_suffix_says_how_to_name_the_format(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as caught:
        guess_format(tmp_path / "m.xyz")
    assert "pass --from (formats: argmap, aif, ova" in str(caught.value)
    with pytest.raises(FormatError) as caught:
        guess_format(tmp_path / "m.xyz", for_writing=True)
    assert "pass --to (formats: " in str(caught.value)


def test_an_unreadable_json_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(InteropError) as caught:
        guess_format(tmp_path / "gone.json")
    assert str(caught.value) == f"{tmp_path / 'gone.json'}: cannot read: No such file or directory"


def test_a_write_only_format_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("# Report\n", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_map(path)
    assert str(caught.value) == (
        f"{path}: argmap cannot read Markdown report files (it reads argmap, aif, ova, argdown)"
    )


def test_a_map_is_read_in_the_format_its_content_says(tmp_path: Path) -> None:
    path = json_file(tmp_path, dumps_map(small_map()))
    assert read_map(path).doc.title == "Talks"


# --- writing -------------------------------------------------------------------------------


def test_a_map_is_written_in_the_format_its_name_says(tmp_path: Path) -> None:
    path = tmp_path / "m.argdown"
    assert write_map(small_map(), path).name == "argdown"
    assert "Talks resume" in path.read_text(encoding="utf-8")


def test_the_replaced_file_is_kept_only_on_request(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    write_map(small_map("first"), path)
    write_map(small_map("second"), path)
    assert not (tmp_path / "m.md.bak").exists()
    write_map(small_map("third"), path, backup=True)
    assert "second" in (tmp_path / "m.md.bak").read_text(encoding="utf-8")


def test_text_that_cannot_be_utf8_is_refused_naming_the_character(tmp_path: Path) -> None:
    path = tmp_path / "m.md"
    with pytest.raises(InteropError) as caught:
        write_map(small_map("café \udc80"), path)
    assert str(caught.value) == (
        f"{path}: the map holds text that is not UTF-8 (character '\\udc80')"
    )
    assert not path.exists()


def test_a_file_too_big_to_read_back_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = small_map()
    size = len(FORMATS["argdown"].dumps(doc).encode("utf-8"))  # type: ignore[misc]
    monkeypatch.setattr(interop, "MAX_FILE_BYTES", size)
    write_map(doc, tmp_path / "fits.argdown")
    monkeypatch.setattr(interop, "MAX_FILE_BYTES", size - 1)
    with pytest.raises(InteropError) as caught:
        write_map(doc, tmp_path / "big.argdown")
    assert str(caught.value).startswith(
        f"{tmp_path / 'big.argdown'}: not written: the Argdown file"
    )
    assert str(caught.value).endswith("; nothing was changed")
    assert not (tmp_path / "big.argdown").exists()
    write_map(doc, tmp_path / "report.md")  # argmap does not read reports back: any size


def test_a_file_the_disk_refuses_says_why(tmp_path: Path) -> None:
    (tmp_path / "m.md").mkdir()
    with pytest.raises(InteropError) as caught:
        write_map(small_map(), tmp_path / "m.md")
    assert str(caught.value) == (
        f"{tmp_path / 'm.md'}: cannot write: it is not a regular file; the previous file "
        "is unchanged"
    )


def test_aif_written_and_sniffed_again_is_aif(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    write_map(small_map(), path, FORMATS["aif"])
    assert "nodes" in json.loads(path.read_text(encoding="utf-8"))
    assert guess_format(path).name == "aif"
