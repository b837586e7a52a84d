"""Key Assumptions Check: each assumption, and how each scenario's weight rests on it."""

from __future__ import annotations

import pytest

from argmap.analysis.key_assumptions import key_assumptions
from argmap.analysis.scenario_weights import scenario_weights
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind


def _map() -> ArgMap:
    st = StatementKind
    return ArgMap(
        statements=[
            Statement(id="H1", kind=st.SCENARIO, text="Deal", prior=0.5),
            Statement(id="H2", kind=st.SCENARIO, text="War", prior=0.5),
            Statement(id="A1", kind=st.ASSUMPTION, text="Elites matter", credibility=0.8),
            Statement(id="A2", kind=st.ASSUMPTION, text="Nothing hangs on this"),
            Statement(
                id="P1",
                kind=st.PREMISE,
                text="Money runs out",
                credibility=0.7,
                tags=["Key-Assumption"],
            ),  # fmt: skip
            Statement(id="E1", kind=st.EVIDENCE, text="Revenue fell", credibility=0.9),
        ],
        inferences=[
            Inference(id="i1", premises=["A1"], conclusion="H1", strength=0.8),
            Inference(
                id="i2",
                premises=["P1"],
                conclusion="H2",
                kind=InferenceKind.ATTACK,
                strength=0.6,
            ),  # fmt: skip
            Inference(id="i3", premises=["E1"], conclusion="H2", strength=0.6),
        ],
    )


def test_assumptions_by_kind_and_by_tag_in_map_order() -> None:
    check = key_assumptions(_map())
    assert [(a.id, a.tagged) for a in check.assumptions] == [
        ("A1", False),
        ("A2", False),
        ("P1", True),
    ]
    assert check.scenarios == ("H1", "H2")


def test_reliance_is_the_weight_lost_without_the_assumption() -> None:
    doc = _map()
    check = key_assumptions(doc)
    a1 = check.assumptions[0]
    without = doc.model_copy(deep=True)
    without.statements[2].credibility = 0.0
    after = [w.weight for w in scenario_weights(without)]
    now = [w.weight for w in scenario_weights(doc)]
    assert a1.reliance == pytest.approx(tuple(n - a for n, a in zip(now, after, strict=True)))
    assert a1.reliance[0] > 0.05 > -0.05 > a1.reliance[1]  # H1 rests on it, H2 gains
    assert sum(a1.reliance) == pytest.approx(0.0, abs=1e-12)


def test_an_assumption_holding_a_scenario_down_has_negative_reliance() -> None:
    p1 = key_assumptions(_map()).assumptions[2]
    assert p1.reliance[1] < 0 < p1.reliance[0]


def test_an_assumption_nothing_rests_on_is_said_to_bear_on_nothing() -> None:
    a2 = key_assumptions(_map()).assumptions[1]
    assert not a2.bears and a2.reliance == (0.0, 0.0)


def test_the_map_is_not_changed() -> None:
    doc = _map()
    before = doc.model_dump()
    key_assumptions(doc)
    assert doc.model_dump() == before
