"""Analyst layers: each analyst's judgements over one shared map, edited, checked, repaired."""

from __future__ import annotations

import pytest
from layer_maps import two_scenarios

from argmap.analysis.scenario_weights import scenario_weights
from argmap.io.map_file import MapFileError, dumps_map, loads_map
from argmap.model import AchRating, Layer, LayerRating, Rating
from argmap.model.edit_steps import EditError
from argmap.model.edits import remove_inference, remove_statement
from argmap.model.layer_edits import (
    add_layer,
    remove_layer,
    set_inference_field,
    set_layer_prior_share,
    set_layer_rating,
    set_statement_field,
    switch_layer,
)
from argmap.model.layer_view import seen_by
from argmap.model.map_index import MapIndex
from argmap.model.repair import repair_map
from argmap.model.validation import validate


def _weights(doc: object, name: str | None) -> list[float]:
    return [round(w.weight, 4) for w in scenario_weights(seen_by(doc, name))]  # type: ignore[arg-type]


def test_each_analyst_sees_the_shared_map_with_their_own_judgements() -> None:
    doc = two_scenarios(
        Layer(name="Alice", credibility={"e1": 0.2}, prior={"a": 3.0}),
        Layer(name="Bob", strength={"i2": 0.9}, credibility={"e2": None}),
    )
    alice, bob = seen_by(doc, "Alice"), seen_by(doc, "Bob")
    assert alice.statement("e1").credibility == 0.2 and alice.statement("a").prior == 3.0
    assert alice.statement("e2").credibility == 0.5  # left out: the map's own
    assert bob.inference("i2").strength == 0.9
    assert bob.statement("e2").credibility is None  # explicitly not judged
    assert seen_by(doc, None) is doc and seen_by(doc, "Nobody") is doc
    # The weights differ per analyst (A: 4^0.9 : 2^0.5 for the map's own).
    assert _weights(doc, None) == [0.7112, 0.2888]
    # Alice: priors 3:1, A's evidence 4^0.2 = 1.3195, B's 2^0.5 = 1.4142:
    # A = 0.75 x 1.3195 / (0.75 x 1.3195 + 0.25 x 1.4142) = 0.7368.
    assert _weights(doc, "Alice") == [0.7368, 0.2632]
    assert _weights(doc, "Bob") != _weights(doc, None)


def test_a_layer_replaces_clears_and_adds_ach_cells() -> None:
    doc = two_scenarios(
        Layer(
            name="Alice",
            ratings=[
                LayerRating(evidence="e1", scenario="b", rating=None),
                LayerRating(evidence="e2", scenario="a", rating=AchRating.II),
                LayerRating(evidence="e1", scenario="a", rating=AchRating.C),
            ],
        )
    )
    doc.ratings = [
        Rating(evidence="e1", scenario="a", rating=AchRating.CC),
        Rating(evidence="e1", scenario="b", rating=AchRating.I),
    ]
    seen = seen_by(doc, "Alice").ratings
    assert [(r.evidence, r.scenario, r.rating) for r in seen] == [
        ("e1", "a", AchRating.C),
        ("e2", "a", AchRating.II),
    ]


def test_editing_under_a_layer_leaves_the_map_and_other_layers_alone_and_undoes_exactly() -> None:
    doc = two_scenarios(Layer(name="Alice"), Layer(name="Bob", credibility={"e1": 0.3}))
    before = doc.model_dump()
    ix = MapIndex(doc)
    ix.apply(switch_layer(ix, "Alice"))
    plans = []
    for plan in (
        lambda: set_statement_field(ix, "e1", "credibility", 0.1),
        lambda: set_inference_field(ix, "i1", "strength", 0.95),
        lambda: set_layer_prior_share(ix, "b", 0.8),
        lambda: set_layer_rating(ix, "e2", "a", AchRating.I),
        lambda: set_statement_field(ix, "e2", "text", "Report two, reworded"),  # shared
    ):
        edit = plan()
        ix.apply(edit)
        plans.append(edit)
    alice = doc.layers[0]
    assert alice.credibility == {"e1": 0.1} and alice.strength == {"i1": 0.95}
    assert alice.prior == {"a": 0.2, "b": 0.8}
    assert [(c.evidence, c.scenario, c.rating) for c in alice.ratings] == [("e2", "a", "I")]
    # The map's own judgements and Bob's are untouched; the shared text changed for all.
    assert doc.statement("e1").credibility == 0.9 and doc.inference("i1").strength == 0.75
    assert doc.statement("a").prior == 1.0 and doc.ratings == []
    assert doc.layers[1] == Layer(name="Bob", credibility={"e1": 0.3})
    assert seen_by(doc, "Bob").statement("e2").text == "Report two, reworded"
    assert _weights(doc, "Alice") != _weights(doc, None)
    for edit in reversed(plans):
        ix.apply(edit.inverse())
    ix.apply(switch_layer(ix, None))
    assert doc.model_dump() == before


def test_without_an_active_layer_judgements_are_the_maps_own() -> None:
    doc = two_scenarios(Layer(name="Alice"))
    ix = MapIndex(doc)
    ix.apply(set_statement_field(ix, "e1", "credibility", 0.4))
    assert doc.statement("e1").credibility == 0.4 and doc.layers[0].credibility == {}


