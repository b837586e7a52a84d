"""Small contracts the UI relies on: what view edits report changed, lookups that name
what is missing, who said a statement in an AIF dialogue, children in document order,
ratings kept whole, repairs told in one line."""

from __future__ import annotations

import pytest

from argmap.model import ArgMap, Inference, Quote, Rating, Source, Statement, StatementKind, edits
from argmap.model.dialogue import AifEdge, AifLink, AifNode, Dialogue
from argmap.model.edit_steps import Change
from argmap.model.map_index import MapIndex
from argmap.model.rating import AchRating
from argmap.model.rating_edits import rating_of, set_rating
from argmap.model.repair import Repair, drifted_quotes

TEXT = "Talks may start in spring. Both sides deny it."


def _doc() -> ArgMap:
    return ArgMap(
        sources=[Source.from_text("src-1", TEXT)],
        quotes=[
            Quote.from_range("q-1", "src-1", TEXT, 0, 25),
            Quote.from_range("q-2", "src-gone", TEXT, 27, 45),
            Quote.from_range("q-3", "src-1", TEXT, 27, 45),
        ],
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Talks?"),
            Statement(id="s-a", kind=StatementKind.PREMISE, text="A"),
            Statement(id="s-b", kind=StatementKind.PREMISE, text="B"),
            Statement(id="s-c", kind=StatementKind.PREMISE, text="C"),
            Statement(id="s-s", kind=StatementKind.SCENARIO, text="S", prior=1.0),
            Statement(id="s-t", kind=StatementKind.SCENARIO, text="T", prior=1.0),
        ],
        inferences=[
            Inference(id="i-c", premises=["s-c"], conclusion="s-q"),
            Inference(id="i-ab", premises=["s-b", "s-a"], conclusion="s-q"),
        ],
    )


def _changes(ix: MapIndex, edit: edits.Edit) -> tuple[list[Change], list[Change]]:
    done = ix.apply(edit)
    return done, ix.apply(edit.inverse())


def test_view_edits_report_the_card_and_what_changed() -> None:
    ix = MapIndex(_doc())
    pinned = Change("view", "changed", "s-a", "pinned")
    assert _changes(ix, edits.set_pinned(ix, {"s-a": (10, 20)})) == ([pinned], [pinned])
    assert ix.doc.view.pinned == {}
    collapsed = Change("view", "changed", "s-q", "collapsed")
    assert _changes(ix, edits.set_collapsed(ix, "s-q", True)) == ([collapsed], [collapsed])
    assert ix.doc.view.collapsed == []


def test_unpinning_a_card_forgets_its_place_and_undo_brings_it_back() -> None:
    ix = MapIndex(_doc())
    ix.apply(edits.set_pinned(ix, {"s-a": (10, 20), "s-b": (1, 2)}))
    unpin = edits.set_pinned(ix, {"s-a": None})
    ix.apply(unpin)
    assert ix.doc.view.pinned == {"s-b": (1.0, 2.0)}
    ix.apply(unpin.inverse())
    assert ix.doc.view.pinned == {"s-b": (1.0, 2.0), "s-a": (10.0, 20.0)}


def test_lookups_name_what_is_missing() -> None:
    doc = _doc()
    for lookup in (doc.statement, doc.inference, doc.quote, Dialogue().node):
        with pytest.raises(KeyError) as missing:
            lookup("x-gone")
        assert missing.value.args == ("x-gone",)


def test_children_come_in_document_order_once_each() -> None:
    ix = MapIndex(_doc())
    assert ix.children("s-q") == ["s-c", "s-b", "s-a"]
    assert ix.children("s-a") == []
    assert ix.parents("s-a") == ["s-q"] and ix.parents("s-q") == []


def test_a_rating_keeps_its_relevance_and_is_found_by_its_pair_only() -> None:
    ix = MapIndex(_doc())
    ix.doc.statements.append(Statement(id="s-e", kind=StatementKind.EVIDENCE, text="E"))
    ix = MapIndex(ix.doc)
    ix.apply(set_rating(ix, "s-e", "s-s", AchRating.C, relevance=0.4))
    ix.apply(set_rating(ix, "s-a", "s-t", AchRating.I))
    assert rating_of(ix, "s-e", "s-s") == Rating(
        evidence="s-e", scenario="s-s", rating=AchRating.C, relevance=0.4
    )
    assert rating_of(ix, "s-e", "s-t") is None and rating_of(ix, "s-a", "s-s") is None
    clear = set_rating(ix, "s-e", "s-s", None)
    assert clear.label == "Clear rating"
    ix.apply(clear)
    assert rating_of(ix, "s-e", "s-s") is None and rating_of(ix, "s-a", "s-t") is not None


