"""An inference: premises that together support or attack a conclusion."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from argmap.model.base import Record


class InferenceKind(StrEnum):
    """Support and attack target a statement; an undercut targets an inference."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"


class Inference(Record):
    """Several premises in one inference are *linked* (they hold only together);
    separate inferences into one conclusion are *convergent*.

    ``conclusion`` is a statement id for support/attack and an inference id for undercut.
    """

    id: str = Field(min_length=1)
    premises: list[str] = Field(min_length=1)
    conclusion: str
    kind: InferenceKind = InferenceKind.SUPPORT
    # How strongly the premises, if true, bear on the conclusion, 0..1 (None: 0.7).
    strength: float | None = Field(default=None, ge=0.0, le=1.0)
    scheme: str | None = None  # argumentation scheme name, e.g. from AIF
    notes: str = ""
