"""Acceptability propagation: worked values, cycles, bad input, incremental updates."""

from __future__ import annotations

import pytest
from analysis_map_strategies import scenario_maps
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.acceptability import (
    acceptability,
    compile_network,
    evaluate,
    propagate_change,
    undo_change,
)
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind

SUPPORT, ATTACK, UNDERCUT = InferenceKind.SUPPORT, InferenceKind.ATTACK, InferenceKind.UNDERCUT


def st_(sid: str, credibility: float | None = None, kind: str = "evidence") -> Statement:
    return Statement(id=sid, kind=StatementKind(kind), text=sid, credibility=credibility)


def inf(
    iid: str,
    premises: list[str],
    conclusion: str,
    kind: InferenceKind = SUPPORT,
    strength: float | None = None,
) -> Inference:
    return Inference(id=iid, premises=premises, conclusion=conclusion, kind=kind, strength=strength)


def values(statements: list[Statement], inferences: list[Inference]) -> dict[str, float]:
    result = acceptability(ArgMap(statements=statements, inferences=inferences))
    return {**result.statements, **result.inferences}


def test_a_leaf_keeps_its_credibility_and_unjudged_counts_as_even() -> None:
    v = values([st_("a", 0.8), st_("b")], [])
    assert v == {"a": 0.8, "b": 0.5}


def test_linked_premises_hold_only_together() -> None:
    # force = strength 0.5 x 0.8 x 0.5 = 0.2; the claim: 0.5 + (1 - 0.5) x 0.2 = 0.6
    v = values(
        [st_("a", 0.8), st_("b"), st_("c", kind="claim")],
        [inf("i", ["a", "b"], "c", strength=0.5)],
    )
    assert v["i"] == pytest.approx(0.2)
    assert v["c"] == pytest.approx(0.6)


def test_convergent_supports_combine_by_noisy_or() -> None:
    # each force 0.5; S = 1 - 0.5 x 0.5 = 0.75; claim = 0.5 + 0.5 x 0.75 = 0.875
    v = values(
        [st_("a", 1.0), st_("b", 1.0), st_("c", kind="claim")],
        [inf("i", ["a"], "c", strength=0.5), inf("j", ["b"], "c", strength=0.5)],
    )
    assert v["c"] == pytest.approx(0.875)


def test_an_attack_pulls_the_base_down() -> None:
    # A = 0.4; 0.8 x (1 - 0.4) = 0.48
    v = values([st_("a", 1.0), st_("c", 0.8)], [inf("i", ["a"], "c", ATTACK, 0.4)])
    assert v["c"] == pytest.approx(0.48)


def test_support_and_attack_together() -> None:
    # b = 0.5, S = 0.6, A = 0.5: 0.5*0.4*0.5 + 0.6*0.5 + 0.5*0.6*0.5 = 0.55
    v = values(
        [st_("a", 1.0), st_("o", 1.0), st_("c", kind="claim")],
        [inf("i", ["a"], "c", strength=0.6), inf("j", ["o"], "c", ATTACK, 0.5)],
    )
    assert v["c"] == pytest.approx(0.55)


def test_an_undercut_weakens_the_inference_not_its_premise() -> None:
    # support force 0.8 x (1 - 0.5) = 0.4; claim 0.5 + 0.5 x 0.4 = 0.7
    v = values(
        [st_("a", 1.0), st_("o", 1.0, "objection"), st_("c", kind="claim")],
        [inf("i", ["a"], "c", strength=0.8), inf("u", ["o"], "i", UNDERCUT, 0.5)],
    )
    assert v["i"] == pytest.approx(0.4)
    assert v["a"] == 1.0
    assert v["c"] == pytest.approx(0.7)


def test_unjudged_strength_counts_as_0_7() -> None:
    v = values([st_("a", 1.0), st_("c", kind="claim")], [inf("i", ["a"], "c")])
    assert v["i"] == pytest.approx(0.7)


def test_a_scenario_starts_neutral_whatever_its_credibility() -> None:
    v = values([st_("h", 0.1, "scenario")], [])
    assert v["h"] == 0.5


def test_mutual_attacks_settle_at_the_fixed_point() -> None:
    # a = 0.8 (1 - a)  =>  a = 0.8 / 1.8
    doc = ArgMap(
        statements=[st_("a", 0.8), st_("b", 0.8)],
        inferences=[inf("i", ["a"], "b", ATTACK, 1.0), inf("j", ["b"], "a", ATTACK, 1.0)],
    )
    result = acceptability(doc)
    assert result.statements["a"] == pytest.approx(0.8 / 1.8, abs=1e-6)
    assert result.statements["b"] == pytest.approx(0.8 / 1.8, abs=1e-6)
    assert any("cycle" in w for w in result.warnings)


def test_a_self_attack_and_a_forbidden_support_cycle_still_end() -> None:
    v = values(
        [st_("a", 1.0), st_("b"), st_("c")],
        [
            inf("self", ["a"], "a", ATTACK, 1.0),
            inf("x", ["b"], "c", strength=1.0),
            inf("y", ["c"], "b", strength=1.0),
        ],
    )
    assert v["a"] == pytest.approx(0.5, abs=1e-6)  # a = 1 - a
    assert 0.5 <= v["b"] <= 1.0


def test_bad_references_are_reported_and_left_out() -> None:
    doc = ArgMap(
        statements=[st_("a", 1.0), st_("a", 0.0), st_("c", kind="claim")],
        inferences=[
            inf("i", ["ghost"], "c", strength=1.0),
            inf("j", ["a"], "nowhere", strength=1.0),
            inf("k", ["a"], "c", UNDERCUT, 1.0),
            inf("c", ["a"], "c", strength=1.0),
        ],
    )
    result = acceptability(doc)
    assert result.statements == {"a": 1.0, "c": 0.5}
    text = "\n".join(result.warnings)
    for needle in ("'a' is used twice", "'ghost'", "'nowhere'", "'k'", "'c' is already taken"):
        assert needle in text


@settings(max_examples=60, deadline=None)
@given(scenario_maps(acyclic=False))
def test_every_value_lies_between_zero_and_one(doc: ArgMap) -> None:
    result = acceptability(doc)
    for v in (*result.statements.values(), *result.inferences.values()):
        assert 0.0 <= v <= 1.0


@settings(max_examples=60, deadline=None)
@given(scenario_maps(), st.data())
def test_incremental_change_matches_a_full_evaluation(doc: ArgMap, data: st.DataObject) -> None:
    net = compile_network(doc)
    if not net.ids:
        return
    node = data.draw(st.integers(0, len(net.ids) - 1))
    extreme = data.draw(st.sampled_from([0.0, 1.0]))
    fixed = {node: extreme} if net.is_statement(node) else {}
    bases = {} if net.is_statement(node) else {node: extreme}
    current = evaluate(net)
    before = list(current)
    log = propagate_change(net, current, fixed, bases)
    assert current == pytest.approx(evaluate(net, fixed, bases), abs=1e-12)
    undo_change(current, log)
    assert current == before
