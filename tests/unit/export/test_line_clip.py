"""Clipping a long arrow to the screen keeps what shows, and its dashes in phase."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.export.line_clip import dot_rows, pieces, visible_runs

RECT = (0.0, 0.0, 100.0, 50.0)
coord = st.floats(-300, 300, allow_nan=False)
polylines = st.lists(st.tuples(coord, coord), min_size=2, max_size=6)


def _length(points: list[tuple[float, float]]) -> float:
    return sum(math.dist(p, q) for p, q in zip(points, points[1:], strict=False))


def test_a_line_crossing_the_rectangle_keeps_only_its_inside_part() -> None:
    runs = visible_runs([(-100.0, 10.0), (300.0, 10.0)], RECT)
    assert runs == [(100.0, [(0.0, 10.0), (100.0, 10.0)])]


def test_a_line_leaving_and_coming_back_gives_two_runs_with_their_distances() -> None:
    line = [(10.0, 10.0), (10.0, 200.0), (20.0, 200.0), (20.0, 10.0)]
    runs = visible_runs(line, RECT)
    assert [points for _, points in runs] == [
        [(10.0, 10.0), (10.0, 50.0)],
        [(20.0, 50.0), (20.0, 10.0)],
    ]
    assert [along for along, _ in runs] == [0.0, 190.0 + 10.0 + 150.0]


def test_a_line_outside_shows_nothing() -> None:
    assert visible_runs([(200.0, 0.0), (300.0, 40.0)], RECT) == []


@settings(max_examples=80)
@given(polylines)
def test_runs_lie_inside_and_sit_where_they_are_on_the_line(line) -> None:  # type: ignore[no-untyped-def]
    left, top, right, bottom = RECT
    for along, points in visible_runs(line, RECT):
        assert all(
            left - 1e-6 <= x <= right + 1e-6 and top - 1e-6 <= y <= bottom + 1e-6 for x, y in points
        )
        assert 0 <= along <= _length(line) + 1e-6
    inside = [p for p in line if left < p[0] < right and top < p[1] < bottom]
    runs = visible_runs(line, RECT)
    for p in inside:  # every point inside the rectangle is on some run
        assert any(math.dist(p, q) < 1e-6 for _, points in runs for q in points)


def _dots(rows: list[tuple[float, float, float, float, int]], period: float) -> list:  # type: ignore[type-arg]
    return [
        (round(x + ux * period * k, 9), round(y + uy * period * k, 9))
        for x, y, ux, uy, n in rows
        for k in range(n)
    ]


def test_dots_continue_the_pattern_of_the_whole_line() -> None:
    # Dots every 4 units from 1 on a line along x; its visible part starts 10 units in.
    rows = dot_rows([(10.0, 0.0), (30.0, 0.0)], start=10.0, period=4.0, first=1.0)
    assert _dots(rows, 4.0) == [(13.0, 0.0), (17.0, 0.0), (21.0, 0.0), (25.0, 0.0), (29.0, 0.0)]


def test_dots_turn_corners() -> None:
    rows = dot_rows([(0.0, 0.0), (3.0, 0.0), (3.0, 10.0)], start=0.0, period=4.0, first=1.0)
    assert _dots(rows, 4.0) == [(1.0, 0.0), (3.0, 2.0), (3.0, 6.0), (3.0, 10.0)]


@settings(max_examples=80)
@given(polylines, st.floats(0.5, 500))
def test_pieces_are_short_and_follow_on_along_the_whole_line(line, most: float) -> None:  # type: ignore[no-untyped-def]
    """A long line is drawn piece by piece (Qt strokes long lines slowly): the pieces
    together are the line, each at most ``most`` long, each knowing where it starts."""
    cut = pieces(line, most)
    assert cut[0][1][0] == line[0] and cut[-1][1][-1] == line[-1]
    for (along, points), (next_along, next_points) in zip(cut, cut[1:], strict=False):
        assert points[-1] == next_points[0]  # no gap, no overlap
        assert math.isclose(along + _length(points), next_along, abs_tol=1e-6)
    assert all(_length(points) <= most + 1e-6 for _, points in cut)
    assert math.isclose(sum(_length(p) for _, p in cut), _length(line), abs_tol=1e-6)
    corners = [p for p in line[1:-1]]
    for p in corners:  # every corner is kept, inside a piece
        assert any(p in points for _, points in cut)
