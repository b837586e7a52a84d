"""ACH: a matrix worked by hand, blank vs N vs NA, bounded row weights, evidence rows only,
the rows the weights count, and ranking invariants."""

from __future__ import annotations

import math

import pytest
from analysis_map_strategies import scenario_maps
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.ach import NOT_ENOUGH, ach_matrix
from argmap.analysis.evidence_network import compile_network
from argmap.analysis.judgements import JudgementKind, weighing_judgements
from argmap.model import (
    AchRating,
    AchRow,
    ArgMap,
    Inference,
    InferenceKind,
    Quote,
    Rating,
    RowLevel,
    Source,
    Statement,
    StatementKind,
)

CC, C, N, I, II, NA = (  # noqa: E741
    AchRating.CC,
    AchRating.C,
    AchRating.N,
    AchRating.I,
    AchRating.II,
    AchRating.NA,
)
LOW, MEDIUM, HIGH = math.sqrt(0.5), 1.0, math.sqrt(2.0)
EVIDENCE_KINDS = [
    StatementKind.CLAIM,
    StatementKind.PREMISE,
    StatementKind.EVIDENCE,
    StatementKind.ASSUMPTION,
    StatementKind.OBJECTION,
]


def s(sid: str, kind: str, credibility: float | None = None) -> Statement:
    return Statement(id=sid, kind=StatementKind(kind), text=sid, credibility=credibility)


def i(
    iid: str, premises: list[str], to: str, kind: str = "support", strength: float = 0.7
) -> Inference:
    return Inference(
        id=iid, premises=premises, conclusion=to, kind=InferenceKind(kind), strength=strength
    )


# Three scenarios; the cells each item should get, and why:
#   E1 (0.8 -> High) supports H1 directly at strength 0.9 -> H1: CC (direct and strong)
#      and attacks H2 directly at strength 0.6          -> H2: I  (direct, not strong)
#   E2 (not judged -> Medium) supports claim C1 -> H2   -> H2: C  (indirect)
#   E3 (0.9 -> High) attacks H3 directly at 0.9         -> H3: II
#   E4 (0.6 -> Medium) supports claim C2, which attacks H1 -> H1: I
#   O1 (0.4 -> Low) undercuts the E1 -> H1 support      -> H1: I
#   E5 (1.0 -> High) bears on nothing in the map, rated I for every scenario with the old
#      cell relevance 0.5 (read as 2 ** -0.25 = 0.8409) -> an ACH-only row, non-diagnostic
#   E6 (0.7 -> Medium) supports H3 (C), rated II for H2 by hand
#   E7 (0.9) bears on nothing and is not rated -> no row; C1, C2 are intermediate -> no rows
#   Every cell no chain reaches and nobody rated stays blank (None), not N.
# Weights: E1 1.4142, E2 1, E3 1.4142, E4 1, O1 0.7071, E5 1.4142 x 0.8409 = 1.1892, E6 1.
# Inconsistency (I = 1, II = 2):
#   H1: E4 1 + O1 0.7071 + E5 1.1892              = 2.8963
#   H2: E1 1.4142 + E5 1.1892 + E6 2 x 1           = 4.6034
#   H3: E3 2 x 1.4142 + E5 1.1892                  = 4.0176
# so ACH ranks H1 (least inconsistent), H3, H2.
# Diagnosticity over judged cells (CC 2, C 1, N 0, I -1, II -2; max - min):
#   E1 (2, -1) 3; E5 (-1, -1, -1) 0 -> non-diagnostic; E6 (-2, 1) 3;
#   E2, E3, E4, O1 are judged against one scenario only -> None.
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
        "E1": (CC, I, None),
        "E2": (None, C, None),
        "E3": (None, None, II),
        "E4": (I, None, None),
        "O1": (I, None, None),
        "E5": (I, I, I),
        "E6": (None, II, C),
    }
    assert not m.row("E5").connected and m.row("E1").connected


def test_the_worked_scores_and_ranking() -> None:
    m = ach_matrix(WORKED)
    assert m.inconsistency == pytest.approx({"H1": 2.8963, "H2": 4.6034, "H3": 4.0176}, abs=1e-4)
    assert m.ranking() == ["H1", "H3", "H2"]
    assert m.leader() == "H1"
    assert m.judged == {"H1": 4, "H2": 4, "H3": 3}
    assert m.hand_inconsistent == {"H1": 1, "H2": 2, "H3": 1}


