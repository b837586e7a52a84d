"""Signposts (version 2): a scenario's indicators are checked and repaired like ratings."""

from __future__ import annotations

from argmap.model import ArgMap, Signpost, SignpostStatus, Statement, StatementKind
from argmap.model.repair import repair_map
from argmap.model.validation import validate


def _map(*signposts: Signpost) -> ArgMap:
    return ArgMap(
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Ceasefire by 2027?"),
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="Ceasefire deal", prior=1),
        ],
        signposts=list(signposts),
    )


def test_a_signpost_starts_not_seen_and_validates() -> None:
    sp = Signpost(id="sp-1", scenario="s-a", text="Envoys named for talks")
    assert sp.status is SignpostStatus.NOT_SEEN
    assert validate(_map(sp)) == []


def test_dangling_wrong_target_and_repeated_signposts_are_reported() -> None:
    doc = _map(
        Signpost(id="sp-1", scenario="s-gone", text="A"),
        Signpost(id="sp-2", scenario="s-q", text="B"),
        Signpost(id="sp-2", scenario="s-a", text="C"),
    )
    found = {(p.path, p.code, p.severity) for p in validate(doc)}
    assert found == {
        ("signposts[0].scenario", "dangling-reference", "error"),
        ("signposts[1].scenario", "wrong-target", "warning"),
        ("signposts[2].id", "duplicate-id", "error"),
    }


def test_repair_drops_a_dangling_signpost_renames_a_repeat_and_says_so() -> None:
    doc = _map(
        Signpost(id="sp-1", scenario="s-gone", text="Lost indicator"),
        Signpost(id="sp-2", scenario="s-a", text="B"),
        Signpost(id="sp-2", scenario="s-a", text="C"),
    )
    report = repair_map(doc)
    fixed = report.doc
    assert [s.text for s in fixed.signposts] == ["B", "C"]
    assert fixed.signposts[0].id == "sp-2" and fixed.signposts[1].id.startswith("sp-")
    assert fixed.signposts[1].id != "sp-2"
    actions = [r.action for r in report.repairs]
    assert any("'Lost indicator' dropped" in a for a in actions)
    assert any("already used" in a for a in actions)
    assert [p for p in validate(fixed) if p.severity == "error"] == []
