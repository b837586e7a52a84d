"""How much one ACH row weighs: PARC ACH's bounded credibility and relevance.

Each evidence row has a credibility and a relevance on PARC ACH's three-step scale, Low /
Medium / High, worth 1/sqrt(2) (0.707), 1 and sqrt(2) (1.414): each can move a row's weight
at most 2:1 against another row, so no single item can dominate the matrix by an extreme
number. A cell weighs credibility x relevance, between 0.5 and 2.

* **Credibility** is the analyst's setting for the row (``ArgMap.ach_rows``) when there is
  one. Otherwise it follows from the statement's own credibility (0-1) by band: below 0.45
  ("unlikely" or less on the ICD 203 scale) is Low, 0.8 and above ("very likely" or more)
  is High, anything between, and a statement nobody judged, is Medium.
* **Relevance** is the analyst's setting for the row, Medium when not set.
* A cell that carries its own relevance (``Rating.relevance``, 0-1, written by earlier
  versions) keeps it, read on the same bounded scale: 1 is Medium, 0 is Low, and between
  them the weight moves evenly in log terms (``2 ** ((r - 1) / 2)``); it replaces the row's
  relevance for that cell only.
"""

from __future__ import annotations

import math

from argmap.model import RowLevel

LEVEL_VALUE = {RowLevel.LOW: math.sqrt(0.5), RowLevel.MEDIUM: 1.0, RowLevel.HIGH: math.sqrt(2.0)}
LOW_BELOW = 0.45  # a statement credibility below this gives a Low row
HIGH_FROM = 0.8  # ... from this up, a High row


def default_credibility(credibility: float | None) -> RowLevel:
    """The row credibility a statement's own credibility (0-1, or None) implies."""
    if credibility is None:
        return RowLevel.MEDIUM
    if credibility < LOW_BELOW:
        return RowLevel.LOW
    if credibility >= HIGH_FROM:
        return RowLevel.HIGH
    return RowLevel.MEDIUM


def cell_relevance(relevance: float) -> float:
    """A cell's own 0-1 relevance on the bounded scale: 1 -> 1 (Medium), 0 -> 0.707 (Low)."""
    return float(2.0 ** ((min(max(relevance, 0.0), 1.0) - 1.0) / 2.0))
