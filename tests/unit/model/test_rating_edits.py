"""ACH rating and prior edits: they do what the analyst asked and invert exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.scenario_weights import normalised_priors
from argmap.model import AchRating, ArgMap, Rating, Statement, StatementKind
from argmap.model.edit_steps import Edit, EditError
from argmap.model.map_index import MapIndex
from argmap.model.rating_edits import rating_of, set_prior_share, set_rating


def _map(priors: tuple[float | None, ...] = (0.5, 0.3, 0.2)) -> ArgMap:
    scenarios = [
        Statement(id=f"s-{k}", kind=StatementKind.SCENARIO, text=f"Scenario {k}", prior=p)
        for k, p in enumerate(priors)
    ]
    return ArgMap(
        statements=[
            *scenarios,
            Statement(id="s-e", kind=StatementKind.EVIDENCE, text="Evidence"),
            Statement(id="s-f", kind=StatementKind.EVIDENCE, text="More evidence"),
        ],
        ratings=[
            Rating(evidence="s-f", scenario="s-0", rating=AchRating.C),
            Rating(evidence="s-e", scenario="s-1", rating=AchRating.I, relevance=0.5),
            Rating(evidence="s-f", scenario="s-2", rating=AchRating.N),
        ],
    )


def _apply_and_undo(ix: MapIndex, edit: Edit) -> None:
    before = ix.doc.model_dump()
    changes = ix.apply(edit)
    assert changes or not edit
    ix.apply(edit.inverse())
    assert ix.doc.model_dump() == before
    ix.apply(edit)


def test_a_new_rating_is_appended_and_undo_removes_it() -> None:
    ix = MapIndex(_map())
    edit = set_rating(ix, "s-e", "s-0", AchRating.II)
    _apply_and_undo(ix, edit)
    assert ix.doc.ratings[-1] == Rating(evidence="s-e", scenario="s-0", rating=AchRating.II)
    assert len(ix.doc.ratings) == 4


def test_rerating_a_pair_replaces_it_in_place() -> None:
    ix = MapIndex(_map())
    edit = set_rating(ix, "s-e", "s-1", AchRating.CC)
    _apply_and_undo(ix, edit)
    assert [(r.evidence, r.scenario, r.rating) for r in ix.doc.ratings] == [
        ("s-f", "s-0", AchRating.C),
        ("s-e", "s-1", AchRating.CC),
        ("s-f", "s-2", AchRating.N),
    ]
    assert not set_rating(ix, "s-e", "s-1", AchRating.CC)  # same rating again: no edit


def test_clearing_removes_the_pair_and_its_duplicates() -> None:
    doc = _map()
    doc.ratings.append(Rating(evidence="s-e", scenario="s-1", rating=AchRating.C))
    ix = MapIndex(doc)
    edit = set_rating(ix, "s-e", "s-1", None)
    _apply_and_undo(ix, edit)
    assert rating_of(ix, "s-e", "s-1") is None
    assert len(ix.doc.ratings) == 2
    assert not set_rating(ix, "s-e", "s-1", None)


def test_only_scenarios_and_known_statements_can_be_rated() -> None:
    ix = MapIndex(_map())
    with pytest.raises(EditError):
        set_rating(ix, "s-e", "s-f", AchRating.C)
    with pytest.raises(KeyError):
        set_rating(ix, "s-nope", "s-0", AchRating.C)
    with pytest.raises(EditError):
        set_prior_share(ix, "s-e", 0.5)
    with pytest.raises(EditError):
        set_prior_share(ix, "s-0", 1.5)


def test_a_prior_share_rescales_the_others_to_fill_the_rest() -> None:
    ix = MapIndex(_map())
    edit = set_prior_share(ix, "s-2", 0.6)
    _apply_and_undo(ix, edit)
    priors = [s.prior for s in ix.doc.statements[:3]]
    assert priors == pytest.approx([0.25, 0.15, 0.6])


def test_missing_priors_count_as_the_average_like_the_analysis() -> None:
    ix = MapIndex(_map((0.6, None, 0.2)))
    _apply_and_undo(ix, set_prior_share(ix, "s-0", 0.5))
    priors = [s.prior for s in ix.doc.statements[:3]]
    # s-1 counts as 0.4, the average of 0.6 and 0.2: it keeps twice the share of s-2.
    assert priors == pytest.approx([0.5, 1 / 3, 1 / 6], abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(
    priors=st.lists(
        st.one_of(st.none(), st.floats(0.0, 10.0, allow_nan=False)), min_size=1, max_size=5
    ),
    target=st.integers(0, 4),
    share=st.floats(0.0, 1.0, allow_nan=False),
)
def test_prior_shares_keep_a_distribution_and_invert(
    priors: list[float | None], target: int, share: float
) -> None:
    target %= len(priors)
    ix = MapIndex(_map(tuple(priors)))
    before = normalised_priors([s.prior for s in ix.doc.statements[: len(priors)]])
    edit = set_prior_share(ix, f"s-{target}", share)
    _apply_and_undo(ix, edit)
    after = normalised_priors([s.prior for s in ix.doc.statements[: len(priors)]])
    assert sum(after) == pytest.approx(1.0)
    if len(priors) > 1:
        assert after[target] == pytest.approx(share, abs=1e-5)
    others = [k for k in range(len(priors)) if k != target]
    rest_before = sum(before[k] for k in others)
    if rest_before > 1e-3:
        for k in others:  # the other scenarios share the rest in their old proportions
            expected = (1 - share) * before[k] / rest_before
            assert after[k] == pytest.approx(expected, abs=2e-5)


def test_rating_a_cell_again_keeps_its_relevance() -> None:
    """Issue 14's repro: pressing C on a rated cell reset its relevance to none."""
    ix = MapIndex(_map())
    ix.apply(set_rating(ix, "s-e", "s-1", AchRating.C))
    assert rating_of(ix, "s-e", "s-1") == Rating(
        evidence="s-e", scenario="s-1", rating=AchRating.C, relevance=0.5
    )


def test_a_relevance_given_with_the_rating_replaces_the_old_one() -> None:
    ix = MapIndex(_map())
    ix.apply(set_rating(ix, "s-e", "s-1", AchRating.C, relevance=None))
    found = rating_of(ix, "s-e", "s-1")
    assert found is not None and found.relevance is None
