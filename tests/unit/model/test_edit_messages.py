"""Each edit's name (the Edit menu shows "Undo NAME") and each refusal's reason (shown in
the status bar), in words; a refused edit leaves the map as it was."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from argmap.model import (
    ArgMap,
    Inference,
    InferenceKind,
    Quote,
    Source,
    Statement,
    StatementKind,
    edits,
)
from argmap.model.edit_steps import Edit, EditError
from argmap.model.map_index import MapIndex
from argmap.model.rating import AchRating
from argmap.model.rating_edits import set_prior_share, set_rating

TEXT = "Talks may start in spring. Both sides deny it."


def _index() -> MapIndex:
    """s-q <- s-a, s-b (linked, i-ab); s-q <- s-c (attack, i-c); s-e -> undercut of i-ab."""
    return MapIndex(
        ArgMap(
            sources=[Source.from_text("src-1", TEXT)],
            quotes=[Quote.from_range("q-1", "src-1", TEXT, 0, 25)],
            statements=[
                Statement(id="s-q", kind=StatementKind.QUESTION, text="Talks?"),
                Statement(id="s-a", kind=StatementKind.PREMISE, text="A", quotes=["q-1"]),
                Statement(id="s-b", kind=StatementKind.PREMISE, text="B"),
                Statement(id="s-c", kind=StatementKind.OBJECTION, text="C"),
                Statement(id="s-d", kind=StatementKind.PREMISE, text="D"),
                Statement(id="s-e", kind=StatementKind.EVIDENCE, text="E"),
                Statement(id="s-s", kind=StatementKind.SCENARIO, text="S", prior=1.0),
            ],
            inferences=[
                Inference(id="i-ab", premises=["s-a", "s-b"], conclusion="s-q"),
                Inference(id="i-c", premises=["s-c"], conclusion="s-q", kind=InferenceKind.ATTACK),
                Inference(id="i-d", premises=["s-d"], conclusion="s-q"),
                Inference(
                    id="i-u", premises=["s-e"], conclusion="i-ab", kind=InferenceKind.UNDERCUT
                ),
            ],
        )
    )


Plan = Callable[[MapIndex], Edit]

LABELS: list[tuple[str, Plan, str, int]] = [
    # (what, the edit, its name, how many steps it takes)
    ("a statement", lambda ix: edits.add_statement(ix, "x"), "Add statement", 1),
    ("a premise", lambda ix: edits.add_statement(ix, "x", parent="s-q"), "Add premise", 2),
    (
        "an objection",
        lambda ix: edits.add_statement(ix, "x", parent="s-q", relation=InferenceKind.ATTACK),
        "Add objection",
        2,
    ),
    ("one deletion", lambda ix: edits.remove_statements(ix, ["s-d"]), "Delete statement", 2),
    (
        "several deletions",
        lambda ix: edits.remove_statements(ix, ["s-d", "s-c"]),
        "Delete 2 statements",
        4,
    ),
    ("a link", lambda ix: edits.add_inference(ix, ["s-d"], "s-c"), "Add link", 1),
    (
        "an attack",
        lambda ix: edits.add_inference(ix, ["s-d"], "s-c", kind=InferenceKind.ATTACK),
        "Add objection",
        1,
    ),
    ("a link deleted", lambda ix: edits.remove_inference(ix, "i-d"), "Delete link", 1),
    (
        "a strength",
        lambda ix: edits.set_inference_field(ix, "i-d", "strength", 0.5),
        "Edit strength",
        1,
    ),
    (
        "the same strength",
        lambda ix: edits.set_inference_field(ix, "i-d", "strength", None),
        "Edit strength",
        0,
    ),
    ("a text", lambda ix: edits.set_statement_field(ix, "s-d", "text", "DD"), "Edit text", 1),
    ("a move", lambda ix: edits.reparent(ix, "s-d", "s-c"), "Move under", 1),
    ("a move in place", lambda ix: edits.reparent(ix, "s-d", "s-q"), "Move under", 0),
    ("a move out of a group", lambda ix: edits.reparent(ix, "s-b", "s-c"), "Move under", 2),
    ("a root moved", lambda ix: edits.reparent(ix, "s-s", "s-c"), "Move under", 1),
    ("premises linked", lambda ix: edits.make_linked(ix, ["i-ab", "i-d"]), "Link premises", 2),
    ("premises separated", lambda ix: edits.make_convergent(ix, "i-ab"), "Separate premises", 2),
    ("nothing to separate", lambda ix: edits.make_convergent(ix, "i-d"), "Separate premises", 0),
    (
        "an article",
        lambda ix: edits.add_sources(ix, [Source.from_text("src-2", "x")]),
        "Add article",
        1,
    ),
    (
        "two articles",
        lambda ix: edits.add_sources(
            ix, [Source.from_text("src-2", "x"), Source.from_text("src-3", "y")]
        ),
        "Add 2 articles",
        2,
    ),
    ("a quote deleted", lambda ix: edits.remove_quote(ix, "q-1"), "Delete quote", 2),
    ("a quote linked", lambda ix: edits.link_quote(ix, "s-b", "q-1"), "Link quote", 1),
    ("a quote linked again", lambda ix: edits.link_quote(ix, "s-a", "q-1"), "Link quote", 0),
    ("a quote unlinked", lambda ix: edits.unlink_quote(ix, "s-a", "q-1"), "Unlink quote", 1),
    ("no quote to unlink", lambda ix: edits.unlink_quote(ix, "s-b", "q-1"), "Unlink quote", 0),
    ("a pin", lambda ix: edits.set_pinned(ix, {"s-d": (1, 2)}), "Move", 1),
    ("a collapse", lambda ix: edits.set_collapsed(ix, "s-q", True), "Collapse", 1),
    ("an expand of an open card", lambda ix: edits.set_collapsed(ix, "s-q", False), "Expand", 0),
    ("a direction", lambda ix: edits.set_direction(ix, "LR"), "Change direction", 1),
    ("the same direction", lambda ix: edits.set_direction(ix, "TB"), "Change direction", 0),
    ("a rating", lambda ix: set_rating(ix, "s-e", "s-s", AchRating.C), "Rate C", 1),
    ("no rating to clear", lambda ix: set_rating(ix, "s-e", "s-s", None), "Clear rating", 0),
]


@pytest.mark.parametrize(("what", "plan", "label", "steps"), LABELS, ids=[c[0] for c in LABELS])
def test_each_edit_has_its_name(what: str, plan: Plan, label: str, steps: int) -> None:
    ix = _index()
    edit = plan(ix)
    assert (edit.label, len(edit.steps)) == (label, steps)
    before = ix.doc.model_dump()
    ix.apply(edit)
    ix.apply(edit.inverse())
    assert ix.doc.model_dump() == before


REFUSALS: list[tuple[Plan, str]] = [
    (
        lambda ix: edits.add_statement(ix, "x", parent="s-gone"),
        "no statement 's-gone' to attach to",
    ),
    (lambda ix: edits.add_statement(ix, "x", quotes=["q-gone"]), "no quote 'q-gone'"),
    (lambda ix: edits.add_statement(ix, "x", statement_id="i-d"), "id 'i-d' is already in use"),
    (
        lambda ix: edits.set_statement_field(ix, "s-d", "id", "s-x"),
        "statement field 'id' cannot be set this way",
    ),
    (lambda ix: edits.add_inference(ix, [], "s-q"), "an inference needs at least one premise"),
    (lambda ix: edits.add_inference(ix, ["s-gone"], "s-q"), "no statement 's-gone'"),
    (lambda ix: edits.add_inference(ix, ["s-d"], "s-gone"), "no statement 's-gone'"),
    (
        lambda ix: edits.add_inference(ix, ["s-d"], "s-q", kind=InferenceKind.UNDERCUT),
        "no inference 's-q' to undercut",
    ),
    (
        lambda ix: edits.add_inference(ix, ["s-q"], "s-a"),
        "that link would make the argument circular",
    ),
    (
        lambda ix: edits.set_inference_field(ix, "i-d", "id", "i-x"),
        "inference field 'id' cannot be set this way",
    ),
    (
        lambda ix: edits.set_inference_field(ix, "i-u", "kind", InferenceKind.SUPPORT),
        "an undercut targets an inference; it cannot become a support",
    ),
    (
        lambda ix: edits.set_inference_field(ix, "i-d", "kind", InferenceKind.UNDERCUT),
        "an undercut targets an inference; it cannot become a support",
    ),
    (
        lambda ix: edits.reparent(ix, "s-q", "s-a"),
        "a statement cannot move under itself or its own premises",
    ),
    (
        lambda ix: edits.reparent(ix, "s-d", "s-d"),
        "a statement cannot move under itself or its own premises",
    ),
    (lambda ix: edits.reparent(ix, "s-d", "s-c", via="i-c"), "'s-d' is not a premise of 'i-c'"),
    (
        lambda ix: edits.make_linked(ix, ["i-d", "i-d"]),
        "select at least two premises of the same conclusion",
    ),
    (
        lambda ix: edits.make_linked(ix, ["i-d", "i-c"]),
        "only premises of the same conclusion and kind can be linked",
    ),
    (
        lambda ix: edits.add_sources(ix, [Source.from_text("src-1", "x")]),
        "id 'src-1' is already in use",
    ),
    (
        lambda ix: edits.add_quote(ix, Quote.from_range("q-1", "src-1", TEXT, 0, 4)),
        "id 'q-1' is already in use",
    ),
    (
        lambda ix: edits.add_quote(ix, Quote.from_range("q-2", "src-9", TEXT, 0, 4)),
        "no source 'src-9'",
    ),
    (lambda ix: edits.set_direction(ix, "RL"), "unknown direction 'RL'"),  # type: ignore[arg-type]
    (lambda ix: set_rating(ix, "s-e", "s-d", AchRating.C), "'s-d' is not a scenario"),
    (lambda ix: set_prior_share(ix, "s-s", 1.5), "a prior share must lie between 0 and 1, not 1.5"),
    (lambda ix: set_prior_share(ix, "s-d", 0.5), "'s-d' is not a scenario"),
]


@pytest.mark.parametrize(("plan", "reason"), REFUSALS, ids=[r for _, r in REFUSALS])
def test_each_refusal_says_why_and_changes_nothing(plan: Plan, reason: str) -> None:
    ix = _index()
    before = ix.doc.model_dump()
    with pytest.raises(EditError) as refused:
        plan(ix)
    assert str(refused.value) == reason
    assert ix.doc.model_dump() == before
