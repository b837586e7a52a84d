"""The three-way merge of JSON values, directed by their merge shapes.

For any value: if both sides agree, or only one side changed it, the result is plain.
Only when both changed it differently does the shape matter: a record merges field by
field, a keyed list record by record, a mapping key by key, a list of plain values as a
set (what either side added is kept, what either side removed is gone). Anything else
is a conflict: ours is kept and the conflict is recorded with all three values. A
merged record that its model refuses (say, an inference left with no premise) is a
conflict too, and keeps ours' record whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from argmap.model.three_way.conflicts import ABSENT, Conflict, Segment, Side
from argmap.model.three_way.shapes import Atom, KeyedList, Mapping, PlainList, RecordShape, Shape

Path = tuple[Segment, ...]
Report = Callable[[Conflict], None]


def merge_value(
    shape: Shape, base: Any, ours: Any, theirs: Any, *, path: Path = (), report: Report
) -> Any:
    """The merged value (``base`` may be ABSENT: added on both sides); every conflict
    found on the way goes to ``report``."""
    return _Merger(report).value(shape, base, ours, theirs, path)


def _all(kind: type, base: Any, ours: Any, theirs: Any) -> bool:
    both = isinstance(ours, kind) and isinstance(theirs, kind)
    return both and (base is ABSENT or isinstance(base, kind))


def _ordered_keys(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    return [*ours, *(k for k in theirs if k not in ours)]


class _Merger:
    """One merge, and where its conflicts go."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def value(self, shape: Shape, base: Any, ours: Any, theirs: Any, path: Path) -> Any:
        """The merged value of one field (both sides have it)."""
        if ours == theirs:
            return ours
        if base is not ABSENT:
            if ours == base:
                return theirs
            if theirs == base:
                return ours
        merged: Any = None
        if isinstance(shape, RecordShape) and _all(dict, base, ours, theirs):
            return self._record(shape, base, ours, theirs, path)
        if isinstance(shape, KeyedList) and _all(list, base, ours, theirs):
            merged = self._keyed(shape, base, ours, theirs, path)
        elif isinstance(shape, Mapping) and _all(dict, base, ours, theirs):
            merged = self._mapping(shape, base, ours, theirs, path)
        elif isinstance(shape, PlainList) and _all(list, base, ours, theirs):
            merged = _plain(base, ours, theirs)
        if merged is not None:
            return merged
        self.report(Conflict(path, "edited", base, ours, theirs, "ours"))
        return ours

    def entry(self, shape: Shape, base: Any, ours: Any, theirs: Any, path: Path) -> Any:
        """A record or mapping entry that a side may lack (added or deleted there)."""
        if ours is not ABSENT and theirs is not ABSENT:
            return self.value(shape, base, ours, theirs, path)
        if ours is ABSENT and theirs is ABSENT:
            return ABSENT  # deleted on both sides
        present, side = (ours, "ours") if theirs is ABSENT else (theirs, "theirs")
        if base is ABSENT:
            return present  # added on one side
        if present == base:
            return ABSENT  # deleted on one side, untouched on the other
        kept: Side = "ours" if side == "ours" else "theirs"
        self.report(Conflict(path, "deleted", base, ours, theirs, kept))
        return present

    def _record(
        self, shape: RecordShape, base: Any, ours: dict[str, Any], theirs: dict[str, Any],
        path: Path,
    ) -> dict[str, Any]:  # fmt: skip
        before: dict[str, Any] = {} if base is ABSENT else base
        found: list[Conflict] = []
        inner = _Merger(found.append)
        merged: dict[str, Any] = {}
        for group in shape.groups:
            triple = [[side.get(n, ABSENT) for n in group] for side in (before, ours, theirs)]
            value = inner.value(Atom(), ABSENT if base is ABSENT else triple[0], triple[1],
                                triple[2], (*path, "+".join(group)))  # fmt: skip
            merged.update((n, v) for n, v in zip(group, value, strict=True) if v is not ABSENT)
        grouped = {name for group in shape.groups for name in group}
        known = dict(shape.fields)
        for name in _ordered_keys(ours, theirs):
            if name not in grouped:
                value = inner.entry(known.get(name, Atom()), before.get(name, ABSENT),
                                    ours.get(name, ABSENT), theirs.get(name, ABSENT),
                                    (*path, name))  # fmt: skip
                if value is not ABSENT:
                    merged[name] = value
        merged = {name: merged[name] for name in _ordered_keys(ours, theirs) if name in merged}
        if not path:  # the whole map: its caller validates it once, as it builds it
            for conflict in found:
                self.report(conflict)
            return merged
        try:
            shape.model.model_validate(merged)
        except ValidationError as exc:
            detail = "; ".join(e["msg"] for e in exc.errors()[:2])
            self.report(Conflict(path, "invalid", base, ours, theirs, "ours", detail))
            return ours
        for conflict in found:
            self.report(conflict)
        return merged

    def _keyed(
        self, shape: KeyedList, base: Any, ours: list[Any], theirs: list[Any], path: Path
    ) -> list[Any] | None:
        """Record by record; None when a list has records without keys or twice the same
        key (then it merges whole)."""
        b = _by_key([] if base is ABSENT else base, shape.key)
        o, t = _by_key(ours, shape.key), _by_key(theirs, shape.key)
        if b is None or o is None or t is None:
            return None
        kept: dict[tuple[str, ...], Any] = {}
        for key in [*o, *(k for k in t if k not in o)]:
            value = self.entry(shape.record, b.get(key, ABSENT), o.get(key, ABSENT),
                               t.get(key, ABSENT), (*path, key))  # fmt: skip
            if value is not ABSENT:
                kept[key] = value
        return [kept[k] for k in _merged_order(list(o), list(t), kept)]

    def _mapping(
        self, shape: Mapping, base: Any, ours: dict[str, Any], theirs: dict[str, Any],
        path: Path,
    ) -> dict[str, Any]:  # fmt: skip
        b: dict[str, Any] = {} if base is ABSENT else base
        kept: dict[str, Any] = {}
        for key in _ordered_keys(ours, theirs):
            value = self.entry(shape.value, b.get(key, ABSENT), ours.get(key, ABSENT),
                               theirs.get(key, ABSENT), (*path, (key,)))  # fmt: skip
            if value is not ABSENT:
                kept[key] = value
        return kept


