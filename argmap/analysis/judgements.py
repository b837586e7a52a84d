"""The judgements the scenario weights rest on, each with the range an analyst finds plausible.

A judgement is a credibility of a statement, a strength of an inference or a scenario's
prior. Its plausible range is as wide as the band the value falls in, centred on the
value: for a credibility or a prior share, its ICD 203 band ("likely": 55-80 %, so 0.675
gives 55-80 % and 0.6 gives 47.5-72.5 %); for a strength, its band on the strength scale
below; for a statement nobody judged, anything from 0 to 1. Centring keeps two values on
either side of a band edge from getting very different ranges.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from argmap.analysis.estimative import band_for
from argmap.analysis.evidence_network import Network
from argmap.model import StatementKind

# Strength bands, as likelihood ratios into a scenario: below 1.4:1, 1.4-2.5,
# 2.5-5, 5-20, 20 and up.
STRENGTH_BANDS: tuple[tuple[str, float, float], ...] = (
    ("very weak", 0.0, 0.3),
    ("weak", 0.3, 0.6),
    ("moderate", 0.6, 0.8),
    ("strong", 0.8, 0.95),
    ("very strong", 0.95, 1.0),
)


class JudgementKind(StrEnum):
    """What a judgement sets."""

    CREDIBILITY = "credibility"
    STRENGTH = "strength"
    PRIOR = "prior"


@dataclass(frozen=True, slots=True)
class Judgement:
    """One judgement: on which node (a scenario node for a prior), its value now (None when
    it is not set and a default is used), the value used, and its plausible range."""

    kind: JudgementKind
    node: int
    id: str
    value: float | None
    used: float
    low: float
    high: float
    band: str

    @property
    def is_default(self) -> bool:
        """True when nobody set it and the analysis uses a default."""
        return self.value is None


def centred(value: float, width: float) -> tuple[float, float]:
    """A range of ``width`` centred on ``value``, kept within [0, 1] (shifted, not cut)."""
    low, high = value - width / 2, value + width / 2
    if low < 0.0:
        low, high = 0.0, min(1.0, width)
    if high > 1.0:
        low, high = max(0.0, 1.0 - width), 1.0
    return min(low, value), max(high, value)


def strength_band(strength: float) -> tuple[str, float, float]:
    """The strength band a value falls into (name, low, high)."""
    for name, low, high in STRENGTH_BANDS:
        if strength < high:
            return name, low, high
    return STRENGTH_BANDS[-1]


def credibility_judgement(net: Network, node: int) -> Judgement:
    """The credibility of a statement as a judgement (unjudged: range 0 to 1)."""
    if not net.judged[node]:
        return Judgement(
            JudgementKind.CREDIBILITY, node, net.ids[node], None, 0.0, 0.0, 1.0, "not judged"
        )
    c = net.base[node]
    band = band_for(c)
    low, high = centred(c, band.high - band.low)
    return Judgement(JudgementKind.CREDIBILITY, node, net.ids[node], c, c, low, high, band.label)


def strength_judgement(net: Network, node: int) -> Judgement:
    """The strength of an inference as a judgement (the default's band when unset)."""
    s = net.base[node]
    name, band_low, band_high = strength_band(s)
    low, high = centred(s, band_high - band_low)
    return Judgement(
        JudgementKind.STRENGTH,
        node,
        net.ids[node],
        s if net.judged[node] else None,
        s,
        low,
        high,
        name if net.judged[node] else f"{name} (default)",
    )


def prior_judgement(net: Network, node: int, raw: float | None, share: float) -> Judgement:
    """A scenario's prior share as a judgement, with its ICD 203 band."""
    band = band_for(min(max(share, 0.0), 1.0))
    low, high = centred(share, band.high - band.low)
    return Judgement(JudgementKind.PRIOR, node, net.ids[node], raw, share, low, high, band.label)


def weighing_judgements(net: Network) -> list[Judgement]:
    """Every credibility and strength that can move a scenario's weight: the judged
    statements and unjudged leaves upstream of a scenario, and the counted inferences."""
    out: list[Judgement] = []
    for node in net.upstream(net.scenarios):
        if node < net.n_statements:
            if net.kinds[node] == StatementKind.SCENARIO:
                continue
            if net.judged[node] or not net.pos[node]:
                out.append(credibility_judgement(net, node))
        else:
            out.append(strength_judgement(net, node))
    return out
