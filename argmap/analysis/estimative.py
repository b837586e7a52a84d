"""Probabilities <-> words, on the US intelligence community's estimative scale (ICD 203).

ICD 203 ("Analytic Standards", 2015) pairs seven expressions of likelihood with ranges:

    almost no chance / remote                  01-05 %
    very unlikely / highly improbable          05-20 %
    unlikely / improbable                      20-45 %
    roughly even chance / roughly even odds    45-55 %
    likely / probable                          55-80 %
    very likely / highly probable              80-95 %
    almost certain / nearly certain            95-99 %

The published ranges share their end points; here the scale is made total and symmetric
around one half: a value on a boundary below 0.5 belongs to the band above it, a value
on a boundary above 0.5 to the band below it (so 0.45 and 0.55 both read "roughly even
chance"), and 0 and 1 fall into the outermost bands. A label read back as a number gives
the middle of its range.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EstimativeBand:
    """One expression of likelihood and the probability range it stands for."""

    label: str
    alternative: str
    low: float
    high: float

    @property
    def midpoint(self) -> float:
        """The number a label stands for when the analyst picks it from a menu."""
        return round((self.low + self.high) / 2, 4)

    @property
    def range_text(self) -> str:
        """The range as ICD 203 prints it, e.g. ``"55-80%"``."""
        return f"{round(self.low * 100):02d}-{round(self.high * 100):02d}%"


BANDS: tuple[EstimativeBand, ...] = (
    EstimativeBand("almost no chance", "remote", 0.01, 0.05),
    EstimativeBand("very unlikely", "highly improbable", 0.05, 0.20),
    EstimativeBand("unlikely", "improbable", 0.20, 0.45),
    EstimativeBand("roughly even chance", "roughly even odds", 0.45, 0.55),
    EstimativeBand("likely", "probable", 0.55, 0.80),
    EstimativeBand("very likely", "highly probable", 0.80, 0.95),
    EstimativeBand("almost certain", "nearly certain", 0.95, 0.99),
)

_BY_NAME: dict[str, EstimativeBand] = {}
for _band in BANDS:
    _BY_NAME[_band.label] = _band
    _BY_NAME[_band.alternative] = _band
# Adverb forms analysts write in prose ("probably", "almost certainly").
_BY_NAME.update(
    {
        "probably": BANDS[4],
        "very probably": BANDS[5],
        "almost certainly": BANDS[6],
        "nearly certainly": BANDS[6],
        "improbably": BANDS[2],
        "even chance": BANDS[3],
        "even odds": BANDS[3],
    }
)


def band_for(probability: float) -> EstimativeBand:
    """The band a probability in [0, 1] falls into (ValueError outside or NaN)."""
    if math.isnan(probability) or not 0.0 <= probability <= 1.0:
        raise ValueError(f"a probability must lie between 0 and 1, not {probability!r}")
    if probability <= 0.5:
        # Lower half: a boundary value belongs to the band above it.
        for band in BANDS[:3]:
            if probability < band.high:
                return band
        return BANDS[3]
    # Upper half: a boundary value belongs to the band below it.
    for band in reversed(BANDS[4:]):
        if probability > band.low:
            return band
    return BANDS[3]


def label_for(probability: float) -> str:
    """The words for a probability, e.g. ``label_for(0.7) == "likely"``."""
    return band_for(probability).label


def probability_for(label: str) -> float:
    """The middle of a label's range, e.g. ``probability_for("likely") == 0.675``.

    Accepts both wordings of each band and common adverb forms, case-insensitively.
    """
    key = " ".join(label.lower().split())
    try:
        return _BY_NAME[key].midpoint
    except KeyError:
        known = ", ".join(band.label for band in BANDS)
        raise ValueError(f"unknown likelihood {label!r}; expected one of: {known}") from None


_NUMBER = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(%?)\s*$")


def parse_probability(text: str) -> float:
    """Read what an analyst typed: ``"0.7"``, ``"70%"``, ``"70 %"`` or ``"likely"``."""
    match = _NUMBER.match(text)
    if match is None:
        return probability_for(text)
    value = float(match.group(1))
    if match.group(2) or value > 1.0:
        value /= 100.0
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{text.strip()!r} is not a probability between 0 and 1 (0-100%)")
    return value


def describe(probability: float) -> str:
    """A probability in words and digits, e.g. ``"likely (70%)"``."""
    return f"{label_for(probability)} ({probability:.0%})"