def _by_key(records: list[Any], key: tuple[str, ...]) -> dict[tuple[str, ...], Any] | None:
    """Records by key; None when a record has no key or a key is used twice."""
    out: dict[tuple[str, ...], Any] = {}
    for record in records:
        if not isinstance(record, dict) or not all(isinstance(record.get(k), str) for k in key):
            return None
        k = tuple(record[name] for name in key)
        if k in out:
            return None
        out[k] = record
    return out


def _merged_order(ours: list[Any], theirs: list[Any], kept: dict[Any, Any]) -> list[Any]:
    """Ours' order; what only theirs has follows the record it follows in theirs."""
    in_ours = set(ours)
    follow: dict[Any, list[Any]] = {}
    anchor: Any = None
    for key in theirs:
        if key in in_ours:
            anchor = key
        elif key in kept:
            follow.setdefault(anchor, []).append(key)
    out = list(follow.get(None, ()))
    for key in ours:
        if key in kept:
            out.append(key)
        out.extend(follow.get(key, ()))
    return out


def _plain(base: Any, ours: list[Any], theirs: list[Any]) -> list[Any] | None:
    """As sets: kept if both have it or one side added it. None when a list holds a value
    twice or a value that is not plain (then it merges whole)."""
    sets = []
    for values in ([] if base is ABSENT else base, ours, theirs):
        if not all(isinstance(v, str | int | float | bool) for v in values):
            return None
        as_set = set(values)
        if len(as_set) != len(values):
            return None
        sets.append(as_set)
    in_base, in_ours, in_theirs = sets
    out = [v for v in ours if v in in_theirs or v not in in_base]
    out += [v for v in theirs if v not in in_ours and v not in in_base]
    return out
