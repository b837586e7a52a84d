"""Heuer's step 6: how sensitive the ACH ranking is to a few critical items of evidence.

Heuer asks the analyst to "analyze how sensitive your conclusion is to a few critical items
of evidence": if one of them were wrong or misleading, would the conclusion change? Here,
for every row of the matrix with at least one judged cell, two what-ifs are tried:

* **removed**: the item turns out to be wrong, deception or irrelevant: its cells count
  nothing (as if blank);
* **reversed**: the item turns out to point the other way: C <-> I and CC <-> II in every
  cell (N, NA and blank stay).

Each what-if recomputes the scores and the leader (by the matrix's own rule,
:func:`argmap.analysis.ach.rank`: least inconsistency first, unjudged scenarios last) and
is reported when the leader changes.
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

from argmap.analysis.ach import INCONSISTENCY_POINTS, AchEvidence, AchMatrix
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


Delta = tuple[tuple[int, float, int], ...]  # (scenario, score change, judged change)


def _deltas(row: AchEvidence) -> dict[Change, Delta]:
    """How removing or reversing ``row`` changes the scores and judged counts of the
    scenarios it touches (only those: a row is judged against few)."""
    removed: list[tuple[int, float, int]] = []
    reversed_: list[tuple[int, float, int]] = []
    for j, (rating, weight) in enumerate(zip(row.ratings, row.weights, strict=True)):
        if rating is None or rating is AchRating.NA:
            continue
        before = weight * INCONSISTENCY_POINTS.get(rating, 0.0)
        after = weight * INCONSISTENCY_POINTS.get(_REVERSED.get(rating, rating), 0.0)
        removed.append((j, -before, -1))
        if after != before:
            reversed_.append((j, after - before, 0))
    return {"removed": tuple(removed), "reversed": tuple(reversed_)}


class _Ranking:
    """The matrix's scores, to ask cheaply who would lead after a few rows change."""

    def __init__(self, scores: Sequence[float], judged: Sequence[int]) -> None:
        self.scores, self.judged = list(scores), list(judged)
        keys = [self._key(j, scores[j], judged[j]) for j in range(len(scores))]
        self.order = sorted(range(len(scores)), key=keys.__getitem__)
        self.keys = keys

    @staticmethod
    def _key(j: int, score: float, judged: int) -> tuple[bool, float, int]:
        return (judged == 0, round(score, 9), j)

    def leader_after(self, deltas: Sequence[Delta]) -> int | None:
        """The index :func:`argmap.analysis.ach.rank` would put first after ``deltas``,
        if it has a judged cell (else None)."""
        changed: dict[int, list[float]] = {}
        for delta in deltas:
            for j, ds, dj in delta:
                entry = changed.setdefault(j, [self.scores[j], self.judged[j]])
                entry[0] += ds
                entry[1] += dj
        best = next((j for j in self.order if j not in changed), None)
        best_key = self.keys[best] if best is not None else None
        for j, (score, judged) in changed.items():
            key = self._key(j, score, int(judged))
            if best_key is None or key < best_key:
                best, best_key = j, key
        if best is None or best_key is None or best_key[0]:
            return None
        return best


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
    if leader is None or len(matrix.scenarios) < 2:
        return AchSensitivity(leader, runner_up, margin, (), 0)
    candidates = sorted(
        (row for row in matrix.evidence if row.judged),
        key=lambda r: (-(r.diagnosticity or 0), -r.weight),
    )
    names = matrix.scenarios
    ranking_now = _Ranking(
        [matrix.inconsistency[s] for s in names], [matrix.judged[s] for s in names]
    )
    now = names.index(leader)
    deltas = {row.id: _deltas(row) for row in candidates}

    def named(j: int | None) -> str | None:
        return names[j] if j is not None else None

    flips: list[AchFlip] = []
    for row in candidates:
        for change in CHANGES:
            delta = deltas[row.id][change]
            after = ranking_now.leader_after([delta]) if delta else now
            if after != now:
                flips.append(AchFlip((row.id,), change, named(after)))
    if not flips:
        for a, b in combinations(candidates[:PAIR_POOL], 2):
            for change in CHANGES:
                after = ranking_now.leader_after([deltas[a.id][change], deltas[b.id][change]])
                if after != now:
                    flips.append(AchFlip((a.id, b.id), change, named(after)))
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
