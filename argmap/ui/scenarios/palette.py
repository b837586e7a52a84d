"""The ACH ratings' colours and words, in the scheme shown (argmap.ui.pane_colours).

Ratings take a purple-orange diverging scale (ColorBrewer PuOr in the light scheme, darker
shades of it in the dark one), every cell also carrying its letters; a rating read off the
map is its colour mixed half-way into the card. The other colours of the scenario panes
(weights, tornado, highlights) are fields of :class:`~argmap.ui.pane_colours.PaneColours`.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from argmap.export.themes import mix
from argmap.model import AchRating
from argmap.ui import pane_colours
from argmap.ui.pane_colours import PaneColours

FILL_FIELD = {
    AchRating.CC: "ach_cc",
    AchRating.C: "ach_c",
    AchRating.N: "ach_n",
    AchRating.I: "ach_i",
    AchRating.II: "ach_ii",
    AchRating.NA: "card",  # judged not applicable: no colour, grey letters
}
RATING_WORDS = {
    AchRating.CC: "very consistent",
    AchRating.C: "consistent",
    AchRating.N: "neutral",
    AchRating.I: "inconsistent",
    AchRating.II: "very inconsistent",
    AchRating.NA: "not applicable",
}


def ink_field(rating: AchRating, explicit: bool) -> str:
    """The PaneColours field of the letters on a cell."""
    if rating is AchRating.NA:
        return "muted"
    if explicit:
        return "ach_cc_ink" if rating is AchRating.CC else "ink"
    return "ach_derived_ink"


def rating_fill(rating: AchRating, explicit: bool, colours: PaneColours | None = None) -> QColor:
    """A cell's fill: full colour when set by hand, half-way to the card when derived."""
    c = colours or pane_colours.current()
    hex_ = getattr(c, FILL_FIELD[rating])
    return QColor(hex_ if explicit else mix(hex_, c.card, 0.55))


def rating_ink(rating: AchRating, explicit: bool, colours: PaneColours | None = None) -> QColor:
    """The letters on a cell (4.5:1 on its fill in either scheme, WCAG AA)."""
    c = colours or pane_colours.current()
    return QColor(getattr(c, ink_field(rating, explicit)))
