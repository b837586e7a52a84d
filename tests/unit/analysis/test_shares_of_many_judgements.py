"""Shares of a line resting on many judgements: sampled orders from 9 to 24 players
(repeatable, adding up exactly, equal players nearly equal), and the split along the
map beyond 24 players, worked by hand."""

from __future__ import annotations

import math

import pytest
from weights_maps import claim, evidence, scenario, support

from argmap.analysis.contributions import ScenarioShares, scenario_shares
from argmap.analysis.establishment import evaluate
from argmap.analysis.evidence_network import compile_network
from argmap.model import ArgMap


def fan(credibilities: list[float], twice: bool = False) -> ArgMap:
    """Reports e0.. back the claim k at strength 0.5 each; k backs A with a 10:1 line.
    The report x backs B, and has no part in A's line. ``twice``: e0 backs k twice."""
    n = len(credibilities)
    return ArgMap(
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            claim("k"),
            *(evidence(f"e{j}", c) for j, c in enumerate(credibilities)),
            evidence("x", 0.7),
        ],
        inferences=[
            *(support(f"i{j}", [f"e{j}"], "k", 0.5) for j in range(n)),
            *([support("i0b", ["e0"], "k", 0.5)] if twice else []),
            support("L", ["k"], "A", 0.9),
            support("xB", ["x"], "B", 0.5),
        ],
    )


def shares_of(doc: ArgMap) -> tuple[ScenarioShares, dict[tuple[str, bool], float]]:
    net = compile_network(doc)
    found = scenario_shares(net, net.index["A"], evaluate(net))
    return found, {(net.ids[s.node], s.strength): s.amount for s in found.shares}


def test_nine_judgements_are_shared_by_sampled_orders() -> None:
    # Nine players: the line's rating, and each report's credibility and link strength.
    # k = 1 - 0.55^2 x 0.75^2 (two reports at 0.9, two at 0.5, links at 0.5): ln F = k ln 10.
    doc = fan([0.9, 0.9, 0.5, 0.5])
    found, by = shares_of(doc)
    line = (1 - 0.55**2 * 0.75**2) * math.log(10)
    assert not found.exact
    assert found.total() == pytest.approx(line, abs=1e-12)
    assert shares_of(doc)[1] == by  # seeded by the line's id: the same every time
    # Every judgement is needed (a missing one cuts its report off), so none is negative;
    # the four judgements of the two 0.9 reports play equal parts, as do the 0.5 ones.
    assert len(by) == 9
    assert min(by.values()) > 0.0
    strong = [by[("e0", False)], by[("e1", False)], by[("i0", True)], by[("i1", True)]]
    weak = [by[("e2", False)], by[("e3", False)], by[("i2", True)], by[("i3", True)]]
    assert max(strong) - min(strong) < 0.05
    assert max(weak) - min(weak) < 0.05
    assert min(strong) > max(weak)
    # The rating the whole line hangs on carries the most (exactly 0.79 of the 1.91).
    assert by[("L", True)] == pytest.approx(0.79, abs=0.1)


def test_past_twenty_four_judgements_the_line_is_split_along_the_map() -> None:
    # 25 players: the line's rating takes half of ln F; the other half goes down to k's
    # supports in proportion to -ln(1 - force): 0.45 for a 0.9 report, 0.25 for a 0.5 one,
    # and on to each report's credibility.
    doc = fan([0.9] * 6 + [0.5] * 6)
    found, by = shares_of(doc)
    line = (1 - 0.55**6 * 0.75**6) * math.log(10)
    strong, weak = -math.log(0.55), -math.log(0.75)
    assert not found.exact
    assert found.total() == pytest.approx(line)
    assert by[("L", True)] == pytest.approx(line / 2)
    assert by[("e0", False)] == pytest.approx(line / 2 * strong / (6 * (strong + weak)))
    assert by[("e11", False)] == pytest.approx(line / 2 * weak / (6 * (strong + weak)))
    assert len(by) == 13  # the link strengths get no share on this approximation
    assert ("x", False) not in by


def test_a_report_feeding_a_line_twice_gets_both_portions_along_the_map() -> None:
    # e0 also backs k through i0b (which adds nothing to k: e0 is one witness). Along the
    # map each of k's 13 supports passes on its -ln(1 - force) part, so e0 gets two
    # 0.9-report portions of the half below the line's rating.
    doc = fan([0.9] * 6 + [0.5] * 6, twice=True)
    _, by = shares_of(doc)
    line = (1 - 0.55**6 * 0.75**6) * math.log(10)
    strong, weak = -math.log(0.55), -math.log(0.75)
    parts = 7 * strong + 6 * weak
    assert by[("e0", False)] == pytest.approx(line / 2 * 2 * strong / parts)
    assert by[("e1", False)] == pytest.approx(line / 2 * strong / parts)


def test_along_the_map_linked_premises_that_stand_together_share_their_groups_part() -> None:
    # L's premises k and m are linked and both rest on e0, so they stand or fall together
    # (one group, as good as the weaker). With either missing the group is worth nothing,
    # so each gets half of the group's part: the half of ln F below L's rating. m passes
    # its quarter on to e0, its only support; k's quarter goes to the twelve reports.
    doc = fan([0.9] * 6 + [0.5] * 6)
    doc.statements.append(claim("m"))
    doc.inferences.append(support("im", ["e0"], "m", 0.5))
    linked = next(i for i in doc.inferences if i.id == "L")
    linked.premises = ["k", "m"]
    net = compile_network(doc)
    assert net.premise_groups[net.index["L"]] == ((net.index["k"], net.index["m"]),)
    found, by = shares_of(doc)
    line = found.total()
    strong, weak = -math.log(0.55), -math.log(0.75)
    assert not found.exact and line > 0.0
    assert by[("L", True)] == pytest.approx(line / 2)
    to_k = line / 4 / (6 * (strong + weak))
    assert by[("e11", False)] == pytest.approx(to_k * weak)
    assert by[("e0", False)] == pytest.approx(to_k * strong + line / 4)  # via k and via m
