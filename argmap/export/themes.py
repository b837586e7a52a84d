"""Colour themes for maps: light, dark and their projector variants. Pure data, no Qt.

Kinds take Okabe-Ito hues (safe for colour-blind readers) as muted fills with strong
borders; every kind also has its own card shape and icon, so maps read in greyscale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.layout.card_metrics import CardMetrics
from argmap.layout.text_metrics import FONT_FAMILY

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#8C96A3",
}

KIND_HUES = {
    "question": OKABE_ITO["purple"],
    "scenario": OKABE_ITO["blue"],
    "claim": OKABE_ITO["sky"],
    "premise": OKABE_ITO["grey"],
    "evidence": OKABE_ITO["green"],
    "assumption": OKABE_ITO["orange"],
    "objection": OKABE_ITO["vermillion"],
}
KINDS = tuple(KIND_HUES)
FONT_STACK = f"{FONT_FAMILY}, Verdana, Arial, sans-serif"


def mix(a: str, b: str, t: float) -> str:
    """Hex colour ``t`` of the way from ``a`` to ``b``."""
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(ca, cb, strict=True))


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How one statement kind is drawn."""

    fill: str
    border: str
    label: str  # the kind label line and icon


@dataclass(frozen=True, slots=True)
class Theme:
    """Everything a painter needs to know about colours, sizes and line widths."""

    name: str
    background: str
    text: str
    kinds: dict[str, KindStyle]
    support: str
    attack: str
    undercut: str
    selection: str
    highlight: str
    badge_text: str
    metrics: CardMetrics = field(default_factory=CardMetrics)
    border_width: float = 1.6
    edge_width: float = 1.8
    dimmed_opacity: float = 0.22
    dark: bool = False

    @property
    def scale(self) -> float:
        """Size of this theme relative to the default card metrics."""
        return self.metrics.body_px / CardMetrics().body_px

    def kind(self, kind: str) -> KindStyle:
        """Style of a kind (unknown kinds look like premises)."""
        return self.kinds.get(kind) or self.kinds["premise"]


def _light(name: str, fill_t: float, border_t: float, metrics: CardMetrics, width: float) -> Theme:
    white, black = "#FFFFFF", "#000000"
    return Theme(
        name=name,
        background="#FFFFFF",
        text="#15191E" if width < 3 else "#000000",
        kinds={
            k: KindStyle(
                fill=mix(h, white, fill_t), border=mix(h, black, border_t), label=mix(h, black, 0.5)
            )
            for k, h in KIND_HUES.items()
        },
        support="#2F3A45",
        attack=mix(OKABE_ITO["vermillion"], black, 0.15),
        undercut=mix(OKABE_ITO["purple"], black, 0.35),
        selection=OKABE_ITO["blue"],
        highlight=OKABE_ITO["yellow"],
        badge_text="#FFFFFF",
        metrics=metrics,
        border_width=width,
        edge_width=width * 1.1,
    )


def _dark(name: str, fill_t: float, background: str, metrics: CardMetrics, width: float) -> Theme:
    white = "#FFFFFF"
    return Theme(
        name=name,
        background=background,
        text="#ECEFF3" if width < 3 else "#FFFFFF",
        kinds={
            k: KindStyle(
                fill=mix(background, h, fill_t),
                border=mix(h, white, 0.25),
                label=mix(h, white, 0.45),
            )
            for k, h in KIND_HUES.items()
        },
        support="#C5CDD6",
        attack=mix(OKABE_ITO["vermillion"], white, 0.3),
        undercut=mix(OKABE_ITO["purple"], white, 0.4),
        selection=OKABE_ITO["yellow"],
        highlight=OKABE_ITO["yellow"],
        badge_text="#111111",
        metrics=metrics,
        border_width=width,
        edge_width=width * 1.1,
        dark=True,
    )


_PROJECTOR = CardMetrics().scaled(2.0)  # 28 px statement text at 100 % on 1080p

THEMES: dict[str, Theme] = {
    "light": _light("light", 0.80, 0.33, CardMetrics(), 1.6),
    "dark": _dark("dark", 0.24, "#1D2127", CardMetrics(), 1.6),
    "projector": _light("projector", 0.76, 0.35, _PROJECTOR, 4.5),
    "projector-dark": _dark("projector-dark", 0.30, "#000000", _PROJECTOR, 4.5),
}
THEMES["projector-light"] = THEMES["projector"]


def theme(name: str) -> Theme:
    """The theme called ``name`` (KeyError listing the choices if unknown)."""
    try:
        return THEMES[name]
    except KeyError:
        raise KeyError(f"unknown theme {name!r}; choose one of {', '.join(THEMES)}") from None
