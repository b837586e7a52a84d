"""Two claims attacking each other settle at the fixed point worked by hand, and a changed
judgement upstream of the cycle moves the cycle and everything after it."""

from __future__ import annotations

import math

import pytest
from weights_maps import attack, claim, evidence, scenario, support

from argmap.analysis.establishment import evaluate, propagate_change, undo_change
from argmap.analysis.evidence_network import compile_network
from argmap.analysis.scenario_weights import evidence_scores
from argmap.model import ArgMap


def rivals(e1: float = 0.8) -> ArgMap:
    """a (on e1) and b (on e2 at 0.6) attack each other at 0.5; a backs A, b backs B."""
    return ArgMap(
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", e1),
            evidence("e2", 0.6),
            claim("a"),
            claim("b"),
        ],
        inferences=[
            support("i1", ["e1"], "a", 1.0),
            support("i2", ["e2"], "b", 1.0),
            attack("ab", ["a"], "b", 0.5),
            attack("ba", ["b"], "a", 0.5),
            support("aA", ["a"], "A", 0.9),
            support("bB", ["b"], "B", 0.9),
        ],
    )


def test_claims_attacking_each_other_settle_at_the_fixed_point() -> None:
    # a = 0.8 (1 - 0.5 b) and b = 0.6 (1 - 0.5 a): a = 0.56 / 0.88 = 7/11, b = 9/22.
    net = compile_network(rivals())
    assert net.warnings == ["a cycle of attacks (a, b, ab, ba) was evaluated to a fixed point"]
    values = evaluate(net)
    a, b = values[net.index["a"]], values[net.index["b"]]
    assert a == pytest.approx(7 / 11, abs=1e-7)
    assert b == pytest.approx(9 / 22, abs=1e-7)
    # Each backs its scenario with a 10:1 line discounted by how far it holds.
    assert evidence_scores(net, values) == pytest.approx(
        [7 / 11 * math.log(10), 9 / 22 * math.log(10)], abs=1e-6
    )


def test_a_changed_judgement_moves_the_cycle_and_what_follows_it() -> None:
    # e1 at 0.4: a = 0.4 (1 - 0.5 b), b = 0.6 (1 - 0.5 a): a = 14/47, b = 24/47.
    net = compile_network(rivals())
    values = evaluate(net)
    before = list(values)
    log = propagate_change(net, values, {net.index["e1"]: 0.4})
    assert values[net.index["a"]] == pytest.approx(14 / 47, abs=1e-7)
    assert values[net.index["b"]] == pytest.approx(24 / 47, abs=1e-7)
    assert evidence_scores(net, values) == pytest.approx(
        [14 / 47 * math.log(10), 24 / 47 * math.log(10)], abs=1e-6
    )
    fresh = compile_network(rivals(e1=0.4))
    assert values == pytest.approx(evaluate(fresh), abs=1e-7)
    undo_change(values, log)
    assert values == before
