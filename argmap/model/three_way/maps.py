"""Three-way merge of two maps that grew apart from one common version (git's base).

Records are matched by id (ratings by evidence and scenario), never by position, so
both sides' additions are kept and each record merges field by field (see
:mod:`~argmap.model.three_way.values`). Then the merged map is made whole again where
the two sides' changes, each fine alone, clash:

- a record one side deleted but the other side still uses (a premise of its new
  inference, a quote its statement cites) is kept, and reported;
- where the two sides' changes together close a support loop, one inference of the
  loop goes back to its base version (both sides' versions are reported);
- a view entry (pin, fold) of a record that is gone is dropped, and said.

Ours is kept wherever the two sides disagree; every conflict carries all three values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from argmap.model.document import ArgMap
from argmap.model.inference import InferenceKind
from argmap.model.support_cycles import support_cycles
from argmap.model.three_way.conflicts import ABSENT, Conflict, Side
from argmap.model.three_way.shapes import record_shape
from argmap.model.three_way.values import merge_value
from argmap.model.validation import errors, validate

NOTE_MARK = "⚠ merge conflict: "


@dataclass
class MergeResult:
    """The merged map, its conflicts (empty: a clean merge) and what else it changed."""

    doc: ArgMap
    conflicts: list[Conflict] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Whether the merge needed no one's decision."""
        return not self.conflicts


Use = tuple[str, str, str]  # (list, id) of the record used, and who uses it


def merge_maps(base: ArgMap, ours: ArgMap, theirs: ArgMap) -> MergeResult:
    """Merge ``ours`` and ``theirs``, both changed from ``base``."""
    sides = [m.model_dump(mode="json") for m in (base, ours, theirs)]
    conflicts: list[Conflict] = []
    merged = merge_value(record_shape(ArgMap), *sides, report=conflicts.append)
    try:
        doc = ArgMap.model_validate(merged)
    except ValidationError as exc:
        detail = "; ".join(e["msg"] for e in exc.errors()[:3])
        conflict = Conflict((), "invalid", sides[0], sides[1], sides[2], "ours", detail)
        return MergeResult(ours.model_copy(deep=True), [*conflicts, conflict])
    result = MergeResult(doc, conflicts)
    _Mender(result, *sides).mend()
    found = errors(validate(result.doc))
    if found and not errors(validate(ours)):
        detail = "; ".join(str(p) for p in found[:3])
        conflict = Conflict((), "invalid", sides[0], sides[1], sides[2], "ours", detail)
        return MergeResult(ours.model_copy(deep=True), [*result.conflicts, conflict])
    return result


class _Mender:
    """Restores used records, undoes loop-closing inferences, drops orphaned view entries."""

    def __init__(self, result: MergeResult, base: Any, ours: Any, theirs: Any) -> None:
        self.result = result
        self.base, self.ours, self.theirs = base, ours, theirs

    def mend(self) -> None:
        for _ in range(len(self.result.doc.statements) + len(self.result.doc.inferences) + 2):
            changed = self._restore_used()
            changed = self._break_loops() or changed
            if not changed:
                break
        self._drop_orphaned_view()

    def _records(self, side: Any, list_name: str) -> dict[str, Any]:
        return {r["id"]: r for r in side[list_name]}

    def _restore_used(self) -> bool:
        doc = self.result.doc
        present = {
            "statements": {s.id for s in doc.statements},
            "inferences": {i.id for i in doc.inferences},
            "quotes": {q.id for q in doc.quotes},
            "sources": {s.id for s in doc.sources},
        }
        restored = False
        for list_name, record_id, user in _uses(doc):
            if record_id in present[list_name]:
                continue
            found = self._find(list_name, record_id)
            if found is None:
                continue  # nobody has it: validation will say so
            side, record = found
            base, ours, theirs = (
                self._records(s, list_name).get(record_id, ABSENT)
                for s in (self.base, self.ours, self.theirs)
            )
            self.result.conflicts.append(
                Conflict(
                    (list_name, (record_id,)), "used", base, ours, theirs, side, f"{user} uses it"
                )
            )
            getattr(doc, list_name).append(_model(list_name).model_validate(record))
            present[list_name].add(record_id)
            restored = True
        return restored

    def _find(self, list_name: str, record_id: str) -> tuple[Side, Any] | None:
        for side, version in (("ours", self.ours), ("theirs", self.theirs)):
            record = self._records(version, list_name).get(record_id)
            if record is not None:
                return side, record  # type: ignore[return-value]
        record = self._records(self.base, list_name).get(record_id)
        return None if record is None else ("ours", record)

    def _break_loops(self) -> bool:
        """Put back the base version of one inference of each loop: of those the merge
        changed from base, the one with the least id (so either order of sides agrees)."""
        doc = self.result.doc
        if not any(p.code == "support-cycle" for p in validate(doc)):
            return False  # the usual case, told cheaply (finding the loops needs networkx)
        loops = support_cycles(doc)
        base = self._records(self.base, "inferences")
        for loop in loops:
            names = " → ".join(f"'{s}'" for s, _ in loop) + f" → '{loop[0][0]}'"
            changed = [
                doc.inferences[k].id
                for _, k in loop
                if doc.inferences[k].model_dump(mode="json") != base.get(doc.inferences[k].id)
            ]
            if changed:
                self._revert(min(changed), names)
                return True
        return False

    def _revert(self, inference_id: str, loop: str) -> None:
        doc = self.result.doc
        base, ours, theirs = (
            self._records(side, "inferences").get(inference_id, ABSENT)
            for side in (self.base, self.ours, self.theirs)
        )
        kept: Side = "theirs" if theirs == base and ours != base else "ours"
        self.result.conflicts.append(
            Conflict(("inferences", (inference_id,)), "loop", base, ours, theirs, kept, loop)
        )
        index = next(k for k, i in enumerate(doc.inferences) if i.id == inference_id)
        if base is not ABSENT:
            doc.inferences[index] = type(doc.inferences[index]).model_validate(base)
            return
        del doc.inferences[index]
        for undercut in [i.id for i in doc.inferences if i.kind == InferenceKind.UNDERCUT
                         and i.conclusion == inference_id]:  # fmt: skip
            self._revert(undercut, f"it undercuts '{inference_id}', taken out for {loop}")

    def _drop_orphaned_view(self) -> None:
        """Drop pins and folds the merge left without their record (a side's own
        dangling entries stay, as that side had them)."""
        doc = self.result.doc
        nodes = {s.id for s in doc.statements} | {i.id for i in doc.inferences}
        sides = [(side["view"], {r["id"] for r in side["statements"] + side["inferences"]})
                 for side in (self.ours, self.theirs)]  # fmt: skip

        def orphaned(key: str, kind: str) -> bool:
            return key not in nodes and all(
                key in live for view, live in sides if key in view[kind]
            )

        for key in [k for k in doc.view.pinned if orphaned(k, "pinned")]:
            del doc.view.pinned[key]
            self.result.dropped.append(f'view.pinned["{key}"]: its record was deleted')
        gone = [k for k in doc.view.collapsed if orphaned(k, "collapsed")]
        if gone:
            doc.view.collapsed = [k for k in doc.view.collapsed if k not in gone]
            self.result.dropped += [f'view.collapsed "{k}": its record was deleted' for k in gone]


