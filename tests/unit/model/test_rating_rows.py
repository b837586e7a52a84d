"""An ACH rating rates a piece of evidence against a scenario: a scenario or a question
is no row of the matrix. Rating one is refused; a file holding such a rating is warned
about, and the repair drops it, saying so. Likewise only a scenario takes a prior."""

from __future__ import annotations

import pytest

from argmap.model import AchRating, ArgMap, Layer, LayerRating, Rating, Statement, StatementKind
from argmap.model.edit_steps import Edit, EditError
from argmap.model.edits import set_statement_field
from argmap.model.layer_edits import add_layer, set_layer_judgement, set_layer_rating
from argmap.model.map_index import MapIndex
from argmap.model.rating_edits import set_rating
from argmap.model.repair import repair_map
from argmap.model.validation import validate


def _map() -> ArgMap:
    return ArgMap(
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Deal by June?"),
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="Deal"),
            Statement(id="s-b", kind=StatementKind.SCENARIO, text="No deal"),
            Statement(id="s-e", kind=StatementKind.EVIDENCE, text="Envoys met"),
        ]
    )


@pytest.mark.parametrize(("row", "kind"), [("s-b", "scenario"), ("s-q", "question")])
def test_rating_a_scenario_or_the_question_as_evidence_is_refused(row: str, kind: str) -> None:
    ix = MapIndex(_map())
    with pytest.raises(EditError, match=rf"'{row}' is a {kind}, not evidence"):
        set_rating(ix, row, "s-a", AchRating.C)
    assert ix.doc.ratings == []
    assert set_rating(ix, "s-e", "s-a", AchRating.C)  # evidence is rated as before


def test_an_analysts_layer_refuses_it_too() -> None:
    ix = MapIndex(_map())
    ix.apply(add_layer(ix, "Ana"))
    with pytest.raises(EditError, match="'s-b' is a scenario, not evidence"):
        set_layer_rating(ix, "s-b", "s-a", AchRating.I)


def test_a_file_rating_a_scenario_is_warned_about_and_the_repair_drops_it() -> None:
    doc = _map()
    doc.ratings = [
        Rating(evidence="s-e", scenario="s-a", rating=AchRating.C),
        Rating(evidence="s-b", scenario="s-a", rating=AchRating.II),
    ]
    doc.layers = [
        Layer(name="Ana", ratings=[LayerRating(evidence="s-q", scenario="s-a", rating=None)])
    ]
    found = {(p.path, p.code, p.severity) for p in validate(doc)}
    assert found == {
        ("ratings[1].evidence", "wrong-target", "warning"),
        ("layers[0].ratings[0]", "wrong-target", "warning"),
    }
    result = repair_map(doc)
    assert [(r.evidence, r.scenario) for r in result.doc.ratings] == [("s-e", "s-a")]
    assert result.doc.layers[0].ratings == []
    said = [str(r) for r in result.repairs]
    assert said == [
        "ratings[1]: rating dropped: 's-b' is a scenario, not evidence",
        "layers[0].ratings[0]: layer 'Ana': rating dropped: 's-q' is a question, not evidence",
    ]
    assert result.remaining == []


def test_a_prior_for_what_is_not_a_scenario_is_refused_in_the_map_and_in_a_layer() -> None:
    ix = MapIndex(_map())
    with pytest.raises(EditError, match="only scenarios take a prior; 's-e' is evidence"):
        set_statement_field(ix, "s-e", "prior", 2.0)
    ix.apply(add_layer(ix, "Ana"))
    with pytest.raises(EditError, match="only scenarios take a prior; 's-q' is a question"):
        set_layer_judgement(ix, "Ana", "prior", "s-q", 1.0)
    assert set_statement_field(ix, "s-e", "prior", None) == Edit("Edit prior", ())
    assert set_layer_judgement(ix, "Ana", "prior", "s-a", 1.0)
