"""Scenario weights: the hand-worked example, and the invariants an analyst relies on."""

from __future__ import annotations

import math

import pytest
from analysis_map_strategies import scenario_maps
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from weights_maps import (
    article,
    attack,
    claim,
    evidence,
    hand_worked,
    quote,
    scenario,
    support,
    undercut,
)

from argmap.analysis.contributions import all_shares
from argmap.analysis.establishment import evaluate
from argmap.analysis.evidence_network import compile_network
from argmap.analysis.report import analyze
from argmap.analysis.scenario_weights import (
    likelihood_ratio,
    normalised_priors,
    scenario_weights,
)
from argmap.model import ArgMap, Statement, StatementKind


def weights(doc: ArgMap) -> dict[str, float]:
    return {w.id: w.weight for w in scenario_weights(doc)}


def test_hand_worked_example() -> None:
    # On paper (natural logs):
    #   e1 (credibility 0.8) supports A at strength 0.9, a 10:1 line:  0.8 ln 10  = +1.8421
    #   e2 (0.5) attacks A at strength 0.75, a 1:4 line:               0.5 ln 1/4 = -0.6931
    #   e3 (0.6) supports the claim k at 0.5, so k is established at 0.3;
    #   k supports B at 0.8, a 5:1 line:                               0.3 ln 5   = +0.4828
    #   O is the catch-all: one of "the others" for every line, so its odds stay
    #   A: 0.5 e^1.1490 = 1.5774   B: 0.3 e^0.4828 = 0.4862   O: 0.2 e^0 = 0.2
    #   total 2.2636: A 69.7 %, B 21.5 %, O 8.8 %
    w = weights(hand_worked())
    assert w["A"] == pytest.approx(0.697, abs=5e-4)
    assert w["B"] == pytest.approx(0.215, abs=5e-4)
    assert w["O"] == pytest.approx(0.088, abs=5e-4)
    scores = {s.id: s.evidence for s in scenario_weights(hand_worked())}
    assert scores["A"] == pytest.approx(0.8 * math.log(10) + 0.5 * math.log(0.25))
    assert scores["B"] == pytest.approx(0.3 * math.log(5))


def test_likelihood_ratios_of_strengths() -> None:
    assert likelihood_ratio(0.5, attack=False) == pytest.approx(2.0)
    assert likelihood_ratio(0.9, attack=False) == pytest.approx(10.0)
    assert likelihood_ratio(1.0, attack=False) == 100.0
    assert likelihood_ratio(0.75, attack=True) == pytest.approx(0.25)
    assert likelihood_ratio(1.0, attack=True) == pytest.approx(0.01)
    assert likelihood_ratio(None, attack=False) == 1.0


def test_priors_are_normalised_and_missing_ones_get_the_mean() -> None:
    assert normalised_priors([1.0, None, 3.0]) == pytest.approx([1 / 6, 2 / 6, 3 / 6])
    assert normalised_priors([None, None]) == [0.5, 0.5]
    assert normalised_priors([0.0, 0.0, 0.0]) == pytest.approx([1 / 3] * 3)


def two_scenarios(*extra: Statement, inferences: list | None = None, **kw) -> ArgMap:  # type: ignore[type-arg]
    return ArgMap(
        statements=[scenario("A", 1.0), scenario("B", 1.0), *extra],
        inferences=inferences or [],
        **kw,
    )


def test_unjudged_claims_with_nothing_beneath_move_nothing() -> None:
    # The old method: three unjudged claims beat one credible fact (59 % vs 41 %).
    doc = two_scenarios(
        claim("c1"),
        claim("c2"),
        claim("c3"),
        evidence("fact", 0.9),
        inferences=[
            support("s1", ["c1"], "A", 0.9),
            support("s2", ["c2"], "A", 0.9),
            support("s3", ["c3"], "A", 0.9),
            support("s4", ["fact"], "B", 0.9),
        ],
    )
    w = weights(doc)
    assert w["B"] > 0.8
    assert w["A"] < 0.2


def test_an_unrated_line_moves_nothing_and_is_reported() -> None:
    doc = two_scenarios(evidence("e", 0.9), inferences=[support("s", ["e"], "A", None)])
    assert weights(doc) == {"A": 0.5, "B": 0.5}
    assert any("unrated" in w for w in analyze(doc).warnings)


