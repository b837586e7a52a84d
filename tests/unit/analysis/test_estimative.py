"""The ICD 203 estimative scale: numbers to words and back."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis.estimative import (
    BANDS,
    EstimativeBand,
    band_for,
    describe,
    label_for,
    parse_probability,
    probability_for,
)


@pytest.mark.parametrize(
    ("probability", "label"),
    [
        (0.0, "almost no chance"),
        (0.02, "almost no chance"),
        (0.05, "very unlikely"),
        (0.1, "very unlikely"),
        (0.3, "unlikely"),
        (0.45, "roughly even chance"),
        (0.5, "roughly even chance"),
        (0.55, "roughly even chance"),
        (0.7, "likely"),
        (0.8, "likely"),
        (0.9, "very likely"),
        (0.95, "very likely"),
        (0.97, "almost certain"),
        (1.0, "almost certain"),
    ],
)
def test_label_for_follows_the_icd_203_ranges(probability: float, label: str) -> None:
    assert label_for(probability) == label


def test_the_scale_has_seven_ordered_contiguous_bands() -> None:
    assert len(BANDS) == 7
    for lower, upper in zip(BANDS, BANDS[1:], strict=False):
        assert lower.high == upper.low
    assert [b.range_text for b in BANDS][4] == "55-80%"


@given(st.floats(0.0, 1.0))
def test_every_probability_has_a_band_containing_it(p: float) -> None:
    band = band_for(p)
    low = 0.0 if band is BANDS[0] else band.low
    high = 1.0 if band is BANDS[-1] else band.high
    assert low <= p <= high


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_labels_are_ordered_like_the_numbers(p: float, q: float) -> None:
    low, high = sorted((p, q))
    assert BANDS.index(band_for(low)) <= BANDS.index(band_for(high))


@pytest.mark.parametrize("band", BANDS)
def test_a_label_read_back_lands_in_its_own_band(band: EstimativeBand) -> None:
    assert label_for(probability_for(band.label)) == band.label
    assert probability_for(band.alternative) == probability_for(band.label)


def test_probability_for_accepts_adverbs_and_case() -> None:
    assert probability_for("Almost  Certainly") == probability_for("almost certain")
    assert probability_for("probably") == pytest.approx(0.675)
    assert probability_for("remote") == pytest.approx(0.03)


@pytest.mark.parametrize(
    ("text", "value"),
    [("0.7", 0.7), ("70%", 0.7), (" 70 % ", 0.7), ("70", 0.7), (".25", 0.25), ("likely", 0.675)],
)
def test_parse_probability_reads_what_analysts_type(text: str, value: float) -> None:
    assert parse_probability(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["150%", "maybe", "", "-3"])
def test_parse_probability_rejects_nonsense_with_a_message(text: str) -> None:
    with pytest.raises(ValueError, match="probab|likelihood"):
        parse_probability(text)


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan])
def test_band_for_rejects_values_outside_zero_one(bad: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        band_for(bad)


def test_describe_gives_words_and_digits() -> None:
    assert describe(0.7) == "likely (70%)"
