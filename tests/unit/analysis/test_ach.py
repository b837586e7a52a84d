"""ACH: a matrix worked by hand, explicit overrides, diagnosticity, and ranking stability."""

from __future__ import annotations

import pytest
from analysis_map_strategies import scenario_maps
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.ach import ach_matrix
from argmap.model import (
    AchRating,
    ArgMap,
    Inference,
    InferenceKind,
    Rating,
    Statement,
    StatementKind,
)

CC, C, N, I, II = AchRating.CC, AchRating.C, AchRating.N, AchRating.I, AchRating.II  # noqa: E741


def s(sid: str, kind: str, credibility: float | None = None) -> Statement:
    return Statement(id=sid, kind=StatementKind(kind), text=sid, credibility=credibility)


def i(
    iid: str, premises: list[str], to: str, kind: str = "support", strength: float = 0.7
) -> Inference:
    return Inference(
        id=iid, premises=premises, conclusion=to, kind=InferenceKind(kind), strength=strength
    )


# Three scenarios; the cells each item should get, and why:
#   E1 (0.8) supports H1 directly at strength 0.9   -> H1: CC (direct and strong)
#      and attacks H2 directly at strength 0.6       -> H2: I  (direct but not strong)
#   E2 (unjudged: 0.5) supports claim C1 -> H2       -> H2: C  (indirect)
#   E3 (0.9) attacks H3 directly at strength 0.9     -> H3: II
#   E4 (0.6) supports claim C2, which attacks H1     -> H1: I  (support of an attack)
#   O1 (0.4) undercuts the E1 -> H1 support          -> H1: I  (undercut of a support)
#   E5 (1.0) bears on nothing in the map, but is rated I for every scenario at relevance
#      0.5 -> a row, non-diagnostic
#   E6 (0.7) supports H3 (C), overridden by hand to II for H2
#   E7 (0.9) bears on nothing and is not rated -> no row; C1, C2 are claims -> no rows
# Weights = credibility x relevance: E1 0.8, E2 0.5, E3 0.9, E4 0.6, O1 0.4, E5 0.5, E6 0.7.
# Inconsistency (I = 1, II = 2):
#   H1: E4 0.6 + O1 0.4 + E5 0.5          = 1.5
#   H2: E1 0.8 + E5 0.5 + E6 0.7 x 2      = 2.7
#   H3: E3 0.9 x 2 + E5 0.5               = 2.3
# so ACH ranks H1 (least inconsistent), H3, H2.
# Diagnosticity (CC 2, C 1, N 0, I -1, II -2; max - min):
#   E1 (2, -1, 0) 3; E2 (0, 1, 0) 1; E3 (0, 0, -2) 2; E4 (-1, 0, 0) 1; O1 (-1, 0, 0) 1;
#   E5 (-1, -1, -1) 0 -> non-diagnostic; E6 (0, -2, 1) 3.
WORKED = ArgMap(
    statements=[
        s("H1", "scenario"),
        s("H2", "scenario"),
        s("H3", "scenario"),
        s("C1", "claim"),
        s("C2", "claim"),
        s("E1", "evidence", 0.8),
        s("E2", "evidence"),
        s("E3", "evidence", 0.9),
        s("E4", "premise", 0.6),
        s("O1", "objection", 0.4),
        s("E5", "evidence", 1.0),
        s("E6", "assumption", 0.7),
        s("E7", "evidence", 0.9),
    ],
    inferences=[
        i("e1h1", ["E1"], "H1", strength=0.9),
        i("e1h2", ["E1"], "H2", "attack", 0.6),
        i("e2c1", ["E2"], "C1"),
        i("c1h2", ["C1"], "H2"),
        i("e3h3", ["E3"], "H3", "attack", 0.9),
        i("e4c2", ["E4"], "C2"),
        i("c2h1", ["C2"], "H1", "attack"),
        i("o1", ["O1"], "e1h1", "undercut"),
        i("e6h3", ["E6"], "H3"),
    ],
    ratings=[
        Rating(evidence="E5", scenario="H1", rating=I, relevance=0.5),
        Rating(evidence="E5", scenario="H2", rating=I, relevance=0.5),
        Rating(evidence="E5", scenario="H3", rating=I, relevance=0.5),
        Rating(evidence="E6", scenario="H2", rating=II),
    ],
)


