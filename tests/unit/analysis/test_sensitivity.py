"""Sensitivity: the items the weights hinge on, checked against full re-evaluation."""

from __future__ import annotations

import pytest
from analysis_map_strategies import scenario_maps
from hypothesis import given, settings

from argmap.analysis.acceptability import compile_network, evaluate
from argmap.analysis.scenario_weights import (
    evidence_factor,
    normalised_priors,
    posterior,
    scenario_nodes,
    scenario_priors,
    scenario_weights,
)
from argmap.analysis.sensitivity import sensitivity
from argmap.model import ArgMap, Inference, Statement, StatementKind


def statement(
    sid: str, kind: str, text: str, credibility: float | None = None, prior: float | None = None
) -> Statement:
    return Statement(
        id=sid, kind=StatementKind(kind), text=text, credibility=credibility, prior=prior
    )


# Equal priors. e1 (0.9) backs "Ceasefire" at strength 0.8: acc 0.5 + 0.5 x 0.72 = 0.86,
# odds 6.14. e2 (0.5) backs "Attrition" at 0.5: acc 0.625, odds 1.67. e3 (0.6) backs
# "Ceasefire" weakly (0.1). "Ceasefire" leads; only e1 (or its inference) can hand the
# lead to "Attrition": with e1 false, Ceasefire's acc drops to 0.5 + 0.5 x 0.06 = 0.53.
FLIP = ArgMap(
    statements=[
        statement("h1", "scenario", "Ceasefire deal within a year", prior=1.0),
        statement("h2", "scenario", "War of attrition continues", prior=1.0),
        statement("e1", "evidence", "Russia's economy is degrading", 0.9),
        statement("e2", "evidence", "Both armies can still recruit", 0.5),
        statement("e3", "evidence", "Talks were mentioned on TV", 0.6),
    ],
    inferences=[
        Inference(id="i1", premises=["e1"], conclusion="h1", strength=0.8),
        Inference(id="i2", premises=["e2"], conclusion="h2", strength=0.5),
        Inference(id="i3", premises=["e3"], conclusion="h1", strength=0.1),
    ],
)


def _weights(acc1: float, acc2: float) -> list[float]:
    return posterior([0.5, 0.5], [evidence_factor(acc1), evidence_factor(acc2)])


def test_sensitivity_finds_the_premise_that_flips_the_leader() -> None:
    result = sensitivity(FLIP)
    assert result.leader == "h1"
    assert set(result.leader_changers()) == {"e1", "i1"}
    (e1_on_h1,) = [x for x in result.for_item("e1") if x.scenario == "h1"]
    base = _weights(0.86 + 0.14 * 0.06, 0.625)[0]
    false = _weights(0.5 + 0.5 * 0.06, 0.625)[0]
    true = _weights(1 - 0.5 * (1 - 0.8) * (1 - 0.06), 0.625)[0]
    assert e1_on_h1.base == pytest.approx(base)
    assert (e1_on_h1.low, e1_on_h1.high) == pytest.approx((false, true))
    assert (e1_on_h1.low_case, e1_on_h1.high_case) == ("false", "true")
    assert e1_on_h1.changes_leader
    assert e1_on_h1.sentence == (
        f"if 'Russia's economy is degrading' is false, 'Ceasefire deal within a year' falls "
        f"from {base:.0%} to {false:.0%}, and 'War of attrition continues' takes the lead"
    )


def test_items_are_ranked_by_swing_and_quiet_ones_are_not_flagged() -> None:
    result = sensitivity(FLIP)
    swings = [x.swing for x in result.items]
    assert swings == sorted(swings, reverse=True)
    assert {x.id for x in result.items} == {"e1", "e2", "e3", "i1", "i2", "i3"}
    assert not any(x.changes_leader for x in result.for_item("e3"))
    top = result.top(2)
    assert len({x.id for x in top}) == 2
    assert top[0].swing == max(swings)


def test_inference_sentences_name_the_argument() -> None:
    (item,) = sensitivity(FLIP).top(1, scenario="h2")
    assert item.sentence.startswith("if the argument from ")


def test_a_map_with_fewer_than_two_scenarios_has_nothing_to_swing() -> None:
    single = ArgMap(
        statements=FLIP.statements[:1] + FLIP.statements[2:3], inferences=FLIP.inferences[:1]
    )
    assert sensitivity(single).items == ()
    assert sensitivity(ArgMap()).leader is None


@settings(max_examples=50, deadline=None)
@given(scenario_maps(min_scenarios=2, max_statements=10))
def test_low_and_high_match_a_full_re_evaluation(doc: ArgMap) -> None:
    net = compile_network(doc)
    cols = scenario_nodes(net)
    priors = normalised_priors(scenario_priors(doc, net, cols))

    def weights(fixed: dict[int, float], bases: dict[int, float]) -> list[float]:
        values = evaluate(net, fixed, bases)
        return posterior(priors, [evidence_factor(values[c]) for c in cols])

    base = weights({}, {})
    for item in sensitivity(doc).items:
        node, j = net.index[item.id], cols.index(net.index[item.scenario])
        pins = (
            [({node: 0.0}, {}), ({node: 1.0}, {})]
            if net.is_statement(node)
            else [({}, {node: 0.0}), ({}, {node: 1.0})]
        )
        seen = [base[j]] + [weights(f, b)[j] for f, b in pins]
        assert item.low == pytest.approx(min(seen), abs=1e-9)
        assert item.high == pytest.approx(max(seen), abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(scenario_maps(min_scenarios=2, max_statements=10))
def test_a_false_statement_weighs_like_a_dropped_one(doc: ArgMap) -> None:
    # The documented reason there is no separate "dropped" case.
    for item in sensitivity(doc).top(3):
        if item.kind != "statement" or item.low_case != "false":
            continue
        dropped = doc.model_copy(deep=True)
        dropped.statements = [x for x in dropped.statements if x.id != item.id]
        gone = {x.id for x in dropped.inferences if item.id in x.premises}
        dropped.inferences = [
            x for x in dropped.inferences if x.id not in gone and x.conclusion not in gone
        ]
        weight = next(w.weight for w in scenario_weights(dropped) if w.id == item.scenario)
        assert weight == pytest.approx(item.low, abs=1e-9)
