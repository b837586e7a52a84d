"""Undoable map edits: each operation plans an ``Edit`` that can be applied and inverted.

An ``Edit`` is a sequence of primitive steps (insert or delete a record at an index, set a
field, set a view entry). Applying it to a ``MapIndex`` mutates the map and returns the
``Change`` records a UI needs to refresh; ``edit.inverse()`` restores the map exactly,
list order included. Planning functions never mutate: build with ``remove_statement(ix,
sid)``, then ``ix.apply(edit)``; undo with ``ix.apply(edit.inverse())``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from argmap.model.document import ArgMap
from argmap.model.edit_steps import (
    Change,
    DeleteRecord,
    Edit,
    EditError,
    InsertRecord,
    SetCollapsed,
    SetDocField,
    SetField,
    SetPinned,
)
from argmap.model.ids import PREFIXES, new_id
from argmap.model.inference import Inference, InferenceKind
from argmap.model.layer_steps import forget_in_layers, share_in_layers
from argmap.model.map_index import MapIndex
from argmap.model.quote import Quote
from argmap.model.quote_anchor import snap_to_words
from argmap.model.source import Source
from argmap.model.statement import Statement, StatementKind, why_no_prior

__all__ = [
    "Change",
    "Edit",
    "EditError",
    "MapIndex",
    "add_inference",
    "add_quote",
    "add_statement",
    "link_quote",
    "make_convergent",
    "make_linked",
    "remove_inference",
    "remove_quote",
    "remove_statement",
    "remove_statements",
    "reparent",
    "set_collapsed",
    "set_direction",
    "set_inference_field",
    "set_pinned",
    "set_statement_field",
    "unlink_quote",
]
STATEMENT_FIELDS = frozenset({"text", "kind", "notes", "tags", "credibility", "prior"})
INFERENCE_FIELDS = frozenset({"kind", "strength", "scheme", "notes"})
Position: TypeAlias = tuple[float, float]


def _fresh_id(ix: MapIndex, kind: str, reserved: Iterable[str] = ()) -> str:
    taken = _Taken(ix, set(reserved))
    return new_id(PREFIXES[kind], taken)


@dataclass(slots=True)
class _Taken:
    """Every id in use (statements, inferences, quotes, sources) plus ``extra``."""

    ix: MapIndex
    extra: set[str] = field(default_factory=set)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (key in self.extra or self.ix.has_id(key))


# --- statements ----------------------------------------------------------------------


def add_statement(
    ix: MapIndex,
    text: str,
    kind: StatementKind = StatementKind.PREMISE,
    *,
    parent: str | None = None,
    relation: InferenceKind = InferenceKind.SUPPORT,
    quotes: Sequence[str] = (),
    index: int | None = None,
    statement_id: str | None = None,
) -> Edit:
    """A new statement (at ``index``, default last), joined to ``parent`` if given."""
    if parent is not None and parent not in ix.statements:
        raise EditError(f"no statement {parent!r} to attach to")
    for q in quotes:
        if q not in ix.quotes:
            raise EditError(f"no quote {q!r}")
    sid = statement_id or _fresh_id(ix, "statement")
    if ix.has_id(sid):
        raise EditError(f"id {sid!r} is already in use")
    statement = Statement(id=sid, kind=kind, text=text, quotes=list(quotes))
    at = len(ix.doc.statements) if index is None else max(0, min(index, len(ix.doc.statements)))
    steps: list[Any] = [InsertRecord("statement", at, statement)]
    label = "Add statement"
    if parent is not None:
        iid = _fresh_id(ix, "inference", {sid})
        inference = Inference(id=iid, premises=[sid], conclusion=parent, kind=relation)
        steps.append(InsertRecord("inference", len(ix.doc.inferences), inference))
        label = "Add objection" if relation is InferenceKind.ATTACK else "Add premise"
    return Edit(label, tuple(steps))


def remove_statement(ix: MapIndex, statement_id: str) -> Edit:
    """Remove a statement with the inferences, ratings, view entries, layer judgements
    and the outcome (when it names the statement) that need it.

    A statement that is one of several linked premises just leaves that inference; an
    inference left with no premises, or concluding in the statement, goes (and so do
    undercuts aimed at a removed inference).
    """
    statement = ix.statement(statement_id)
    steps: list[Any] = []
    doomed: set[str] = set()
    for iid in ix.concluding_in(statement_id):
        doomed.add(iid)
    for iid in ix.with_premise(statement_id):
        inf = ix.inferences[iid]
        if len(inf.premises) == 1:
            doomed.add(iid)
        elif iid not in doomed:
            remaining = [p for p in inf.premises if p != statement_id]
            steps.append(SetField("inference", iid, "premises", inf.premises, remaining))
    doomed = _with_undercuts(ix, doomed)
    steps.extend(_forget_view(ix, {statement_id} | doomed))
    steps.extend(_delete_inferences(ix, doomed))
    steps.extend(_delete_records(ix, "rating", lambda r: statement_id in (r.evidence, r.scenario)))
    steps.extend(_delete_records(ix, "ach_row", lambda r: r.evidence == statement_id))
    steps.extend(_delete_records(ix, "signpost", lambda r: r.scenario == statement_id))
    if ix.doc.question == statement_id:
        steps.append(SetDocField("question", statement_id, None))
    outcome = ix.doc.outcome
    if outcome is not None and outcome.scenario == statement_id:
        steps.append(SetDocField("outcome", outcome, None))  # nothing left to score against
    steps.append(DeleteRecord("statement", ix.statement_position(statement_id), statement))
    steps.extend(forget_in_layers(ix, {statement_id} | doomed))  # after: no change to announce
    return Edit("Delete statement", tuple(steps))


def remove_statements(ix: MapIndex, statement_ids: Iterable[str]) -> Edit:
    """Remove several statements as one edit (planned one after another)."""
    ids = [s for s in dict.fromkeys(statement_ids) if s in ix.statements]
    scratch = ix.scratch_copy() if len(ids) > 1 else ix
    steps: list[Any] = []
    for sid in ids:
        edit = remove_statement(scratch, sid)
        if scratch is not ix:
            scratch.apply(edit)
        steps.extend(edit.steps)
    label = "Delete statement" if len(ids) == 1 else f"Delete {len(ids)} statements"
    return Edit(label, tuple(steps))


def set_statement_field(ix: MapIndex, statement_id: str, name: str, value: Any) -> Edit:
    """Set ``text``, ``kind``, ``notes``, ``tags``, ``credibility`` or ``prior``."""
    if name not in STATEMENT_FIELDS:
        raise EditError(f"statement field {name!r} cannot be set this way")
    statement = ix.statement(statement_id)
    checked = statement.model_copy()
    setattr(checked, name, value)  # validates (raises ValueError on a bad value)
    new = getattr(checked, name)
    old = getattr(statement, name)
    label = f"Edit {name}"
    if name == "prior" and new is not None and (why := why_no_prior(statement)):
        raise EditError(why)  # clearing one is fine
    if old == new:
        return Edit(label, ())
    return Edit(label, (SetField("statement", statement_id, name, old, new),))


# --- inferences ----------------------------------------------------------------------


def add_inference(
    ix: MapIndex,
    premises: Sequence[str],
    conclusion: str,
    kind: InferenceKind = InferenceKind.SUPPORT,
    *,
    inference_id: str | None = None,
) -> Edit:
    """A new inference from ``premises`` to ``conclusion`` (refused if it makes a cycle)."""
    if not premises:
        raise EditError("an inference needs at least one premise")
    for p in premises:
        if p not in ix.statements:
            raise EditError(f"no statement {p!r}")
    if kind is InferenceKind.UNDERCUT:
        if conclusion not in ix.inferences:
            raise EditError(f"no inference {conclusion!r} to undercut")
    else:
        if conclusion not in ix.statements:
            raise EditError(f"no statement {conclusion!r}")
        for p in premises:
            if ix.reaches(conclusion, p):
                raise EditError("that link would make the argument circular")
    iid = inference_id or _fresh_id(ix, "inference")
    inference = Inference(id=iid, premises=list(premises), conclusion=conclusion, kind=kind)
    label = "Add objection" if kind is InferenceKind.ATTACK else "Add link"
    return Edit(label, (InsertRecord("inference", len(ix.doc.inferences), inference),))


def remove_inference(ix: MapIndex, inference_id: str) -> Edit:
    """Remove an inference and the undercuts aimed at it."""
    ix.inference(inference_id)
    doomed = _with_undercuts(ix, {inference_id})
    steps: list[Any] = [
        *_forget_view(ix, doomed),
        *_delete_inferences(ix, doomed),
        *forget_in_layers(ix, doomed),
    ]
    return Edit("Delete link", tuple(steps))


def set_inference_field(ix: MapIndex, inference_id: str, name: str, value: Any) -> Edit:
    """Set ``kind``, ``strength``, ``scheme`` or ``notes`` of an inference."""
    if name not in INFERENCE_FIELDS:
        raise EditError(f"inference field {name!r} cannot be set this way")
    inference = ix.inference(inference_id)
    checked = inference.model_copy()
    setattr(checked, name, value)
    new, old = getattr(checked, name), getattr(inference, name)
    if name == "kind" and (new is InferenceKind.UNDERCUT) != (old is InferenceKind.UNDERCUT):
        raise EditError("an undercut targets an inference; it cannot become a support")
    if old == new:
        return Edit(f"Edit {name}", ())
    return Edit(f"Edit {name}", (SetField("inference", inference_id, name, old, new),))


def reparent(ix: MapIndex, statement_id: str, new_parent: str, via: str | None = None) -> Edit:
    """Move a statement (with its subtree) under ``new_parent``.

    ``via`` names the inference to move (default: the first one with the statement as a
    premise). A sole premise keeps its inference with a new conclusion; a linked premise
    leaves its group for a new inference of the same kind. A root gets a new support.
    """
    ix.statement(statement_id)
    ix.statement(new_parent)
    if new_parent == statement_id or ix.reaches(new_parent, statement_id):
        raise EditError("a statement cannot move under itself or its own premises")
    candidates = [
        i for i in ix.with_premise(statement_id) if ix.inferences[i].kind != InferenceKind.UNDERCUT
    ]
    if via is None and not candidates:
        edit = add_inference(ix, [statement_id], new_parent)
        return Edit("Move under", edit.steps)
    iid = via if via is not None else candidates[0]
    inf = ix.inference(iid)
    if statement_id not in inf.premises:
        raise EditError(f"{statement_id!r} is not a premise of {iid!r}")
    if inf.kind is InferenceKind.UNDERCUT:
        raise EditError("an undercut opposes a link, not a statement: it cannot move under one")
    if inf.conclusion == new_parent:
        return Edit("Move under", ())
    if len(inf.premises) == 1:
        return Edit(
            "Move under", (SetField("inference", iid, "conclusion", inf.conclusion, new_parent),)
        )
    remaining = [p for p in inf.premises if p != statement_id]
    new_iid = _fresh_id(ix, "inference")
    moved = Inference(id=new_iid, premises=[statement_id], conclusion=new_parent, kind=inf.kind)
    return Edit(
        "Move under",
        (
            SetField("inference", iid, "premises", inf.premises, remaining),
            InsertRecord("inference", len(ix.doc.inferences), moved),
        ),
    )


def make_linked(ix: MapIndex, inference_ids: Sequence[str]) -> Edit:
    """Merge inferences into one conclusion into the first: their premises now hold jointly.

    The merged-away inferences go with their pins, folds and analysts' strengths (the
    first keeps its own)."""
    ids = list(dict.fromkeys(inference_ids))
    if len(ids) < 2:
        raise EditError("select at least two premises of the same conclusion")
    infs = [ix.inference(i) for i in ids]
    first = infs[0]
    if any(i.conclusion != first.conclusion or i.kind != first.kind for i in infs):
        raise EditError("only premises of the same conclusion and kind can be linked")
    premises = list(dict.fromkeys(p for i in infs for p in i.premises))
    steps: list[Any] = [SetField("inference", first.id, "premises", first.premises, premises)]
    # Undercuts of a merged-away inference move to the merged one.
    for other in infs[1:]:
        for uid in ix.concluding_in(other.id):
            steps.append(SetField("inference", uid, "conclusion", other.id, first.id))
    steps.extend(_forget_view(ix, set(ids[1:])))
    steps.extend(_delete_inferences(ix, set(ids[1:])))
    steps.extend(forget_in_layers(ix, ids[1:]))
    return Edit("Link premises", tuple(steps))


def make_convergent(ix: MapIndex, inference_id: str) -> Edit:
    """Split a linked inference into one inference per premise (each stands alone, with
    the strength the map and each analyst gave the whole)."""
    inf = ix.inference(inference_id)
    if len(inf.premises) < 2:
        return Edit("Separate premises", ())
    at = ix.inference_position(inference_id)
    steps: list[Any] = [
        SetField("inference", inf.id, "premises", inf.premises, inf.premises[:1]),
    ]
    reserved: set[str] = set()
    for offset, premise in enumerate(inf.premises[1:], start=1):
        iid = _fresh_id(ix, "inference", reserved)
        reserved.add(iid)
        split = Inference(
            id=iid,
            premises=[premise],
            conclusion=inf.conclusion,
            kind=inf.kind,
            strength=inf.strength,
            scheme=inf.scheme,
        )
        steps.append(InsertRecord("inference", at + offset, split))
    steps.extend(share_in_layers(ix, inf.id, sorted(reserved)))
    return Edit("Separate premises", tuple(steps))


# --- quotes --------------------------------------------------------------------------


def add_sources(ix: MapIndex, sources: Sequence[Source]) -> Edit:
    """Append articles to the map's sources (their ids must be new)."""
    steps: list[Any] = []
    seen: set[str] = set()
    for offset, source in enumerate(sources):
        if ix.has_id(source.id) or source.id in seen:
            raise EditError(f"id {source.id!r} is already in use")
        seen.add(source.id)
        steps.append(InsertRecord("source", len(ix.doc.sources) + offset, source))
    label = "Add article" if len(steps) == 1 else f"Add {len(steps)} articles"
    return Edit(label, tuple(steps))


