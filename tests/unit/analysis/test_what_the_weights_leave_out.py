"""A map the weights cannot count in full says what they leave out and why, and the rest
still counts: a statement id used twice, a premise that is no statement of the map."""

from __future__ import annotations

import math

import pytest
from weights_maps import claim, evidence, scenario, support, undercut

from argmap.analysis.evidence_network import Uncounted, compile_network
from argmap.analysis.scenario_weights import scenario_weights
from argmap.model import ArgMap, Statement, StatementKind


def test_a_repeated_statement_id_and_an_unknown_premise_are_reported() -> None:
    doc = ArgMap(
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", 0.8),
            evidence("e1", 0.1),  # the second e1 is ignored: the first one's 0.8 counts
        ],
        inferences=[
            support("i1", ["e1"], "A", 0.9),
            support("i2", ["ghost", "e1"], "B", 0.9),
        ],
    )
    net = compile_network(doc)
    assert net.warnings == [
        "statement id 'e1' is used twice; the second is ignored",
        "inference 'i2' is not counted: its premises ['ghost'] are no statements of the map",
    ]
    assert net.uncounted == [Uncounted("i2", "its premises ['ghost'] are no statements of the map")]
    a, b = scenario_weights(doc, net)
    assert a.evidence == pytest.approx(0.8 * math.log(10))
    assert b.evidence == 0.0


def test_links_to_the_wrong_kind_of_node_are_reported() -> None:
    doc = ArgMap(
        statements=[scenario("A", 1.0), scenario("B", 1.0), evidence("e1", 0.8)],
        inferences=[
            support("i1", ["e1"], "A", 0.9),
            support("i2", ["i1"], "B", 0.9),  # a premise must be a statement
            support("i3", ["e1"], "nowhere", 0.9),
            undercut("i4", ["e1"], "B", 0.9),  # an undercut targets an inference
        ],
    )
    net = compile_network(doc)
    assert net.uncounted == [
        Uncounted("i2", "its premises ['i1'] are no statements of the map"),
        Uncounted("i3", "its conclusion 'nowhere' is no statement of the map"),
        Uncounted("i4", "its conclusion 'B' is no inference of the map"),
    ]
    a, b = scenario_weights(doc, net)
    assert (a.evidence, b.evidence) == (pytest.approx(0.8 * math.log(10)), 0.0)


def test_question_links_scenario_premises_and_support_cycles_are_left_out() -> None:
    doc = ArgMap(
        statements=[
            Statement(id="q", kind=StatementKind.QUESTION, text="Q?"),
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", 0.8),
            claim("a"),
            claim("b"),
        ],
        inferences=[
            support("Aq", ["A"], "q", None),  # A answers q: structure, not evidence
            support("AB", ["A"], "B", 0.5),
            support("i1", ["e1"], "a", 0.9),
            support("ab", ["a"], "b", 0.9),
            support("ba", ["b"], "a", 0.9),
            support("bA", ["b"], "A", 0.9),
        ],
    )
    net = compile_network(doc)
    premise = (
        "a scenario is among its premises (scenarios are exclusive answers, "
        "weighed by the evidence, not evidence themselves)"
    )
    cycle = "it is part of a cycle through the statement it supports"
    assert net.uncounted == [
        Uncounted("Aq", "it says which question a scenario answers"),
        Uncounted("AB", premise),
        Uncounted("ba", cycle),
        Uncounted("ab", cycle),
    ]
    # Only the left-out evidence is a warning; answering the question is no fault.
    assert net.warnings == [
        f"inference 'AB' is not counted: {premise}",
        f"inference 'ba' is not counted: {cycle}",
        f"inference 'ab' is not counted: {cycle}",
    ]
    # b stands on nothing once the circle is cut, so its line moves A not at all.
    a, b = scenario_weights(doc, net)
    assert (a.evidence, b.evidence) == (0.0, 0.0)
