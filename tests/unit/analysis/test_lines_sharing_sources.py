"""Lines into one scenario that share sources count in the order worth most, also among
many lines: hand-worked totals for a tangle of three lines beside five independent ones,
and for eight reports of one article."""

from __future__ import annotations

import math

import pytest
from weights_maps import article, claim, evidence, quote, scenario, support

from argmap.analysis.contributions import scenario_shares
from argmap.analysis.establishment import evaluate
from argmap.analysis.evidence_network import compile_network
from argmap.analysis.scenario_weights import scenario_weights
from argmap.model import ArgMap, Inference, InferenceKind


def attack_line(iid: str, premise: str, to: str, strength: float) -> Inference:
    return Inference(
        id=iid, premises=[premise], conclusion=to, strength=strength, kind=InferenceKind.ATTACK
    )


def tangle() -> ArgMap:
    """Into A: five independent reports p0..p4 (each also drawn against B), then
    Y (e1, quoting s), Z (e2, quoting t) and X (the claim k, on ea quoting s and eb
    quoting t)."""
    return ArgMap(
        sources=[article("s"), article("t")],
        quotes=[
            quote("q1", "s", "Troops massed at the border."),
            quote("q2", "t", "Troops massed at the border."),
            quote("qa", "s", "Talks stalled."),
            quote("qb", "t", "Talks stalled."),
        ],
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            *(evidence(f"p{j}", 0.5) for j in range(5)),
            evidence("e1", 0.9, ["q1"]),
            evidence("e2", 0.9, ["q2"]),
            evidence("ea", 0.9, ["qa"]),
            evidence("eb", 0.9, ["qb"]),
            claim("k"),
        ],
        inferences=[
            *(support(f"a{j}", [f"p{j}"], "A", 0.5) for j in range(5)),
            *(attack_line(f"b{j}", f"p{j}", "B", 0.5) for j in range(5)),
            support("Y", ["e1"], "A", 0.75),
            support("Z", ["e2"], "A", 0.75),
            support("ka", ["ea"], "k", 1.0),
            support("kb", ["eb"], "k", 1.0),
            support("X", ["k"], "A", 0.9),
        ],
    )


def test_a_tangle_of_lines_counts_in_the_order_worth_most() -> None:
    # Y and Z are 4:1 lines at 0.9: 0.9 ln 4 each. X is a 10:1 line through k, which holds
    # with 1 - 0.1 x 0.1 = 0.99: alone the strongest (0.99 ln 10 = 2.28), but it shares s
    # with Y and t with Z. Best: Y whole (1.25), then X for what eb alone gives k once s is
    # knocked out (0.9 ln 10 = 2.07), then Z adds nothing (t is X's too): 3.32 in all.
    # X first would give 2.28, Y and Z whole and X nothing 2.50, all three whole 4.77.
    # The five independent reports add 0.5 ln 2 each, as they take 0.5 ln 1/2 from B.
    a, b = scenario_weights(tangle())
    assert a.evidence == pytest.approx(5 * 0.5 * math.log(2) + 0.9 * math.log(4 * 10))
    assert b.evidence == pytest.approx(-5 * 0.5 * math.log(2))


def one_article_reports(n: int) -> ArgMap:
    """n reports quoting one article into A, weakest first (credibility 0.5 .. 0.85)."""
    creds = [0.5 + 0.05 * j for j in range(n)]
    return ArgMap(
        sources=[article("s")],
        quotes=[quote(f"q{j}", "s", "Talks stalled.") for j in range(n)],
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            *(evidence(f"r{j}", c, [f"q{j}"]) for j, c in enumerate(creds)),
        ],
        inferences=[support(f"i{j}", [f"r{j}"], "A", 0.9) for j in range(n)],
    )


@pytest.mark.parametrize("n", [3, 8], ids=["searched exactly", "more than seven, strongest first"])
def test_reports_of_one_article_are_one_witness_its_most_credible(n: int) -> None:
    a, _ = scenario_weights(one_article_reports(n))
    assert a.evidence == pytest.approx((0.5 + 0.05 * (n - 1)) * math.log(10))


def test_a_report_drawn_into_two_scenarios_still_counts_once_in_a_shared_line() -> None:
    # A: L1 (e1, quoting s, 0.8) a 10:1 line; L2 a 4:1 line through k, which stands on e2
    # (quoting s) and e3 (0.5). e2 is also drawn for B (0.6 ln 2 there). Knocking s out
    # for L2 must reach k through e2's line into k, not stop at its line into B:
    # A = 0.8 ln 10 + 0.5 ln 4.
    doc = ArgMap(
        sources=[article("s")],
        quotes=[
            quote("q1", "s", "Troops massed at the border."),
            quote("q2", "s", "Talks stalled."),
        ],
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", 0.8, ["q1"]),
            evidence("e2", 0.6, ["q2"]),
            evidence("e3", 0.5),
            claim("k"),
        ],
        inferences=[
            support("e2B", ["e2"], "B", 0.5),
            support("L1", ["e1"], "A", 0.9),
            support("i2", ["e2"], "k", 1.0),
            support("i3", ["e3"], "k", 1.0),
            support("L2", ["k"], "A", 0.75),
        ],
    )
    a, b = scenario_weights(doc)
    assert a.evidence == pytest.approx(0.8 * math.log(10) + 0.5 * math.log(4))
    assert b.evidence == pytest.approx(0.6 * math.log(2))


def test_a_line_counting_in_part_has_its_shares_scaled_by_that_part() -> None:
    # L2 (through k, on e2 quoting s and the independent e3) would count for k ln 4 with
    # k = 1 - 0.4 x 0.5 = 0.8; beside L1, which has s too, it counts for 0.5 ln 4. Each
    # judgement beneath it gets 0.5 / 0.8 of the share it has when L2 stands alone.
    def shares(with_l1: bool) -> dict[tuple[str, bool], float]:
        doc = ArgMap(
            sources=[article("s")],
            quotes=[
                quote("q1", "s", "Troops massed at the border."),
                quote("q2", "s", "Talks stalled."),
            ],
            statements=[
                scenario("A", 1.0),
                scenario("B", 1.0),
                evidence("e1", 0.8, ["q1"]),
                evidence("e2", 0.6, ["q2"]),
                evidence("e3", 0.5),
                claim("k"),
            ],
            inferences=[
                *([support("L1", ["e1"], "A", 0.9)] if with_l1 else []),
                support("i2", ["e2"], "k", 1.0),
                support("i3", ["e3"], "k", 1.0),
                support("L2", ["k"], "A", 0.75),
            ],
        )
        net = compile_network(doc)
        found = scenario_shares(net, net.index["A"], evaluate(net))
        return {(net.ids[s.node], s.strength): s.amount for s in found.shares}

    alone, beside = shares(with_l1=False), shares(with_l1=True)
    assert math.fsum(alone.values()) == pytest.approx(0.8 * math.log(4))
    l2_players = [("L2", True), ("e2", False), ("i2", True), ("e3", False), ("i3", True)]
    assert set(alone) == set(l2_players)
    for player in l2_players:
        assert beside[player] == pytest.approx(alone[player] * 0.5 / 0.8)
    # L1 counts whole, shared equally by its rating and e1's credibility.
    assert beside[("L1", True)] == pytest.approx(0.8 * math.log(10) / 2)
    assert beside[("e1", False)] == pytest.approx(0.8 * math.log(10) / 2)
