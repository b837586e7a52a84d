"""Heuer's step 6: how sensitive the ACH ranking is to a few critical items of evidence.

Heuer asks the analyst to "analyze how sensitive your conclusion is to a few critical items
of evidence": if one of them were wrong or misleading, would the conclusion change? Here,
for every row of the matrix with at least one judged cell, two what-ifs are tried:

* **removed**: the item turns out to be wrong, deception or irrelevant: its cells count
  nothing (as if blank);
* **reversed**: the item turns out to point the other way: C <-> I and CC <-> II in every
  cell (N, NA and blank stay).

Each what-if recomputes the scores and the ranking (by the matrix's own rule: least
inconsistency first, unjudged scenarios last) and is reported when the leader changes.
When no single item changes the leader, pairs of the ``PAIR_POOL`` most diagnostic items
are tried (both removed, or both reversed). Rows are taken most diagnostic first, then
by weight, so the report names the critical few first. Scores are sums over rows, so each
what-if costs one pass over the scenarios, not a new matrix.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from argmap.analysis.ach import INCONSISTENCY_POINTS, AchEvidence, AchMatrix, rank
from argmap.model import AchRating

PAIR_POOL = 8
_REVERSED = {
    AchRating.C: AchRating.I,
    AchRating.I: AchRating.C,
    AchRating.CC: AchRating.II,
    AchRating.II: AchRating.CC,
}

Change = Literal["removed", "reversed"]
CHANGES: tuple[Change, ...] = ("removed", "reversed")


@dataclass(frozen=True, slots=True)
class AchFlip:
    """Items that, removed or reversed together, give the ACH lead to ``leader``."""

    rows: tuple[str, ...]
    change: Change
    leader: str | None


@dataclass(frozen=True, slots=True)
class AchSensitivity:
    """The ACH leader, its margin over the runner-up (in inconsistency points), and the
    single items (or, failing those, pairs) that would change it; ``tried`` counts the
    items examined."""

    leader: str | None
    runner_up: str | None
    margin: float
    flips: tuple[AchFlip, ...]
    tried: int

    @property
    def robust(self) -> bool:
        """No single item or pair of the most diagnostic ones changes the leader."""
        return self.leader is not None and not self.flips


def _contributions(row: AchEvidence, change: Change | None) -> list[float]:
    out = []
    for rating, weight in zip(row.ratings, row.weights, strict=True):
        if change == "removed" or rating is None:
            out.append(0.0)
            continue
        used = _REVERSED.get(rating, rating) if change == "reversed" else rating
        out.append(weight * INCONSISTENCY_POINTS.get(used, 0.0))
    return out


def _judged(row: AchEvidence) -> list[int]:
    return [int(r is not None and r is not AchRating.NA) for r in row.ratings]


def _leader_after(matrix: AchMatrix, rows: Sequence[AchEvidence], change: Change) -> str | None:
    scores = dict(matrix.inconsistency)
    judged = dict(matrix.judged)
    for row in rows:
        before, after = _contributions(row, None), _contributions(row, change)
        counts = _judged(row)
        for j, s in enumerate(matrix.scenarios):
            scores[s] += after[j] - before[j]
            if change == "removed":
                judged[s] -= counts[j]
    ranking = rank(matrix.scenarios, scores, judged)
    return ranking[0] if ranking and judged[ranking[0]] else None


def ach_sensitivity(matrix: AchMatrix) -> AchSensitivity:
    """Which critical items, removed or reversed, change the ACH leader."""
    leader = matrix.leader()
    ranking = matrix.ranking()
    runner_up = ranking[1] if len(ranking) > 1 else None
    margin = (
        matrix.inconsistency[runner_up] - matrix.inconsistency[leader]
        if leader is not None and runner_up is not None
        else 0.0
    )
    candidates = sorted(
        (row for row in matrix.evidence if row.judged),
        key=lambda r: (-(r.diagnosticity or 0), -r.weight),
    )
    if leader is None or len(matrix.scenarios) < 2:
        return AchSensitivity(leader, runner_up, margin, (), 0)
    flips: list[AchFlip] = []
    for row in candidates:
        for change in CHANGES:
            after = _leader_after(matrix, [row], change)
            if after != leader:
                flips.append(AchFlip((row.id,), change, after))
    if not flips:
        for a, b in combinations(candidates[:PAIR_POOL], 2):
            for change in CHANGES:
                after = _leader_after(matrix, [a, b], change)
                if after != leader:
                    flips.append(AchFlip((a.id, b.id), change, after))
    return AchSensitivity(leader, runner_up, margin, tuple(flips), len(candidates))


def describe(found: AchSensitivity, text_of: Mapping[str, str], shown: int = 4) -> str:
    """The sensitivity in one paragraph, naming statements by ``text_of`` (id -> text)."""
    if found.leader is None:
        return "ACH favours no scenario yet: no scenario has a judged cell."

    def name(sid: str) -> str:
        return f"“{text_of.get(sid, sid)}”"

    lead = f"ACH favours {name(found.leader)}"
    if found.runner_up is not None:
        lead += f", {found.margin:.2f} less inconsistent than {name(found.runner_up)}"
    if found.robust:
        return (
            f"{lead}. No single item, and no pair of the {PAIR_POOL} most diagnostic, "
            "removed or reversed, changes that."
        )
    parts = []
    for flip in found.flips[:shown]:
        items = " and ".join(name(r) for r in flip.rows)
        verb = "removing" if flip.change == "removed" else "reversing"
        after = name(flip.leader) if flip.leader is not None else "no scenario"
        parts.append(f"{verb} {items} would give the lead to {after}")
    more = len(found.flips) - shown
    tail = f" ({more} more such changes)" if more > 0 else ""
    return f"{lead}. Critical items: " + "; ".join(parts) + tail + "."
