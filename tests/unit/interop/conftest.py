"""Fixtures for the interchange-format tests: AIF samples and a small analyst's map."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.model import (
    AchRating,
    ArgMap,
    Inference,
    InferenceKind,
    Quote,
    Rating,
    Source,
    Statement,
    StatementKind,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "aif"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def build_sample_map() -> ArgMap:
    """A question, two scenarios, evidence quoting a source, support/attack/undercut."""
    text = (
        "Putin convened an emergency meeting on November 5. "
        "Budget revenues from oil and gas shrank by 26.7 percent in October."
    )
    source = Source.from_text(
        "src-1",
        text,
        title="Talks On Peace Deal Can Still Rebound",
        publisher="Eurasia Daily Monitor",
        published="2025-11-10",
    )
    start = text.index("Budget")
    q1 = Quote.from_range("q-1", "src-1", text, start, len(text))
    statements = [
        Statement(id="s-q", kind=StatementKind.QUESTION, text="Will a ceasefire hold by June?"),
        Statement(
            id="s-a", kind=StatementKind.SCENARIO, text="Ceasefire agreed by spring", prior=3
        ),
        Statement(
            id="s-b", kind=StatementKind.SCENARIO, text="War of attrition continues", prior=1
        ),
        Statement(
            id="s-e1",
            kind=StatementKind.EVIDENCE,
            text="Oil & gas revenue fell 26.7 % in October",
            quotes=["q-1"],
            credibility=0.9,
        ),
        Statement(id="s-e2", kind=StatementKind.EVIDENCE, text="Russia claims *big* gains"),
        Statement(
            id="s-o",
            kind=StatementKind.OBJECTION,
            text='The figure counts "one-off" tax changes',
        ),
    ]
    inferences = [
        Inference(id="i-1", premises=["s-e1"], conclusion="s-a", scheme="Cause to effect"),
        Inference(id="i-2", premises=["s-e2"], conclusion="s-a", kind=InferenceKind.ATTACK),
        Inference(id="i-3", premises=["s-o"], conclusion="i-1", kind=InferenceKind.UNDERCUT),
        Inference(id="i-4", premises=["s-e2", "s-e1"], conclusion="s-b"),
    ]
    ratings = [
        Rating(evidence="s-e1", scenario="s-a", rating=AchRating.CC),
        Rating(evidence="s-e1", scenario="s-b", rating=AchRating.I),
        Rating(evidence="s-e2", scenario="s-b", rating=AchRating.C),
    ]
    return ArgMap(
        title="Ceasefire talks",
        question="s-q",
        sources=[source],
        quotes=[q1],
        statements=statements,
        inferences=inferences,
        ratings=ratings,
    )


@pytest.fixture
def sample_map() -> ArgMap:
    return build_sample_map()
