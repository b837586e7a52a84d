"""The arithmetic behind the scenario weights at its edges: chances outside [0, 1], scores
far from zero, a tie at the tolerance, strengths tried out without editing the map, and a
line worth exactly one nat."""

from __future__ import annotations

import math

import pytest
from weights_maps import article, evidence, hand_worked, quote, scenario, support, undercut

from argmap.analysis.establishment import evaluate
from argmap.analysis.evidence_network import compile_network
from argmap.analysis.scenario_weights import (
    evidence_scores,
    leaders,
    log_factor,
    posterior,
    scenario_weights,
)
from argmap.model import ArgMap


def test_a_chance_outside_zero_to_one_counts_as_certain_or_as_nothing() -> None:
    # ln F = q ln(lambda) with q a probability: a 10:1 line can never count for more
    # than ln 10, nor turn against its direction.
    assert log_factor(1.5, 10.0) == pytest.approx(math.log(10))
    assert log_factor(1.0, 10.0) == pytest.approx(math.log(10))
    assert log_factor(-0.5, 10.0) == 0.0
    assert log_factor(0.5, 0.25) == pytest.approx(0.5 * math.log(0.25))


@pytest.mark.parametrize("shift", [-800.0, 0.0, 800.0])
def test_only_differences_of_evidence_move_the_weights(shift: float) -> None:
    # Prior odds 1:3 times a likelihood ratio e^2: posterior odds e^2 / 3. Adding the same
    # weight of evidence to both (even ~350 lines of 10:1 each) changes nothing.
    w = posterior([0.25, 0.75], [2.0 + shift, shift])
    odds = math.exp(2.0) / 3
    assert w == pytest.approx([odds / (1 + odds), 1 / (1 + odds)])


def test_priors_and_evidence_of_different_lengths_are_refused() -> None:
    # Silently dropping a scenario would leave weights that still sum to 1.
    with pytest.raises(ValueError, match="zip"):
        posterior([0.5, 0.5], [1.0])


def test_weights_within_the_tolerance_tie_including_at_its_edge() -> None:
    assert leaders([1e-9, 0.0]) == [0, 1]
    assert leaders([2e-9, 0.0]) == [0]


def test_a_strength_tried_out_replaces_the_rating_of_that_line() -> None:
    # The hand-worked map's e1 line (credibility 0.8) tried at 0.75 instead of 0.9: a 4:1
    # line instead of 10:1, so A's evidence is 0.8 ln 4 + 0.5 ln 1/4 (e2's attack).
    doc = hand_worked()
    net = compile_network(doc)
    scores = evidence_scores(net, evaluate(net), strengths={net.index["i1"]: 0.75})
    assert scores[0] == pytest.approx(0.8 * math.log(4) + 0.5 * math.log(0.25))
    assert scores[1] == pytest.approx(0.3 * math.log(5))


def test_a_line_worth_exactly_one_nat_counts() -> None:
    # Two reports from one article, each a 4:1 line trusted at 1 / ln 4 (72 %): the first
    # carries exactly one nat, the second is the same witness and adds nothing.
    one_nat = 1 / math.log(4)
    doc = ArgMap(
        sources=[article("s")],
        quotes=[
            quote("q1", "s", "Troops massed at the border."),
            quote("q2", "s", "Talks stalled."),
        ],
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", one_nat, ["q1"]),
            evidence("e2", one_nat, ["q2"]),
        ],
        inferences=[support("i1", ["e1"], "A", 0.75), support("i2", ["e2"], "A", 0.75)],
    )
    a, b = scenario_weights(doc)
    assert a.evidence == pytest.approx(1.0)
    assert a.weight == pytest.approx(math.e / (1 + math.e))


def test_an_undercut_takes_its_share_off_the_line_it_undercuts() -> None:
    # e1 (0.8) backs A with a 10:1 line; e2 (0.5) undercuts that inference at 0.6, so the
    # line holds with 0.8 x (1 - 0.6 x 0.5) = 0.56 and counts for 0.56 ln 10.
    doc = ArgMap(
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", 0.8),
            evidence("e2", 0.5),
        ],
        inferences=[support("i1", ["e1"], "A", 0.9), undercut("u1", ["e2"], "i1", 0.6)],
    )
    a, _ = scenario_weights(doc)
    assert a.evidence == pytest.approx(0.56 * math.log(10))
