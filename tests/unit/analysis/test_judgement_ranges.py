"""The judgements the sensitivity table lists, each with its band and plausible range:
credibilities and prior shares by their ICD 203 band, strengths by the strength scale,
a value on a band's edge in the band above it, a default prior shown as unset."""

from __future__ import annotations

import pytest
from weights_maps import claim, evidence, scenario, support

from argmap.analysis.judgements import JudgementKind, strength_band
from argmap.analysis.report import analyze
from argmap.model import ArgMap


def test_each_judgement_has_its_band_and_a_range_as_wide_as_the_band() -> None:
    doc = ArgMap(
        statements=[
            scenario("h1", 2.0),
            scenario("h2", 1.0),
            scenario("h3"),  # no prior: the average of the others (1.5) is used
            evidence("e", 0.9),
            evidence("f", 0.7),
        ],
        inferences=[support("i", ["e"], "h1", 0.8), support("j", ["f"], "h2", 1.0)],
    )
    flips = analyze(doc, with_sensitivity=True).flips
    assert flips is not None
    listed = [
        (j.kind, j.id, j.value, j.used, j.low, j.high, j.band)
        for j in (f.judgement for f in flips.flips)
    ]
    c, s, p = JudgementKind.CREDIBILITY, JudgementKind.STRENGTH, JudgementKind.PRIOR
    assert listed == [
        # "very likely" is 80-95 %: 15 points wide, centred on 0.9
        (c, "e", 0.9, 0.9, pytest.approx(0.825), pytest.approx(0.975), "very likely"),
        (c, "f", 0.7, 0.7, pytest.approx(0.575), pytest.approx(0.825), "likely"),
        # 0.8 is the lower edge of "strong" (0.8-0.95); 1.0 is "very strong", kept in 0-1
        (s, "i", 0.8, 0.8, pytest.approx(0.725), pytest.approx(0.875), "strong"),
        (s, "j", 1.0, 1.0, pytest.approx(0.95), 1.0, "very strong"),
        # prior shares 2 : 1 : 1.5 of 4.5; "unlikely" is 20-45 %, 25 points wide
        (
            p,
            "h1",
            2.0,
            pytest.approx(4 / 9),
            pytest.approx(4 / 9 - 0.125),
            pytest.approx(4 / 9 + 0.125),
            "unlikely",
        ),
        (
            p,
            "h2",
            1.0,
            pytest.approx(2 / 9),
            pytest.approx(2 / 9 - 0.125),
            pytest.approx(2 / 9 + 0.125),
            "unlikely",
        ),
        (
            p,
            "h3",
            None,
            pytest.approx(1 / 3),
            pytest.approx(1 / 3 - 0.125),
            pytest.approx(1 / 3 + 0.125),
            "unlikely",
        ),
    ]
    h3 = next(f.judgement for f in flips.flips if f.judgement.id == "h3")
    assert h3.is_default


@pytest.mark.parametrize(
    ("strength", "band"),
    [
        (0.0, "very weak"),
        (0.3, "weak"),
        (0.6, "moderate"),
        (0.8, "strong"),
        (0.95, "very strong"),
        (1.0, "very strong"),
    ],
)
def test_a_strength_on_a_band_edge_is_in_the_band_above(strength: float, band: str) -> None:
    assert strength_band(strength)[0] == band


def test_ranges_at_the_ends_of_the_scale_shift_inside_it_and_defaults_say_so() -> None:
    doc = ArgMap(
        statements=[
            scenario("h1", 1.0),
            scenario("h2", 1.0),
            evidence("g", None),  # nobody judged it: anything from 0 to 1
            evidence("lo", 0.01),  # "almost no chance", 4 points wide: shifted up to 0-4 %
            evidence("hi", 0.99),  # "almost certain", 4 points wide: shifted down to 96-100 %
            claim("k"),
        ],
        inferences=[
            support("i", ["g"], "h1", 0.9),
            support("a", ["lo"], "k", None),  # the default strength, 0.7
            support("b", ["hi"], "k", 0.5),
            support("j", ["k"], "h2", 0.7),
        ],
    )
    flips = analyze(doc, with_sensitivity=True).flips
    assert flips is not None
    listed = {
        j.id: (j.value, j.used, j.low, j.high, j.band) for j in (f.judgement for f in flips.flips)
    }
    assert listed["g"] == (None, 0.0, 0.0, 1.0, "not judged")
    assert listed["lo"] == (0.01, 0.01, 0.0, pytest.approx(0.04), "almost no chance")
    assert listed["hi"] == (0.99, 0.99, pytest.approx(0.96), 1.0, "almost certain")
    assert listed["a"] == (None, 0.7, pytest.approx(0.6), pytest.approx(0.8), "moderate (default)")
    assert listed["b"] == (0.5, 0.5, pytest.approx(0.35), pytest.approx(0.65), "weak")
