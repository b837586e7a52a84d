"""Colours of the scenario panes: colour-blind-safe hues that also read in greyscale.

Weights use the map's scenario blue (Okabe-Ito); ACH ratings a purple-orange diverging
scale (ColorBrewer PuOr), every cell also carrying its letters; the tornado's falls and
rises are vermillion and blue, told apart by side as well as hue.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from argmap.export.themes import OKABE_ITO, mix
from argmap.model import AchRating

INK = QColor("#1f2328")
MUTED = QColor("#5f6670")
FAINT = QColor("#8c96a3")
RULE = QColor("#d8dde3")
TRACK = QColor("#f4f6f8")
PAPER = QColor("#ffffff")
SELECTED = QColor("#fff3c4")  # a row whose statement is selected on the map

LEADER = QColor(OKABE_ITO["blue"])
OTHER = QColor(mix(OKABE_ITO["sky"], OKABE_ITO["blue"], 0.25))
PRIOR = QColor("#3a4250")
PRIOR_GHOST = QColor("#b4bcc6")
FALLS = QColor(OKABE_ITO["vermillion"])
RISES = QColor(OKABE_ITO["blue"])
FLAG = QColor("#1f2328")

# ColorBrewer PuOr, five classes: very consistent (purple) ... very inconsistent (orange).
_RATING_HEX = {
    AchRating.CC: "#5E3C99",
    AchRating.C: "#B2ABD2",
    AchRating.N: "#F1F1F1",
    AchRating.I: "#FDB863",
    AchRating.II: "#E66101",
    AchRating.NA: "#FFFFFF",  # judged not applicable: no colour, grey letters
}
RATING_WORDS = {
    AchRating.CC: "very consistent",
    AchRating.C: "consistent",
    AchRating.N: "neutral",
    AchRating.I: "inconsistent",
    AchRating.II: "very inconsistent",
    AchRating.NA: "not applicable",
}


def rating_fill(rating: AchRating, explicit: bool) -> QColor:
    """A cell's fill: full colour when set by hand, a pale shade when derived."""
    hex_ = _RATING_HEX[rating]
    return QColor(hex_ if explicit else mix(hex_, "#FFFFFF", 0.55))


def rating_ink(rating: AchRating, explicit: bool) -> QColor:
    """Text on a cell: white on the dark purple end, otherwise ink (the orange end is light)."""
    if explicit and rating is AchRating.CC:
        return QColor("#FFFFFF")
    if rating is AchRating.NA:
        return MUTED
    return INK if explicit else QColor("#363b42")  # 4.5:1 on every pale fill (WCAG AA)
