"""Scenario weights: priors, the odds update, and the distribution they always form."""

from __future__ import annotations

import math

import pytest
from analysis_map_strategies import scenario_maps
from hypothesis import given, settings
from hypothesis import strategies as st
from map_strategies import arg_maps

from argmap.analysis.map_graph import consequences
from argmap.analysis.scenario_weights import (
    evidence_factor,
    normalised_priors,
    posterior,
    scenario_weights,
)
from argmap.model import ArgMap, Inference, Statement, StatementKind


def scenario(sid: str, prior: float | None = None) -> Statement:
    return Statement(id=sid, kind=StatementKind.SCENARIO, text=f"Scenario {sid}", prior=prior)


def evidence(sid: str, credibility: float | None) -> Statement:
    return Statement(id=sid, kind=StatementKind.EVIDENCE, text=sid, credibility=credibility)


def test_priors_are_normalised_and_missing_ones_get_the_average_share() -> None:
    assert normalised_priors([1.0, None, 3.0]) == pytest.approx([1 / 6, 2 / 6, 3 / 6])
    assert normalised_priors([None, None]) == [0.5, 0.5]
    assert normalised_priors([0.0, 0.0, 0.0]) == pytest.approx([1 / 3] * 3)
    assert normalised_priors([math.inf, 1.0]) == [0.5, 0.5]
    assert normalised_priors([]) == []


def test_the_evidence_factor_is_the_clipped_odds() -> None:
    assert evidence_factor(0.5) == 1.0
    assert evidence_factor(0.75) == pytest.approx(3.0)
    assert evidence_factor(1.0) == pytest.approx(999.0)
    assert evidence_factor(0.0) == pytest.approx(1 / 999)


def test_posterior_falls_back_to_the_priors_when_degenerate() -> None:
    assert posterior([0.5, 0.5], [0.0, 0.0]) == [0.5, 0.5]


def test_a_worked_update() -> None:
    # Priors 0.25 / 0.75. Evidence e (0.8) supports A with strength 0.5: force 0.4,
    # acc(A) = 0.5 + 0.5 x 0.4 = 0.7, odds 7/3. B stays at 0.5, odds 1.
    # weights: 0.25 x 7/3 = 0.5833 and 0.75 x 1 = 0.75, over 1.3333: 0.4375 / 0.5625.
    doc = ArgMap(
        statements=[scenario("A", 1.0), scenario("B", 3.0), evidence("e", 0.8)],
        inferences=[Inference(id="i", premises=["e"], conclusion="A", strength=0.5)],
    )
    a, b = scenario_weights(doc)
    assert (a.prior, b.prior) == (0.25, 0.75)
    assert a.acceptability == pytest.approx(0.7)
    assert a.factor == pytest.approx(7 / 3)
    assert (a.weight, b.weight) == pytest.approx((0.4375, 0.5625))


def test_no_scenario_gives_no_weights_and_one_scenario_gets_everything() -> None:
    assert scenario_weights(ArgMap(statements=[evidence("e", 0.9)])) == []
    (only,) = scenario_weights(ArgMap(statements=[scenario("A", 0.0)]))
    assert only.weight == 1.0


@settings(max_examples=80, deadline=None)
@given(scenario_maps(acyclic=False))
def test_weights_always_form_a_distribution(doc: ArgMap) -> None:
    weights = [w.weight for w in scenario_weights(doc)]
    n = sum(s.kind is StatementKind.SCENARIO for s in doc.statements)
    assert len(weights) == n
    assert all(math.isfinite(w) and w >= 0.0 for w in weights)
    if weights:
        assert math.fsum(weights) == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(arg_maps(max_statements=10))
def test_weights_of_any_valid_map_form_a_distribution(doc: ArgMap) -> None:
    weights = [w.weight for w in scenario_weights(doc)]
    assert all(math.isfinite(w) and w >= 0.0 for w in weights)
    if weights:
        assert math.fsum(weights) == pytest.approx(1.0)


@settings(max_examples=60, deadline=None)
@given(
    scenario_maps(min_scenarios=1),
    st.data(),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.sampled_from([None, 0.3, 0.9, 1.0]),
)
def test_more_credible_evidence_for_only_one_scenario_never_lowers_it(
    doc: ArgMap, data: st.DataObject, c1: float, c2: float, strength: float | None
) -> None:
    # Attach a new item of evidence that bears on scenario S only, through a claim,
    # possibly linked with an existing statement that bears on nothing but S either.
    scenarios = [s.id for s in doc.statements if s.kind is StatementKind.SCENARIO]
    target = data.draw(st.sampled_from(scenarios))
    partners = [
        s.id
        for s in doc.statements
        if s.kind is not StatementKind.SCENARIO
        and {x for x in consequences(doc, s.id) if x in scenarios} <= {target}
    ]
    partner = data.draw(st.sampled_from([None, *partners]))
    low, high = sorted((c1, c2))

    def with_credibility(c: float) -> float:
        new = doc.model_copy(deep=True)
        new.statements += [
            evidence("new", c),
            Statement(id="bridge", kind=StatementKind.CLAIM, text="bridge"),
        ]
        premises = ["new"] if partner is None else ["new", partner]
        new.inferences += [
            Inference(id="to-bridge", premises=premises, conclusion="bridge", strength=strength),
            Inference(id="to-target", premises=["bridge"], conclusion=target),
        ]
        return next(w.weight for w in scenario_weights(new) if w.id == target)

    assert with_credibility(high) >= with_credibility(low) - 1e-12
