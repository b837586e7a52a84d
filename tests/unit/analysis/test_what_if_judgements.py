"""What-if evaluation: a judgement changed for one evaluation (as the key-assumption and
flip analyses do) gives the weights of the map with that judgement changed, also where
lines share a source and count only for what they add."""

from __future__ import annotations

import math

import pytest
from weights_maps import article, claim, evidence, quote, scenario, support, undercut

from argmap.analysis.establishment import evaluate, propagate_change, undo_change
from argmap.analysis.evidence_network import compile_network
from argmap.analysis.scenario_weights import evidence_scores, scenario_weights
from argmap.model import ArgMap

# A's two lines share the article s: L1 (e1, quoting s) and L2 (through the claim k, which
# stands on e2, quoting s, and on the independent e3). Counted the best way round, L1
# counts whole and L2 only for what e3 gives k once s is knocked out.
PADDING = 6  # unrelated reports for B, so a what-if can pin more judgements than L2's cone


def shared_source_map(e3: float = 0.5) -> ArgMap:
    return ArgMap(
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
            evidence("e3", e3),
            claim("k"),
            *(evidence(f"p{j}", 0.5) for j in range(PADDING)),
        ],
        inferences=[
            support("L1", ["e1"], "A", 0.9),
            support("i2", ["e2"], "k", 1.0),
            support("i3", ["e3"], "k", 1.0),
            support("L2", ["k"], "A", 0.75),
            *(support(f"b{j}", [f"p{j}"], "B", 0.5) for j in range(PADDING)),
        ],
    )


def test_a_line_sharing_a_source_counts_for_its_independent_part() -> None:
    # L1: 0.8 ln 10 (a 10:1 line trusted at 80 %). L2 is a 4:1 line; k holds with
    # 1 - 0.4 x 0.5 = 0.8, but with s knocked out only e3's 0.5 is left: 0.5 ln 4.
    net = compile_network(shared_source_map())
    a = evidence_scores(net, evaluate(net))[0]
    assert a == pytest.approx(0.8 * math.log(10) + 0.5 * math.log(4))


@pytest.mark.parametrize("pin_all", [False, True], ids=["one judgement", "every judgement"])
def test_a_changed_judgement_gives_the_weights_of_the_changed_map(pin_all: bool) -> None:
    doc = shared_source_map()
    net = compile_network(doc)
    values = evaluate(net)
    before = evidence_scores(net, values)  # the map's own residuals are remembered here
    bases = {net.index["e3"]: 0.3}
    if pin_all:  # the other credibilities set to what they are, as the flip analysis does
        for s in doc.statements:
            if s.credibility is not None and s.id != "e3":
                bases[net.index[s.id]] = s.credibility
    log = propagate_change(net, values, bases)
    after = evidence_scores(net, values, bases=bases)
    # e3 at 0.3: L2 now counts for 0.3 ln 4, the same as on a map with e3 at 0.3.
    assert after[0] == pytest.approx(0.8 * math.log(10) + 0.3 * math.log(4))
    assert after == pytest.approx([w.evidence for w in scenario_weights(shared_source_map(0.3))])
    undo_change(values, log)
    assert evidence_scores(net, values) == pytest.approx(before)


def test_weights_follow_the_values_they_are_given() -> None:
    # The key-assumption analysis hands in values with a statement knocked out: e1 at 0
    # leaves A with L2 alone, k at 1 - 0.4 x 0.5 = 0.8, so A's evidence is 0.8 ln 4.
    doc = shared_source_map()
    net = compile_network(doc)
    values = evaluate(net, {net.index["e1"]: 0.0})
    a = scenario_weights(doc, net, values)[0]
    assert a.evidence == pytest.approx(0.8 * math.log(4))


