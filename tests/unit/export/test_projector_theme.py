"""Projector themes: scenario cards keep their weight badge and bar in every export, and
every colour pair on a card passes WCAG contrast (text 4.5:1, marks 3:1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from argmap.analysis.report import analyze
from argmap.export.themes import theme
from argmap.model import ArgMap
from argmap.resources import resource

PROJECTOR = ["projector", "projector-dark"]


def _luminance(hex_code: str) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(hex_code[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two colours."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", PROJECTOR)
def test_every_card_element_has_enough_contrast(name: str) -> None:
    t = theme(name)
    for kind, style in t.kinds.items():
        assert contrast(t.text, style.fill) >= 7.0, (kind, "statement text")
        assert contrast(style.label, style.fill) >= 4.5, (kind, "kind label")
        assert contrast(t.badge_text, style.label) >= 4.5, (kind, "weight badge text")
        assert contrast(t.badge_text, style.border) >= 4.5, (kind, "quote badge text")
        assert contrast(style.border, style.fill) >= 3.0, (kind, "weight bar on the card")
        assert contrast(style.border, t.background) >= 3.0, (kind, "card border")
    for arrow in (t.support, t.attack, t.undercut):
        assert contrast(arrow, t.background) >= 3.0


@pytest.mark.parametrize("name", PROJECTOR)
def test_projector_svg_keeps_the_weight_badge_without_asking(tmp_path: Path, name: str) -> None:
    sample = resource("sample.argmap.json")
    out = tmp_path / "map.svg"
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "export", str(sample), "--theme", name, "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    svg = out.read_text(encoding="utf-8")
    doc = ArgMap.model_validate_json(sample.read_text(encoding="utf-8"))
    for s in analyze(doc).scenarios:
        assert f">{round(s.weight * 100)} %<" in svg, s.title
    assert "SCENARIO WEIGHTS" not in svg  # the summary box only with --weights
