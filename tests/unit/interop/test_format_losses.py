"""What an export warns it leaves out, in process: each format names, with its count, every
kind of thing of the map it cannot hold, and nothing it holds or the map lacks."""

from __future__ import annotations

import pytest

from argmap.interop import losses
from argmap.model import (
    AchRating,
    AchRow,
    ArgMap,
    Inference,
    InferenceKind,
    Layer,
    Quote,
    Rating,
    RowLevel,
    Signpost,
    Source,
    Statement,
    StatementKind,
)
from argmap.model.dialogue import AifNode, Dialogue
from argmap.model.snapshot import Outcome, Snapshot

TEXT = "Talks resumed in Geneva. Shelling went on in the east."


def full_map() -> ArgMap:
    """One map with something of every kind, each kind in a count of its own."""
    doc = ArgMap(
        title="Everything",
        question="q",
        description="Scope",
        analyst="Ann",
        as_of="2026-01-02",
        source_policy="",  # 3 of the 4 map properties
        sources=[Source.from_text(f"src-{n}", TEXT) for n in range(4)],
        quotes=[Quote.from_range(f"qt-{n}", "src-0", TEXT, 0, 12) for n in range(5)],
        statements=[
            Statement(id="q", kind=StatementKind.QUESTION, text="Which?"),
            Statement(id="a", kind=StatementKind.SCENARIO, text="A", prior=2, notes="n"),
            Statement(id="b", kind=StatementKind.SCENARIO, text="B", tags=["x"]),
            Statement(id="c", kind=StatementKind.SCENARIO, text="C", prior=1, notes="n"),
            Statement(id="e1", kind=StatementKind.EVIDENCE, text="E1", credibility=0.5),
            Statement(id="e2", kind=StatementKind.EVIDENCE, text="E2", notes="n", tags=["y"]),
        ],
        inferences=[
            Inference(id="i1", premises=["e1"], conclusion="a", strength=0.5, scheme="S"),
            Inference(id="i2", premises=["e2"], conclusion="b", kind=InferenceKind.ATTACK),
            Inference(id="i3", premises=["e2"], conclusion="c", notes="n", strength=0.1),
            Inference(id="i4", premises=["e1"], conclusion="c", strength=0.2, notes="m"),
            Inference(id="i5", premises=["e1"], conclusion="i4", kind=InferenceKind.UNDERCUT),
        ],
        ratings=[
            Rating(evidence=e, scenario=s, rating=AchRating.C) for e in ("e1", "e2") for s in "abc"
        ],
        ach_rows=[AchRow(evidence="e1", relevance=RowLevel.LOW)],
        signposts=[Signpost(id=f"sp-{n}", scenario="a", text="Sign") for n in range(7)],
        snapshots=[Snapshot(id="s1", as_of="2026-01-01"), Snapshot(id="s2", as_of="2026-01-02")],
        outcome=Outcome(scenario="a", resolved="2026-02-01"),
        layers=[Layer(name="Ann"), Layer(name="Bo"), Layer(name="Cy")],
        dialogue=Dialogue(
            nodes=[AifNode(id=f"n{n}", type="I", text="T") for n in range(8)],
            locutions=[{"nodeID": "n1"}, {"nodeID": "n2"}],
        ),
    )
    doc.view.pinned = {"a": (0.0, 0.0)}
    return doc


SOURCES = "4 sources (articles) not written"
QUOTES = "5 quotes with their positions not written"
RATINGS = "6 ACH ratings not written"
ACH_ROWS = "1 ACH row weights not written"
SIGNPOSTS = "7 signposts not written"
PROPERTIES = "3 map properties (description, analyst, as-of date, source policy) not written"
QUESTION = "1 focal-question setting not written"
PRIORS = "2 scenario priors not written"
STRENGTH = "3 inference strengths not written"
NOTES = "5 notes not written"
TAGS = "2 tagged statements not written"
SCHEMES = "1 scheme names not written"
HISTORY = "3 estimate snapshots and the recorded outcome not written"
LAYERS = "3 analyst layers (each analyst's judgements; the map's own are kept) not written"
DIALOGUE = "10 AIF dialogue nodes and locutions not written"