def _model(list_name: str) -> type[BaseModel]:
    """The record type of one of the map's lists."""
    model: type[BaseModel] = get_args(ArgMap.model_fields[list_name].annotation)[0]
    return model


def _uses(doc: ArgMap) -> Iterator[Use]:
    """Every reference from one record to another, with who makes it."""
    for s in doc.statements:
        for q in s.quotes:
            yield "quotes", q, f'statements["{s.id}"] cites it'
    for quote in doc.quotes:
        yield "sources", quote.source, f'quotes["{quote.id}"] is taken from it'
    for i in doc.inferences:
        for p in i.premises:
            yield "statements", p, f'inferences["{i.id}"] has it as a premise'
        target = "inferences" if i.kind == InferenceKind.UNDERCUT else "statements"
        yield target, i.conclusion, f'inferences["{i.id}"] concludes in it'
    for r in doc.ratings:
        user = f'the rating of "{r.evidence}" against "{r.scenario}"'
        yield "statements", r.evidence, user
        yield "statements", r.scenario, user
    for sp in doc.signposts:
        yield "statements", sp.scenario, f'signposts["{sp.id}"] watches it'
    if doc.question is not None:
        yield "statements", doc.question, "the map's question is it"


def annotate(doc: ArgMap, conflicts: list[Conflict]) -> int:
    """Write each conflict into the notes of the record it concerns (a rating's: its
    evidence's), where the analyst will see it; returns how many were written."""
    holders: dict[tuple[str, str], Any] = {}
    for name in ("statements", "inferences", "signposts"):
        for record in getattr(doc, name):
            holders[name, record.id] = record
    written = 0
    for conflict in conflicts:
        where = conflict.record
        if where is None:
            continue
        list_name, key = where
        if list_name == "ratings":
            list_name, key = "statements", key[:1]
        holder = holders.get((list_name, key[0]))
        if holder is None:
            continue
        line = NOTE_MARK + conflict.message(None)  # whole values: the note is their record
        holder.notes = f"{holder.notes}\n{line}" if holder.notes else line
        written += 1
    return written


@dataclass(frozen=True)
class NotedConflict:
    """A conflict a merge wrote into a record's notes: which record, and the note's line."""

    kind: str  # "statement", "inference" or "signpost"
    record: str
    line: str

    def notes_without(self, notes: str) -> str:
        """``notes`` with this conflict's line taken out (it is settled)."""
        lines = notes.split("\n")
        if self.line in lines:
            lines.remove(self.line)
        return "\n".join(lines)


def noted_conflicts(doc: ArgMap) -> list[NotedConflict]:
    """Every conflict still waiting in the map's notes, in map order."""
    found = []
    for kind, records in (("statement", doc.statements), ("inference", doc.inferences),
                          ("signpost", doc.signposts)):  # fmt: skip
        for record in records:
            if NOTE_MARK in record.notes:
                found += [
                    NotedConflict(kind, record.id, line)
                    for line in record.notes.split("\n")
                    if line.startswith(NOTE_MARK)
                ]
    return found