def test_the_same_report_entered_twice_counts_once() -> None:
    one = two_scenarios(
        evidence("e", 0.8, ["q"]),
        inferences=[support("s", ["e"], "A", 0.9)],
        sources=[article()],
        quotes=[quote("q", "src", "Troops massed at the border.")],
    )
    twice = one.model_copy(deep=True)
    twice.statements.append(evidence("e-copy", 0.8, ["q"]))
    twice.inferences.append(support("s-copy", ["e-copy"], "A", 0.9))
    assert weights(twice)["A"] == pytest.approx(weights(one)["A"])


def test_two_reports_of_one_source_are_not_two_witnesses() -> None:
    base = dict(
        sources=[article()],
        quotes=[
            quote("q1", "src", "Troops massed at the border."),
            quote("q2", "src", "The central bank cut its forecast."),
        ],
    )
    same = two_scenarios(
        evidence("e1", 0.8, ["q1"]),
        evidence("e2", 0.8, ["q2"]),
        inferences=[support("s1", ["e1"], "A", 0.9), support("s2", ["e2"], "A", 0.9)],
        **base,
    )
    alone = two_scenarios(
        evidence("e1", 0.8, ["q1"]), inferences=[support("s1", ["e1"], "A", 0.9)], **base
    )
    assert weights(same)["A"] == pytest.approx(weights(alone)["A"])


def test_routing_a_report_through_an_unjudged_restating_claim_never_strengthens_it() -> None:
    direct = two_scenarios(evidence("e", 0.8), inferences=[support("s", ["e"], "A", 0.9)])
    for inner in (None, 0.3, 1.0):
        routed = two_scenarios(
            evidence("e", 0.8),
            claim("k"),
            inferences=[support("s0", ["e"], "k", inner), support("s", ["k"], "A", 0.9)],
        )
        assert weights(routed)["A"] <= weights(direct)["A"] + 1e-12


def test_scenarios_attacking_each_other_do_not_count_exclusion_twice() -> None:
    plain = two_scenarios(evidence("e", 0.8), inferences=[support("s", ["e"], "A", 0.9)])
    drawn = plain.model_copy(deep=True)
    drawn.inferences += [attack("x1", ["A"], "B", 0.9), attack("x2", ["B"], "A", 0.9)]
    assert weights(drawn) == pytest.approx(weights(plain))
    assert sum("is not counted" in w for w in analyze(drawn).warnings) == 2


def test_circular_defence_does_not_lift_a_scenario() -> None:
    # x attacks the claim a that supports A; "since a holds" (a supports y), y undercuts
    # the attack. The undercut must not count.
    attacked = two_scenarios(
        evidence("e", 0.8),
        claim("a"),
        evidence("x", 0.9),
        claim("y"),
        inferences=[
            support("ea", ["e"], "a", 0.9),
            support("aA", ["a"], "A", 0.9),
            attack("xa", ["x"], "a", 0.8),
        ],
    )
    defended = attacked.model_copy(deep=True)
    defended.inferences += [support("ay", ["a"], "y", 1.0), undercut("yx", ["y"], "xa", 1.0)]
    assert weights(defended)["A"] == pytest.approx(weights(attacked)["A"])
    assert any("circular defence" in w for w in analyze(defended).warnings)


def test_a_tie_is_a_tie() -> None:
    doc = two_scenarios(
        evidence("e1", 0.7),
        evidence("e2", 0.7),
        inferences=[support("s1", ["e1"], "A", 0.8), support("s2", ["e2"], "B", 0.8)],
    )
    result = analyze(doc, with_sensitivity=True)
    assert result.leader is None
    assert {s.id for s in result.tied} == {"A", "B"}
    assert result.confidence is not None and result.confidence.level == "low"


def test_a_judged_statement_is_final_and_says_so() -> None:
    doc = two_scenarios(
        evidence("under", 0.9),
        Statement(id="mid", kind=StatementKind.PREMISE, text="mid", credibility=0.6),
        inferences=[support("u", ["under"], "mid", 1.0), support("m", ["mid"], "A", 0.9)],
    )
    alone = two_scenarios(
        Statement(id="mid", kind=StatementKind.PREMISE, text="mid", credibility=0.6),
        inferences=[support("m", ["mid"], "A", 0.9)],
    )
    assert weights(doc) == pytest.approx(weights(alone))
    assert any("own credibility" in w for w in analyze(doc).warnings)