def two_source_map(through: float = 0.9) -> ArgMap:
    """e1 quotes both articles; k stands on e2 (quoting s), e5 (quoting t) and e3, and
    reaches A through the claim m (k supports m at strength ``through``)."""
    return ArgMap(
        sources=[article("s"), article("t")],
        quotes=[
            quote("q1", "s", "Troops massed at the border."),
            quote("q2", "s", "Talks stalled."),
            quote("q3", "t", "Troops massed at the border."),
            quote("q4", "t", "The central bank cut its forecast."),
        ],
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", 0.8, ["q1", "q3"]),
            evidence("e2", 0.6, ["q2"]),
            evidence("e5", 0.7, ["q4"]),
            evidence("e3", 0.5),
            claim("k"),
            claim("m"),
        ],
        inferences=[
            support("L1", ["e1"], "A", 0.9),
            support("i2", ["e2"], "k", 1.0),
            support("i5", ["e5"], "k", 1.0),
            support("i3", ["e3"], "k", 1.0),
            support("j", ["k"], "m", through),
            support("L2", ["m"], "A", 0.75),
        ],
    )


def test_a_line_sharing_two_sources_counts_once_both_are_knocked_out() -> None:
    # k holds with 1 - 0.4 x 0.3 x 0.5 = 0.94, m with 0.9 x 0.94. With both articles
    # knocked out only e3 is left: m = 0.9 x 0.5 = 0.45, so L2 adds 0.45 ln 4 to L1's
    # 0.8 ln 10 (the other way round, L2 first and L1 adding nothing, is worth less).
    net = compile_network(two_source_map())
    a = evidence_scores(net, evaluate(net))[0]
    assert a == pytest.approx(0.8 * math.log(10) + 0.45 * math.log(4))


def test_a_changed_strength_inside_a_shared_line_counts_in_what_it_adds() -> None:
    # j's strength 0.9 -> 0.5: m = 0.5 x 0.5 = 0.25 once the articles are knocked out.
    doc = two_source_map()
    net = compile_network(doc)
    values = evaluate(net)
    evidence_scores(net, values)
    bases = {net.index["j"]: 0.5}
    log = propagate_change(net, values, bases)
    after = evidence_scores(net, values, bases=bases)
    undo_change(values, log)
    assert after[0] == pytest.approx(0.8 * math.log(10) + 0.25 * math.log(4))
    assert after == pytest.approx([w.evidence for w in scenario_weights(two_source_map(0.5))])


def undercut_map(r3: float = 0.4) -> ArgMap:
    """e1 (0.8) backs A with a 10:1 line; r1 (0.6, quoting s) undercuts it, and so does
    the claim m, which stands on r2 (0.5, quoting s) and on the independent r3."""
    return ArgMap(
        sources=[article("s")],
        quotes=[
            quote("q1", "s", "Troops massed at the border."),
            quote("q2", "s", "Talks stalled."),
        ],
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            evidence("e1", 0.8),
            evidence("r1", 0.6, ["q1"]),
            evidence("r2", 0.5, ["q2"]),
            evidence("r3", r3),
            claim("m"),
        ],
        inferences=[
            support("i1", ["e1"], "A", 0.9),
            undercut("u1", ["r1"], "i1", 1.0),
            support("m2", ["r2"], "m", 1.0),
            support("m3", ["r3"], "m", 1.0),
            undercut("u2", ["m"], "i1", 1.0),
        ],
    )


def test_a_what_if_pinning_every_judgement_counts_shared_undercuts_once() -> None:
    # r1 first (0.6), then m for what r3 adds once s is knocked out: U = 1 - 0.4 x 0.6
    # = 0.76 (m first would give only 1 - 0.5 x 0.6 = 0.7). With r3 at 0.2, U = 0.68 and
    # the line holds with 0.8 x 0.32. The flip analysis pins every judgement it does not
    # change, the undercut inference's strength too.
    doc = undercut_map()
    net = compile_network(doc)
    values = evaluate(net)
    assert evidence_scores(net, values)[0] == pytest.approx(0.8 * 0.24 * math.log(10))
    bases = {net.index[s.id]: s.credibility for s in doc.statements if s.credibility is not None}
    bases |= {net.index[i.id]: i.strength for i in doc.inferences if i.strength is not None}
    bases[net.index["r3"]] = 0.2
    log = propagate_change(net, values, bases)
    after = evidence_scores(net, values, bases=bases)
    undo_change(values, log)
    assert after[0] == pytest.approx(0.8 * 0.32 * math.log(10))
    assert after == pytest.approx([w.evidence for w in scenario_weights(undercut_map(0.2))])
