"""``argmap convert``: formats from names, clear errors and exit codes, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.cli import main

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "aif"


def test_aif_to_map_and_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = FIXTURES / "int_ids_schemes.json"
    map_path = tmp_path / "talks.argmap.json"
    assert main(["convert", str(source), str(map_path)]) == 0
    doc = json.loads(map_path.read_text(encoding="utf-8"))
    assert doc["format"] == "argmap" and len(doc["statements"]) == 7
    back = tmp_path / "talks.json"
    assert main(["convert", str(map_path), str(back)]) == 0
    original = json.loads(source.read_text(encoding="utf-8"))
    exported = json.loads(back.read_text(encoding="utf-8"))
    assert sorted(n["nodeID"] for n in exported["nodes"]) == sorted(
        n["nodeID"] for n in original["nodes"]
    )
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("suffix", [".argdown", ".graphml", ".dot", ".md", ".csv", ".ova.json"])
def test_every_export_format_from_an_aif_file(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    assert main(["convert", str(FIXTURES / "ova3_save.json"), str(out)]) == 0
    assert out.stat().st_size > 0


def test_explicit_formats_and_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    source = FIXTURES / "ova3_save.json"
    assert main(["convert", str(source), "-", "--from", "ova", "--to", "argdown"]) == 0
    assert "[Kyiv will not cede territory]" in capsys.readouterr().out


def test_warnings_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "m.argmap.json"
    assert main(["convert", str(FIXTURES / "missing_fields.json"), str(out)]) == 0
    assert "warning: $.nodes[3]: RA node 'd' has 0 conclusions" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["absent.json", "out.md"], "absent.json: cannot read"),
        (["{bad}", "out.pdf"], "cannot tell the format from the file name"),
        (["{bad}", "out.md", "--to", "pdf"], "pdf: unknown format"),
        (["{bad}", "-"], "writing to stdout needs --to FMT"),
        (["{bad}", "out.md"], "{bad}: $: not valid JSON"),
        (["{fixture}", "out.md", "--from", "dot"], "cannot read Graphviz DOT files"),
        (["{fixture}", "out.md", "--from", "argdown"], "line 1, column 1: expected a statement"),
    ],
)
def test_bad_input_exits_1_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [', encoding="utf-8")
    paths = {"{bad}": str(bad), "{fixture}": str(FIXTURES / "ova3_save.json")}
    argv = [paths.get(a, str(tmp_path / a) if a.endswith((".json", ".md", ".pdf")) else a)
            for a in args]  # fmt: skip
    assert main(["convert", *argv]) == 1
    err = capsys.readouterr().err
    assert err.startswith("argmap convert: error: ")
    assert message.replace("{bad}", str(bad)) in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.md").exists()


def test_unwritable_output_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing-dir" / "out.md"
    assert main(["convert", str(FIXTURES / "ova3_save.json"), str(out)]) == 1
    assert f"the folder {out.parent} does not exist" in capsys.readouterr().err
