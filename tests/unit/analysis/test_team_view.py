"""The team view: analysts' weights pooled linearly and logarithmically, checked by hand."""

from __future__ import annotations

import random

import pytest
from layer_maps import two_scenarios

from argmap.analysis.disagreement import disagreements
from argmap.analysis.opinion_pools import linear_pool, log_pool
from argmap.analysis.team_view import team_view
from argmap.io.map_file import load_map
from argmap.model import AchRating, Layer, LayerRating, StatementKind
from argmap.resources import resource

ALICE, BOB, CAROL = (0.6, 0.3, 0.1), (0.2, 0.5, 0.3), (0.5, 0.3, 0.2)


def test_a_linear_pool_of_three_analysts_by_hand() -> None:
    # A: (0.6 + 0.2 + 0.5) / 3 = 1.3 / 3; B: (0.3 + 0.5 + 0.3) / 3 = 1.1 / 3; C: 0.6 / 3.
    assert linear_pool([ALICE, BOB, CAROL]) == pytest.approx([0.433333, 0.366667, 0.2], abs=1e-6)
    # Weighted 2:1:1: A = (2 x 0.6 + 0.2 + 0.5) / 4 = 0.475.
    assert linear_pool([ALICE, BOB, CAROL], [2, 1, 1])[0] == pytest.approx(0.475)


def test_a_log_pool_of_three_analysts_by_hand() -> None:
    # Geometric means: A (0.6 x 0.2 x 0.5)^(1/3) = 0.06^(1/3) = 0.391487,
    # B 0.045^(1/3) = 0.355689, C 0.006^(1/3) = 0.181712; their sum 0.928888.
    # Renormalised: 0.421457, 0.382919, 0.195623.
    assert log_pool([ALICE, BOB, CAROL]) == pytest.approx([0.421457, 0.382919, 0.195623], abs=1e-6)


def test_the_log_pool_is_sharper_and_lets_one_zero_veto() -> None:
    sharper = log_pool([(0.7, 0.2, 0.1), (0.7, 0.1, 0.2)])
    assert sharper is not None and sharper[0] == pytest.approx(0.71222, abs=1e-5)
    assert linear_pool([(0.7, 0.2, 0.1), (0.7, 0.1, 0.2)])[0] == pytest.approx(0.7)
    assert log_pool([(0.5, 0.5), (0.0, 1.0)]) == [0.0, 1.0]
    assert linear_pool([(0.5, 0.5), (0.0, 1.0)]) == [0.25, 0.75]
    assert log_pool([(1.0, 0.0), (0.0, 1.0)]) is None  # every scenario ruled out by someone
    with pytest.raises(ValueError, match="analyst weights"):
        linear_pool([ALICE, BOB], [1.0, -1.0])


def _three_analysts() -> list[Layer]:
    # No evidence counts (both reports at credibility 0): each analyst's weights are
    # their priors, A:B = 3:1, 1:1 and 1:4.
    silent = {"e1": 0.0, "e2": 0.0}
    return [
        Layer(name="Alice", credibility=silent, prior={"a": 3.0, "b": 1.0}),
        Layer(name="Bob", credibility=silent),
        Layer(name="Carol", credibility=silent, prior={"a": 1.0, "b": 4.0}),
    ]


def test_the_team_view_pools_each_analysts_weights_from_the_map() -> None:
    team = team_view(two_scenarios(*_three_analysts()))
    assert [a.name for a in team.analysts] == ["Alice", "Bob", "Carol"]
    assert [a.weights for a in team.analysts] == [
        pytest.approx((0.75, 0.25)),
        pytest.approx((0.5, 0.5)),
        pytest.approx((0.2, 0.8)),
    ]
    # Linear: A = (0.75 + 0.5 + 0.2) / 3 = 0.483333.
    assert team.linear == pytest.approx((0.483333, 0.516667), abs=1e-6)
    # Log: A ∝ (0.75 x 0.5 x 0.2)^(1/3) = 0.421716, B ∝ (0.25 x 0.5 x 0.8)^(1/3) = 0.464159.
    assert team.log == pytest.approx((0.476045, 0.523955), abs=1e-6)
    assert team.leader() == 1 and team.spread(0) == pytest.approx((0.2, 0.75))


def test_disagreements_are_sorted_by_their_effect_on_the_teams_leader() -> None:
    layers = _three_analysts()
    layers[0].strength = {"i2": 0.9}  # a line no one's evidence carries: no effect
    layers[1].credibility = {"e1": 0.0, "e2": 0.0}
    layers[0].ratings = [LayerRating(evidence="e1", scenario="a", rating=AchRating.C)]
    found = disagreements(two_scenarios(*layers))
    assert [(d.kind, d.target) for d in found] == [
        ("prior", "a"),
        ("prior", "b"),
        ("strength", "i2"),
        ("rating", "e1"),
    ]
    prior = found[0]
    assert dict(prior.values) == {"Alice": 0.75, "Bob": 0.5, "Carol": 0.2}
    assert prior.spread == pytest.approx(0.55)
    # Everyone at Alice's 75 % for A: the team gives B 25 %; at Carol's 20 %: 80 %.
    assert (prior.team_low, prior.team_high) == pytest.approx((0.25, 0.8))
    # A leads at Alice's value, B at Carol's; at Bob's 50 % the team is tied ("").
    assert prior.decides_lead and prior.leaders == ("", "a", "b")
    assert found[2].impact == 0.0 and found[2].spread == pytest.approx(0.9 - 0.5)
    assert found[3].impact == 0.0 and found[3].spread == 0.0  # C against no explicit rating


def test_one_analyst_has_nothing_to_disagree_with() -> None:
    assert disagreements(two_scenarios(Layer(name="Alice", credibility={"e1": 0.1}))) == []


def test_the_incremental_effects_equal_weighing_every_map_again() -> None:
    doc = load_map(resource("sample.argmap.json"))
    rng = random.Random(7)
    for name in ("Alice", "Bob", "Carol"):
        layer = Layer(name=name)
        for s in doc.statements:
            if s.kind is StatementKind.SCENARIO:
                layer.prior[s.id] = rng.uniform(0.5, 4.0)
            elif rng.random() < 0.4:
                layer.credibility[s.id] = rng.choice([None, round(rng.random(), 2)])
        for i in doc.inferences:
            if rng.random() < 0.4:
                layer.strength[i.id] = rng.choice([None, round(rng.random(), 2)])
        doc.layers.append(layer)
    fast = disagreements(doc)
    slow = disagreements(doc, incremental=False)
    assert len(fast) > 50
    assert [(d.kind, d.target, d.leaders) for d in fast] == [
        (d.kind, d.target, d.leaders) for d in slow
    ]
    for f, s in zip(fast, slow, strict=True):
        assert (f.team_low, f.team_high) == pytest.approx((s.team_low, s.team_high), abs=1e-12)
