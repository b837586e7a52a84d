"""Edits of ACH cells and prior shares at their edges: a re-rating that changes nothing,
a whole share of 1, others with no weight, priors already where asked."""

from __future__ import annotations

import pytest

from argmap.model import AchRating, ArgMap, Rating, Statement, StatementKind
from argmap.model.edit_steps import Edit
from argmap.model.map_index import MapIndex
from argmap.model.rating_edits import set_prior_share, set_rating


def scenarios(*priors: float | None) -> MapIndex:
    return MapIndex(
        ArgMap(
            statements=[
                *(
                    Statement(id=f"s-{k}", kind=StatementKind.SCENARIO, text=f"S{k}", prior=p)
                    for k, p in enumerate(priors)
                ),
                Statement(id="s-e", kind=StatementKind.EVIDENCE, text="Evidence"),
            ],
            ratings=[Rating(evidence="s-e", scenario="s-0", rating=AchRating.C)],
        )
    )


def priors_after(ix: MapIndex, edit: Edit) -> list[float | None]:
    ix.apply(edit)
    return [s.prior for s in ix.doc.statements if s.kind is StatementKind.SCENARIO]


def test_rating_a_cell_as_it_already_is_is_a_named_edit_with_nothing_to_do() -> None:
    ix = scenarios(0.5, 0.5)
    edit = set_rating(ix, "s-e", "s-0", AchRating.C)
    assert edit == Edit("Rate C", ())
    assert not edit


def test_a_share_of_one_leaves_nothing_to_the_others() -> None:
    ix = scenarios(0.5, 0.3, 0.2)
    assert priors_after(ix, set_prior_share(ix, "s-2", 1.0)) == [0.0, 0.0, 1.0]


def test_others_with_no_weight_share_the_rest_equally() -> None:
    ix = scenarios(0.0, 0.0, 1.0)
    assert priors_after(ix, set_prior_share(ix, "s-2", 0.4)) == pytest.approx([0.3, 0.3, 0.4])


def test_priors_already_where_asked_make_an_empty_edit() -> None:
    ix = scenarios(0.5, 0.3, 0.2)
    edit = set_prior_share(ix, "s-0", 0.5)
    assert edit.label == "Set prior"
    assert not edit
