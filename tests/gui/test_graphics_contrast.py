"""Bars and lines a reader needs stand 3:1 against what they are drawn on (WCAG 2.1,
1.4.11) in the light and the dark scheme: the prior's grey bar behind a scenario's weight
(1.8:1 on its track before) and the estimate timeline's lines (the dark scheme's blue was
about 3:1, the light scheme's yellow 1.3:1). Checked on the colours and on the bar as drawn.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from argmap.export.contrast import GRAPHIC_AA, contrast_ratio
from argmap.ui import pane_colours
from argmap.ui.scenarios.weight_bar import WeightBar

SCHEMES = ["light", "dark"]


@pytest.fixture
def scheme_shown(request: pytest.FixtureRequest) -> Iterator[str]:
    scheme = str(request.param)
    pane_colours.use(scheme)
    yield scheme
    pane_colours.use("light")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_prior_bar_and_tick_stand_out(scheme: str) -> None:
    c = pane_colours.SCHEMES[scheme]
    pairs = [("prior bar on the track", c.prior_ghost, c.track),
             ("prior bar on the card", c.prior_ghost, c.card),
             ("prior tick on the prior bar", c.prior, c.prior_ghost),
             ("prior tick on the track", c.prior, c.track),
             ("weight bar's edge on the prior bar", c.track, c.prior_ghost)]  # fmt: skip
    pairs += [(f"{bar} weight bar on its edge", getattr(c, bar), c.track)
              for bar in ("leader", "other")]  # fmt: skip
    low = [f"{what}: {contrast_ratio(fg, bg):.2f}:1" for what, fg, bg in pairs
           if contrast_ratio(fg, bg) < GRAPHIC_AA]  # fmt: skip
    assert low == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_timeline_line_stands_out_on_the_chart(scheme: str) -> None:
    c = pane_colours.SCHEMES[scheme]
    lines = pane_colours.SERIES[scheme]
    assert len(set(lines)) == len(lines) >= 7
    low = [f"{line}: {contrast_ratio(line, c.card):.2f}:1" for line in lines
           if contrast_ratio(line, c.card) < GRAPHIC_AA]  # fmt: skip
    assert low == []


def _lightness_ratio(image: QImage, a: tuple[int, int], b: tuple[int, int]) -> float:
    return contrast_ratio(image.pixelColor(*a).name(), image.pixelColor(*b).name())


@pytest.mark.parametrize("scheme_shown", SCHEMES, indirect=True)
def test_the_prior_bar_as_drawn(qtbot: QtBot, scheme_shown: str) -> None:
    """A weight of 20 % over a prior of 60 %: the grey prior bar, where the weight bar does
    not cover it, stands 3:1 against the empty track beyond it, and the weight bar's end
    is edged 3:1 against the prior bar."""
    bar = WeightBar()
    qtbot.addWidget(bar)
    bar.resize(300, bar.sizeHint().height())
    bar.set_values(0.2, 0.6, leader=False)
    image = bar.grab().toImage()
    track = bar._track()
    scale = image.width() / bar.width()
    top_y = round((track.top() + 1.5) * scale)  # above the inset weight bar
    ghost = (round((track.left() + 0.45 * track.width()) * scale), top_y)
    empty = (round((track.left() + 0.8 * track.width()) * scale), top_y)
    ratio = _lightness_ratio(image, ghost, empty)
    assert ratio >= GRAPHIC_AA, f"{scheme_shown}: prior bar {ratio:.2f}:1 on the track"
    mid_y = round(track.center().y() * scale)
    end = track.left() + 0.2 * track.width()
    inside = (round((end - 4) * scale), mid_y)
    # the weight bar's end: the strongest step along the row near it
    row = [image.pixelColor(x, mid_y).name() for x in range(inside[0], round((end + 5) * scale))]
    step = max(contrast_ratio(row[0], colour) for colour in row)
    assert step >= GRAPHIC_AA, f"{scheme_shown}: the weight bar's end {step:.2f}:1"