def test_the_worked_diagnosticity() -> None:
    m = ach_matrix(WORKED)
    assert {row.id: row.diagnosticity for row in m.evidence} == {
        "E1": 3,
        "E2": None,
        "E3": None,
        "E4": None,
        "O1": None,
        "E5": 0,
        "E6": 3,
    }
    assert [row.id for row in m.evidence if row.non_diagnostic] == ["E5"]
    assert m.row("E2").status == NOT_ENOUGH
    assert m.row("E1").status == "diagnostic"


def test_an_override_keeps_the_derived_rating_for_display() -> None:
    cell = ach_matrix(WORKED).cell("E6", "H2")
    assert (cell.rating, cell.derived, cell.explicit, cell.weight) == (II, None, True, 1.0)
    plain = ach_matrix(WORKED).cell("E1", "H1")
    assert (plain.rating, plain.explicit) == (CC, False)
    assert plain.weight == pytest.approx(HIGH)


def test_blank_n_and_na_are_three_different_things() -> None:
    doc = ArgMap(
        statements=[
            s("H", "scenario"),
            s("G", "scenario"),
            s("K", "scenario"),
            s("C", "claim"),
            s("E", "evidence"),
        ],
        inferences=[i("a", ["E"], "H"), i("b", ["E"], "C"), i("c", ["C"], "H", "attack")],
        ratings=[Rating(evidence="E", scenario="K", rating=NA)],
    )
    row = ach_matrix(doc).row("E")
    # chains both ways to H: N (judged); nothing to G: blank; K judged not applicable.
    assert row.ratings == (N, None, NA)
    assert row.judged == 1 and row.diagnosticity is None
    m = ach_matrix(doc)
    assert m.judged == {"H": 1, "G": 0, "K": 0}
    assert m.inconsistency == {"H": 0.0, "G": 0.0, "K": 0.0}


def test_na_and_blank_cells_do_not_count_towards_diagnosticity() -> None:
    doc = WORKED.model_copy(deep=True)
    doc.ratings.append(Rating(evidence="E1", scenario="H3", rating=NA))
    doc.ratings.append(Rating(evidence="E2", scenario="H1", rating=C))
    doc.ratings.append(Rating(evidence="E2", scenario="H3", rating=NA))
    m = ach_matrix(doc)
    assert m.row("E1").diagnosticity == 3  # the NA cell changes nothing
    assert m.row("E2").ratings == (C, C, NA)
    assert m.row("E2").non_diagnostic  # C and C: judged alike for both judged scenarios


def test_row_weights_are_bounded_and_an_explicit_setting_wins() -> None:
    doc = WORKED.model_copy(deep=True)
    doc.ach_rows = [
        AchRow(evidence="E1", credibility=RowLevel.LOW, relevance=RowLevel.HIGH),
        AchRow(evidence="O1", relevance=RowLevel.LOW),
    ]
    m = ach_matrix(doc)
    e1, o1 = m.row("E1"), m.row("O1")
    assert (e1.credibility, e1.credibility_set, e1.relevance) == (
        RowLevel.LOW,
        True,
        RowLevel.HIGH,
    )
    assert e1.weights[1] == pytest.approx(LOW * HIGH)
    assert (o1.credibility, o1.credibility_set) == (RowLevel.LOW, False)  # from 0.4
    assert o1.weights[0] == pytest.approx(0.5)
    # H2 loses E1's weight 1.4142 and gains 1.0: 4.6034 - 0.4142
    assert m.inconsistency["H2"] == pytest.approx(4.1892, abs=1e-4)


@pytest.mark.parametrize(
    ("credibility", "level"),
    [
        (None, "medium"),
        (0.0, "low"),
        (0.449, "low"),
        (0.45, "medium"),
        (0.79, "medium"),
        (0.8, "high"),
        (1.0, "high"),
    ],  # fmt: skip
)
def test_a_rows_default_credibility_follows_the_statements_by_band(
    credibility: float | None, level: str
) -> None:
    doc = ArgMap(
        statements=[s("H", "scenario"), s("E", "evidence", credibility)],
        inferences=[i("a", ["E"], "H")],
    )
    assert ach_matrix(doc).row("E").credibility == RowLevel(level)


