"""Each judgement's share of a scenario's evidence score is its Shapley value: its average
marginal effect over every order of making the judgements, a missing credibility counting
as 0 and a missing strength as no link. Checked against that definition worked out by
brute force through the public weights, on lines small enough to enumerate; larger lines
are sampled or split along the map, and say so."""

from __future__ import annotations

import itertools
import math

import pytest
from weights_maps import claim, evidence, scenario, support

from argmap.analysis.contributions import ScenarioShares, scenario_shares
from argmap.analysis.establishment import evaluate
from argmap.analysis.evidence_network import compile_network
from argmap.analysis.scenario_weights import scenario_weights
from argmap.model import ArgMap


def two_routes() -> ArgMap:
    # e1 (0.9) and e2 (0.6) support the claim k (at 0.8 and 0.5); k supports h at 0.7
    return ArgMap(
        statements=[
            scenario("h", 0.5),
            scenario("o", 0.5),
            evidence("e1", 0.9),
            evidence("e2", 0.6),
            claim("k"),
        ],
        inferences=[
            support("a1", ["e1"], "k", 0.8),
            support("a2", ["e2"], "k", 0.5),
            support("l", ["k"], "h", 0.7),
        ],
    )


def shares_by_id(doc: ArgMap, scenario_id: str) -> tuple[dict[str, float], ScenarioShares]:
    net = compile_network(doc)
    values = evaluate(net)
    found = scenario_shares(net, net.scenarios[net.ids.index(scenario_id)], values)
    return {net.ids[s.node]: s.amount for s in found.shares}, found


def evidence_score(doc: ArgMap, scenario_id: str) -> float:
    return next(w.evidence for w in scenario_weights(doc) if w.id == scenario_id)


def without(doc: ArgMap, judgements: set[str]) -> ArgMap:
    """The map with these judgements missing: credibility 0, an inference gone."""
    new = doc.model_copy(deep=True)
    for s in new.statements:
        if s.id in judgements:
            s.credibility = 0.0
    new.inferences = [i for i in new.inferences if i.id not in judgements]
    return new


def shapley(doc: ArgMap, scenario_id: str, players: list[str]) -> dict[str, float]:
    """phi_i = sum over the sets S of the others of |S|! (n-|S|-1)! / n! (v(S+i) - v(S))."""
    n = len(players)
    value = {
        frozenset(present): evidence_score(without(doc, set(players) - set(present)), scenario_id)
        for size in range(n + 1)
        for present in itertools.combinations(players, size)
    }
    out = dict.fromkeys(players, 0.0)
    for i in players:
        for present, v in value.items():
            if i not in present:
                k = len(present)
                weight = math.factorial(k) * math.factorial(n - k - 1) / math.factorial(n)
                out[i] += weight * (value[present | {i}] - v)
    return out


def test_each_judgement_gets_its_shapley_value() -> None:
    doc = two_routes()
    found, shares = shares_by_id(doc, "h")
    expected = shapley(doc, "h", ["e1", "e2", "a1", "a2", "l"])
    assert found == pytest.approx(expected, abs=1e-9)
    assert shares.exact
    assert shares.total() == pytest.approx(evidence_score(doc, "h"))
    # the stronger route (0.9 x 0.8 against 0.6 x 0.5) earns its judgements more
    assert found["e1"] > found["e2"] and found["a1"] > found["a2"]
    # credibilities are marked as such, strengths (the line's own too) as strengths
    assert {net_id: sh.strength for net_id, sh in zip(found, shares.shares, strict=True)} == {
        "e1": False,
        "e2": False,
        "a1": True,
        "a2": True,
        "l": True,
    }
    # shares are listed largest first
    assert [abs(s.amount) for s in shares.shares] == sorted(
        (abs(s.amount) for s in shares.shares), reverse=True
    )


def test_a_scenario_without_evidence_has_no_shares() -> None:
    found, shares = shares_by_id(two_routes(), "o")
    assert (found, shares.exact) == ({}, True)


def fan(n: int) -> ArgMap:
    """n pieces of evidence, alike, each supporting the claim k, which supports h."""
    return ArgMap(
        statements=[
            scenario("h", 0.5),
            scenario("o", 0.5),
            claim("k"),
            *(evidence(f"e{j}", 0.5) for j in range(n)),
        ],
        inferences=[
            *(support(f"a{j}", [f"e{j}"], "k", 0.3) for j in range(n)),
            support("l", ["k"], "h", 0.7),
        ],
    )


def test_a_line_of_up_to_24_judgements_is_sampled_repeatably_and_still_adds_up() -> None:
    doc = fan(5)  # 11 judgements: the line, 5 credibilities, 5 strengths
    first, shares = shares_by_id(doc, "h")
    again, _ = shares_by_id(doc, "h")
    assert not shares.exact
    assert first == again
    assert set(first) == {"l", *(f"e{j}" for j in range(5)), *(f"a{j}" for j in range(5))}
    assert shares.total() == pytest.approx(evidence_score(doc, "h"), abs=1e-12)
    assert all(x > 0.0 for x in first.values())


def test_a_line_of_more_than_24_judgements_is_split_along_the_map() -> None:
    doc = fan(13)  # 27 judgements
    found, shares = shares_by_id(doc, "h")
    total = evidence_score(doc, "h")
    assert not shares.exact
    assert shares.total() == pytest.approx(total, abs=1e-12)
    # the line's own rating takes half; the evidence beneath, alike, shares the rest
    # equally (the fallback passes amounts down to statements, not to inner strengths)
    assert found["l"] == pytest.approx(total / 2)
    fed = [found.pop(f"e{j}") for j in range(13)]
    assert fed == pytest.approx([total / 2 / 13] * 13)
    assert set(found) == {"l"}


def test_up_to_8_judgements_a_line_is_exact_and_from_9_sampled() -> None:
    eight = fan(4)
    eight.statements[-1].credibility = None  # e3 unjudged: 4 strengths, 3 credibilities, l
    found, shares = shares_by_id(eight, "h")
    players = ["l", "a0", "a1", "a2", "a3", "e0", "e1", "e2"]
    assert shares.exact
    assert found == pytest.approx(shapley(eight, "h", players), abs=1e-9)
    assert not shares_by_id(fan(4), "h")[1].exact  # 9 judgements
