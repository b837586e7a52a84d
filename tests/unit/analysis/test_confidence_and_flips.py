"""Confidence in the lead where a single judgement decides it: a report nobody judged that
could flip the lead within its range, and a lone report whose lead ends only at 0."""

from __future__ import annotations

import math

import pytest
from weights_maps import article, evidence, quote, scenario, support

from argmap.analysis.report import analyze
from argmap.model import ArgMap


def three_reports_against_an_unjudged_one() -> ArgMap:
    """A: three reports of three articles at 0.9, each a 2:1 line. B: a 10:1 line from a
    report u nobody judged (so it counts as 0 and moves nothing yet)."""
    return ArgMap(
        sources=[article(f"s{j}") for j in range(3)],
        quotes=[quote(f"q{j}", f"s{j}", "Talks stalled.") for j in range(3)],
        statements=[
            scenario("A", 1.0),
            scenario("B", 1.0),
            *(evidence(f"e{j}", 0.9, [f"q{j}"]) for j in range(3)),
            evidence("u", None),
        ],
        inferences=[
            *(support(f"i{j}", [f"e{j}"], "A", 0.5) for j in range(3)),
            support("iu", ["u"], "B", 0.9),
        ],
    )


def test_a_lead_an_unjudged_report_could_flip_is_held_with_low_confidence() -> None:
    # A leads by 3 x 0.9 ln 2 = 1.87 nats and survives the analyst's own judgements moved
    # against it, with three sources and no defaults. But u, judged anywhere in 0..1,
    # flips it above u ln 10 = 2.7 ln 2, u = 0.813: one judgement decides, so low.
    report = analyze(three_reports_against_an_unjudged_one(), with_sensitivity=True)
    assert report.flips is not None
    [flip] = report.flips.in_range_flips()
    assert flip.judgement.id == "u"
    assert flip.break_even == pytest.approx(2.7 * math.log(2) / math.log(10), abs=1e-3)
    confidence = report.confidence
    assert confidence is not None
    assert (confidence.sources, confidence.defaults, confidence.in_range_flip) == (3, 0, True)
    assert confidence.level == "low"
    assert confidence.reason.startswith(
        "a single judgement within its plausible range flips the lead;"
    )


def test_a_lone_report_must_fall_all_the_way_to_zero_to_end_the_lead() -> None:
    # e1 at 0.2 on a 100:1 line gives A 0.2 ln 100 = 0.92 nats; only at 0 are A and B
    # even, so the nearest flip is 0.2 away (A's prior would have to fall from 50 % to
    # 1 / (1 + 100^0.2) = 28.5 %, 0.215 away).
    doc = ArgMap(
        statements=[scenario("A", 1.0), scenario("B", 1.0), evidence("e1", 0.2)],
        inferences=[support("i1", ["e1"], "A", 1.0)],
    )
    report = analyze(doc, with_sensitivity=True)
    assert report.flips is not None
    nearest = report.flips.nearest()
    assert nearest is not None
    assert (nearest.judgement.id, nearest.break_even) == ("e1", 0.0)
    assert report.confidence is not None
    assert report.confidence.nearest_distance == pytest.approx(0.2)