def test_contributions_add_up_to_the_posterior_odds_on_the_hand_worked_map() -> None:
    doc = hand_worked()
    result = analyze(doc, with_sensitivity=True)
    by_id = {s.id: s for s in result.scenarios}
    a, b = by_id["A"], by_id["B"]
    lhs = math.log(a.weight / b.weight)
    rhs = (
        math.log(a.prior / b.prior)
        + sum(x for *_, x in a.contributions)
        - sum(x for *_, x in b.contributions)
    )
    assert lhs == pytest.approx(rhs)
    shares_a = {(i, what): x for i, what, x in a.contributions}
    # e1's line: the credibility and the rating are both needed, so they share equally.
    assert shares_a[("e1", "credibility")] == pytest.approx(0.8 * math.log(10) / 2)
    assert shares_a[("i1", "strength")] == pytest.approx(0.8 * math.log(10) / 2)


# --- properties -------------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(scenario_maps(acyclic=False))
def test_weights_always_form_a_distribution(doc: ArgMap) -> None:
    w = [x.weight for x in scenario_weights(doc)]
    assert all(math.isfinite(x) and x >= 0.0 for x in w)
    if w:
        assert math.fsum(w) == pytest.approx(1.0)


@settings(max_examples=80, deadline=None)
@given(scenario_maps(acyclic=False, min_scenarios=2))
def test_shares_add_up_to_each_pair_of_posterior_log_odds(doc: ArgMap) -> None:
    net = compile_network(doc)
    values = evaluate(net)
    ws = scenario_weights(doc, net, values)
    shares = all_shares(net, values)
    for j, s in enumerate(ws):
        assert shares[j].total() == pytest.approx(s.evidence, abs=1e-9)
    a, b = ws[0], ws[1]
    assume(a.weight > 0 and b.weight > 0)
    assert math.log(a.weight / b.weight) == pytest.approx(
        math.log(a.prior / b.prior) + shares[0].total() - shares[1].total(), abs=1e-7
    )


@settings(max_examples=80, deadline=None)
@given(scenario_maps(acyclic=False, min_scenarios=1), st.data())
def test_an_unjudged_statement_added_anywhere_changes_nothing(
    doc: ArgMap, data: st.DataObject
) -> None:
    before = weights(doc)
    targets = [s.id for s in doc.statements]
    new = doc.model_copy(deep=True)
    new.statements.append(claim("ghost"))
    for k, target in enumerate(data.draw(st.lists(st.sampled_from(targets), max_size=3))):
        new.inferences.append(support(f"g{k}", ["ghost"], target, 0.9))
    assert weights(new) == pytest.approx(before)


