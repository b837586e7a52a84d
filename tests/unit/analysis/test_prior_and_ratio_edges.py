"""The edges of the scenario-weight rules: priors that are zero, missing, negative or not
numbers; strengths at or past the ends of the scale; near-ties; repeated scenario ids."""

from __future__ import annotations

import math

import pytest
from weights_maps import evidence, scenario, support

from argmap.analysis.scenario_weights import (
    leaders,
    likelihood_ratio,
    normalised_priors,
    posterior,
    scenario_weights,
)
from argmap.model import ArgMap


def test_a_missing_prior_beside_a_zero_one_gets_the_mean_of_both() -> None:
    assert normalised_priors([0.0, None, 2.0]) == pytest.approx([0.0, 1 / 3, 2 / 3])


@pytest.mark.parametrize(
    ("raw", "shares"),
    [
        ([-1.0, 3.0], [0.5, 0.5]),  # a negative prior counts as missing: the mean, 3
        ([math.inf, 1.0], [0.5, 0.5]),
        ([math.nan, 1.0, 3.0], [2 / 6, 1 / 6, 3 / 6]),
        ([], []),
    ],
)
def test_priors_that_are_not_usable_numbers_count_as_missing(
    raw: list[float | None], shares: list[float]
) -> None:
    assert normalised_priors(raw) == pytest.approx(shares)


def test_a_zero_prior_rules_a_scenario_out_whatever_the_evidence() -> None:
    doc = ArgMap(
        statements=[scenario("A", 0.0), scenario("B", 1.0), evidence("e", 1.0)],
        inferences=[support("i", ["e"], "A", 1.0)],
    )
    weights = {w.id: w.weight for w in scenario_weights(doc)}
    assert weights == {"A": 0.0, "B": 1.0}
    assert posterior([0.0, 0.0], [1.0, 2.0]) == [0.0, 0.0]


@pytest.mark.parametrize(
    ("strength", "attack", "ratio"),
    [
        (0.999, False, 100.0),  # capped at 100:1
        (0.999, True, 0.01),  # and at 1:100
        (1.5, False, 100.0),  # past the scale: its end
        (-0.5, False, 1.0),
        (-0.5, True, 1.0),
        (math.nan, False, 1.0),  # not a number: as if unrated
        (math.inf, True, 1.0),
    ],
)
def test_strengths_at_and_past_the_ends_of_the_scale(
    strength: float, attack: bool, ratio: float
) -> None:
    assert likelihood_ratio(strength, attack=attack) == pytest.approx(ratio)


def test_weights_within_a_billionth_of_the_top_tie_for_the_lead() -> None:
    assert leaders([0.4, 0.4 - 1e-10, 0.2]) == [0, 1]
    assert leaders([0.4, 0.4 - 1e-8, 0.2]) == [0]
    assert leaders([]) == []


def test_of_two_scenarios_with_one_id_the_first_prior_and_title_are_used() -> None:
    first = scenario("A", 3.0)
    again = scenario("A", 1.0)
    again.text = "Another"
    doc = ArgMap(statements=[first, scenario("B", 1.0), again])
    (a, b) = scenario_weights(doc)
    assert (a.id, a.prior_raw, a.prior, a.title) == ("A", 3.0, 0.75, "Scenario A")
    assert (b.prior, b.weight) == (0.25, 0.25)


def test_the_evidence_factor_is_the_combined_likelihood_ratio() -> None:
    doc = ArgMap(
        statements=[scenario("A", 1.0), scenario("B", 1.0), evidence("e", 1.0)],
        inferences=[support("i", ["e"], "A", 0.9)],
    )
    a, b = scenario_weights(doc)
    assert (a.factor, b.factor) == (pytest.approx(10.0), 1.0)
    assert a.weight == pytest.approx(10 / 11)
