"""What the ACH ranking cannot be trusted for: scenarios left unjudged, or rated unevenly.

* **Unscrutinised scenario.** A scenario with no judged cell (all blank or NA) collects no
  inconsistency because nobody looked, not because the evidence fits it. The matrix ranks
  it after every judged scenario and says so.
* **Uneven hand rating.** Inconsistency only comes from cells someone judged, so a
  scenario whose cells were rated by hand more often collects more inconsistency for that
  reason alone. Counting each scenario's hand-rated cells (any rating, NA included: each
  is a look at the evidence), argmap warns when the most-rated scenario has at least
  twice as many as the least-rated one *and* at least ``UNEVEN_GAP`` (3) more: 9 against
  4 warns, 5 against 3 does not (too few to say), 3 against 0 does. A matrix rated in
  full is even however the ratings come out: more I/II cells against one scenario are
  then the evidence speaking, not the scrutiny.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

UNEVEN_RATIO = 2.0
UNEVEN_GAP = 3


def unscrutinised(scenarios: Sequence[str], judged: Mapping[str, int]) -> list[str]:
    """Scenarios with no judged cell, in document order."""
    return [s for s in scenarios if not judged[s]]


def uneven(scenarios: Sequence[str], hand_rated: Mapping[str, int]) -> tuple[str, str] | None:
    """(most, least) hand-rated scenarios when they differ by the rule above."""
    if len(scenarios) < 2:
        return None
    most = max(scenarios, key=lambda s: hand_rated[s])
    least = min(scenarios, key=lambda s: hand_rated[s])
    high, low = hand_rated[most], hand_rated[least]
    if high - low >= UNEVEN_GAP and high >= UNEVEN_RATIO * low:
        return most, least
    return None


def matrix_warnings(
    scenarios: Sequence[str],
    titles: Mapping[str, str],
    judged: Mapping[str, int],
    hand_rated: Mapping[str, int],
) -> list[str]:
    """The warnings above, in words, naming the scenarios by their text."""
    found: list[str] = []
    if len(scenarios) < 2:
        return found
    for s in unscrutinised(scenarios, judged):
        found.append(
            f"ACH: “{titles[s]}” has no judged cell, so its inconsistency of 0 means nobody "
            "rated evidence against it, not that the evidence fits it; it is ranked last "
            "until rated"
        )
    pair = uneven(scenarios, hand_rated)
    if pair is not None:
        most, least = pair
        found.append(
            f"ACH: scenarios are rated unevenly: “{titles[most]}” has "
            f"{hand_rated[most]} hand-rated cells, “{titles[least]}” {hand_rated[least]}; "
            "the more-rated scenario collects inconsistency for that reason alone (rate the "
            "same items against every scenario)"
        )
    return found
