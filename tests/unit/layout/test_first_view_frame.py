"""Which rectangle the first view frames, and when it folds the scenarios first."""

from __future__ import annotations

import pytest
from gui.wide_maps import wide_map

from argmap.layout.first_view_frame import (
    MIN_ZOOM,
    band_frame,
    fit_zoom,
    folds_for_band,
)
from argmap.layout.geometry import Box
from argmap.layout.tidy_tree import TreeLayouter


def test_fit_zoom_keeps_the_margin_and_never_magnifies_past_full_size() -> None:
    assert fit_zoom(Box(0, 0, 552, 100), 600, 600, margin=24) == 1.0
    assert fit_zoom(Box(0, 0, 1104, 100), 600, 600, margin=24) == 0.5
    assert fit_zoom(Box(0, 0, 100, 1104), 600, 600, margin=24) == 0.5


@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_an_unfolded_wide_map_folds_its_scenarios_then_frames_them_readably(direction: str) -> None:
    doc = wide_map(scenarios=7)
    doc.view.direction = direction  # type: ignore[assignment]
    layout = TreeLayouter().layout(doc)
    assert not band_frame(layout, "s-q", 640, 711).readable  # type: ignore[union-attr]
    folds = folds_for_band(doc, layout, 640, 711)
    assert folds == [f"s-sc{n}" for n in range(7)]
    doc.view.collapsed = folds
    folded = TreeLayouter().layout(doc)
    frame = band_frame(folded, "s-q", 640, 711)
    assert frame is not None and frame.readable and frame.zoom >= MIN_ZOOM
    assert folds_for_band(doc, folded, 640, 711) == []


def test_a_band_that_fits_asks_for_no_folds_and_a_map_without_a_question_none() -> None:
    doc = wide_map(scenarios=2, premises=1, evidence=1)
    layout = TreeLayouter().layout(doc)
    assert folds_for_band(doc, layout, 1280, 1000) == []
    doc.question = None
    doc.statements[0].kind = doc.statements[1].kind  # no question card left either
    layout = TreeLayouter().layout(doc)
    assert band_frame(layout, None, 1280, 1000) is None
    assert folds_for_band(doc, layout, 1280, 1000) == []