def test_the_worked_matrix_cells() -> None:
    m = ach_matrix(WORKED)
    assert m.scenarios == ("H1", "H2", "H3")
    assert [row.id for row in m.evidence] == ["E1", "E2", "E3", "E4", "O1", "E5", "E6"]
    assert {row.id: row.ratings for row in m.evidence} == {
        "E1": (CC, I, N),
        "E2": (N, C, N),
        "E3": (N, N, II),
        "E4": (I, N, N),
        "O1": (I, N, N),
        "E5": (I, I, I),
        "E6": (N, II, C),
    }


def test_the_worked_scores_and_ranking() -> None:
    m = ach_matrix(WORKED)
    assert m.inconsistency == pytest.approx({"H1": 1.5, "H2": 2.7, "H3": 2.3})
    assert m.ranking() == ["H1", "H3", "H2"]
    assert m.leader() == "H1"


def test_the_worked_diagnosticity() -> None:
    m = ach_matrix(WORKED)
    assert {row.id: row.diagnosticity for row in m.evidence} == {
        "E1": 3,
        "E2": 1,
        "E3": 2,
        "E4": 1,
        "O1": 1,
        "E5": 0,
        "E6": 3,
    }
    assert [row.id for row in m.evidence if row.non_diagnostic] == ["E5"]


def test_an_override_keeps_the_derived_rating_for_display() -> None:
    cell = ach_matrix(WORKED).cell("E6", "H2")
    assert (cell.rating, cell.derived, cell.explicit, cell.weight) == (II, N, True, 0.7)
    plain = ach_matrix(WORKED).cell("E1", "H1")
    assert (plain.rating, plain.explicit, plain.weight) == (CC, False, 0.8)


def test_chains_both_ways_are_neutral() -> None:
    doc = ArgMap(
        statements=[s("H", "scenario"), s("G", "scenario"), s("C", "claim"), s("E", "evidence")],
        inferences=[i("a", ["E"], "H"), i("b", ["E"], "C"), i("c", ["C"], "H", "attack")],
    )
    assert ach_matrix(doc).row("E").ratings == (N, N)


def test_ratings_naming_unknown_things_are_reported() -> None:
    doc = WORKED.model_copy(deep=True)
    doc.ratings += [
        Rating(evidence="ghost", scenario="H1", rating=C),
        Rating(evidence="E1", scenario="C1", rating=C),
    ]
    warnings = ach_matrix(doc).warnings
    assert len(warnings) == 2
    assert "'ghost'" in warnings[0]
    assert "'C1'" in warnings[1]


def test_no_scenarios_gives_an_empty_matrix() -> None:
    m = ach_matrix(ArgMap(statements=[s("E", "evidence", 0.9)]))
    assert (m.scenarios, m.evidence, m.ranking(), m.leader()) == ((), (), [], None)


@settings(max_examples=60, deadline=None)
@given(
    scenario_maps(min_scenarios=2),
    st.sampled_from(list(AchRating)),
    st.sampled_from([None, 0.25, 0.5, 1.0]),
    st.sampled_from([None, 0.125, 0.5, 0.875, 1.0]),
)
def test_adding_non_diagnostic_evidence_leaves_the_ranking_unchanged(
    doc: ArgMap, rating: AchRating, relevance: float | None, credibility: float | None
) -> None:
    before = ach_matrix(doc)
    scenarios = [x.id for x in doc.statements if x.kind is StatementKind.SCENARIO]
    doc.statements.append(s("same-for-all", "evidence", credibility))
    doc.ratings += [
        Rating(evidence="same-for-all", scenario=h, rating=rating, relevance=relevance)
        for h in scenarios
    ]
    after = ach_matrix(doc)
    assert after.row("same-for-all").non_diagnostic
    assert after.ranking() == before.ranking()
    for a in scenarios:
        for b in scenarios:
            gap_before = before.inconsistency[a] - before.inconsistency[b]
            gap_after = after.inconsistency[a] - after.inconsistency[b]
            assert gap_after == pytest.approx(gap_before, abs=1e-9)