@settings(max_examples=60, deadline=None)
@given(scenario_maps(acyclic=True, min_scenarios=2), st.randoms(use_true_random=False))
def test_reordering_statements_and_renaming_scenarios_permutes_the_weights(
    doc: ArgMap, rnd: object
) -> None:
    before = weights(doc)
    new = doc.model_copy(deep=True)
    rnd.shuffle(new.statements)  # type: ignore[attr-defined]
    rnd.shuffle(new.inferences)  # type: ignore[attr-defined]
    rename = {s.id: f"renamed-{s.id}" for s in new.statements if s.kind is StatementKind.SCENARIO}
    for s in new.statements:
        if s.id in rename:
            s.id = rename[s.id]
    for inf in new.inferences:
        inf.premises = [rename.get(p, p) for p in inf.premises]
        inf.conclusion = rename.get(inf.conclusion, inf.conclusion)
    after = weights(new)
    for sid, w in before.items():
        assert after[rename[sid]] == pytest.approx(w, abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(
    scenario_maps(min_scenarios=2),
    st.data(),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.sampled_from([None, 0.3, 0.9, 1.0]),
)
def test_more_credible_evidence_for_only_one_scenario_never_lowers_it(
    doc: ArgMap, data: st.DataObject, c1: float, c2: float, inner: float | None
) -> None:
    scenarios = [s.id for s in doc.statements if s.kind is StatementKind.SCENARIO]
    target = data.draw(st.sampled_from(scenarios))
    low, high = sorted((c1, c2))

    def with_credibility(c: float) -> float:
        new = doc.model_copy(deep=True)
        new.statements += [evidence("new", c), claim("bridge")]
        new.inferences += [
            support("to-bridge", ["new"], "bridge", inner),
            support("to-target", ["bridge"], target, 0.8),
        ]
        return weights(new)[target]

    assert with_credibility(high) >= with_credibility(low) - 1e-12


@settings(max_examples=60, deadline=None)
@given(scenario_maps(min_scenarios=2), st.floats(0.05, 1.0), st.floats(0.1, 0.99))
def test_a_duplicate_of_any_line_into_a_scenario_counts_once(
    doc: ArgMap, c: float, s: float
) -> None:
    target = next(x.id for x in doc.statements if x.kind is StatementKind.SCENARIO)
    doc = doc.model_copy(deep=True)
    doc.sources.append(article())
    doc.quotes.append(quote("qq", "src", "Talks stalled."))
    doc.statements.append(evidence("rep", c, ["qq"]))
    doc.inferences.append(support("line", ["rep"], target, s))
    once = weights(doc)
    doc.statements.append(evidence("rep2", c, ["qq"]))
    doc.inferences.append(support("line2", ["rep2"], target, s))
    assert weights(doc) == pytest.approx(once, abs=1e-9)


def test_refuting_every_named_scenario_makes_something_else_lead() -> None:
    doc = ArgMap(
        statements=[
            scenario("A"),
            scenario("B"),
            scenario("O", tags=["catch-all"]),
            evidence("e1", 1.0),
            evidence("e2", 1.0),
        ],
        inferences=[attack("a1", ["e1"], "A", 0.99), attack("a2", ["e2"], "B", 0.99)],
    )
    result = analyze(doc, with_sensitivity=True)
    assert result.leader is not None and result.leader.id == "O"
    assert result.leader.weight > 0.97
    assert result.flips is not None
    assert result.flips.weights == pytest.approx([s.weight for s in result.scenarios])


@settings(max_examples=80, deadline=None)
@given(
    scenario_maps(min_scenarios=2, acyclic=False),
    st.data(),
    st.floats(0.0, 1.0),
    st.floats(0.05, 0.99),
    st.booleans(),
)
def test_adding_a_line_never_moves_its_scenario_the_wrong_way(
    doc: ArgMap, data: st.DataObject, c: float, s: float, is_attack: bool
) -> None:
    # Shares a source with the map's other statements, or repeats a statement outright:
    # the dependence rule must never let an extra line count against its direction.
    scenarios = [x.id for x in doc.statements if x.kind is StatementKind.SCENARIO]
    target = data.draw(st.sampled_from(scenarios))
    others = [x.id for x in doc.statements if x.kind is not StatementKind.SCENARIO]
    doc = doc.model_copy(deep=True)
    doc.sources.append(article())
    doc.quotes.append(quote("qq", "src", "Talks stalled."))
    for x in doc.statements:
        if x.kind is not StatementKind.SCENARIO and data.draw(st.booleans()):
            x.quotes = ["qq"]
    premise = data.draw(st.sampled_from([None, *others]))
    if premise is None:
        doc.statements.append(evidence("new", c, ["qq"]))
        premise = "new"
    before = weights(doc)[target]
    make = attack if is_attack else support
    doc.inferences.append(make("extra", [premise], target, s))
    after = weights(doc)[target]
    if is_attack:
        assert after <= before + 1e-9
    else:
        assert after >= before - 1e-9


@settings(max_examples=60, deadline=None)
@given(scenario_maps(min_scenarios=2, acyclic=True))
def test_flips_predicted_from_score_slopes_match_re_evaluation_on_trees(doc: ArgMap) -> None:
    from argmap.analysis import flips as fl  # noqa: PLC0415
    from argmap.analysis.judgements import weighing_judgements  # noqa: PLC0415
    from argmap.analysis.scenario_weights import normalised_priors, scenario_priors  # noqa: PLC0415
    from argmap.analysis.score_gradients import gradients  # noqa: PLC0415

    # A tree: every statement feeds at most one inference, so values are affine in each
    # judgement and the prediction must be exact.
    used: set[str] = set()
    tree = []
    for inf in doc.inferences:
        if not used & set(inf.premises):
            tree.append(inf)
            used |= set(inf.premises)
    doc = doc.model_copy(update={"inferences": tree})
    net = compile_network(doc)
    values = evaluate(net)
    ev = fl.WeightEvaluator(net, normalised_priors(scenario_priors(doc, net)), values)
    leaders_now = [j for j, w in enumerate(fl.posterior(ev.priors, ev.evidence))]
    leader = max(leaders_now, key=lambda j: fl.posterior(ev.priors, ev.evidence)[j])
    slopes = [list(c) for c in zip(*gradients(net, values), strict=True)]
    for j in weighing_judgements(net):
        if j.node >= net.n_statements and net.to_scenario(j.node):
            continue
        guess = fl._predict(ev, j, leader, slopes[j.node])
        exact = fl._try(ev, j, leader)
        assert guess.weights_low == pytest.approx(exact.weights_low, abs=1e-9)
        assert guess.weights_high == pytest.approx(exact.weights_high, abs=1e-9)
        assert (guess.break_even is None) == (exact.break_even is None)
        if exact.break_even is not None:
            assert guess.break_even == pytest.approx(exact.break_even, abs=1e-3)
