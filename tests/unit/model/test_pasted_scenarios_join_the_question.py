"""A scenario pasted with no card to paste under joins the map's question, as a new
scenario does: it is one of the question's answers, not a card floating beside it."""

from __future__ import annotations

from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind
from argmap.model.map_fragment import copy_fragment, placed_at, plan_paste
from argmap.model.map_index import MapIndex
from argmap.model.validation import errors, validate


def _map(question: str | None = "s-q") -> ArgMap:
    return ArgMap(
        question=question,
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Will talks start?"),
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="Talks start"),
            Statement(id="s-c", kind=StatementKind.CLAIM, text="Envoys met"),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-a"], conclusion="s-q"),
            Inference(id="i-2", premises=["s-c"], conclusion="s-a"),
        ],
    )


def test_a_scenario_pasted_with_no_parent_supports_the_question() -> None:
    ix = MapIndex(_map())
    pasted = plan_paste(ix, copy_fragment(ix.doc, ["s-a", "s-c"]))
    ix.apply(pasted.edit)
    scenario, claim = pasted.roots[0], pasted.statements[1]
    assert ix.parents(scenario) == ["s-q"]
    (link,) = ix.with_premise(scenario)
    assert ix.inference(link).kind is InferenceKind.SUPPORT
    assert ix.parents(claim) == [scenario]  # its subtree comes with it, as copied
    assert pasted.joined_question == 1
    assert "1 scenario put under the question" in pasted.summary()
    assert errors(validate(ix.doc)) == []
    ix.apply(pasted.edit.inverse())
    assert ix.doc == _map()


def test_paste_here_keeps_the_pin_and_joins_the_question() -> None:
    ix = MapIndex(_map())
    pasted = plan_paste(ix, placed_at(copy_fragment(ix.doc, ["s-a"]), (400.0, 300.0)))
    ix.apply(pasted.edit)
    (scenario,) = pasted.roots
    assert ix.parents(scenario) == ["s-q"]
    assert ix.doc.view.pinned[scenario] == (400.0, 300.0)


def test_other_cards_and_maps_without_a_question_stay_top_level() -> None:
    ix = MapIndex(_map())
    pasted = plan_paste(ix, copy_fragment(ix.doc, ["s-c"]))
    ix.apply(pasted.edit)
    assert ix.parents(pasted.roots[0]) == [] and pasted.joined_question == 0
    assert "question" not in pasted.summary()
    ix = MapIndex(_map(question=None))
    pasted = plan_paste(ix, copy_fragment(ix.doc, ["s-a"]))
    ix.apply(pasted.edit)
    assert ix.parents(pasted.roots[0]) == [] and pasted.joined_question == 0


def test_a_scenario_pasted_under_a_card_goes_where_it_was_pasted() -> None:
    ix = MapIndex(_map())
    pasted = plan_paste(ix, copy_fragment(ix.doc, ["s-a"]), parent="s-c")
    ix.apply(pasted.edit)
    assert ix.parents(pasted.roots[0]) == ["s-c"] and pasted.joined_question == 0


def test_two_scenarios_pasted_together_both_join_it() -> None:
    ix = MapIndex(_map())
    frag = copy_fragment(ix.doc, ["s-a"])
    twice = plan_paste(MapIndex(frag), frag)  # a fragment with two unlinked scenarios
    both = MapIndex(frag)
    both.apply(twice.edit)
    pasted = plan_paste(ix, both.doc)
    ix.apply(pasted.edit)
    assert [ix.parents(r) for r in pasted.roots] == [["s-q"], ["s-q"]]
    assert "(2 scenarios put under the question" in pasted.summary()
