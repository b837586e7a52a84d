"""Credibility is one number everywhere (issue #15): a statement nobody judged, weighed by
the analysis at a value its reasons give it, reads "not judged · N % from its supports
and attacks" in the inspector, and the ACH matrix shows that N marked as derived."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.main_window_fixtures import close_window, make_window, use_home
from PySide6.QtCore import Qt

from argmap.analysis.credibility_shown import shown_credibility
from argmap.ui.scenarios.ach_model import CREDIBILITY_COL

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample.argmap.json"


@pytest.fixture
def win(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    w = make_window(qtbot, use_home(tmp_path, monkeypatch))
    assert w.open_path(SAMPLE)
    yield w
    close_window(w)


def _ach_row(win, sid: str) -> int:
    model = win.scenario_panes.ach.model
    for row in range(model.rowCount() - 1):
        if model.evidence_at(row).id == sid:
            return row
    raise AssertionError(f"{sid} not in the ACH matrix")


def test_an_unjudged_statement_shows_its_derived_value_alike_in_inspector_and_ach(win) -> None:
    doc = win.controller.doc
    model = win.scenario_panes.ach.model
    unjudged = [
        e
        for e in model.matrix.evidence
        if doc.statement(e.id).credibility is None and e.judged is None
    ]
    assert unjudged, "the sample has evidence nobody judged in the ACH matrix"
    evidence = unjudged[0]
    number = f"{round(evidence.credibility * 100)} %"
    win.controller.set_selection([evidence.id])
    label = win.inspector.credibility_used
    assert not label.isHidden()
    assert label.text() == f"not judged · {number} from its supports and attacks"
    index = model.index(_ach_row(win, evidence.id), CREDIBILITY_COL)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == number + "*"
    assert label.text() in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_a_judged_statement_moved_by_nothing_shows_one_number(win) -> None:
    doc = win.controller.doc
    model = win.scenario_panes.ach.model
    plain = [
        e
        for e in model.matrix.evidence
        if e.judged is not None and abs(e.judged - e.credibility) < 0.005
    ]
    assert plain
    evidence = plain[0]
    win.controller.set_selection([evidence.id])
    assert win.inspector.credibility_used.isHidden()
    index = model.index(_ach_row(win, evidence.id), CREDIBILITY_COL)
    assert (
        model.data(index, Qt.ItemDataRole.DisplayRole) == f"{round(evidence.credibility * 100)} %"
    )
    assert doc.statement(evidence.id).credibility == evidence.judged


def test_judging_it_keeps_the_panels_agreeing(win, qtbot) -> None:
    """After the analyst sets the credibility, the inspector shows the judgement and the
    value the analysis uses (if its reasons move it), and the ACH matrix that value."""
    model = win.scenario_panes.ach.model
    sid = next(e.id for e in model.matrix.evidence if e.judged is None)
    win.controller.set_selection([sid])
    win.controller.set_statement_field(sid, "credibility", 0.8)
    win.scenario_panes.live.refresh()
    # (the ACH table re-sorts after an analysis and may carry the selection to the row
    # now in its place: a separate defect, left to the ACH pane's owner)
    win.controller.set_selection([sid])
    evidence = model.evidence_at(_ach_row(win, sid))
    assert evidence.judged == 0.8
    number = f"{round(evidence.credibility * 100)} %"
    index = model.index(_ach_row(win, sid), CREDIBILITY_COL)
    shown = model.data(index, Qt.ItemDataRole.DisplayRole)
    label = win.inspector.credibility_used
    if abs(evidence.credibility - 0.8) < 0.005:
        assert label.isHidden() and shown == "80 %"
    else:
        assert label.text() == f"judged 80 % · {number} after its supports and attacks"
        assert shown == number + "*"


def test_words_for_each_case() -> None:
    assert shown_credibility(None, None) == "not judged"
    assert shown_credibility(0.7, 0.7) == "70 %"
    assert shown_credibility(None, 0.57) == "not judged · 57 % from its supports and attacks"
    assert shown_credibility(0.7, 0.55) == "judged 70 % · 55 % after its supports and attacks"
