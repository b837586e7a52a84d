"""Snapshots of the estimate and what moved it, on maps small enough to work by hand."""

from __future__ import annotations

import pytest

from argmap.analysis.estimate_history import (
    attribute,
    changes_between,
    fingerprint_matches,
    take_snapshot,
)
from argmap.analysis.report import analyze
from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind

S = StatementKind
TEXT = "Envoys met in Istanbul. Shelling went on all week."


def _map() -> ArgMap:
    source = Source.from_text("src-1", TEXT, title="Wire")
    return ArgMap(
        sources=[source],
        quotes=[Quote.from_range("q-1", "src-1", TEXT, 0, 23)],
        statements=[
            Statement(id="s-q", kind=S.QUESTION, text="Talks?"),
            Statement(id="s-yes", kind=S.SCENARIO, text="Talks resume", prior=1.0),
            Statement(id="s-no", kind=S.SCENARIO, text="No talks", prior=1.0),
            Statement(
                id="s-met", kind=S.EVIDENCE, text="Envoys met", credibility=0.8, quotes=["q-1"]
            ),
        ],
        inferences=[Inference(id="i-met", premises=["s-met"], conclusion="s-yes", strength=0.75)],
        question="s-q",
    )


def test_a_snapshot_keeps_the_weights_and_the_judgements_given() -> None:
    doc = _map()
    snap = take_snapshot(doc, as_of="2026-12-03", note="first look")
    weights = {s.id: s.weight for s in analyze(doc).scenarios}
    assert snap.weights == pytest.approx(weights)
    assert snap.priors == {"s-yes": 1.0, "s-no": 1.0}
    assert snap.credibility == {"s-met": 0.8}  # only statements judged
    assert snap.strength == {"i-met": 0.75}
    assert snap.sources == ["src-1"] and snap.confidence in ("low", "moderate", "high")
    assert (snap.as_of, snap.note, snap.titles["s-yes"]) == (
        "2026-12-03",
        "first look",
        "Talks resume",
    )
    assert fingerprint_matches(doc, snap)
    doc.statements[3].text = "Envoys met twice"
    assert not fingerprint_matches(doc, snap)


def test_a_changed_prior_is_attributed_exactly_when_it_is_the_only_change() -> None:
    doc = _map()
    doc.inferences = []  # no evidence: the weights are the priors' shares
    older = take_snapshot(doc, as_of="2026-11-01")
    doc.statement("s-yes").prior = 3.0
    newer = take_snapshot(doc, as_of="2026-12-01")
    assert older.weights["s-yes"] == pytest.approx(0.5) and newer.weights["s-yes"] == pytest.approx(
        0.75
    )
    result = attribute(doc, older, newer)
    [effect] = result.effects
    assert effect.change.what == "prior" and (effect.change.old, effect.change.new) == (1.0, 3.0)
    assert effect.moved == pytest.approx({"s-yes": 0.25, "s-no": -0.25})
    assert result.remainder() == pytest.approx({"s-yes": 0.0, "s-no": 0.0})
    assert result.exact


def test_the_largest_mover_comes_first_and_a_new_source_is_weighed_without_its_statements() -> None:
    doc = _map()
    doc.sources, doc.quotes, doc.statements[3].quotes = [], [], []
    doc.inferences = []
    older = take_snapshot(doc, as_of="2026-11-01")
    rebuilt = _map()
    rebuilt.statement("s-no").prior = 1.1  # a small change
    newer = take_snapshot(rebuilt, as_of="2026-12-01")
    result = attribute(rebuilt, older, newer)
    # the new line needs both its source and its strength (an unrated line moves nothing):
    # undoing either alone undoes all of it, so they tie, ahead of the small prior change
    kinds = [e.change.what for e in result.effects]
    assert sorted(kinds[:2]) == ["source", "strength"] and kinds[2] == "prior"
    assert result.effects[0].size() == pytest.approx(result.effects[1].size())
    source = next(e for e in result.effects if e.change.what == "source")
    # without the source, its evidence goes, and with it the only line into "Talks resume"
    without = _map()
    without.statement("s-no").prior = 1.1
    without.statements = without.statements[:3]
    without.inferences, without.quotes, without.sources = [], [], []
    expected = newer.weights["s-yes"] - analyze(without).scenario("s-yes").weight
    assert source.moved is not None
    assert source.moved["s-yes"] == pytest.approx(expected)
    assert expected > 0.05


def test_changes_list_ratings_sources_and_signposts() -> None:
    doc = _map()
    older = take_snapshot(doc, as_of="2026-11-01")
    doc.sources = []
    doc.quotes = []
    doc.statements[3].quotes = []
    newer = take_snapshot(doc, as_of="2026-12-01")
    [change] = changes_between(older, newer)
    assert (change.what, change.key, change.old, change.new) == (
        "source",
        ("src-1",),
        "src-1",
        None,
    )
    result = attribute(doc, older, newer)
    assert result.effects[0].moved is None  # a removed source's text is not in the snapshot


def test_attribution_says_when_the_map_changed_after_the_newer_snapshot() -> None:
    doc = _map()
    older = take_snapshot(doc, as_of="2026-11-01")
    newer = take_snapshot(doc, as_of="2026-12-01")
    doc.inferences = []  # the line of evidence is gone since
    assert not attribute(doc, older, newer).exact
