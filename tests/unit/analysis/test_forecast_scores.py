"""Scores worked by hand: the Brier and log scores of a known sequence of estimates."""

from __future__ import annotations

import math

import pytest

from argmap.analysis.forecast_scores import (
    ENOUGH_QUESTIONS,
    brier,
    calibration,
    log_score,
    score_map,
)
from argmap.model import ArgMap, Outcome, Snapshot, Statement, StatementKind


def _resolved(
    weights: list[dict[str, float]], happened: str = "a", on: str = "2026-12-31"
) -> ArgMap:
    return ArgMap(
        statements=[
            Statement(id=s, kind=StatementKind.SCENARIO, text=s.upper()) for s in ("a", "b", "c")
        ],
        snapshots=[
            Snapshot(id=f"snap-{k}", as_of=f"2026-{10 + k}-01", weights=w)
            for k, w in enumerate(weights)
        ],
        outcome=Outcome(scenario=happened, resolved=on),
    )


SEQUENCE = [
    {"a": 0.5, "b": 0.3, "c": 0.2},
    {"a": 0.6, "b": 0.3, "c": 0.1},
    {"a": 0.8, "b": 0.1, "c": 0.1},
]


def test_brier_and_log_scores_of_a_known_sequence() -> None:
    score = score_map(_resolved(SEQUENCE))
    assert score is not None
    # (0.5-1)² + 0.3² + 0.2² = 0.25 + 0.09 + 0.04
    # (0.6-1)² + 0.3² + 0.1² = 0.16 + 0.09 + 0.01
    # (0.8-1)² + 0.1² + 0.1² = 0.04 + 0.01 + 0.01
    assert [s.brier for s in score.scores] == pytest.approx([0.38, 0.26, 0.06])
    assert score.brier == pytest.approx(0.70 / 3)
    assert [s.log for s in score.scores] == pytest.approx(
        [math.log(0.5), math.log(0.6), math.log(0.8)]
    )
    assert score.log == pytest.approx((-0.693147 - 0.510826 - 0.223144) / 3, abs=1e-6)


def test_scores_at_the_ends_of_the_scale() -> None:
    assert brier({"a": 1.0, "b": 0.0}, "a") == 0.0
    assert brier({"a": 0.0, "b": 1.0}, "a") == 2.0  # all weight on what did not happen
    assert brier({"a": 0.25, "b": 0.25, "c": 0.25, "d": 0.25}, "c") == pytest.approx(
        0.75
    )  # 1 - 1/N
    assert log_score({"a": 0.0, "b": 1.0}, "a") == pytest.approx(math.log(0.001))  # floored
    assert brier({"a": 0.7, "b": 0.3}, "new") == pytest.approx(
        0.49 + 0.09 + 1.0
    )  # added later: p = 0


def test_snapshots_after_the_resolution_are_not_scored() -> None:
    score = score_map(_resolved(SEQUENCE, on="2026-11-15"))
    assert score is not None
    assert [s.snapshot for s in score.scores] == ["snap-0", "snap-1"]
    assert score.late == 1


def test_an_unresolved_map_has_no_score() -> None:
    doc = _resolved(SEQUENCE)
    doc.outcome = None
    assert score_map(doc) is None


def test_calibration_bins_each_maps_last_snapshot_and_says_when_it_is_enough() -> None:
    maps = [_resolved(SEQUENCE)] * 3 + [_resolved(SEQUENCE, happened="b")]
    table = calibration(maps)
    assert (table.questions, table.forecasts) == (4, 12)
    assert not table.enough
    by_low = {round(b.low, 1): b for b in table.bins}
    # last snapshot: a 0.8, b 0.1, c 0.1; "a" happened 3 times out of 4, "b" once
    assert by_low[0.8].count == 4 and by_low[0.8].observed == pytest.approx(0.75)
    assert by_low[0.1].count == 8 and by_low[0.1].observed == pytest.approx(1 / 8)
    assert calibration([_resolved(SEQUENCE)] * ENOUGH_QUESTIONS).enough