def test_each_format_names_what_it_leaves_out_of_a_full_map() -> None:
    doc = full_map()
    doc.view.collapsed = ["b", "c"]
    view = "3 pinned or folded cards (the view) not written"
    assert losses("argdown", doc) == [ACH_ROWS, SIGNPOSTS, PROPERTIES, DIALOGUE, HISTORY, LAYERS]
    assert losses("graphml", doc) == [
        "a graph for graph tools: argmap cannot open it again",
        SOURCES, QUOTES, RATINGS, ACH_ROWS, SIGNPOSTS, PROPERTIES, QUESTION, view,
        DIALOGUE, HISTORY, LAYERS,
    ]  # fmt: skip
    assert losses("dot", doc) == [
        "a drawing: argmap cannot open it again",
        SOURCES, QUOTES, RATINGS, ACH_ROWS, SIGNPOSTS, PROPERTIES, QUESTION, PRIORS,
        STRENGTH, NOTES, TAGS, view, DIALOGUE, HISTORY, LAYERS,
    ]  # fmt: skip
    assert losses("markdown", doc) == [
        "a report for reading: argmap cannot open it again",
        RATINGS, ACH_ROWS, STRENGTH, NOTES, TAGS, view, PROPERTIES, DIALOGUE, HISTORY, LAYERS,
    ]  # fmt: skip
    assert losses("ach-csv", doc) == [
        "only the ACH matrix (evidence x scenarios): argmap cannot open it again",
        SOURCES, QUOTES, QUESTION, PRIORS, STRENGTH, NOTES, TAGS, SCHEMES, SIGNPOSTS,
        PROPERTIES, view, DIALOGUE, HISTORY, LAYERS,
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["argmap", "aif", "ova", "no such format"])
def test_a_format_that_holds_everything_warns_of_nothing(name: str) -> None:
    assert losses(name, full_map()) == []


def test_a_map_without_those_things_loses_nothing_but_the_way_back() -> None:
    bare = ArgMap(
        statements=[
            Statement(id="a", kind=StatementKind.SCENARIO, text="A"),
            Statement(id="e", kind=StatementKind.EVIDENCE, text="E", notes="", tags=[]),
        ],
        inferences=[Inference(id="i", premises=["e"], conclusion="a")],
    )
    assert losses("argdown", bare) == []
    assert losses("dot", bare) == ["a drawing: argmap cannot open it again"]
    assert losses("ach-csv", bare) == [
        "only the ACH matrix (evidence x scenarios): argmap cannot open it again"
    ]


def test_counts_stand_alone_when_the_other_part_of_a_sum_is_empty() -> None:
    # Notes of inferences only, folded cards only, an outcome without snapshots, locutions
    # without nodes: each counted on its own.
    doc = ArgMap(
        statements=[
            Statement(id="a", kind=StatementKind.SCENARIO, text="A"),
            Statement(id="e", kind=StatementKind.EVIDENCE, text="E"),
        ],
        inferences=[Inference(id="i", premises=["e"], conclusion="a", notes="why")],
        outcome=Outcome(scenario="a", resolved="2026-02-01"),
        dialogue=Dialogue(locutions=[{"nodeID": "n1"}]),
    )
    doc.view.collapsed = ["a"]
    assert losses("dot", doc) == [
        "a drawing: argmap cannot open it again",
        "1 notes not written",
        "1 pinned or folded cards (the view) not written",
        "1 AIF dialogue nodes and locutions not written",
        "1 estimate snapshots and the recorded outcome not written",
    ]
    doc.dialogue = Dialogue()
    doc.outcome = None
    assert losses("argdown", doc) == []


def test_inferences_with_a_missing_end_are_counted_as_left_out() -> None:
    doc = ArgMap(
        statements=[Statement(id="a", kind=StatementKind.SCENARIO, text="A")],
        inferences=[
            Inference(id="i1", premises=["gone"], conclusion="a"),
            Inference(id="i2", premises=["a"], conclusion="gone"),
            Inference(id="i3", premises=["a"], conclusion="i1", kind=InferenceKind.UNDERCUT),
        ],
    )
    left_out = "3 inferences whose premises or conclusion are missing not written"
    assert losses("argdown", doc) == [left_out]
    assert losses("aif", doc) == [left_out]
