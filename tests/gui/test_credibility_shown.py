"""Credibility is one number everywhere (issue #15): a statement nobody judged, weighed by
the analysis at a value its reasons give it, reads "not judged · N % from its supports
and attacks" in the inspector; the ACH matrix has no row for it (its rows are the pieces
of evidence whose own credibility the weights read, #14), and shows each row's
credibility as the level its statement's judgement falls in, so no panel disagrees."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home

from argmap.analysis.ach_weights import default_credibility
from argmap.analysis.credibility_shown import shown_credibility
from argmap.model import StatementKind

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample.argmap.json"


@pytest.fixture
def win(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    w = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert w.open_path(SAMPLE)
    yield w
    close_window(w)


def test_an_unjudged_statement_shows_its_derived_value_and_is_no_ach_row(win) -> None:
    doc = win.controller.doc
    analysis = win.scenario_panes.live.analysis
    rows = {e.id for e in win.scenario_panes.ach.model.matrix.evidence}
    derived = [
        s
        for s in doc.statements
        if s.credibility is None
        and s.kind not in (StatementKind.QUESTION, StatementKind.SCENARIO)
        and analysis.established.get(s.id) is not None
    ]
    assert derived, "the sample has statements weighed by their reasons alone"
    statement = derived[0]
    used = analysis.established[statement.id]
    win.controller.set_selection([statement.id])
    label = win.inspector.credibility_used
    assert not label.isHidden()
    assert label.text() == f"not judged · {round(used * 100)} % from its supports and attacks"
    assert not rows & {s.id for s in derived}


def test_each_ach_row_shows_the_level_its_statements_judgement_falls_in(win) -> None:
    doc = win.controller.doc
    matrix = win.scenario_panes.ach.model.matrix
    assert matrix.evidence
    for e in matrix.evidence:
        if not e.credibility_set:
            assert e.credibility == default_credibility(doc.statement(e.id).credibility)
        assert e.statement_credibility == doc.statement(e.id).credibility


def test_a_judged_statement_moved_by_nothing_shows_one_number(win) -> None:
    doc = win.controller.doc
    analysis = win.scenario_panes.live.analysis
    plain = [
        s
        for s in doc.statements
        if s.credibility is not None
        and abs(analysis.established.get(s.id, -1.0) - s.credibility) < 0.005
    ]
    assert plain
    win.controller.set_selection([plain[0].id])
    assert win.inspector.credibility_used.isHidden()


def test_words_for_each_case() -> None:
    assert shown_credibility(None, None) == "not judged"
    assert shown_credibility(0.7, 0.7) == "70 %"
    assert shown_credibility(None, 0.57) == "not judged · 57 % from its supports and attacks"
    assert shown_credibility(0.7, 0.55) == "judged 70 % · 55 % after its supports and attacks"
