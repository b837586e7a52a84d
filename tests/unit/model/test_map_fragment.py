"""Copying a subtree with its quotes and articles, and pasting it into a map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from map_strategies import arg_maps

from argmap.interop.clipboard_text import fragment_json, read_fragment_json
from argmap.model import (
    AchRating,
    AchRow,
    ArgMap,
    Inference,
    InferenceKind,
    Layer,
    LayerRating,
    Quote,
    RowLevel,
    Signpost,
    Source,
    Statement,
    StatementKind,
)
from argmap.model.edit_steps import EditError
from argmap.model.map_fragment import copy_fragment, fragment_roots, plan_paste
from argmap.model.map_index import MapIndex
from argmap.model.validation import MAX_COORDINATE, errors, validate

TEXT = "Oil revenue fell by a quarter. Elites grumble about taxes."


def _map() -> ArgMap:
    source = Source.from_text("src-1", TEXT, title="Budget")
    quote = Quote.from_range("q-1", "src-1", TEXT, 0, 30)
    return ArgMap(
        sources=[source],
        quotes=[quote],
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Deal?"),
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="Deal"),
            Statement(id="s-e", kind=StatementKind.EVIDENCE, text="Oil fell", quotes=["q-1"]),
            Statement(id="s-o", kind=StatementKind.OBJECTION, text="Reserves are large"),
            Statement(id="s-u", kind=StatementKind.OBJECTION, text="Fell from a peak"),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-a"], conclusion="s-q"),
            Inference(id="i-2", premises=["s-e"], conclusion="s-a"),
            Inference(id="i-3", premises=["s-o"], conclusion="s-a", kind=InferenceKind.ATTACK),
            Inference(id="i-4", premises=["s-u"], conclusion="i-2", kind=InferenceKind.UNDERCUT),
        ],
    )


def test_a_subtree_comes_with_its_quotes_articles_and_undercuts() -> None:
    frag = copy_fragment(_map(), ["s-a"])
    assert [s.id for s in frag.statements] == ["s-a", "s-e", "s-o", "s-u"]
    assert [i.id for i in frag.inferences] == ["i-2", "i-3", "i-4"]  # not the link to s-q
    assert [q.id for q in frag.quotes] == ["q-1"] and [s.id for s in frag.sources] == ["src-1"]
    assert fragment_roots(frag) == ["s-a"]


def test_paste_into_another_map_adds_quotes_and_articles_with_fresh_ids() -> None:
    frag = copy_fragment(_map(), ["s-a"])
    ix = MapIndex(ArgMap())
    pasted = plan_paste(ix, frag)
    ix.apply(pasted.edit)
    assert errors(validate(ix.doc)) == []
    assert (pasted.quotes_added, pasted.sources_added) == (1, 1)
    evidence = next(s for s in ix.doc.statements if s.text == "Oil fell")
    assert ix.doc.quote(evidence.quotes[0]).exact == TEXT[:30]
    undercut = next(i for i in ix.doc.inferences if i.kind is InferenceKind.UNDERCUT)
    assert ix.inference(undercut.conclusion).premises == [evidence.id]


def test_paste_into_the_same_map_reuses_its_quote_and_article() -> None:
    ix = MapIndex(_map())
    before = ix.doc.model_dump()
    pasted = plan_paste(ix, copy_fragment(ix.doc, ["s-e"]), parent="s-a")
    ix.apply(pasted.edit)
    assert (pasted.quotes_added, pasted.sources_added) == (0, 0)
    assert (pasted.quotes_reused, pasted.sources_reused) == (1, 1)
    (new,) = pasted.roots
    assert new != "s-e" and ix.statement(new).quotes == ["q-1"]
    assert ix.parents(new) == ["s-a"]
    assert pasted.summary() == "Pasted 1 statement (2 already in the map)"
    ix.apply(pasted.edit.inverse())
    assert ix.doc.model_dump() == before


def test_an_objection_on_top_is_pasted_as_an_attack() -> None:
    ix = MapIndex(_map())
    pasted = plan_paste(ix, copy_fragment(ix.doc, ["s-o"]), parent="s-q")
    ix.apply(pasted.edit)
    (iid,) = ix.with_premise(pasted.roots[0])
    assert ix.inference(iid).kind is InferenceKind.ATTACK


def test_a_same_id_article_with_other_text_is_added_under_a_new_id() -> None:
    other = _map()
    other.sources[0] = Source.from_text("src-1", "Another article entirely.", title="Other")
    other.quotes = []
    other.statements[2].quotes = []
    ix = MapIndex(other)
    pasted = plan_paste(ix, copy_fragment(_map(), ["s-e"]))
    ix.apply(pasted.edit)
    assert len(ix.doc.sources) == 2 and ix.doc.sources[1].id != "src-1"
    assert errors(validate(ix.doc)) == []


def test_nothing_to_paste_or_nowhere_to_paste_is_refused() -> None:
    ix = MapIndex(_map())
    with pytest.raises(EditError, match="nothing"):
        plan_paste(ix, ArgMap())
    with pytest.raises(EditError, match="no statement"):
        plan_paste(ix, copy_fragment(_map(), ["s-e"]), parent="s-gone")


@settings(max_examples=40)
@given(arg_maps())
def test_any_map_pasted_into_itself_stays_valid_and_undoes_exactly(doc: ArgMap) -> None:
    if not doc.statements or errors(validate(doc)):
        return
    ix = MapIndex(doc)
    before = doc.model_dump()
    frag = copy_fragment(doc, [doc.statements[0].id])
    pasted = plan_paste(ix, frag, parent=doc.statements[-1].id if len(doc.statements) > 1 else None)
    ix.apply(pasted.edit)
    assert errors(validate(ix.doc)) == []
    ix.apply(pasted.edit.inverse())
    assert ix.doc.model_dump() == before


# --- folds and pins come along --------------------------------------------------------


def _folded_and_pinned() -> ArgMap:
    """The map with the scenario folded, its evidence pinned and the undercut's link pinned
    (an OVA import pins inferences too)."""
    doc = _map()
    doc.view.collapsed = ["s-a"]
    doc.view.pinned = {"s-e": (100.0, 250.0), "s-o": (300.0, 250.0), "i-2": (120.0, 180.0)}
    return doc


def test_paste_into_another_map_keeps_the_folds_and_the_pins_where_they_were() -> None:
    frag = copy_fragment(_folded_and_pinned(), ["s-a"])
    ix = MapIndex(ArgMap())
    pasted = plan_paste(ix, frag)
    ix.apply(pasted.edit)
    new = {s.text: s.id for s in ix.doc.statements}
    assert ix.doc.view.collapsed == [new["Deal"]]
    link = next(i.id for i in ix.doc.inferences if i.premises == [new["Oil fell"]])
    assert ix.doc.view.pinned == {
        new["Oil fell"]: (100.0, 250.0),
        new["Reserves are large"]: (300.0, 250.0),
        link: (120.0, 180.0),
    }
    assert validate(ix.doc) == []
    assert "1 folded, 3 pinned" in pasted.summary()


def test_paste_into_the_same_map_moves_the_pins_clear_of_the_originals() -> None:
    ix = MapIndex(_folded_and_pinned())
    before = ix.doc.model_dump()
    first = plan_paste(ix, copy_fragment(ix.doc, ["s-a"]), parent="s-q")
    ix.apply(first.edit)
    new = {s.text: s.id for s in ix.doc.statements[5:]}
    pins = ix.doc.view.pinned
    # Beside the originals: right by the group's width (200) and a card's room (300).
    assert pins[new["Oil fell"]] == (600.0, 250.0)
    assert pins[new["Reserves are large"]] == (800.0, 250.0)
    assert ix.doc.view.collapsed == ["s-a", new["Deal"]]
    assert "moved 500 right, clear of the pinned cards" in first.summary()
    second = plan_paste(ix, copy_fragment(ix.doc, ["s-a"]), parent="s-q")
    ix.apply(second.edit)
    oil = [pins[s.id] for s in ix.doc.statements if s.text == "Oil fell"]
    assert oil == [(100.0, 250.0), (600.0, 250.0), (1100.0, 250.0)]  # side by side
    ix.apply(second.edit.inverse())
    ix.apply(first.edit.inverse())
    assert ix.doc.model_dump() == before


def test_a_pin_that_would_land_off_the_canvas_is_left_out_and_said() -> None:
    doc = _map()
    # The copies move right by 1,300 (the group's width and a card's room): one too far.
    doc.view.pinned = {"s-e": (MAX_COORDINATE - 400, 0.0), "s-o": (MAX_COORDINATE - 1400, 0.0)}
    ix = MapIndex(doc)
    pasted = plan_paste(ix, copy_fragment(doc, ["s-a"]))
    ix.apply(pasted.edit)
    assert len(ix.doc.view.pinned) == 3  # the originals and one copy
    assert validate(ix.doc) == []
    assert "1 pin left out: it would lie off the canvas" in pasted.summary()


def test_folds_and_pins_survive_the_clipboard_json() -> None:
    frag = copy_fragment(_folded_and_pinned(), ["s-a"])
    again = read_fragment_json(fragment_json(frag))
    assert again.view.collapsed == ["s-a"]
    assert again.view.pinned == {
        "s-e": (100.0, 250.0),
        "s-o": (300.0, 250.0),
        "i-2": (120.0, 180.0),
    }


# --- row weights, signposts and analysts' judgements come along -------------------------


def _judged() -> ArgMap:
    doc = _map()
    doc.ach_rows = [AchRow(evidence="s-e", credibility=RowLevel.HIGH)]
    doc.signposts = [Signpost(id="sp-1", scenario="s-a", text="Envoys named")]
    doc.layers = [
        Layer(
            name="Ana",
            credibility={"s-e": 0.8, "s-q": 0.1},
            strength={"i-2": 0.7},
            prior={"s-a": 2.0},
            ratings=[LayerRating(evidence="s-e", scenario="s-a", rating=AchRating.C)],
        ),
        Layer(name="Ben", credibility={"s-q": 0.5}),
    ]
    return doc


def test_paste_into_the_same_map_brings_row_weights_signposts_and_layer_judgements() -> None:
    ix = MapIndex(_judged())
    before = ix.doc.model_dump()
    pasted = plan_paste(ix, copy_fragment(ix.doc, ["s-a"]), parent="s-q")
    ix.apply(pasted.edit)
    new = {s.text: s.id for s in ix.doc.statements[5:]}
    link = next(i.id for i in ix.doc.inferences if i.premises == [new["Oil fell"]])
    assert ix.doc.ach_rows[1] == AchRow(evidence=new["Oil fell"], credibility=RowLevel.HIGH)
    (signpost,) = ix.doc.signposts[1:]
    assert (signpost.scenario, signpost.text) == (new["Deal"], "Envoys named")
    assert signpost.id != "sp-1"
    ana = ix.doc.layers[0]
    assert ana.credibility == {"s-e": 0.8, "s-q": 0.1, new["Oil fell"]: 0.8}
    assert ana.strength == {"i-2": 0.7, link: 0.7} and ana.prior[new["Deal"]] == 2.0
    assert ana.ratings[1] == LayerRating(
        evidence=new["Oil fell"], scenario=new["Deal"], rating=AchRating.C
    )
    assert ix.doc.layers[1].credibility == {"s-q": 0.5}  # Ben judged nothing copied
    assert validate(ix.doc) == []
    assert "4 layer judgements" in pasted.summary()
    ix.apply(pasted.edit.inverse())
    assert ix.doc.model_dump() == before


def test_judgements_of_a_layer_the_other_map_lacks_are_left_out_and_said() -> None:
    ix = MapIndex(ArgMap(layers=[Layer(name="Ben")]))
    pasted = plan_paste(ix, copy_fragment(_judged(), ["s-a"]))
    ix.apply(pasted.edit)
    assert ix.doc.layers == [Layer(name="Ben")]
    assert "4 judgements of layer 'Ana' left out: this map has no such layer" in pasted.summary()