def add_quote(ix: MapIndex, quote: Quote, *, link_to: str | None = None) -> Edit:
    """Add a quote (its source must exist), optionally linking it to a statement."""
    if ix.has_id(quote.id):
        raise EditError(f"id {quote.id!r} is already in use")
    if quote.source not in ix.sources:
        raise EditError(f"no source {quote.source!r}")
    steps: list[Any] = [InsertRecord("quote", len(ix.doc.quotes), quote)]
    if link_to is not None:
        statement = ix.statement(link_to)
        steps.append(
            SetField(
                "statement", link_to, "quotes", statement.quotes, [*statement.quotes, quote.id]
            )
        )
    return Edit("Add quote", tuple(steps))


def remove_quote(ix: MapIndex, quote_id: str) -> Edit:
    """Remove a quote and every statement's reference to it."""
    quote = ix.quote(quote_id)
    steps: list[Any] = []
    for sid in ix.quoting(quote_id):
        refs = ix.statements[sid].quotes
        steps.append(SetField("statement", sid, "quotes", refs, [q for q in refs if q != quote_id]))
    steps.append(DeleteRecord("quote", ix.quote_position(quote_id), quote))
    return Edit("Delete quote", tuple(steps))


def link_quote(ix: MapIndex, statement_id: str, quote_id: str) -> Edit:
    """Let a statement cite a quote (no-op if it already does)."""
    statement = ix.statement(statement_id)
    ix.quote(quote_id)
    if quote_id in statement.quotes:
        return Edit("Link quote", ())
    new = [*statement.quotes, quote_id]
    return Edit(
        "Link quote", (SetField("statement", statement_id, "quotes", statement.quotes, new),)
    )


