"""analyze(): the bundle the scenario panel and the CLI read."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from map_strategies import arg_maps

from argmap.analysis.ach import ach_matrix
from argmap.analysis.report import analyze
from argmap.analysis.scenario_weights import scenario_weights
from argmap.model import ArgMap, Inference, Statement, StatementKind


def _doc(question: str | None = "q") -> ArgMap:
    return ArgMap(
        question=question,
        statements=[
            Statement(id="q", kind=StatementKind.QUESTION, text="Will there be a ceasefire?"),
            Statement(id="h1", kind=StatementKind.SCENARIO, text="Deal", prior=2.0),
            Statement(id="h2", kind=StatementKind.SCENARIO, text="No deal", prior=1.0),
            Statement(id="e", kind=StatementKind.EVIDENCE, text="Sanctions bite", credibility=0.9),
        ],
        inferences=[
            Inference(id="i", premises=["e"], conclusion="h2", strength=0.9),
            Inference(id="j", premises=["e"], conclusion="h1", kind="attack", strength=0.3),
        ],
    )


def test_analyze_bundles_weights_and_ach_per_scenario() -> None:
    doc = _doc()
    result = analyze(doc)
    weights = {w.id: w.weight for w in scenario_weights(doc)}
    inconsistency = ach_matrix(doc).inconsistency
    assert [s.id for s in result.scenarios] == ["h1", "h2"]
    for s in result.scenarios:
        assert s.weight == weights[s.id]
        assert s.inconsistency == inconsistency[s.id]
    assert result.scenario("h1").prior == pytest.approx(2 / 3)
    assert result.question_text == "Will there be a ceasefire?"
    assert result.flips is None and result.confidence is None
    assert result.established["e"] == 0.9
    assert result.force["j"] == 0.9  # a line into a scenario: how established its premises are
    (line,) = result.scenario("h2").lines
    assert (line.id, line.rated, line.ratio) == ("i", True, pytest.approx(10.0))
    assert line.counted == pytest.approx(0.9 * math.log(10))


def test_leaders_by_weight_and_by_ach() -> None:
    result = analyze(_doc())
    # h2: 0.9 ln 10 = +2.07; h1: 0.9 ln 0.7 = -0.32; priors 2:1 -> h2 leads
    assert result.leader is not None and result.leader.id == "h2"
    assert result.ach_leader is not None and result.ach_leader.id == "h2"
    # e (credibility 0.9: a High row, sqrt 2) attacks h1: I
    assert result.scenario("h1").inconsistency == pytest.approx(math.sqrt(2))
    assert (result.scenario("h2").weight_rank, result.scenario("h2").ach_rank) == (1, 1)


def test_flips_and_confidence_on_request() -> None:
    result = analyze(_doc(), with_sensitivity=True)
    assert result.flips is not None and result.confidence is not None
    assert result.flips.leader == 1  # h2
    ids = {f.judgement.id for f in result.flips.flips}
    assert {"e", "i", "j", "h1", "h2"} <= ids
    # e's credibility: at 0 the priors (2:1 for h1) decide, so there is a break-even.
    (e,) = [f for f in result.flips.flips if f.judgement.id == "e"]
    assert e.break_even is not None and 0.0 < e.break_even < 0.9
    assert result.flips.scenario_ids[e.new_leader or 0] == "h1"


def test_a_dangling_question_and_no_scenarios_are_warned_about() -> None:
    doc = _doc(question="missing")
    assert any("'missing'" in w for w in analyze(doc).warnings)
    empty = analyze(ArgMap())
    assert empty.scenarios == ()
    assert empty.leader is None
    assert any("no scenario" in w for w in empty.warnings)


@settings(max_examples=40, deadline=None)
@given(arg_maps(max_statements=10))
def test_analyze_handles_any_valid_map(doc: ArgMap) -> None:
    result = analyze(doc, with_sensitivity=True)
    assert len(result.scenarios) == sum(s.kind == "scenario" for s in doc.statements)
    assert sorted(s.weight_rank for s in result.scenarios) == list(
        range(1, len(result.scenarios) + 1)
    )
    assert all(math.isfinite(s.inconsistency) and s.inconsistency >= 0 for s in result.scenarios)
    assert result.flips is not None
    for flip in result.flips.flips:
        j = flip.judgement
        assert j.low <= j.used <= j.high
        if flip.break_even is not None:
            assert 0.0 <= flip.break_even <= 1.0
            assert flip.new_leader is not None and flip.new_leader != result.flips.leader
