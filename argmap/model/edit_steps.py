"""The primitive, exactly invertible steps an ``Edit`` is made of, and the change records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeAlias

if TYPE_CHECKING:
    from argmap.model.map_index import MapIndex, RecordKind

Topic: TypeAlias = Literal["statement", "inference", "quote", "rating", "view", "document"]
Action: TypeAlias = Literal["added", "removed", "changed"]
DocField: TypeAlias = Literal[
    "title",
    "question",
    "description",
    "analyst",
    "as_of",
    "source_policy",
    "view.direction",
    "snapshots",
    "outcome",
]


# Records whose edits are reported as a change of the document's list, not by id.
_DOCUMENT_LISTS = {
    "rating": "ratings",
    "source": "sources",
    "ach_row": "ach_rows",
    "signpost": "signposts",
}


class EditError(ValueError):
    """An edit that would break the map (unknown id, circular argument...)."""


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a UI must refresh: e.g. ``Change("statement", "changed", "s-1", "text")``."""

    topic: Topic
    action: Action
    id: str = ""
    field: str = ""


class Step(Protocol):
    """A primitive mutation with an exact inverse."""

    def apply(self, ix: MapIndex) -> list[Change]: ...

    def inverse(self) -> Step: ...


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _thawed(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _record_change(kind: RecordKind, action: Action, record: Any) -> Change:
    """A statement, inference or quote changes by id; other records change their list."""
    rid = getattr(record, "id", "")
    if kind == "statement" or kind == "inference" or kind == "quote":  # noqa: PLR1714 (narrows for mypy)
        return Change(kind, action, rid)
    return Change("document", "changed", "", _DOCUMENT_LISTS[kind])


@dataclass(frozen=True, slots=True)
class InsertRecord:
    """Insert a record (statement, inference, quote, rating...) at an index of its list."""

    kind: RecordKind
    at: int
    record: Any

    def apply(self, ix: MapIndex) -> list[Change]:
        ix.insert(self.kind, self.at, self.record)
        return [_record_change(self.kind, "added", self.record)]

    def inverse(self) -> DeleteRecord:
        return DeleteRecord(self.kind, self.at, self.record)


@dataclass(frozen=True, slots=True)
class DeleteRecord:
    """Delete the record at an index of its list (``record`` is what must be there)."""

    kind: RecordKind
    at: int
    record: Any

    def apply(self, ix: MapIndex) -> list[Change]:
        ix.delete(self.kind, self.at, self.record)
        return [_record_change(self.kind, "removed", self.record)]

    def inverse(self) -> InsertRecord:
        return InsertRecord(self.kind, self.at, self.record)


@dataclass(frozen=True, slots=True)
class SetField:
    """Set one field of a statement or inference from ``old`` to ``new``."""

    kind: Literal["statement", "inference"]
    id: str
    name: str
    old: Any
    new: Any

    def __post_init__(self) -> None:
        object.__setattr__(self, "old", _frozen(self.old))
        object.__setattr__(self, "new", _frozen(self.new))

    def apply(self, ix: MapIndex) -> list[Change]:
        ix.set_field(self.kind, self.id, self.name, _thawed(self.new))
        return [Change(self.kind, "changed", self.id, self.name)]

    def inverse(self) -> SetField:
        return SetField(self.kind, self.id, self.name, self.new, self.old)


@dataclass(frozen=True, slots=True)
class SetDocField:
    """Set a map property (``title``, ``question``, ``description``...), ``view.direction``,
    or the map's history (``snapshots``, ``outcome``: the whole value, old and new kept for
    undo)."""

    name: DocField
    old: Any
    new: Any

    def apply(self, ix: MapIndex) -> list[Change]:
        if self.name == "view.direction":
            ix.doc.view.direction = self.new
            return [Change("view", "changed", "", "direction")]
        setattr(ix.doc, self.name, self.new)
        return [Change("document", "changed", "", self.name)]

    def inverse(self) -> SetDocField:
        return SetDocField(self.name, self.new, self.old)


@dataclass(frozen=True, slots=True)
class SetPinned:
    """Pin a card at a position, move the pin, or unpin it (``None``)."""

    id: str
    old: tuple[float, float] | None
    new: tuple[float, float] | None

    def apply(self, ix: MapIndex) -> list[Change]:
        pinned = ix.doc.view.pinned
        if self.new is None:
            pinned.pop(self.id, None)
        else:
            pinned[self.id] = self.new
        return [Change("view", "changed", self.id, "pinned")]

    def inverse(self) -> SetPinned:
        return SetPinned(self.id, self.new, self.old)


@dataclass(frozen=True, slots=True)
class SetCollapsed:
    """Add a statement to ``view.collapsed`` at ``at`` (or remove it from there)."""

    id: str
    at: int
    collapsed: bool

    def apply(self, ix: MapIndex) -> list[Change]:
        collapsed = ix.doc.view.collapsed
        if self.collapsed:
            collapsed.insert(self.at, self.id)
        else:
            if collapsed[self.at] != self.id:
                raise IndexError(f"collapsed entry {self.at} is not {self.id!r}")
            del collapsed[self.at]
        return [Change("view", "changed", self.id, "collapsed")]

    def inverse(self) -> SetCollapsed:
        return SetCollapsed(self.id, self.at, not self.collapsed)


@dataclass(frozen=True, slots=True)
class Edit:
    """A named sequence of steps; ``inverse()`` undoes it exactly."""

    label: str
    steps: tuple[Step, ...] = ()

    def inverse(self) -> Edit:
        return Edit(self.label, tuple(s.inverse() for s in reversed(self.steps)))

    def __bool__(self) -> bool:
        return bool(self.steps)