def unlink_quote(ix: MapIndex, statement_id: str, quote_id: str) -> Edit:
    """Stop a statement citing a quote (the quote itself stays)."""
    statement = ix.statement(statement_id)
    if quote_id not in statement.quotes:
        return Edit("Unlink quote", ())
    new = [q for q in statement.quotes if q != quote_id]
    return Edit(
        "Unlink quote", (SetField("statement", statement_id, "quotes", statement.quotes, new),)
    )


# --- view ----------------------------------------------------------------------------


def set_pinned(ix: MapIndex, positions: dict[str, Position | None]) -> Edit:
    """Pin cards at scene positions (``None`` unpins), as one edit."""
    steps = []
    for sid, pos in positions.items():
        ix.statement(sid)
        old = ix.doc.view.pinned.get(sid)
        new = None if pos is None else (float(pos[0]), float(pos[1]))
        if old != new:
            steps.append(SetPinned(sid, old, new))
    return Edit("Move", tuple(steps))


def set_collapsed(ix: MapIndex, statement_id: str, collapsed: bool) -> Edit:
    """Collapse (hide the premises under) or expand a statement."""
    ix.statement(statement_id)
    view = ix.doc.view
    label = "Collapse" if collapsed else "Expand"
    if (statement_id in view.collapsed) == collapsed:
        return Edit(label, ())
    at = len(view.collapsed) if collapsed else view.collapsed.index(statement_id)
    return Edit(label, (SetCollapsed(statement_id, at, collapsed),))


