"""Numbers outside their field's range: found from the models' bounds, clamped by repair."""

from __future__ import annotations

from argmap.model import ArgMap, Inference, Rating, Statement, StatementKind
from argmap.model.number_ranges import Bounds, out_of_range
from argmap.model.repair import repair_map
from argmap.model.validation import validate


def _force(record: object, field: str, value: float) -> None:
    record.__dict__[field] = value  # as a file read past its type check holds it


def _doc() -> ArgMap:
    return ArgMap(
        statements=[
            Statement(id="s-1", kind=StatementKind.SCENARIO, text="Deal", prior=2.0),
            Statement(id="s-2", kind=StatementKind.EVIDENCE, text="Talks", credibility=0.4),
        ],
        inferences=[Inference(id="i-1", premises=["s-2"], conclusion="s-1", strength=0.5)],
        ratings=[Rating(evidence="s-2", scenario="s-1", rating="C", relevance=0.5)],
    )


def test_the_bounds_are_read_from_the_fields() -> None:
    doc = _doc()
    _force(doc.statements[0], "prior", 1e300)  # a prior has no upper bound
    _force(doc.statements[0], "credibility", 1.0)  # a credibility's bounds are inclusive
    _force(doc.inferences[0], "strength", 1.0 + 1e-9)
    found = [(b.path, b.bounds) for b in out_of_range(doc)]
    assert found == [("inferences[0].strength", Bounds(0.0, 1.0))]
    _force(doc.statements[0], "prior", -1e-9)
    assert [b.bounds for b in out_of_range(doc)][0] == Bounds(0.0, None)


def test_bounds_hold_at_their_ends_and_clamp_to_the_bound_crossed() -> None:
    unit = Bounds(0.0, 1.0)
    assert unit.holds(0.0) and unit.holds(1.0) and unit.holds(0.5)
    assert not unit.holds(-0.01) and not unit.holds(1.01)
    assert unit.clamp(1.7) == 1.0 and unit.clamp(-3) == 0.0 and unit.clamp(0.3) == 0.3
    assert Bounds(0.0, None).holds(1e300) and Bounds(0.0, None).clamp(-1) == 0.0
    assert Bounds(None, 1.0).clamp(5) == 1.0 and Bounds(None, 1.0).holds(-5)
    assert unit.describe() == "from 0 to 1"
    assert Bounds(0.0, None).describe() == "at least 0"
    assert Bounds(None, 1.0).describe() == "at most 1"


def test_every_table_is_checked_and_nothing_in_range_is_reported() -> None:
    doc = _doc()
    assert list(out_of_range(doc)) == []
    _force(doc.statements[1], "credibility", 1.7)
    _force(doc.statements[0], "prior", -1.0)
    _force(doc.inferences[0], "strength", 2.0)
    _force(doc.ratings[0], "relevance", -0.5)
    found = [(b.path, b.value) for b in out_of_range(doc)]
    assert found == [
        ("statements[0].prior", -1.0),
        ("statements[1].credibility", 1.7),
        ("inferences[0].strength", 2.0),
        ("ratings[0].relevance", -0.5),
    ]
    assert [p.code for p in validate(doc)] == ["out-of-range"] * 4


def test_nan_is_left_to_the_finiteness_check() -> None:
    doc = _doc()
    _force(doc.statements[0], "prior", float("nan"))
    assert list(out_of_range(doc)) == []
    assert [p.code for p in validate(doc)] == ["non-finite-number"]


def test_repair_clamps_each_number_and_reports_it() -> None:
    doc = _doc()
    _force(doc.statements[1], "credibility", 1.7)
    _force(doc.inferences[0], "strength", -0.2)
    result = repair_map(doc)
    assert result.doc.statements[1].credibility == 1.0
    assert result.doc.inferences[0].strength == 0.0
    assert [(r.path, r.code) for r in result.repairs] == [
        ("statements[1].credibility", "out-of-range"),
        ("inferences[0].strength", "out-of-range"),
    ]
    assert str(result.repairs[0]) == (
        "statements[1].credibility: credibility was 1.7, outside its range (from 0 to 1); set to 1"
    )
    assert result.remaining == []
    assert doc.statements[1].credibility == 1.7  # the input is not modified


def test_numbers_nested_in_layers_and_kept_imports_are_found_and_clamped() -> None:
    from argmap.model import Layer  # noqa: PLC0415
    from argmap.model.argdown_kept import ArgdownKept, ArgdownSection  # noqa: PLC0415
    from argmap.model.dialogue import Dialogue  # noqa: PLC0415
    from argmap.model.layer import LayerRating  # noqa: PLC0415

    doc = _doc()
    section = ArgdownSection(id="sec-1", level=2, title="Talks")
    doc.dialogue = Dialogue(argdown=ArgdownKept(sections=[section]))
    rating = LayerRating(evidence="s-2", scenario="s-1", rating=None, relevance=0.5)
    doc.layers = [Layer(name="Ann", credibility={"s-2": 0.5}, prior={"s-1": 1.0})]
    doc.layers[0].ratings = [rating]
    assert list(out_of_range(doc)) == []
    doc.layers[0].credibility["s-2"] = 1.5
    doc.layers[0].prior["s-1"] = -2.0
    _force(rating, "relevance", 3.0)
    _force(section, "level", 0)
    found = [(b.path, b.value) for b in out_of_range(doc)]
    assert found == [
        ('layers[0].credibility["s-2"]', 1.5),
        ('layers[0].prior["s-1"]', -2.0),
        ("layers[0].ratings[0].relevance", 3.0),
        ("dialogue.argdown.sections[0].level", 0),
    ]
    fixed = repair_map(doc).doc
    assert fixed.layers[0].credibility == {"s-2": 1.0}
    assert fixed.layers[0].prior == {"s-1": 0.0}
    assert fixed.layers[0].ratings[0].relevance == 1.0
    assert fixed.dialogue is not None and fixed.dialogue.argdown is not None
    assert fixed.dialogue.argdown.sections[0].level == 1
    assert list(out_of_range(fixed)) == []
