"""What a reader needs of arrows into one card, measured on a layout: no two run on top of
each other, attack discs apart, each undercut's head on the one arrow it targets.

Used by the layout tests (the sample and generated maps) and the export tests (the PNG
and SVG draw the same geometry).
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict

from argmap.layout.geometry import EdgeLayout, MapLayout

Point = tuple[float, float]
TOUCH = 2.0  # two lines closer than this (scene px) read as one
MOST_OVERLAP = 6.0  # a crossing at a right angle runs about 4 px within TOUCH of the other
DISC = 6.5 + 1.8  # an attack disc's radius in the light theme (card_painter.paint_minus_marker)
HEAD_WIDTH = 9.0 + 1.5 * 1.8  # an arrowhead's width in the light theme (card_painter.head_size)
HEAD_CLEAR = 4.0  # no other arrow into the card this close to an undercut's tip


def distance_to_line(p: Point, line: list[Point]) -> float:
    """Shortest distance from ``p`` to the polyline ``line``."""
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(line):
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        f = (
            0.0
            if length2 == 0
            else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
        )
        best = min(best, math.hypot(ax + dx * f - p[0], ay + dy * f - p[1]))
    return best


def samples(line: list[Point], step: float = 1.0) -> list[Point]:
    """Points every ``step`` along the polyline."""
    out = [line[0]]
    for a, b in itertools.pairwise(line):
        n = max(1, math.ceil(math.dist(a, b) / step))
        out += [
            (a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n) for i in range(1, n + 1)
        ]
    return out


def longest_overlap(a: list[Point], b: list[Point]) -> float:
    """The longest stretch (px) of ``a`` that runs within TOUCH of ``b``."""
    run = longest = 0.0
    pts = samples(a)
    for p, q in itertools.pairwise(pts):
        if distance_to_line(p, b) < TOUCH and distance_to_line(q, b) < TOUCH:
            run += math.dist(p, q)
            longest = max(longest, run)
        else:
            run = 0.0
    return longest


def into_cards(layout: MapLayout) -> dict[str, list[EdgeLayout]]:
    """Arrows into each card (undercuts aim at arrows, not cards)."""
    by_card: dict[str, list[EdgeLayout]] = defaultdict(list)
    for edge in layout.edges.values():
        if edge.kind != "undercut":
            by_card[edge.target].append(edge)
    return by_card


def bundle_problems(layout: MapLayout) -> list[str]:
    """Every way arrows into one card fail to stay apart, in words ([] when none)."""
    problems = []
    by_card = into_cards(layout)
    for card, edges in by_card.items():
        for a, b in itertools.combinations(edges, 2):
            if set(a.premises) & set(b.premises):
                continue  # two inferences from one premise start at one point
            run = max(longest_overlap(a.points, b.points), longest_overlap(b.points, a.points))
            if run > MOST_OVERLAP:
                problems.append(
                    f"{a.inference_id} and {b.inference_id} into {card} overlap {run:.0f} px"
                )
        box = layout.cards[card].box
        side = box.w if layout.direction == "TB" else box.h
        roomy = (len(edges) - 1) * HEAD_WIDTH <= side * 0.95  # else heads cannot all fit
        for a, b in itertools.combinations(edges if roomy else [], 2):
            if math.dist(a.points[-1], b.points[-1]) < HEAD_WIDTH and a.points[-1] != b.points[-1]:
                problems.append(f"heads of {a.inference_id} and {b.inference_id} overlap")
        discs = [e for e in edges if e.kind == "attack"]
        for a, b in itertools.combinations(discs, 2):
            if math.dist(a.marker, b.marker) < 2 * DISC:
                problems.append(f"attack discs of {a.inference_id} and {b.inference_id} overlap")
    for edge in layout.edges.values():
        if edge.kind != "undercut" or edge.target not in layout.edges:
            continue
        aimed = layout.edges[edge.target]
        tip = edge.points[-1]
        if aimed.kind == "attack":
            off = abs(math.dist(tip, aimed.marker) - DISC)
            if off > 2.0:
                problems.append(
                    f"undercut {edge.inference_id} ends {off:.1f} px off the disc it aims at"
                )
        else:
            off = distance_to_line(tip, aimed.points)
            if off > 0.5:
                problems.append(f"undercut {edge.inference_id} ends {off:.1f} px off its arrow")
        for other in by_card.get(aimed.target, []):
            if other is aimed:
                continue
            near = distance_to_line(tip, other.points)
            if near < HEAD_CLEAR:
                problems.append(
                    f"undercut {edge.inference_id}'s head {near:.1f} px from {other.inference_id}"
                )
            if other.kind == "attack" and math.dist(tip, other.marker) < DISC + 2:
                problems.append(
                    f"undercut {edge.inference_id}'s head sits on {other.inference_id}'s disc"
                )
    return problems