def set_direction(ix: MapIndex, direction: Literal["TB", "LR"]) -> Edit:
    """Lay the map out top-down (``TB``) or left-right (``LR``)."""
    if direction not in ("TB", "LR"):
        raise EditError(f"unknown direction {direction!r}")
    old = ix.doc.view.direction
    if old == direction:
        return Edit("Change direction", ())
    return Edit("Change direction", (SetDocField("view.direction", old, direction),))


# --- internals -----------------------------------------------------------------------


def _with_undercuts(ix: MapIndex, inference_ids: set[str]) -> set[str]:
    """``inference_ids`` plus every undercut aimed (transitively) at one of them."""
    result = set(inference_ids)
    stack = list(inference_ids)
    while stack:
        for uid in ix.concluding_in(stack.pop()):
            if uid not in result:
                result.add(uid)
                stack.append(uid)
    return result


def _delete_inferences(ix: MapIndex, inference_ids: set[str]) -> list[DeleteRecord]:
    """Delete steps, highest index first, so each recorded index stays valid."""
    placed = sorted(((ix.inference_position(i), i) for i in inference_ids), reverse=True)
    return [DeleteRecord("inference", at, ix.inferences[i]) for at, i in placed]


def _delete_records(
    ix: MapIndex, kind: Literal["rating", "ach_row", "signpost"], doomed: Any
) -> list[DeleteRecord]:
    """Delete steps for the records of a list that ``doomed`` picks, last first."""
    records: list[Any] = getattr(ix.doc, f"{kind}s")
    hits = [(at, r) for at, r in enumerate(records) if doomed(r)]
    return [DeleteRecord(kind, at, r) for at, r in reversed(hits)]


