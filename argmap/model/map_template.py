"""What File ▸ New map starts from: a focal question with two scenarios to rename."""

from __future__ import annotations

from argmap.model.document import ArgMap
from argmap.model.inference import Inference
from argmap.model.statement import Statement, StatementKind

QUESTION_TEXT = "What question do you want to answer?"
SCENARIO_TEXTS = ("First scenario (an answer to the question)", "Second scenario")


def question_and_scenarios() -> ArgMap:
    """A new map: one question, the map's focal question, answered by two scenarios."""
    question = Statement(id="s-question", kind=StatementKind.QUESTION, text=QUESTION_TEXT)
    scenarios = [
        Statement(id=f"s-scenario-{n}", kind=StatementKind.SCENARIO, text=text)
        for n, text in enumerate(SCENARIO_TEXTS, start=1)
    ]
    inferences = [
        Inference(id=f"i-scenario-{n}", premises=[s.id], conclusion=question.id)
        for n, s in enumerate(scenarios, start=1)
    ]
    return ArgMap(question=question.id, statements=[question, *scenarios], inferences=inferences)
