"""The reliability diagram of a set of resolved maps, as SVG (no Qt).

x: the mean forecast of a bin, y: how often its forecasts happened; a calibrated
forecaster's bins lie on the diagonal. Each bin with enough forecasts is a dot whose area
grows with its count, labelled with the count; bins with too few are drawn hollow.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from argmap.analysis.forecast_scores import Calibration

SIZE = 420
MARGIN = 56
PLOT = SIZE - 2 * MARGIN


def _x(p: float) -> float:
    return MARGIN + p * PLOT


def _y(p: float) -> float:
    return SIZE - MARGIN - p * PLOT


def reliability_svg(table: Calibration) -> str:
    """The diagram as an SVG document."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" '
        f'width="{SIZE}" height="{SIZE}" font-family="DejaVu Sans, sans-serif" font-size="12">',
        f'<rect width="{SIZE}" height="{SIZE}" fill="#ffffff"/>',
        f"<title>Reliability diagram: {table.questions} questions, "
        f"{table.forecasts} forecasts</title>",
    ]
    for k in range(0, 11, 2):
        p = k / 10
        parts.append(
            f'<line x1="{_x(p)}" y1="{_y(0)}" x2="{_x(p)}" y2="{_y(1)}" stroke="#e3e7eb"/>'
        )
        parts.append(
            f'<line x1="{_x(0)}" y1="{_y(p)}" x2="{_x(1)}" y2="{_y(p)}" stroke="#e3e7eb"/>'
        )
        parts.append(f'<text x="{_x(p)}" y="{_y(0) + 18}" text-anchor="middle">{k * 10}</text>')
        parts.append(f'<text x="{_x(0) - 8}" y="{_y(p) + 4}" text-anchor="end">{k * 10}</text>')
    parts.append(f'<line x1="{_x(0)}" y1="{_y(0)}" x2="{_x(1)}" y2="{_y(1)}" stroke="#8c96a3" '
                 'stroke-dasharray="5 4"/>')  # fmt: skip
    parts.append(f'<text x="{SIZE / 2}" y="{SIZE - 14}" text-anchor="middle">forecast (%)</text>')
    parts.append(f'<text x="16" y="{SIZE / 2}" text-anchor="middle" '
                 f'transform="rotate(-90 16 {SIZE / 2})">happened (%)</text>')  # fmt: skip
    drawn = table.enough
    for b in table.bins:
        radius = 3 + 2 * b.count**0.5
        filled = drawn and b.enough
        fill = "#0072B2" if filled else "none"
        parts.append(
            f'<circle class="bin" cx="{_x(b.mean_forecast):.1f}" cy="{_y(b.observed):.1f}" '
            f'r="{radius:.1f}" fill="{fill}" fill-opacity="0.8" stroke="#0072B2"/>'
        )
        parts.append(
            f'<text x="{_x(b.mean_forecast) + radius + 3:.1f}" y="{_y(b.observed) + 4:.1f}" '
            f'fill="#5f6670">{b.count}</text>'
        )
    note = (
        f"{table.questions} resolved questions"
        if drawn
        else f"only {table.questions} resolved questions: too few to judge (10 needed)"
    )
    parts.append(f'<text x="{MARGIN}" y="24">{escape(note)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
