"""`argmap analyze --json` in a fresh process carries the whole ACH matrix (every cell:
rating, derived rating, explicit flag, blank/NA state, weight; row weights), the ranking's
sensitivity, the signposts and the Key Assumptions Check; the text report names step 6
and the signposts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.model import (
    AchRating,
    AchRow,
    ArgMap,
    Inference,
    Rating,
    RowLevel,
    Signpost,
    SignpostStatus,
    Statement,
    StatementKind,
)

SC, EV, AS = StatementKind.SCENARIO, StatementKind.EVIDENCE, StatementKind.ASSUMPTION
DOC = ArgMap(
    title="Talks",
    statements=[
        Statement(id="h1", kind=SC, text="Deal", prior=1.0),
        Statement(id="h2", kind=SC, text="War", prior=1.0),
        Statement(id="h3", kind=SC, text="Something else", prior=0.5),
        Statement(id="e1", kind=EV, text="Envoys met", credibility=0.9),
        Statement(id="e2", kind=EV, text="Mobilisation", credibility=0.3),
        Statement(id="a1", kind=AS, text="Elites matter", credibility=0.6),
    ],
    inferences=[
        Inference(id="i1", premises=["e1"], conclusion="h1", strength=0.9),
        Inference(id="i2", premises=["e2"], conclusion="h2", strength=0.6),
        Inference(id="i3", premises=["a1"], conclusion="h1", strength=0.6),
    ],
    ratings=[
        Rating(evidence="e1", scenario="h2", rating=AchRating.I),
        Rating(evidence="e2", scenario="h1", rating=AchRating.NA),
    ],
    ach_rows=[AchRow(evidence="e2", relevance=RowLevel.HIGH)],
    signposts=[
        Signpost(
            id="sp-1",
            scenario="h1",
            text="Talks announced",
            status=SignpostStatus.EMERGING,
            changed="2026-12-01",
        )
    ],
)


def _analyze(path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", "analyze", str(path), *flags],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    path = tmp_path / "talks.argmap.json"
    path.write_text(DOC.model_dump_json(indent=2), encoding="utf-8")
    return path


def test_the_json_carries_every_cell(map_file: Path) -> None:
    run = _analyze(map_file, "--json")
    assert run.returncode == 0, run.stderr
    ach = json.loads(run.stdout)["ach"]
    assert ach["scenarios"] == ["h1", "h2", "h3"]
    assert ach["ranking"][-1] == "h3" and ach["scores"]["h3"]["judged_cells"] == 0
    rows = {r["id"]: r for r in ach["rows"]}
    assert list(rows) == ["e1", "e2", "a1"]
    e1 = {c["scenario"]: c for c in rows["e1"]["cells"]}
    assert e1["h1"] == {
        "scenario": "h1", "rating": "CC", "derived": "CC", "explicit": False,
        "state": "judged", "weight": 1.414214,
    }  # fmt: skip
    assert (e1["h2"]["rating"], e1["h2"]["derived"], e1["h2"]["explicit"]) == ("I", None, True)
    assert (e1["h3"]["rating"], e1["h3"]["state"]) == (None, "blank")
    e2 = {c["scenario"]: c for c in rows["e2"]["cells"]}
    assert (e2["h1"]["rating"], e2["h1"]["state"]) == ("NA", "not applicable")
    assert rows["e2"]["credibility"] == {
        "level": "low", "value": 0.707107, "set": False, "statement_credibility": 0.3,
    }  # fmt: skip
    assert rows["e2"]["relevance"] == {"level": "high", "value": 1.414214, "set": True}
    assert rows["e2"]["weight"] == 1.0 and rows["e2"]["diagnosticity"] is None
    assert rows["e1"]["diagnosticity"] == 3 and rows["e1"]["status"] == "diagnostic"
    assert ach["scores"]["h2"]["inconsistency"] == 1.414214
    assert any("“Something else” has no judged cell" in w for w in ach["warnings"])
    sensitivity = ach["sensitivity"]
    assert sensitivity["leader"] == "h1" and sensitivity["sentence"].startswith("ACH favours")


def test_the_json_carries_signposts_and_the_key_assumptions_check(map_file: Path) -> None:
    data = json.loads(_analyze(map_file, "--json").stdout)
    assert data["signposts"] == [
        {
            "id": "sp-1", "scenario": "h1", "text": "Talks announced", "status": "emerging",
            "changed": "2026-12-01", "notes": "",
        }
    ]  # fmt: skip
    (a1,) = data["key_assumptions"]["assumptions"]
    assert a1["id"] == "a1" and a1["reliance"]["h1"] > 0 > a1["reliance"]["h2"]


def test_the_text_report_names_step_6_and_the_signposts(map_file: Path) -> None:
    out = _analyze(map_file).stdout
    assert "ACH sensitivity (Heuer's step 6): ACH favours “Deal”" in out
    assert "Signposts:\n  Deal\n    [emerging, 2026-12-01] Talks announced" in out
