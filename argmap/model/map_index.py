"""A map with id lookups and adjacency kept current, so edits cost O(degree), not O(n)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from types import UnionType
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, Union, get_args, get_origin

from pydantic import BaseModel

from argmap.model.document import ArgMap
from argmap.model.inference import Inference, InferenceKind
from argmap.model.quote import Quote
from argmap.model.source import Source
from argmap.model.statement import Statement

if TYPE_CHECKING:
    from argmap.model.edit_steps import Change, Edit

RecordKind: TypeAlias = Literal[
    "statement", "inference", "quote", "rating", "source", "ach_row", "signpost"
]
_LISTS: dict[str, str] = {
    "source": "sources",
    "statement": "statements",
    "inference": "inferences",
    "quote": "quotes",
    "rating": "ratings",
    "ach_row": "ach_rows",
    "signpost": "signposts",
}


# Who-uses-whom: per id, the ids using it, in the order they were added. A tuple, not a
# dict per id: most ids have one user, and 37,000 small dicts were 7 MB at 20,000
# statements. Adding or dropping copies the tuple, O(degree); so a busy id (past
# BUSY users) keeps a dict (an ordered set) instead, or pasting 10,000 premises under
# one card copied its tuple 10,000 times (2.0 s, and 3.6 s to undo).
Users: TypeAlias = dict[str, tuple[str, ...] | dict[str, None]]
BUSY = 16


def _add(table: Users, key: str, value: str) -> None:
    users = table.get(key, ())
    if value in users:
        return
    if isinstance(users, dict):
        users[value] = None
    elif len(users) < BUSY:
        table[key] = (*users, value)
    else:
        table[key] = dict.fromkeys((*users, value))


def _drop(table: Users, key: str, value: str) -> None:
    users = table.get(key, ())
    if value not in users:
        return
    if isinstance(users, dict):
        del users[value]
        rest: tuple[str, ...] | dict[str, None] = users
    else:
        rest = tuple(u for u in users if u != value)
    if rest:
        table[key] = rest
    else:
        del table[key]


def _grouped(pairs: Iterable[tuple[str, str]]) -> Users:
    """The table of (key, user) pairs, built in one pass (adding one by one would copy
    a busy conclusion's tuple once per premise)."""
    groups: dict[str, dict[str, None]] = {}
    for key, value in pairs:
        groups.setdefault(key, {})[value] = None
    return {key: tuple(users) if len(users) <= BUSY else users for key, users in groups.items()}


class MapIndex:
    """Owns an ``ArgMap`` for editing: lookups by id, who-uses-whom, list positions.

    Mutate the map only through ``apply(edit)`` (or the primitives the edit steps call)
    so the lookups stay in step with the lists.
    """

    def __init__(self, doc: ArgMap) -> None:
        self.doc = doc
        self.statements: dict[str, Statement] = {s.id: s for s in doc.statements}
        self.inferences: dict[str, Inference] = {i.id: i for i in doc.inferences}
        self.quotes: dict[str, Quote] = {q.id: q for q in doc.quotes}
        self.sources: dict[str, Source] = {s.id: s for s in doc.sources}
        infs = doc.inferences
        self._premise_of = _grouped((p, i.id) for i in infs for p in i.premises)
        self._concluding = _grouped((i.conclusion, i.id) for i in infs)
        self._quoting = _grouped((q, s.id) for s in doc.statements for q in s.quotes)
        self._positions: dict[str, dict[str, int]] = {}

    # --- lookups -----------------------------------------------------------------------

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id (KeyError if absent)."""
        return self.statements[statement_id]

    def inference(self, inference_id: str) -> Inference:
        """The inference with this id (KeyError if absent)."""
        return self.inferences[inference_id]

    def quote(self, quote_id: str) -> Quote:
        """The quote with this id (KeyError if absent)."""
        return self.quotes[quote_id]

    def has_id(self, key: str) -> bool:
        """Whether any statement, inference, quote or source uses this id."""
        return (
            key in self.statements
            or key in self.inferences
            or key in self.quotes
            or key in self.sources
        )

    def with_premise(self, statement_id: str) -> list[str]:
        """Ids of the inferences in which the statement is a premise."""
        return list(self._premise_of.get(statement_id, ()))

    def concluding_in(self, target_id: str) -> list[str]:
        """Ids of the inferences whose conclusion is this statement (or inference)."""
        return list(self._concluding.get(target_id, ()))

    def quoting(self, quote_id: str) -> list[str]:
        """Ids of the statements that cite this quote."""
        return list(self._quoting.get(quote_id, ()))

    def parents(self, statement_id: str) -> list[str]:
        """The statements this one supports or attacks (its conclusions)."""
        result: dict[str, None] = {}
        for iid in self._premise_of.get(statement_id, ()):
            inf = self.inferences[iid]
            if inf.kind is not InferenceKind.UNDERCUT:
                result[inf.conclusion] = None
        return list(result)

    def children(self, statement_id: str) -> list[str]:
        """The premises of inferences into this statement, in document order."""
        incoming = self._concluding.get(statement_id, ())
        ordered = sorted(incoming, key=self.inference_position)
        return list(dict.fromkeys(p for iid in ordered for p in self.inferences[iid].premises))

    def reaches(self, start: str, goal: str) -> bool:
        """Whether ``goal`` is ``start`` or lies on a path from ``start`` to its conclusions."""
        seen = {start}
        stack = [start]
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            for parent in self.parents(node):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
        return False

    def statement_position(self, statement_id: str) -> int:
        """Index of the statement in ``doc.statements``."""
        return self._position("statement", statement_id)

    def inference_position(self, inference_id: str) -> int:
        """Index of the inference in ``doc.inferences``."""
        return self._position("inference", inference_id)

    def quote_position(self, quote_id: str) -> int:
        """Index of the quote in ``doc.quotes``."""
        return self._position("quote", quote_id)

    def _position(self, kind: str, record_id: str) -> int:
        table = self._positions.get(kind)
        if table is None:
            records = getattr(self.doc, _LISTS[kind])
            table = {r.id: at for at, r in enumerate(records)}
            self._positions[kind] = table
        return table[record_id]

    def scratch_copy(self) -> MapIndex:
        """An independent index over a deep copy of the map, for planning ahead."""
        return MapIndex(self.doc.model_copy(deep=True))

    # --- mutation (called by edit steps) ---------------------------------------------------

    def apply(self, edit: Edit) -> list[Change]:
        """Apply every step of ``edit`` in order; return what changed, in order."""
        changes: list[Change] = []
        for step in edit.steps:
            changes.extend(step.apply(self))
        return changes

    def insert(self, kind: RecordKind, at: int, record: Any) -> None:
        """Insert a copy of ``record`` at ``at`` in its list."""
        record = _own_copy(record)
        records: list[Any] = getattr(self.doc, _LISTS[kind])
        if not 0 <= at <= len(records):
            raise IndexError(f"cannot insert {kind} at {at} of {len(records)}")
        records.insert(at, record)
        self._positions.pop(kind, None)
        if kind == "statement":
            self.statements[record.id] = record
            for q in record.quotes:
                _add(self._quoting, q, record.id)
        elif kind == "inference":
            self.inferences[record.id] = record
            self._link_inference(record)
        elif kind == "quote":
            self.quotes[record.id] = record
        elif kind == "source":
            self.sources[record.id] = record

    def delete(self, kind: RecordKind, at: int, expected: Any) -> None:
        """Delete the record at ``at``, which must equal ``expected``."""
        records: list[Any] = getattr(self.doc, _LISTS[kind])
        if not (0 <= at < len(records) and records[at] == expected):
            raise IndexError(f"{kind} at {at} is not the one this edit expects")
        record = records.pop(at)
        self._positions.pop(kind, None)
        if kind == "statement":
            del self.statements[record.id]
            for q in record.quotes:
                _drop(self._quoting, q, record.id)
        elif kind == "inference":
            del self.inferences[record.id]
            self._unlink_inference(record)
        elif kind == "quote":
            del self.quotes[record.id]
        elif kind == "source":
            del self.sources[record.id]

    def set_field(self, kind: RecordKind, record_id: str, name: str, value: Any) -> None:
        """Set one field of a statement or inference, keeping the lookups current."""
        if kind == "statement":
            statement = self.statements[record_id]
            if name == "quotes":
                for q in statement.quotes:
                    _drop(self._quoting, q, record_id)
            setattr(statement, name, value)
            if name == "quotes":
                for q in statement.quotes:
                    _add(self._quoting, q, record_id)
        elif kind == "inference":
            inference = self.inferences[record_id]
            self._unlink_inference(inference)
            setattr(inference, name, value)
            self._link_inference(inference)
        else:
            raise ValueError(f"cannot set fields of a {kind}")

    def _link_inference(self, inf: Inference) -> None:
        for p in inf.premises:
            _add(self._premise_of, p, inf.id)
        _add(self._concluding, inf.conclusion, inf.id)

    def _unlink_inference(self, inf: Inference) -> None:
        for p in inf.premises:
            _drop(self._premise_of, p, inf.id)
        _drop(self._concluding, inf.conclusion, inf.id)


_SCALARS = (str, int, float, bool, type(None))
_list_fields: dict[type, tuple[str, ...] | None] = {}


def _lists_of_strings(model: type[BaseModel]) -> tuple[str, ...] | None:
    """The fields of ``model`` holding lists of strings, if all its other fields hold
    strings, numbers, enums or None (copying those lists copies the record); else None."""
    lists = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if get_origin(annotation) is list and get_args(annotation) == (str,):
            lists.append(name)
            continue
        parts = get_args(annotation) if get_origin(annotation) in (Union, UnionType) else ()
        for part in parts or (annotation,):
            if not (part in _SCALARS or (isinstance(part, type) and issubclass(part, Enum))):
                return None
    return tuple(lists)


def _own_copy(record: BaseModel) -> Any:
    """A copy of a record sharing nothing that could change: its lists of strings copied,
    the rest (strings, numbers, enums) shared. A deep copy, where a record holds more,
    cost 80 % of applying a paste."""
    kind = type(record)
    if kind not in _list_fields:
        _list_fields[kind] = _lists_of_strings(kind)
    lists = _list_fields[kind]
    if lists is None:
        return record.model_copy(deep=True)
    copied = record.model_copy()
    fields = copied.__dict__
    for name in lists:
        fields[name] = list(fields[name])
    return copied