def test_intermediate_conclusions_are_not_rows_and_their_ratings_are_reported() -> None:
    doc = WORKED.model_copy(deep=True)
    doc.ratings.append(Rating(evidence="C1", scenario="H1", rating=I))
    doc.ratings.append(Rating(evidence="C1", scenario="H3", rating=I))
    m = ach_matrix(doc)
    assert "C1" not in [r.id for r in m.evidence]
    assert m.inconsistency == ach_matrix(WORKED).inconsistency
    assert any("'C1' is rated, but it is no piece of evidence" in w for w in m.warnings)


def test_an_intermediate_with_its_own_credibility_is_one_piece_of_evidence() -> None:
    doc = WORKED.model_copy(deep=True)
    doc.statements[3] = s("C1", "claim", 0.9)  # now final: E2's support no longer counts
    rows = [r.id for r in ach_matrix(doc).evidence]
    assert "C1" in rows and "E2" not in rows


def test_quote_sources_give_the_date_column() -> None:
    text = "Envoys met in Istanbul."
    doc = ArgMap(
        sources=[Source.from_text("src-a", text, published="2025-05-16")],
        quotes=[Quote.from_range("q-a", "src-a", text, 0, 10)],
        statements=[
            s("H", "scenario"),
            Statement(id="E", kind=StatementKind.EVIDENCE, text="Envoys met", quotes=["q-a"]),
        ],
        inferences=[i("a", ["E"], "H")],
    )
    row = ach_matrix(doc).row("E")
    assert (row.kind, row.published) == ("evidence", ("2025-05-16",))


def test_ratings_naming_unknown_things_are_reported() -> None:
    doc = WORKED.model_copy(deep=True)
    doc.ratings += [
        Rating(evidence="ghost", scenario="H1", rating=C),
        Rating(evidence="E1", scenario="C1", rating=C),
    ]
    warnings = ach_matrix(doc).warnings
    assert "'ghost'" in warnings[0]
    assert "'C1'" in warnings[1]


def test_no_scenarios_gives_an_empty_matrix() -> None:
    m = ach_matrix(ArgMap(statements=[s("E", "evidence", 0.9)]))
    assert (m.scenarios, m.evidence, m.ranking(), m.leader()) == ((), (), [], None)


@settings(max_examples=120, deadline=None)
@given(scenario_maps(acyclic=False, min_scenarios=1))
def test_the_rows_are_exactly_the_evidence_the_weights_count(doc: ArgMap) -> None:
    """ACH and the scenario weights agree on what one piece of evidence is: the connected
    rows are the statements whose credibility the weights read."""
    net = compile_network(doc)
    weighed = {j.id for j in weighing_judgements(net) if j.kind is JudgementKind.CREDIBILITY}
    rows = {row.id for row in ach_matrix(doc, net).evidence if row.connected}
    assert rows == weighed


@settings(max_examples=120, deadline=None)
@given(scenario_maps(acyclic=False, min_scenarios=2), st.data())
def test_a_statements_kind_changes_no_score(doc: ArgMap, data: st.DataObject) -> None:
    """Kind is a label: making a premise a claim (or anything else that argues) moves no
    ACH score, so it cannot change the ACH leader."""
    arguing = [k for k, x in enumerate(doc.statements) if x.kind in EVIDENCE_KINDS]
    if not arguing:
        return
    before = ach_matrix(doc)
    k = data.draw(st.sampled_from(arguing))
    kind = data.draw(st.sampled_from(EVIDENCE_KINDS))
    doc.statements[k] = doc.statements[k].model_copy(update={"kind": kind})
    after = ach_matrix(doc)
    assert after.inconsistency == before.inconsistency
    assert after.leader() == before.leader()


@settings(max_examples=60, deadline=None)
@given(scenario_maps(min_scenarios=2))
def test_every_cell_weighs_between_half_and_two(doc: ArgMap) -> None:
    for row in ach_matrix(doc).evidence:
        assert all(0.5 - 1e-12 <= w <= 2.0 + 1e-12 for w in row.weights)


@settings(max_examples=60, deadline=None)
@given(
    scenario_maps(min_scenarios=2),
    st.sampled_from([r for r in AchRating if r is not AchRating.NA]),
    st.sampled_from([None, 0.25, 0.5, 1.0]),
    st.sampled_from([None, 0.125, 0.5, 0.875, 1.0]),
)
def test_adding_non_diagnostic_evidence_leaves_the_gaps_unchanged(
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
    for a in scenarios:
        for b in scenarios:
            gap_before = before.inconsistency[a] - before.inconsistency[b]
            gap_after = after.inconsistency[a] - after.inconsistency[b]
            assert gap_after == pytest.approx(gap_before, abs=1e-9)
