"""The deck: the slides of a presentation in order. Every reveal step, then a slide that
reveals the scenario weights (kept back until then so they do not give the conclusion
away), then the closing summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SlideKind = Literal["step", "weights", "summary"]


@dataclass(frozen=True, slots=True)
class Slide:
    """One page of the deck: a reveal step, the weights revealed, or the closing summary.
    ``step`` is the reveal step whose picture it shows (the weights' own step is one past
    the last reveal step; the summary names the last)."""

    kind: SlideKind
    step: int


def deck_slides(steps: int, weights_step: bool) -> list[Slide]:
    """The slides for ``steps`` reveal steps (``weights_step``: the map has weights to
    reveal); none for an empty map."""
    if not steps:
        return []
    slides = [Slide("step", k) for k in range(steps)]
    if weights_step:
        slides.append(Slide("weights", steps))
    slides.append(Slide("summary", steps - 1))
    return slides
