"""Paste here: a copied fragment's top cards land at the point the user clicked."""

from __future__ import annotations

from argmap.model import ArgMap, Inference, Statement, StatementKind
from argmap.model.document import ViewState
from argmap.model.map_fragment import CARD_ROOM, placed_at


def _fragment(pinned: dict[str, tuple[float, float]]) -> ArgMap:
    claim = StatementKind.CLAIM
    return ArgMap(
        statements=[
            Statement(id="s-a", kind=claim, text="A"),
            Statement(id="s-b", kind=claim, text="B, under A"),
            Statement(id="s-c", kind=claim, text="C"),
            Statement(id="s-d", kind=claim, text="D"),
        ],
        inferences=[Inference(id="i-1", premises=["s-b"], conclusion="s-a")],
        view=ViewState(pinned=pinned),
    )


def test_unpinned_top_cards_stand_in_a_column_from_the_point() -> None:
    placed = placed_at(_fragment({}), (500.0, 80.0))
    assert placed.view.pinned == {
        "s-a": (500.0, 80.0),
        "s-c": (500.0, 80.0 + CARD_ROOM[1]),
        "s-d": (500.0, 80.0 + 2 * CARD_ROOM[1]),
    }  # B hangs under A and follows it: it is not pinned


def test_pinned_cards_keep_their_places_relative_to_each_other() -> None:
    frag = _fragment({"s-a": (1000.0, 400.0), "s-b": (1100.0, 700.0), "s-c": (1300.0, 450.0)})
    placed = placed_at(frag, (0.0, 0.0))
    pins = placed.view.pinned
    assert pins["s-a"] == (0.0, 0.0)  # the group's top-left corner at the point
    assert pins["s-b"] == (100.0, 300.0) and pins["s-c"] == (300.0, 50.0)
    assert pins["s-d"] == (0.0, 50.0 + CARD_ROOM[1])  # below the lowest pinned top card
    assert frag.view.pinned["s-a"] == (1000.0, 400.0)  # the fragment itself is unchanged