def test_an_edit_to_the_value_an_analyst_already_sees_changes_nothing() -> None:
    doc = two_scenarios(Layer(name="Alice"))
    ix = MapIndex(doc)
    ix.apply(switch_layer(ix, "Alice"))
    assert not set_statement_field(ix, "e1", "credibility", 0.9)  # inherited 0.9
    with pytest.raises(ValueError, match="credibility"):
        set_statement_field(ix, "e1", "credibility", 1.5)


def test_layers_are_added_switched_and_removed_undoably() -> None:
    doc = two_scenarios()
    ix = MapIndex(doc)
    add = add_layer(ix, " Carol ")
    ix.apply(add)
    assert [layer.name for layer in doc.layers] == ["Carol"] and doc.view.layer == "Carol"
    with pytest.raises(EditError, match="already"):
        add_layer(ix, "Carol")
    ix.apply(set_statement_field(ix, "e1", "credibility", 0.2))
    remove = remove_layer(ix, "Carol")
    ix.apply(remove)
    assert doc.layers == [] and doc.view.layer is None
    ix.apply(remove.inverse())
    assert doc.layers[0].credibility == {"e1": 0.2} and doc.view.layer == "Carol"


def test_deleting_a_statement_or_link_drops_its_judgements_from_every_layer_undoably() -> None:
    doc = two_scenarios(
        Layer(name="Alice", credibility={"e1": 0.2, "e2": 0.4}, strength={"i1": 0.6}),
        Layer(
            name="Bob",
            prior={"b": 2.0},
            ratings=[LayerRating(evidence="e1", scenario="b", rating=AchRating.I)],
        ),
    )
    before = doc.model_dump()
    ix = MapIndex(doc)
    edit = remove_statement(ix, "e1")
    ix.apply(edit)
    assert doc.layers[0].credibility == {"e2": 0.4} and doc.layers[0].strength == {}
    assert doc.layers[1].ratings == []
    assert validate(doc) == []
    ix.apply(edit.inverse())
    assert doc.model_dump() == before
    link = remove_inference(ix, "i1")
    ix.apply(link)
    assert doc.layers[0].strength == {}


def test_a_layer_naming_a_deleted_statement_is_reported_and_repaired() -> None:
    doc = two_scenarios(
        Layer(
            name="Alice",
            credibility={"gone": 0.3, "e1": 0.2},
            strength={"i-gone": 0.5},
            prior={"e2": 1.0},
            ratings=[LayerRating(evidence="gone", scenario="a", rating=AchRating.C)],
        ),
        Layer(name="Alice"),
    )
    doc.view.layer = "Nobody"
    found = {(p.path, p.code, p.severity) for p in validate(doc)}
    assert found == {
        ('layers[0].credibility["gone"]', "dangling-reference", "warning"),
        ('layers[0].strength["i-gone"]', "dangling-reference", "warning"),
        ('layers[0].prior["e2"]', "wrong-target", "warning"),
        ("layers[0].ratings[0]", "dangling-reference", "warning"),
        ("layers[1].name", "duplicate-id", "error"),
        ("view.layer", "dangling-reference", "warning"),
    }
    # Weighing ignores the dangling entries meanwhile.
    assert seen_by(doc, "Alice").statement("e1").credibility == 0.2
    result = repair_map(doc)
    fixed = result.doc
    assert fixed.layers[0].credibility == {"e1": 0.2} and fixed.layers[0].strength == {}
    assert fixed.layers[0].ratings == [] and fixed.layers[1].name == "Alice (2)"
    assert fixed.view.layer is None
    said = [str(r) for r in result.repairs]
    assert any("credibility of 'gone' dropped" in s for s in said), said
    assert any("'Alice' renamed 'Alice (2)'" in s for s in said), said
    assert any(s.startswith("view.layer") for s in said), said
    # A prior of a statement that is no longer a scenario is dropped and said, as a rating
    # of a statement that is no longer evidence is: the repaired copy validates clean.
    assert any("prior of 'e2' dropped: it is not a scenario" in s for s in said), said
    assert fixed.layers[0].prior == {} and result.remaining == []
    assert doc.layers[0].credibility == {"gone": 0.3, "e1": 0.2}  # the input is untouched


def test_a_layer_number_beyond_float_range_is_refused_in_words_not_saved_as_null() -> None:
    doc = two_scenarios()
    layer = '"layers": [{"name": "A", "prior": {"a": 1e400}}]'
    text = dumps_map(doc).replace('"layers": []', layer)
    with pytest.raises(MapFileError, match=r"layers\[0\]\.prior\[\"a\"\]"):
        loads_map(text)
    with pytest.raises(ValueError, match="finite"):
        Layer(name="A", prior={"a": float("inf")})
    # A layer made without validation is refused when written, never written as null.
    unchecked = Layer.model_construct(
        name="B", prior={"a": float("inf")}, credibility={}, strength={}, ratings=[], notes=""
    )
    with pytest.raises(MapFileError, match="cannot be written"):
        dumps_map(two_scenarios(unchecked))