def test_who_said_a_statement_follows_locution_to_illocution_to_statement() -> None:
    dialogue = Dialogue(
        nodes=[
            AifNode(id="L1", type="L", text="Zelensky : We will not cede territory"),
            AifNode(id="Y1", type="YA", text="Asserting"),
            AifNode(id="X1", type="TA", text="Default Transition"),
            AifNode(id="L2", type="L", text="Unrelated"),
        ],
        edges=[
            AifEdge(id="e1", source="L1", target="Y1"),
            AifEdge(id="e2", source="Y1", target="I1"),
            AifEdge(id="e3", source="X1", target="I1"),  # not an illocution: skipped
            AifEdge(id="e4", source="L2", target="X1"),
            AifEdge(id="e5", source="Y1", target="I2"),
            AifEdge(id="e6", source="X1", target="Y1"),  # not a locution: skipped
        ],
        links={"s-1": AifLink(node="I1"), "s-2": AifLink(node="I2")},
    )
    assert dialogue.said("s-1") == [("Asserting", "Zelensky : We will not cede territory")]
    assert dialogue.said("s-2") == dialogue.said("s-1")
    assert dialogue.said("s-3") == []


def test_drifted_quotes_skip_a_missing_source_and_look_at_every_quote() -> None:
    doc = _doc()
    doc.sources[0].text = "Talks may start in spring. Both sides denied it."
    assert [(i, found.quote.id) for i, found in drifted_quotes(doc)] == [(2, "q-3")]


def test_a_repair_reads_as_its_place_and_what_was_done() -> None:
    assert str(Repair("quotes[1]", "quote dropped", "dangling-reference")) == (
        "quotes[1]: quote dropped"
    )
    assert str(Repair("", "map title set", "x")) == "map title set"


def _reported(
    ix: MapIndex, edit: edits.Edit
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    done, undone = _changes(ix, edit)
    return (
        [(c.topic, c.action, c.id, c.field) for c in done],
        [(c.topic, c.action, c.id, c.field) for c in undone],
    )


def test_each_kind_of_record_reports_its_own_change_and_undo_the_opposite() -> None:
    ix = MapIndex(_doc())
    assert _reported(ix, edits.remove_quote(ix, "q-3")) == (
        [("quote", "removed", "q-3", "")],
        [("quote", "added", "q-3", "")],
    )
    assert _reported(ix, edits.remove_statement(ix, "s-c")) == (
        [("inference", "removed", "i-c", ""), ("statement", "removed", "s-c", "")],
        [("statement", "added", "s-c", ""), ("inference", "added", "i-c", "")],
    )
    assert _reported(ix, edits.add_sources(ix, [Source.from_text("src-2", "x")])) == (
        [("document", "changed", "", "sources")],
        [("document", "changed", "", "sources")],
    )
    ix.doc.statements.append(Statement(id="s-e", kind=StatementKind.EVIDENCE, text="E"))
    ix = MapIndex(ix.doc)
    assert _reported(ix, set_rating(ix, "s-e", "s-s", AchRating.C)) == (
        [("document", "changed", "", "ratings")],
        [("document", "changed", "", "ratings")],
    )
    assert _reported(ix, edits.set_direction(ix, "LR")) == (
        [("view", "changed", "", "direction")],
        [("view", "changed", "", "direction")],
    )
    assert ix.doc.view.direction == "TB"


def test_deleting_the_focal_question_reports_the_map_lost_its_question() -> None:
    doc = _doc()
    doc.question = "s-q"
    ix = MapIndex(doc)
    done, undone = _reported(ix, edits.remove_statement(ix, "s-q"))
    assert ("document", "changed", "", "question") in done
    assert ("document", "changed", "", "question") in undone
    assert ix.doc.question == "s-q"
