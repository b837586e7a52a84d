"""A presentation's reveal steps, and each step's picture: the revealed part of the map
laid out on its own (so an argument's reasons sit together), made on first use."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from argmap.export.themes import Theme
from argmap.layout.argument_tree import ArgumentTree, build_tree
from argmap.layout.card_metrics import CardMetrics
from argmap.layout.geometry import MapLayout
from argmap.layout.reveal_steps import RevealStep, reveal_steps, visible_map
from argmap.layout.tidy_tree import Direction, TreeLayouter
from argmap.model import ArgMap


@dataclass(slots=True)
class Frame:
    """One step's picture: its layout, drawing tree and the part of the map it shows."""

    layout: MapLayout
    tree: ArgumentTree
    doc: ArgMap


def stage_metrics(theme: Theme) -> CardMetrics:
    """The theme's card metrics with premise groups packed closer, so more fit a screen."""
    m = theme.metrics
    return dataclasses.replace(m, group_gap=m.sibling_gap * 1.4)


class StepFrames:
    """The steps of ``doc`` and their frames (cleared whenever the steps change)."""

    def __init__(self, doc: ArgMap, theme: Theme, direction: Direction) -> None:
        self.doc = doc
        self.direction = direction
        self.layouter = TreeLayouter(stage_metrics(theme))
        self._theme_metrics = theme.metrics
        self.steps: list[RevealStep] = []
        self._frames: dict[int, Frame] = {}

    @property
    def metrics(self) -> CardMetrics:
        return self.layouter.metrics

    def set_theme(self, theme: Theme) -> None:
        """Lay out again only if the theme's card sizes differ."""
        if theme.metrics != self._theme_metrics:
            self._theme_metrics = theme.metrics
            self.layouter = TreeLayouter(stage_metrics(theme))
            self._frames.clear()

    def rebuild(self, doc: ArgMap, fits: Callable[[str, Sequence[Sequence[str]]], bool]) -> None:
        """The steps of ``doc``, paged where a statement's reasons do not ``fit``."""
        self.doc = doc
        self.steps = reveal_steps(doc, fits)
        self._frames.clear()

    def frame(self, index: int) -> Frame:
        frame = self._frames.get(index)
        if frame is None:
            doc = visible_map(self.doc, self.steps[index]) if self.steps else ArgMap()
            layout = self.layouter.layout(doc, self.direction)
            frame = self._frames[index] = Frame(layout, build_tree(doc), doc)
        return frame

    def emphasis(self, index: int) -> tuple[set[str], set[str]]:
        """Cards and arrows drawn at full strength in a step: the argument being told
        (the current statement with all its reasons so far) and its path to the root."""
        steps = self.steps
        step = steps[index]
        cards = {step.current, *step.path}
        arrows = set(step.path_inferences)
        k = index
        while k >= 0 and steps[k].current == step.current:
            cards.update(steps[k].revealed)
            arrows.update(steps[k].new_inferences)
            k -= 1
        return cards, arrows
