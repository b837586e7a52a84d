"""``argmap merge`` as a user runs it: the merged file, the conflicts listed, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from argmap.io.map_file import load_map, save_map
from argmap.model import ArgMap, Statement, StatementKind
from argmap.model.three_way import NOTE_MARK


def _argmap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )


def _three(tmp_path: Path, ours_text: str, theirs_text: str) -> list[str]:
    base = ArgMap(
        title="Talks",
        statements=[
            Statement(id="s-1", kind=StatementKind.CLAIM, text="Talks resume"),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Envoys met"),
        ],
    )
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.statements[0].text = ours_text
    theirs.statements[0].text = theirs_text
    theirs.statements[1].credibility = 0.8
    paths = []
    for name, doc in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.argmap.json"
        save_map(doc, path)
        paths.append(str(path))
    return paths


def test_a_clean_merge_exits_0_with_both_changes(tmp_path: Path) -> None:
    out = tmp_path / "merged.argmap.json"
    done = _argmap("merge", *_three(tmp_path, "Talks resume soon", "Talks resume"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{out}: merged cleanly\n"
    merged = load_map(out)
    assert merged.statement("s-1").text == "Talks resume soon"
    assert merged.statement("s-2").credibility == 0.8


def test_a_conflict_exits_1_lists_it_and_keeps_theirs_in_the_notes(tmp_path: Path) -> None:
    out = tmp_path / "merged.argmap.json"
    done = _argmap("merge", *_three(tmp_path, "Talks resume soon", "Talks are off"), "-o", str(out))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{out}: 1 conflict to resolve (ours kept):",
        '  statements["s-1"].text: changed on both sides; kept ours "Talks resume soon", '
        'theirs had "Talks are off" (was "Talks resume")',
    ]
    merged = load_map(out)
    assert merged.statement("s-1").text == "Talks resume soon"
    assert merged.statement("s-1").notes.startswith(NOTE_MARK)
    assert "Talks are off" in merged.statement("s-1").notes


def test_json_report_has_all_three_values(tmp_path: Path) -> None:
    out = tmp_path / "merged.argmap.json"
    done = _argmap("merge", *_three(tmp_path, "A", "B"), "-o", str(out), "--json", "--no-notes")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    [conflict] = report["conflicts"]
    assert (conflict["base"], conflict["ours"], conflict["theirs"]) == ("Talks resume", "A", "B")
    assert load_map(out).statement("s-1").notes == ""


def test_an_unreadable_input_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    base, ours, _ = _three(tmp_path, "A", "B")
    bad = tmp_path / "theirs.argmap.json"
    bad.write_text('{"format": "argmap", "version": 2, "statements": [{"id": 1}]}')
    out = tmp_path / "merged.argmap.json"
    done = _argmap("merge", base, ours, str(bad), "-o", str(out))
    assert done.returncode == 2
    assert "not merged" in done.stderr and "theirs.argmap.json" in done.stderr
    assert not out.exists()


def test_an_existing_map_is_replaced_only_with_force(tmp_path: Path) -> None:
    paths = _three(tmp_path, "A", "A")
    done = _argmap("merge", *paths, "-o", paths[1])
    assert done.returncode == 2 and "--force" in done.stderr
    assert load_map(paths[1]).statement("s-2").credibility is None  # untouched
    done = _argmap("merge", *paths, "-o", paths[1], "--force")
    assert done.returncode == 0
    assert load_map(paths[1]).statement("s-2").credibility == 0.8
    assert Path(paths[1] + ".bak").exists()


def test_the_driver_writes_over_ours_and_takes_an_empty_base_as_a_blank_map(tmp_path: Path) -> None:
    """git gives an empty base when both branches added the file (add/add): what both
    added alike merges, what differs is a conflict."""
    _, ours, _ = _three(tmp_path, "Talks resume", "Talks resume")
    doc = load_map(ours)
    doc.statements.append(Statement(id="s-3", kind=StatementKind.CLAIM, text="Theirs only"))
    theirs = tmp_path / "theirs-added.argmap.json"
    save_map(doc, theirs)
    base = tmp_path / "empty"
    base.write_bytes(b"")
    done = _argmap("merge-driver", str(base), ours, str(theirs), "maps/talks.argmap.json")
    assert done.returncode == 0, done.stderr
    assert [s.id for s in load_map(ours).statements] == ["s-1", "s-2", "s-3"]
    assert not Path(ours + ".bak").exists()  # git's temporary file: no backup beside it
    doc.statements[0].text = "Talks are off"
    save_map(doc, theirs)
    clash = _argmap("merge-driver", str(base), ours, str(theirs), "maps/talks.argmap.json")
    assert clash.returncode == 1
    assert (
        'statements["s-1"].text: added on both sides, differently; kept ours "Talks resume", '
        'theirs had "Talks are off"' in clash.stderr
    )


def test_the_driver_leaves_ours_untouched_when_theirs_is_not_a_map(tmp_path: Path) -> None:
    base, ours, theirs = _three(tmp_path, "A", "B")
    Path(theirs).write_text("<<<<<<< not a map\n", encoding="utf-8")
    before = Path(ours).read_bytes()
    done = _argmap("merge-driver", base, ours, theirs, "maps/talks.argmap.json")
    assert done.returncode == 2
    assert done.stderr.startswith("argmap merge-driver: maps/talks.argmap.json: not merged: ")
    assert Path(ours).read_bytes() == before
