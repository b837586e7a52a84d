"""The parts of a polyline inside a rectangle, with how far along the line each starts.

Drawing only what is on screen keeps a map's long arrows cheap (Qt strokes a dashed line
dash by dash, and falls back to a slow path far outside its coordinate range); the
distance lets a dashed part start at the right phase, so dashes do not crawl when panning.
"""

from __future__ import annotations

import math

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # left, top, right, bottom


def _clip(p: Point, q: Point, rect: Rect) -> tuple[float, float] | None:
    """Liang–Barsky: the parameter range of segment p→q inside ``rect``, or None."""
    left, top, right, bottom = rect
    dx, dy = q[0] - p[0], q[1] - p[1]
    t0, t1 = 0.0, 1.0
    for edge_dir, edge_dist in (
        (-dx, p[0] - left),
        (dx, right - p[0]),
        (-dy, p[1] - top),
        (dy, bottom - p[1]),
    ):
        if edge_dir == 0:
            if edge_dist < 0:
                return None
            continue
        t = edge_dist / edge_dir
        if edge_dir < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    return t0, t1


def crosses(points: list[Point], rect: Rect) -> bool:
    """Whether any part of the polyline lies inside ``rect``."""
    return any(_clip(p, q, rect) is not None for p, q in zip(points, points[1:], strict=False))


def visible_runs(points: list[Point], rect: Rect) -> list[tuple[float, list[Point]]]:
    """The pieces of the polyline inside ``rect``: (distance from its start, points)."""
    runs: list[tuple[float, list[Point]]] = []
    current: list[Point] | None = None
    along = 0.0
    for p, q in zip(points, points[1:], strict=False):
        length = math.hypot(q[0] - p[0], q[1] - p[1])
        span = _clip(p, q, rect)
        if span is None:
            current = None
        else:
            t0, t1 = span
            dx, dy = q[0] - p[0], q[1] - p[1]
            end = (p[0] + dx * t1, p[1] + dy * t1)
            if current is not None and t0 == 0.0:
                current.append(end)
            else:
                current = [(p[0] + dx * t0, p[1] + dy * t0), end]
                runs.append((along + length * t0, current))
            if t1 < 1.0:
                current = None
        along += length
    return runs


def pieces(points: list[Point], most: float) -> list[tuple[float, list[Point]]]:
    """The polyline cut into consecutive pieces at most ``most`` long (corners kept
    inside a piece): (distance from its start, points), as :func:`visible_runs` gives."""
    out: list[tuple[float, list[Point]]] = []
    current = [points[0]]
    start = along = 0.0  # where the current piece starts; where segment p -> q does
    for p, q in zip(points, points[1:], strict=False):
        length = math.hypot(q[0] - p[0], q[1] - p[1])
        while along + length - start > most:
            t = (start + most - along) / length
            cut = (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)
            current.append(cut)
            out.append((start, current))
            start += most
            current = [cut]
        current.append(q)
        along += length
    out.append((start, current))
    return out


def dot_rows(
    run: list[Point], start: float, period: float, first: float
) -> list[tuple[float, float, float, float, int]]:
    """The dots every ``period`` along ``run`` (which starts ``start`` along its line, in
    phase with dots at ``first``, ``first + period``... from the line's own start), one
    row per straight piece: (first dot x, y, unit step x, y, count)."""
    rows: list[tuple[float, float, float, float, int]] = []
    at = first + max(0, math.ceil((start - first) / period)) * period  # next dot's distance
    along = start
    for p, q in zip(run, run[1:], strict=False):
        length = math.hypot(q[0] - p[0], q[1] - p[1])
        if length > 0 and at <= along + length:
            ux, uy = (q[0] - p[0]) / length, (q[1] - p[1]) / length
            count = math.floor((along + length - at) / period) + 1
            t = at - along
            rows.append((p[0] + ux * t, p[1] + uy * t, ux, uy, count))
            at += count * period
        along += length
    return rows
