"""Who said a statement in an imported AIF dialogue, and how map text is shown in a
tooltip: a blank line stays a blank line, a text at the limit is not cut."""

from __future__ import annotations

from argmap.model.dialogue import AifEdge, AifLink, AifNode, Dialogue
from argmap.model.display_text import plain_tooltip


def dialogue() -> Dialogue:
    # I-node "i1" (statement s-1) is reached by an RA node first, then by a YA node
    # anchored in the locution "l1"; statement s-2's I-node "i2" has no incoming edge.
    return Dialogue(
        nodes=[
            AifNode(id="i1", type="I", text="Talks resume"),
            AifNode(id="ra", type="RA", text="Default Inference"),
            AifNode(id="ya", type="YA", text="Asserting"),
            AifNode(id="l1", type="L", text="Envoy : Talks resume"),
            AifNode(id="i2", type="I", text="No deal"),
        ],
        edges=[
            AifEdge(id="e1", source="ra", target="i1"),
            AifEdge(id="e2", source="ya", target="i1"),
            AifEdge(id="e3", source="l1", target="ya"),
        ],
        links={"s-1": AifLink(node="i1"), "s-2": AifLink(node="i2")},
    )


def test_who_said_a_statement_is_read_through_its_dialogue_move() -> None:
    assert dialogue().said("s-1") == [("Asserting", "Envoy : Talks resume")]


def test_a_statement_nobody_said_has_no_speakers() -> None:
    assert dialogue().said("s-2") == []
    assert dialogue().said("s-404") == []


def test_a_node_is_found_by_its_own_id() -> None:
    assert dialogue().node("ya").text == "Asserting"


def test_a_blank_line_in_a_tooltip_stays_a_blank_line() -> None:
    assert plain_tooltip("a\n\nb") == "<div>a</div><div>&nbsp;</div><div>b</div>"


def test_a_tooltip_exactly_at_the_limit_is_not_cut() -> None:
    assert plain_tooltip("x" * 10, limit=10) == "<div>" + "x" * 10 + "</div>"
    assert plain_tooltip("x" * 11, limit=10) == "<div>" + "x" * 10 + "\u2026</div>"
