"""A Delphi round from the shell, through the installed command: blank sheet, filled sheet,
import as layers, the team's weights; bad rows named, the map never replaced unasked."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from layer_maps import two_scenarios

from argmap.analysis.scenario_weights import scenario_weights
from argmap.io.map_file import load_map, save_map
from argmap.model.layer_view import seen_by

ARGMAP = Path(sys.executable).with_name("argmap")


def _argmap(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ARGMAP), *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )


def _filled(blank: str, answers: dict[tuple[str, str, str], str]) -> str:
    """The sheet with some value cells filled in, as a spreadsheet would save it."""
    rows = list(csv.DictReader(io.StringIO(blank)))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        row["value"] = answers.get((row["judgement"], row["id"], row["scenario"]), "")
        writer.writerow(row)
    return out.getvalue()


@pytest.fixture
def team_map(tmp_path: Path) -> Path:
    path = tmp_path / "round.argmap.json"
    save_map(two_scenarios(), path)
    return path


def test_a_delphi_round_trip_from_blank_sheets_to_the_teams_weights(
    team_map: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "blank.csv"
    done = _argmap("layers", "sheet", team_map, "-o", sheet)
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout and "10 judgements" in done.stdout
    blank = sheet.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(blank)))
    assert [(r["judgement"], r["id"], r["scenario"]) for r in rows] == [
        ("prior", "a", ""),
        ("prior", "b", ""),
        ("credibility", "e1", ""),
        ("credibility", "e2", ""),
        ("strength", "i1", ""),
        ("strength", "i2", ""),
        ("rating", "e1", "a"),
        ("rating", "e1", "b"),
        ("rating", "e2", "a"),
        ("rating", "e2", "b"),
    ]  # not the scenarios' links to the question: those are never weighed
    assert {r["value"] for r in rows} == {""} and rows[2]["text"] == "Report one"
    short = _argmap("layers", "sheet", team_map, "--only", "prior,strength")
    assert [r["judgement"] for r in csv.DictReader(io.StringIO(short.stdout))] == [
        "prior", "prior", "strength", "strength"
    ]  # fmt: skip
    wrong = _argmap("layers", "sheet", team_map, "--only", "guess")
    assert wrong.returncode == 2 and "guess: choose from prior" in wrong.stderr
    alice = tmp_path / "alice.csv"
    alice.write_text(
        _filled(blank, {("prior", "a", ""): "3", ("prior", "b", ""): "1",
                        ("credibility", "e1", ""): "20 %", ("credibility", "e2", ""): "likely"}),
        encoding="utf-8",
    )  # fmt: skip
    bob = tmp_path / "bob.csv"
    bob.write_text(
        _filled(blank, {("strength", "i1", ""): "0.5", ("rating", "e1", "b"): "ii"}),
        encoding="utf-8",
    )
    out = tmp_path / "team.argmap.json"
    done = _argmap("layers", "import", team_map, alice, "--name", "Alice", "-o", out)
    assert done.returncode == 0, done.stderr
    assert "layer 'Alice': 4 judgements" in done.stdout and "6 rows left blank" in done.stdout
    # Adding Bob to the team map replaces a map: only with --force, keeping a .bak.
    done = _argmap("layers", "import", out, bob, "-o", out)
    assert done.returncode == 1 and "--force" in done.stderr
    done = _argmap("layers", "import", out, bob, "-o", out, "--force")
    assert done.returncode == 0, done.stderr
    assert out.with_name(out.name + ".bak").exists()
    doc = load_map(out)
    assert [layer.name for layer in doc.layers] == ["Alice", "bob"]
    assert doc.layers[0].credibility == {"e1": 0.2, "e2": 0.675}
    assert doc.layers[0].prior == {"a": 3.0, "b": 1.0} and doc.layers[1].strength == {"i1": 0.5}
    assert [(c.evidence, c.scenario, c.rating) for c in doc.layers[1].ratings] == [
        ("e1", "b", "II")
    ]
    assert load_map(team_map).layers == []  # the map itself untouched
    # Alice: priors 3:1; A's evidence 4^0.2 = 1.3195, B's 2^0.675 = 1.5966:
    # A = 0.75 x 1.3195 / (0.75 x 1.3195 + 0.25 x 1.5966) = 0.7126.
    alice_weights = [w.weight for w in scenario_weights(seen_by(doc, "Alice"))]
    assert alice_weights == pytest.approx([0.7126, 0.2874], abs=1e-4)
    # Bob: priors 1:1; A's evidence 2^0.9 = 1.8661, B's 2^0.5 = 1.4142: A = 0.5689.
    bob_weights = [w.weight for w in scenario_weights(seen_by(doc, "bob"))]
    assert bob_weights == pytest.approx([0.5689, 0.4311], abs=1e-4)
    shown = _argmap("layers", "show", out, "--json")
    assert shown.returncode == 0, shown.stderr
    report = json.loads(shown.stdout)
    assert [a["name"] for a in report["analysts"]] == ["Alice", "bob"]
    assert report["team"]["default"] == "linear"
    assert report["team"]["linear"][0] == pytest.approx((0.7126 + 0.5689) / 2, abs=1e-4)
    assert report["disagreements"][0]["judgement"] in {"prior", "credibility", "strength"}
    text = _argmap("layers", "show", out)
    assert "team" in text.stdout and "Where the analysts disagree" in text.stdout
    alone = _argmap("analyze", out, "--layer", "Alice", "--json", "--top", "0")
    assert alone.returncode == 0, alone.stderr
    weights = [s["weight"] for s in json.loads(alone.stdout)["scenarios"]]
    assert weights == pytest.approx([0.7126, 0.2874], abs=1e-4)
    nobody = _argmap("analyze", out, "--layer", "Dave")
    assert nobody.returncode == 1
    assert "no layer 'Dave' (layers: 'Alice', 'bob')" in nobody.stderr


def test_bad_rows_are_each_named_and_nothing_is_written(team_map: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "carol.csv"
    sheet.write_text(
        "\ufeffjudgement;id;scenario;text;scale;value\r\n"
        "credibility;e1;;;;0.3\r\n"
        "credibility;e404;;;;0.3\r\n"
        "credibility;e2;;;;maybe\r\n"
        "strength;e1;;;;0.5\r\n"
        "prior;e1;;;;2\r\n"
        "credibility;e1;;;;0.4\r\n"
        "rating;e1;a;;;X\r\n"
        "guess;e1;;;;0.5\r\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.argmap.json"
    done = _argmap("layers", "import", team_map, sheet, "-o", out)
    assert done.returncode == 1 and not out.exists()
    for expected in (
        "line 3: the map has no statement 'e404'",
        "line 4: unknown likelihood 'maybe'",
        "line 5: the map has no inference 'e1'",
        "line 6: 'e1' is not a scenario of the map",
        "line 7: judged again (first on line 2)",
        "line 8: 'X' is not an ACH rating",
        "line 9: 'guess' is not a judgement",
        "7 rows cannot be used; nothing was written",
    ):
        assert expected in done.stderr, done.stderr
    done = _argmap("layers", "import", team_map, sheet, "-o", out, "--skip-bad")
    assert done.returncode == 0 and "7 rows skipped" in done.stdout
    assert load_map(out).layers[0].credibility == {"e1": 0.3}


def test_a_rating_row_for_a_scenario_or_the_question_is_named_and_not_imported(
    team_map: Path, tmp_path: Path
) -> None:
    sheet = tmp_path / "dave.csv"
    sheet.write_text(
        "judgement,id,scenario,value\nrating,b,a,II\nrating,q,a,C\nrating,e1,a,C\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.argmap.json"
    done = _argmap("layers", "import", team_map, sheet, "-o", out)
    assert done.returncode == 1 and not out.exists()
    assert "line 2: 'b' is a scenario, not evidence" in done.stderr, done.stderr
    assert "line 3: 'q' is a question, not evidence" in done.stderr, done.stderr


def test_a_sheet_that_is_not_one_and_a_taken_name_are_refused(
    team_map: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "notes.csv"
    junk.write_text("name,score\nAlice,3\n", encoding="utf-8")
    done = _argmap("layers", "import", team_map, junk, "--name", "Alice")
    assert done.returncode == 1 and "no judgement, id, value column" in done.stderr
    assert "Traceback" not in done.stderr
    sheet = tmp_path / "alice.csv"
    sheet.write_text("judgement,id,value\ncredibility,e1,0.1\n", encoding="utf-8")
    first = _argmap("layers", "import", team_map, sheet, "-o", team_map, "--force")
    assert first.returncode == 0, first.stderr
    again = _argmap("layers", "import", team_map, sheet, "-o", team_map, "--force")
    assert again.returncode == 1 and "already has a layer 'alice'" in again.stderr
    assert load_map(team_map).layers[0].credibility == {"e1": 0.1}
