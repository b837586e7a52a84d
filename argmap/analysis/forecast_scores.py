"""Scoring the estimates once the question has resolved, and calibration across maps.

Each snapshot is a forecast: the weight p_j it gave each scenario j. When the outcome is
recorded (scenario k happened), every snapshot taken on or before the resolution date
is scored (later ones knew the answer, and are not):

- **Brier score** (multi-category, Brier 1950): ``BS = Σ_j (p_j − o_j)²`` with o_k = 1
  and o_j = 0 for the other scenarios. 0 is perfect; 2 is the worst (all weight on a
  scenario that did not happen); spreading the weight evenly over N scenarios scores
  1 − 1/N whatever happens. A scenario added after a snapshot counts there as p = 0.
- **Log score**: ``ln p_k``, the natural log of the weight given to what happened. 0 is
  perfect, lower is worse; a weight of 0 would score −∞, so it is floored at
  ``LOG_FLOOR`` (0.1 %, a score of −6.91).

A map's score is the mean over its scored snapshots (each snapshot counts once,
however long it stood). **Calibration** across the maps of a folder takes, per resolved
map, its last scored snapshot, and each of its scenarios as one forecast (p, happened
or not); forecasts are put in ten bins by p (0–10 %, …, 90–100 %), and a bin shows the
mean forecast against how often its scenarios happened. The reliability diagram is drawn
once there are ``ENOUGH_QUESTIONS`` resolved maps (fewer say little: with four
scenarios each, 10 questions are 40 forecasts, about 4 per bin), and then only for bins
holding at least ``ENOUGH_PER_BIN`` forecasts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from argmap.model import ArgMap, Snapshot

LOG_FLOOR = 0.001
ENOUGH_QUESTIONS = 10
ENOUGH_PER_BIN = 5
BINS = 10


def brier(weights: dict[str, float], happened: str) -> float:
    """The multi-category Brier score of one forecast."""
    scenarios = set(weights) | {happened}
    return sum((weights.get(s, 0.0) - (1.0 if s == happened else 0.0)) ** 2 for s in scenarios)


def log_score(weights: dict[str, float], happened: str) -> float:
    """ln of the weight given to what happened (floored at LOG_FLOOR)."""
    return math.log(max(weights.get(happened, 0.0), LOG_FLOOR))


@dataclass(frozen=True)
class SnapshotScore:
    """One snapshot scored: the weight it gave what happened, its Brier and log scores."""

    snapshot: str
    as_of: str
    p: float
    brier: float
    log: float


@dataclass(frozen=True)
class MapScore:
    """A resolved map's snapshots scored, with their means (None: none scored)."""

    happened: str
    resolved: str
    scores: tuple[SnapshotScore, ...]
    late: int  # snapshots taken after the resolution date, not scored

    @property
    def brier(self) -> float | None:
        """Mean Brier score over the scored snapshots."""
        return sum(s.brier for s in self.scores) / len(self.scores) if self.scores else None

    @property
    def log(self) -> float | None:
        """Mean log score over the scored snapshots."""
        return sum(s.log for s in self.scores) / len(self.scores) if self.scores else None


def score_map(doc: ArgMap) -> MapScore | None:
    """Every snapshot of a resolved map scored; None when the map has no outcome."""
    outcome = doc.outcome
    if outcome is None:
        return None
    ordered = sorted(doc.snapshots, key=lambda s: (s.as_of, s.taken or ""))
    scored = [s for s in ordered if s.as_of <= outcome.resolved]
    return MapScore(
        happened=outcome.scenario,
        resolved=outcome.resolved,
        scores=tuple(_scored(s, outcome.scenario) for s in scored),
        late=len(ordered) - len(scored),
    )


def _scored(snapshot: Snapshot, happened: str) -> SnapshotScore:
    return SnapshotScore(
        snapshot=snapshot.id,
        as_of=snapshot.as_of,
        p=snapshot.weights.get(happened, 0.0),
        brier=brier(snapshot.weights, happened),
        log=log_score(snapshot.weights, happened),
    )


@dataclass(frozen=True)
class Bin:
    """Forecasts with p in [low, high): how many, their mean, how often they happened."""

    low: float
    high: float
    count: int
    mean_forecast: float
    observed: float

    @property
    def enough(self) -> bool:
        """Whether the bin holds enough forecasts to be drawn."""
        return self.count >= ENOUGH_PER_BIN


@dataclass(frozen=True)
class Calibration:
    """The reliability table of a set of resolved maps."""

    questions: int
    forecasts: int
    bins: tuple[Bin, ...]

    @property
    def enough(self) -> bool:
        """Whether there are enough resolved questions for a reliability diagram."""
        return self.questions >= ENOUGH_QUESTIONS


def calibration(docs: list[ArgMap]) -> Calibration:
    """Per resolved map, its last scored snapshot's weights as forecasts, binned by p."""
    pairs: list[tuple[float, bool]] = []
    questions = 0
    for doc in docs:
        score = score_map(doc)
        if score is None or not score.scores:
            continue
        last = next(s for s in doc.snapshots if s.id == score.scores[-1].snapshot)
        questions += 1
        scenarios = set(last.weights) | {score.happened}
        pairs += [(last.weights.get(s, 0.0), s == score.happened) for s in sorted(scenarios)]
    bins = []
    for k in range(BINS):
        low, high = k / BINS, (k + 1) / BINS
        inside = [(p, hit) for p, hit in pairs if low <= p < high or (k == BINS - 1 and p == 1.0)]
        if inside:
            mean = sum(p for p, _ in inside) / len(inside)
            observed = sum(hit for _, hit in inside) / len(inside)
            bins.append(Bin(low, high, len(inside), mean, observed))
    return Calibration(questions, len(pairs), tuple(bins))
