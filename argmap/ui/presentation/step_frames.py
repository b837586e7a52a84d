"""A presentation's reveal steps, and each step's picture: the revealed part of the map
laid out on its own (so an argument's reasons sit together), made on first use."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from argmap.export.themes import Theme
from argmap.layout.argument_tree import ArgumentTree, build_tree
from argmap.layout.card_metrics import CardMetrics, measure_statement
from argmap.layout.geometry import MapLayout
from argmap.layout.reveal_steps import (
    RevealStep,
    presentation_tree,
    reveal_steps,
    visible_map,
)
from argmap.layout.tidy_tree import Direction, TreeLayouter
from argmap.model import ArgMap, Statement, StatementKind

KEPT_FRAMES = 8  # steps kept laid out, the last used (the two on screen, and going back)


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
        self.weights_step: RevealStep | None = None  # the weights' reveal, after the steps
        self.by_id: dict[str, Statement] = {}
        self._sizes: dict[str, tuple[float, float]] = {}  # card sizes, for paging
        self._frames: dict[int, Frame] = {}  # the last used first

    @property
    def metrics(self) -> CardMetrics:
        return self.layouter.metrics

    def set_theme(self, theme: Theme) -> None:
        """Lay out again only if the theme's card sizes differ."""
        if theme.metrics != self._theme_metrics:
            self._theme_metrics = theme.metrics
            self.layouter = TreeLayouter(stage_metrics(theme))
            self._frames.clear()
            self._sizes.clear()

    def rebuild(self, doc: ArgMap, fits: Callable[[str, Sequence[Sequence[str]]], bool]) -> None:
        """The steps of ``doc``, paged where a statement's reasons do not ``fit``."""
        self.doc = doc
        self.by_id = {s.id: s for s in doc.statements}  # (paging measures every reason)
        self._sizes.clear()
        self.steps = reveal_steps(doc, fits)
        self.weights_step = _weights_step(doc, len(self.steps)) if self.steps else None
        self._frames.clear()

    def size(self, statement_id: str) -> tuple[float, float]:
        """A card's width and height, measured once per map (paging asks again and again)."""
        size = self._sizes.get(statement_id)
        if size is None:
            w, h, _ = measure_statement(self.by_id[statement_id], self.metrics)
            size = self._sizes[statement_id] = (w, h)
        return size

    def step(self, index: int) -> RevealStep:
        """Reveal step ``index``; one past the last: the weights' reveal."""
        if index == len(self.steps) and self.weights_step is not None:
            return self.weights_step
        return self.steps[index]

    def frame(self, index: int) -> Frame:
        """Step ``index``'s picture; a walk through every step keeps the last few, not all."""
        frame = self._frames.pop(index, None)
        if frame is None:
            doc = visible_map(self.doc, self.step(index)) if self.steps else ArgMap()
            layout = self.layouter.layout(doc, self.direction)
            frame = Frame(layout, build_tree(doc), doc)
            while len(self._frames) >= KEPT_FRAMES:
                del self._frames[next(iter(self._frames))]
        self._frames[index] = frame  # now the last used
        return frame

    def emphasis(self, index: int) -> tuple[set[str], set[str]]:
        """Cards and arrows drawn at full strength in a step: the argument being told
        (the current statement with all its reasons so far) and its path to the root."""
        steps = self.steps
        step = self.step(index)
        cards = {step.current, *step.path}
        arrows = set(step.path_inferences)
        if step is self.weights_step:
            return cards | set(step.revealed), arrows | set(step.new_inferences)
        k = index
        while k >= 0 and steps[k].current == step.current:
            cards.update(steps[k].revealed)
            arrows.update(steps[k].new_inferences)
            k -= 1
        return cards, arrows


def _weights_step(doc: ArgMap, index: int) -> RevealStep | None:
    """The slide that reveals the weights: the question and the scenarios alone, laid out
    on their own so they are big enough to read (None without scenarios)."""
    tree = presentation_tree(doc)
    scenarios = [
        s.id for s in doc.statements if s.kind == StatementKind.SCENARIO and s.id in tree.parent
    ]
    if not scenarios or not tree.roots:
        return None
    root = doc.question if doc.question in tree.parent else tree.roots[0]
    shown = {root, *scenarios}
    arrows = tuple(
        i.id for i in doc.inferences if i.conclusion in shown and set(i.premises) <= shown
    )
    return RevealStep(index, root, tuple(dict.fromkeys((root, *scenarios))), arrows)
