"""What ``argmap doctor --repair`` does to each kind of damage, and how it reports it:
one sample map broken one way per case; the repair lists each change at the path of the
input it changed, with the code of the problem it answers, and leaves nothing behind."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from unit.model.damage_sample import TEXT, sample

from argmap.model import (
    AchRating,
    AchRow,
    ArgMap,
    Inference,
    InferenceKind,
    Quote,
    Rating,
    Source,
)
from argmap.model.layer import Layer
from argmap.model.rating import RowLevel
from argmap.model.repair import repair_map
from argmap.model.signpost import Signpost


def _set(obj: object, **values: object) -> None:
    for name, value in values.items():
        setattr(obj, name, value)


Check = Callable[[ArgMap], object]
CASES: list[tuple[str, Callable[[ArgMap], object], list[tuple[str, str]], Check]] = [
    (
        "repeated source and quote ids",
        lambda d: (
            d.sources.append(Source.from_text("src-1", "Other text.")),
            d.quotes.append(Quote.from_range("q-1", "src-1", TEXT, 0, 6)),
        ),
        [("sources[1].id", "duplicate-id"), ("quotes[2].id", "duplicate-id")],
        lambda r: (
            r.sources[1].id.startswith("src-")
            and r.sources[1].id != "src-1"
            and r.quotes[2].id.startswith("q-")
            and r.quotes[2].id != "q-1"
        ),
    ),
    (
        "stale checksum",
        lambda d: _set(d.sources[0], sha256="0" * 64),
        [("sources[0].sha256", "source-checksum")],
        lambda r: r.sources[0].sha256 != "0" * 64,
    ),
    (
        "quote of a missing source, then a good quote",
        lambda d: _set(d.quotes[0], source="src-9"),
        [("quotes[0]", "dangling-reference"), ("statements[3].quotes[0]", "dangling-reference")],
        lambda r: [q.id for q in r.quotes] == ["q-2"] and r.statements[3].quotes == [],
    ),
    (
        "moved quote, then a good quote",
        lambda d: _set(d.quotes[0], start=1, end=30),
        [("quotes[0]", "quote-mismatch")],
        lambda r: [(q.id, q.start) for q in r.quotes] == [("q-1", 0), ("q-2", 30)],
    ),
    (
        "citation of a missing quote and a repeated one",
        lambda d: _set(d.statements[3], quotes=["q-1", "q-9", "q-1"]),
        [
            ("statements[3].quotes[1]", "dangling-reference"),
            ("statements[3].quotes[2]", "repeated-reference"),
        ],
        lambda r: r.statements[3].quotes == ["q-1"],
    ),
    (
        "prior that is not a number",
        lambda d: _set(d.statements[1], prior=float("inf")),
        [("statements[1].prior", "non-finite-number")],
        lambda r: r.statements[1].prior is None,
    ),
    (
        "premises that are the conclusion, an inference, missing or repeated",
        lambda d: _set(d.inferences[0], premises=["s-3", "s-2", "i-2", "s-99", "s-3"]),
        [
            ("inferences[0].premises[1]", "self-premise"),
            ("inferences[0].premises[2]", "dangling-reference"),
            ("inferences[0].premises[3]", "dangling-reference"),
            ("inferences[0].premises[4]", "repeated-reference"),
        ],
        lambda r: r.inferences[0].premises == ["s-3"],
    ),
    (
        "inference left with no premises",
        lambda d: _set(d.inferences[2], premises=["s-98"]),
        [
            ("inferences[2].premises[0]", "dangling-reference"),
            ("inferences[2]", "dangling-reference"),
        ],
        lambda r: [i.id for i in r.inferences] == ["i-1", "i-2", "i-4"],
    ),
    (
        "missing conclusion, and the undercut aimed at it",
        lambda d: _set(d.inferences[1], conclusion="s-77"),
        [("inferences[1]", "dangling-reference"), ("inferences[3]", "dangling-reference")],
        lambda r: [i.id for i in r.inferences] == ["i-1", "i-3"],
    ),
    (
        "undercut of itself",
        lambda d: _set(d.inferences[3], conclusion="i-4"),
        [("inferences[3]", "self-premise")],
        lambda r: [i.id for i in r.inferences] == ["i-1", "i-2", "i-3"],
    ),
    (
        "undercut of a statement",
        lambda d: _set(d.inferences[3], conclusion="s-1"),
        [("inferences[3].kind", "wrong-target")],
        lambda r: r.inferences[3].kind is InferenceKind.ATTACK,
    ),
    (
        "attack on an inference",
        lambda d: _set(d.inferences[2], conclusion="i-1"),
        [("inferences[2].kind", "wrong-target")],
        lambda r: r.inferences[2].kind is InferenceKind.UNDERCUT,
    ),
    (
        "support of an inference",
        lambda d: _set(d.inferences[1], conclusion="i-1"),
        [("inferences[1]", "wrong-target"), ("inferences[3]", "dangling-reference")],
        lambda r: [i.id for i in r.inferences] == ["i-1", "i-3"],
    ),
    (
        "rating against a missing scenario, and a repeated rating",
        lambda d: d.ratings.extend(
            [
                Rating(evidence="s-3", scenario="s-51", rating=AchRating.I),
                Rating(evidence="s-3", scenario="s-1", rating=AchRating.I),
            ]
        ),
        [("ratings[1]", "dangling-reference"), ("ratings[2]", "repeated-reference")],
        lambda r: r.ratings == [Rating(evidence="s-3", scenario="s-1", rating=AchRating.C)],
    ),
    (
        "signpost of a missing scenario, and a repeated signpost id",
        lambda d: d.signposts.extend(
            [
                Signpost(id="sp-2", scenario="s-60", text="Gone"),
                Signpost(id="sp-1", scenario="s-1", text="Again"),
            ]
        ),
        [("signposts[1]", "dangling-reference"), ("signposts[2].id", "duplicate-id")],
        lambda r: (
            [s.text for s in r.signposts] == ["Envoys meet", "Again"]
            and r.signposts[1].id.startswith("sp-")
            and r.signposts[1].id != "sp-1"
        ),
    ),
    (
        "row weights of a scenario, and a layer's prior of a claim",
        lambda d: (
            d.ach_rows.append(AchRow(evidence="s-1", credibility=RowLevel.HIGH)),
            d.layers.append(Layer(name="Ann", prior={"s-2": 0.3, "s-1": 0.5})),
        ),
        [("ach_rows[0]", "wrong-target"), ('layers[0].prior["s-2"]', "wrong-target")],
        lambda r: r.ach_rows == [] and r.layers[0].prior == {"s-1": 0.5},
    ),
    (
        "missing question",
        lambda d: _set(d, question="s-404"),
        [("question", "dangling-reference")],
        lambda r: r.question is None,
    ),
    (
        "pinned positions of a deleted box and off the canvas",
        lambda d: d.view.pinned.update({"gone": (1.0, 2.0), "s-2": (3e8, 0.0)}),
        [
            ('view.pinned["gone"]', "dangling-reference"),
            ('view.pinned["s-2"]', "dangling-reference"),
        ],
        lambda r: r.view.pinned == {"s-1": (10.0, 20.0)},
    ),
    (
        "collapsed entries for a deleted box and repeated",
        lambda d: d.view.collapsed.extend(["gone", "s-2"]),
        [("view.collapsed[1]", "dangling-reference"), ("view.collapsed[2]", "dangling-reference")],
        lambda r: r.view.collapsed == ["s-2"],
    ),
]


@pytest.mark.parametrize(
    ("breakage", "reported", "repaired"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_repair_is_reported_where_it_was_made(
    breakage: Callable[[ArgMap], object], reported: list[tuple[str, str]], repaired: Check
) -> None:
    doc = sample()
    breakage(doc)
    result = repair_map(doc)
    assert [(r.path, r.code) for r in result.repairs] == reported
    assert all(r.action for r in result.repairs)
    assert repaired(result.doc)
    assert result.remaining == []


def actions(doc: ArgMap) -> list[str]:
    return [r.action for r in repair_map(doc).repairs]


def test_a_removed_premise_says_whether_it_was_an_inference_or_missing() -> None:
    doc = sample()
    doc.inferences[0].premises = ["s-3", "i-2", "s-99"]
    assert actions(doc) == [
        "inference 'i-1': premise 'i-2' removed (is an inference)",
        "inference 'i-1': premise 's-99' removed (does not exist)",
    ]


def test_a_dropped_rating_names_the_statement_that_is_missing() -> None:
    doc = sample()
    doc.ratings[0].scenario = "s-51"
    assert actions(doc) == ["rating dropped: 's-51' does not exist"]


def test_a_dropped_position_says_why() -> None:
    doc = sample()
    doc.view.pinned.update({"gone": (1.0, 2.0), "s-2": (3e8, 0.0)})
    assert actions(doc) == [
        "pinned position dropped: it does not exist",
        "pinned position dropped: it is not a position on the canvas",
    ]


def test_a_re_anchored_quote_says_how_it_was_found() -> None:
    doc = sample()
    doc.quotes[0].start, doc.quotes[0].end = 1, 30  # the same words, at the wrong place
    doc.quotes[1].exact = "Kyiv insists on guarantees before any truce."  # reworded
    moved, fuzzy = actions(doc)
    assert moved.startswith("quote 'q-1' re-anchored at 0–29 (moved): ")
    assert fuzzy.startswith("quote 'q-2' re-anchored at 30–") and "% alike): " in fuzzy


def test_ids_repeated_across_statements_and_inferences_are_renamed_but_not_across_tables() -> None:
    doc = sample()
    doc.inferences.append(Inference(id="s-2", premises=["s-4"], conclusion="s-1"))
    doc.quotes[1].id = "src-1"  # a quote may share an id with a source
    doc.statements[4].quotes = ["src-1"]
    result = repair_map(doc)
    assert [(r.path, r.code) for r in result.repairs] == [("inferences[4].id", "duplicate-id")]
    renamed = result.doc.inferences[4].id
    assert renamed.startswith("i-") and renamed not in {s.id for s in result.doc.statements}
    assert result.doc.quotes[1].id == "src-1"
    assert result.remaining == []