def _forget_view(ix: MapIndex, record_ids: set[str]) -> list[Any]:
    """Steps dropping the pins and folds of records about to go (an OVA import pins
    inferences); folds last first, so each recorded position stays valid."""
    view = ix.doc.view
    steps: list[Any] = [
        SetPinned(r, view.pinned[r], None) for r in sorted(record_ids) if r in view.pinned
    ]
    folded = [(at, r) for at, r in enumerate(view.collapsed) if r in record_ids]
    steps += [SetCollapsed(r, at, False) for at, r in reversed(folded)]
    return steps


def index_of(doc: ArgMap) -> MapIndex:
    """A ``MapIndex`` over ``doc`` (which it then owns for editing)."""
    return MapIndex(doc)


def add_premise_from_quote(
    ix: MapIndex,
    source_id: str,
    start: int,
    end: int,
    *,
    parent: str | None = None,
    relation: InferenceKind = InferenceKind.SUPPORT,
    kind: StatementKind = StatementKind.EVIDENCE,
) -> tuple[Edit, str, str]:
    """A quote of ``source.text[start:end]`` (snapped to words) and a statement citing it.

    Returns the edit, the new statement id and the new quote id.
    """
    source = ix.sources.get(source_id)
    if source is None:
        raise EditError(f"no source {source_id!r}")
    if not 0 <= min(start, end) <= max(start, end) <= len(source.text):
        raise EditError(f"{start}..{end} is outside the article's text")
    start, end = snap_to_words(source.text, min(start, end), max(start, end))
    if start == end:
        raise EditError("select some text of the article first")
    qid = _fresh_id(ix, "quote")
    quote = Quote.from_range(qid, source_id, source.text, start, end)
    sid = _fresh_id(ix, "statement", {qid})
    quote_steps = add_quote(ix, quote).steps
    text = " ".join(quote.exact.split())
    statement_edit = add_statement(
        ix, text, kind, parent=parent, relation=relation, statement_id=sid
    )
    statement_steps = [
        InsertRecord("statement", s.at, s.record.model_copy(update={"quotes": [qid]}))
        if isinstance(s, InsertRecord) and s.kind == "statement"
        else s
        for s in statement_edit.steps
    ]
    return Edit("New premise from quote", (*quote_steps, *statement_steps)), sid, qid
