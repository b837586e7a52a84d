"""Which statement is the map's focal question: one rule for every reader of a map.

The map's ``question`` field names it when the analyst chose one. A map without that
choice (a new map, an import) still has an obvious question when it holds statements of
kind question: the first of them in the map's order. The Scenarios panel, presentation
mode, the Markdown report, the command line and the layout all ask :func:`focal_question`,
so they never disagree about it; saving writes the answer into the file.
"""

from __future__ import annotations

from argmap.model.document import ArgMap
from argmap.model.statement import Statement, StatementKind


def focal_question(doc: ArgMap) -> str | None:
    """The id of the map's focal question: the one chosen, else the first question card."""
    if doc.question is not None and any(s.id == doc.question for s in doc.statements):
        return doc.question
    return next((s.id for s in doc.statements if s.kind is StatementKind.QUESTION), None)


def focal_statement(doc: ArgMap) -> Statement | None:
    """The focal question's statement, or None when the map has no question."""
    qid = focal_question(doc)
    return None if qid is None else doc.statement(qid)


def question_choices(doc: ArgMap) -> list[Statement]:
    """The statements a focal question can be chosen from: every question card, in order
    (plus a chosen question of another kind, so a choice read from a file stays listed)."""
    return [s for s in doc.statements if s.kind is StatementKind.QUESTION or s.id == doc.question]


def with_focal_question(doc: ArgMap) -> ArgMap:
    """``doc`` with the question field saying what :func:`focal_question` finds (a shallow
    copy when it differs, so the file a map is saved to agrees with what readers show)."""
    qid = focal_question(doc)
    return doc if qid == doc.question else doc.model_copy(update={"question": qid})
