"""``argmap validate`` and ``argmap schema`` as a user runs them: exit codes and output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io.map_file import MAX_FILE_BYTES, dumps_map, save_map
from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind

ROOT = Path(__file__).resolve().parents[3]
TEXT = "Grain exports resumed. Shelling continued."


def sample() -> ArgMap:
    return ArgMap(
        sources=[Source.from_text("src-1", TEXT)],
        quotes=[Quote.from_range("q-1", "src-1", TEXT, 0, 22)],
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="Trade thaws"),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Grain", quotes=["q-1"]),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-1")],
    )


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.argmap.json"
    save_map(sample(), path)
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )


def test_valid_map_in_a_subprocess(good: Path) -> None:
    result = run_cli("validate", str(good))
    assert result.returncode == 0
    assert result.stdout == (f"{good}: valid — 2 statements, 1 quote from 1 source, 1 inference\n")
    assert result.stderr == ""


def test_binary_file_in_a_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "photo.argmap.json"
    path.write_bytes(bytes(range(256)) * 8)
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{path}: error: the file contains NUL bytes" in result.stdout


def check(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, str]:
    code = main(["validate", *map(str, paths)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out


def test_several_maps_report_each(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.argmap.json"
    bad.write_text("{", encoding="utf-8")
    code, out = check(capsys, good, bad)
    assert code == 1
    assert out.splitlines() == [
        f"{good}: valid — 2 statements, 1 quote from 1 source, 1 inference",
        f"{bad}: invalid — 1 error, 0 warnings",
        f"  {bad}: error: the file is not valid JSON: the file ends too early (is it truncated?)",
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"not json at all", "the file is not valid JSON: Expecting value at line 1, column 1"),
        (b"\xff\xfe{}", "the file is not UTF-8 text"),
        (b"[]", "the top level is a list; a map is a JSON object"),
        (b'{"format": "argmap", "version": 7}', "made by a newer version of argmap"),
        (b"[" * 5000 + b"]" * 5000, "the JSON nests 5000 levels deep"),
    ],
)
def test_hostile_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    path = tmp_path / "hostile.argmap.json"
    path.write_bytes(content)
    code, out = check(capsys, path)
    assert code == 1
    assert expected in out


def test_truncated_map(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = good.read_bytes()
    good.write_bytes(data[: len(data) * 2 // 3])
    code, out = check(capsys, good)
    assert code == 1
    assert "is it truncated?" in out


def test_huge_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.argmap.json"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES * 2)
    code, out = check(capsys, path)
    assert code == 1
    assert "the file is 128.0 MB; a map file may be at most 64 MB" in out


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(capsys, tmp_path / "absent.argmap.json", tmp_path)
    assert code == 1
    assert "the file or folder does not exist" in out
    assert "this is a folder, not a map file" in out


def test_wrong_types_list_json_paths(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = json.loads(good.read_text(encoding="utf-8"))
    raw["statements"][0]["kind"] = 3
    raw["quotes"][0]["end"] = -1
    good.write_text(json.dumps(raw), encoding="utf-8")
    code, out = check(capsys, good)
    assert code == 1
    assert f"{good}: invalid — 2 errors, 0 warnings" in out
    assert f"  {good}: quotes[0].end: error: should be at least 0, but is -1" in out
    assert f"  {good}: statements[0].kind: error: should be one of" in out


def test_dangling_ids_and_drifted_quotes(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = json.loads(good.read_text(encoding="utf-8"))
    raw["statements"][1]["quotes"] = ["q-1", "q-9"]
    raw["quotes"][0]["exact"] = "Grain exports halted."
    good.write_text(json.dumps(raw), encoding="utf-8")
    code, out = check(capsys, good)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{good}: invalid — 1 error, 1 warning"
    assert lines[1].startswith(f"  {good}: quotes[0].exact: warning: quote 'q-1' does not match")
    assert lines[2] == (
        f"  {good}: statements[1].quotes[1]: error: statement 's-2' cites quote 'q-9', "
        "which does not exist"
    )


def test_long_problem_lists_are_cut_in_text_but_not_in_json(
    good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = json.loads(good.read_text(encoding="utf-8"))
    raw["statements"][1]["quotes"] = [f"q-x{k}" for k in range(80)]
    good.write_text(json.dumps(raw), encoding="utf-8")
    code, out = check(capsys, good)
    assert code == 1
    assert "… and 30 more (--json lists them all)" in out
    assert main(["validate", "--json", str(good)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert len(report[0]["problems"]) == 80


def test_json_report(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", str(good)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == [
        {
            "file": str(good),
            "valid": True,
            "errors": 0,
            "summary": "2 statements, 1 quote from 1 source, 1 inference",
            "problems": [],
        }
    ]


def test_migrated_map_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = json.loads(dumps_map(sample()))
    raw["version"] = 0
    for statement in raw["statements"]:
        statement["type"] = statement.pop("kind")
    path = tmp_path / "old.argmap.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    code, out = check(capsys, path)
    assert code == 0
    assert out.strip().endswith("(format version 0, upgraded when read)")


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    schema = json.loads(out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert out.startswith('{\n  "$schema": ')
    assert set(schema["properties"]) >= {"sources", "quotes", "statements", "inferences"}


def test_warnings_alone_pass_unless_strict(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The article's text changed under a quote: the map still opens, the quote is flagged.
    raw = json.loads(good.read_text(encoding="utf-8"))
    raw["quotes"][0]["exact"] = "Grain exports halted."
    good.write_text(json.dumps(raw), encoding="utf-8")
    code, out = check(capsys, good)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{good}: valid, with 1 warning — ")
    assert lines[1].startswith(f"  {good}: quotes[0].exact: warning: quote 'q-1' does not match")
    assert main(["validate", "--strict", str(good)]) == 1
    capsys.readouterr()
    assert main(["validate", "--json", str(good)]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert (report["valid"], report["errors"], len(report["problems"])) == (False, 0, 1)
