"""A statement told in words, for the outline's rows and for screen readers.

One sentence says what a sighted reader gets from a card's colour, shape, arrows and
badges: its kind, what it supports, attacks or undercuts, its text, how many quotes it
rests on and the analyst's judgement, e.g. "Premise, supports 'Putin may show ceasefire
flexibility': Russia's economy is degrading. 2 quotes, credibility likely".
"""

from __future__ import annotations

from argmap.analysis.estimative import label_for
from argmap.layout.reveal_steps import RevealStep
from argmap.model import ArgMap, InferenceKind, Statement
from argmap.model.map_index import MapIndex

PARENT_CHARS = 60  # a conclusion quoted in a row is cut after this many characters

_VERB = {
    InferenceKind.SUPPORT: "supports",
    InferenceKind.ATTACK: "attacks",
    InferenceKind.UNDERCUT: "undercuts",
}


def shorten(text: str, limit: int = PARENT_CHARS) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(",;:.") + " …"


def kind_word(statement: Statement) -> str:
    """ "Premise", "Scenario"...: the kind as a reader says it."""
    return statement.kind.value.capitalize()


def relations(index: MapIndex, statement_id: str) -> list[str]:
    """What the statement does: "supports 'X'", "attacks 'Y'", "undercuts 'A' → 'B'"."""
    found: list[str] = []
    for iid in index.with_premise(statement_id):
        inf = index.inferences[iid]
        if inf.kind is InferenceKind.UNDERCUT:
            target = index.inferences.get(inf.conclusion)
            if target is None:
                continue
            step = ", ".join(f"'{_text_of(index, p)}'" for p in target.premises)
            found.append(
                f"undercuts the step from {step} to '{_text_of(index, target.conclusion)}'"
            )
        elif inf.conclusion in index.statements:
            together = " together with others" if len(inf.premises) > 1 else ""
            found.append(f"{_VERB[inf.kind]} '{_text_of(index, inf.conclusion)}'{together}")
    return found


def _text_of(index: MapIndex, statement_id: str) -> str:
    statement = index.statements.get(statement_id)
    return shorten(statement.text) if statement is not None else "?"


def judgement(statement: Statement) -> str:
    """ "credibility likely", "prior 0.4", or "" when the analyst has not judged it."""
    if statement.prior is not None:
        return f"prior {statement.prior:g}"
    if statement.credibility is not None:
        return f"credibility {label_for(statement.credibility)}"
    return ""


def quote_count(statement: Statement) -> str:
    """ "1 quote", "3 quotes", or "" without any."""
    n = len(statement.quotes)
    return "" if n == 0 else f"{n} quote{'s' if n != 1 else ''}"


def counts(index: MapIndex, statement_id: str) -> str:
    """How many premises and objections hang under the statement, e.g. "3 supports, 1 attack"."""
    tally = {InferenceKind.SUPPORT: 0, InferenceKind.ATTACK: 0}
    for iid in index.concluding_in(statement_id):
        inf = index.inferences[iid]
        if inf.kind in tally:
            tally[inf.kind] += len(inf.premises)
    words = {InferenceKind.SUPPORT: "support", InferenceKind.ATTACK: "attack"}
    return ", ".join(f"{n} {words[k]}{'s' if n != 1 else ''}" for k, n in tally.items() if n)


def details(index: MapIndex, statement_id: str) -> str:
    """Quotes, judgement and what hangs below, e.g. "2 quotes, credibility likely"."""
    statement = index.statement(statement_id)
    parts = [quote_count(statement), judgement(statement), counts(index, statement_id)]
    return ", ".join(p for p in parts if p)


def describe(index: MapIndex, statement_id: str, tail: str | None = None) -> str:
    """The whole sentence a screen reader says for the statement (see the module doc);
    ``tail``: its ``details`` when the caller has them already."""
    statement = index.statement(statement_id)
    head = ", ".join([kind_word(statement), *relations(index, statement_id)])
    text = " ".join(statement.text.split()) or "(no text)"
    tail = details(index, statement_id) if tail is None else tail
    if not tail:
        return f"{head}: {text}"
    return f"{head}: {text}{' ' if text[-1] in '.!?…' else '. '}{tail}"


_indexes: dict[int, tuple[ArgMap, MapIndex]] = {}  # one map's index, kept while it is shown


def step_words(doc: ArgMap, step: RevealStep | None, count: int) -> str:
    """What presentation mode says at a step: "Step 3 of 12. Premise, supports …"."""
    if step is None or step.current not in {s.id for s in doc.statements}:
        return "No statement to present"
    kept = _indexes.get(id(doc))
    if kept is None or kept[0] is not doc:
        _indexes.clear()
        kept = _indexes[id(doc)] = (doc, MapIndex(doc))
    part = f", part {step.part} of {step.parts}" if step.parts > 1 else ""
    return f"Step {step.index + 1} of {count}{part}. {describe(kept[1], step.current)}"
