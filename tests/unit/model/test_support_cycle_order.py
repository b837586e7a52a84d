"""How support loops are reported: knots in the order of the file, each read from its
first statement in the file, along the shortest way back."""

from __future__ import annotations

from argmap.model import ArgMap, Inference, Statement, StatementKind
from argmap.model.support_cycles import support_cycles


def support_map(order: list[str], links: list[tuple[str, str]]) -> ArgMap:
    return ArgMap(
        statements=[Statement(id=n, kind=StatementKind.CLAIM, text=n) for n in order],
        inferences=[
            Inference(id=f"i-{k}", premises=[a], conclusion=b) for k, (a, b) in enumerate(links)
        ],
    )


def test_knots_come_in_file_order_and_start_at_their_first_statement_in_the_file() -> None:
    # file order z, y, b, a: alphabetical order would put a and b first
    doc = support_map(["z", "y", "b", "a"], [("a", "z"), ("z", "a"), ("b", "y"), ("y", "b")])
    assert support_cycles(doc) == [[("z", 1), ("a", 0)], [("y", 3), ("b", 2)]]


def test_the_loop_shown_is_the_shortest_way_back() -> None:
    # a -> b -> c -> a and a -> z -> a: the two-step loop is shown, not the one through c
    doc = support_map(
        ["a", "b", "c", "z"], [("a", "b"), ("b", "c"), ("c", "a"), ("a", "z"), ("z", "a")]
    )
    assert support_cycles(doc) == [[("a", 3), ("z", 4)]]
