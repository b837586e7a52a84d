"""A hand-worked ACH example: Heuer's Iraqi-retaliation matrix (Psychology of Intelligence
Analysis, ch. 8), scored by PARC ACH's rules, reproduced to the number.

Question: will Iraq retaliate for the US bombing of its intelligence headquarters?
H1: Iraq will not retaliate. H2: it will sponsor some minor terrorist actions.
H3: it is planning a major terrorist attack.

                                                                       H1  H2  H3
E1 Saddam's public statement of intent not to retaliate                C   C   C
E2 No terrorist offensive during the 1991 Gulf War                     C   C   I
E3 Assumption: Iraq would not want to provoke another US attack        C   C   I
E4 More and longer monitored Iraqi agent radio broadcasts              I   C   C
E5 Iraqi embassies told to take increased security precautions         I   C   C
E6 Assumption: not retaliating would be an unacceptable loss of face   II  C   C

PARC's counting (I = 1, II = 2, unweighted): H1 = 1 + 1 + 2 = 4, H2 = 0, H3 = 1 + 1 = 2,
so H2 is the least inconsistent, as Heuer concludes; E1 is consistent with everything and
so non-diagnostic (Heuer's own point about it).

Weighted (PARC: score = sum of credibility x relevance x points, Low 0.7071 / Medium 1 /
High 1.4142), with weights chosen here for illustration: E1 credibility Low (a public
statement may be meant to deceive), E4 credibility High (intercepts), E6 relevance High:
  H1 = E4 1.4142 x 1 + E5 1 x 1 + E6 2 x 1.4142  = 1.4142 + 1 + 2.8284 = 5.2426
  H2 = 0
  H3 = E2 1 + E3 1                               = 2
Step 6 (sensitivity): no single item removed or reversed takes the lead from H2 (reversing
E2 alone ties H2 and H3 at 1, and a tie keeps the document order); reversing E2 and E3
together gives H2 2 and H3 0, so H3 would lead.
"""

from __future__ import annotations

import pytest

from argmap.analysis.ach import ach_matrix
from argmap.analysis.ach_sensitivity import AchFlip, ach_sensitivity
from argmap.model import AchRating, AchRow, ArgMap, Rating, RowLevel, Statement, StatementKind

MATRIX = {
    "E1": "C C C",
    "E2": "C C I",
    "E3": "C C I",
    "E4": "I C C",
    "E5": "I C C",
    "E6": "II C C",
}


def _heuer(weights: list[AchRow]) -> ArgMap:
    scenarios = [Statement(id=h, kind=StatementKind.SCENARIO, text=h) for h in ("H1", "H2", "H3")]
    evidence = [Statement(id=e, kind=StatementKind.EVIDENCE, text=e) for e in MATRIX]
    ratings = [
        Rating(evidence=e, scenario=f"H{j + 1}", rating=AchRating(r))
        for e, row in MATRIX.items()
        for j, r in enumerate(row.split())
    ]
    return ArgMap(statements=[*scenarios, *evidence], ratings=ratings, ach_rows=weights)


def test_the_unweighted_count_is_heuers() -> None:
    m = ach_matrix(_heuer([]))
    assert m.inconsistency == {"H1": 4.0, "H2": 0.0, "H3": 2.0}
    assert m.ranking() == ["H2", "H3", "H1"]
    assert [r.id for r in m.evidence if r.non_diagnostic] == ["E1"]
    assert m.row("E6").diagnosticity == 3


WEIGHTS = [
    AchRow(evidence="E1", credibility=RowLevel.LOW),
    AchRow(evidence="E4", credibility=RowLevel.HIGH),
    AchRow(evidence="E6", relevance=RowLevel.HIGH),
]


def test_the_weighted_scores_follow_parcs_rule_to_the_number() -> None:
    m = ach_matrix(_heuer(WEIGHTS))
    assert m.inconsistency["H1"] == pytest.approx(5.2426, abs=5e-5)
    assert m.inconsistency["H2"] == 0.0
    assert m.inconsistency["H3"] == pytest.approx(2.0)
    assert m.leader() == "H2"


def test_the_lead_survives_any_single_item_but_not_e2_and_e3_reversed() -> None:
    found = ach_sensitivity(ach_matrix(_heuer(WEIGHTS)))
    assert (found.leader, found.runner_up, found.margin) == ("H2", "H3", 2.0)
    assert all(len(f.rows) == 2 for f in found.flips)  # no single item flips it
    assert AchFlip(("E2", "E3"), "reversed", "H3") in found.flips
    assert found.tried == 6
