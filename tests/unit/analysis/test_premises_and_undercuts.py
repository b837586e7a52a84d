"""How far a line holds: linked premises together (independent ones multiply, two parts of
one report count as the weaker), and undercuts from one article counting once."""

from __future__ import annotations

import math

import pytest
from weights_maps import article, evidence, quote, scenario, support, undercut

from argmap.analysis.scenario_weights import scenario_weights
from argmap.model import ArgMap

TROOPS, TALKS = "Troops massed at the border.", "Talks stalled."


def two_premises(second_source: str) -> ArgMap:
    """One 10:1 line into A on two linked premises: e1 (0.8, quoting s) and e2 (0.5)."""
    return ArgMap(
        sources=[article("s"), article("t")],
        quotes=[quote("q1", "s", TROOPS), quote("q2", second_source, TALKS)],
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", 0.8, ["q1"]),
            evidence("e2", 0.5, ["q2"]),
        ],
        inferences=[support("i1", ["e1", "e2"], "A", 0.9)],
    )


def test_independent_linked_premises_hold_together_with_the_product() -> None:
    a, _ = scenario_weights(two_premises(second_source="t"))
    assert a.evidence == pytest.approx(0.8 * 0.5 * math.log(10))


def test_two_parts_of_one_report_hold_together_as_the_weaker() -> None:
    a, _ = scenario_weights(two_premises(second_source="s"))
    assert a.evidence == pytest.approx(0.5 * math.log(10))


def test_two_undercuts_from_one_article_count_once() -> None:
    # e1 (0.8) backs A with a 10:1 line; r1 and r2, two reports of one article (0.5 each),
    # undercut it at 0.6: together one witness, U = 0.3, so the line holds with
    # 0.8 x 0.7 = 0.56 (counted twice, 0.8 x 0.7^2 = 0.392).
    doc = ArgMap(
        sources=[article("s")],
        quotes=[quote("q1", "s", TROOPS), quote("q2", "s", TALKS)],
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", 0.8),
            evidence("r1", 0.5, ["q1"]),
            evidence("r2", 0.5, ["q2"]),
        ],
        inferences=[
            support("i1", ["e1"], "A", 0.9),
            undercut("u1", ["r1"], "i1", 0.6),
            undercut("u2", ["r2"], "i1", 0.6),
        ],
    )
    a, _ = scenario_weights(doc)
    assert a.evidence == pytest.approx(0.56 * math.log(10))
