"""A readable diff of two versions of a map: what was added, removed and changed, record
by record (matched by id, as the three-way merge matches them), the judgements apart, and
how the scenario weights moved."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from argmap.analysis.report import analyze
from argmap.model import ArgMap
from argmap.model.three_way.shapes import KeyedList, record_shape

JUDGEMENTS = {"credibility", "prior", "strength", "rating", "relevance"}
SHOWN_CHARS = 70
NOT_CONTENT = ("view", "snapshots", "outcome", "dialogue")  # summed up, not listed


@dataclass(frozen=True)
class RecordChange:
    """One record added (``old`` None), removed (``new`` None) or changed (``fields``:
    name -> (old, new))."""

    list_name: str
    key: tuple[str, ...]
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)


@dataclass
class MapDiff:
    """Everything that differs between two maps."""

    records: list[RecordChange] = field(default_factory=list)
    properties: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # title, question...
    weights: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    other: list[str] = field(default_factory=list)  # view, history, dialogue: one line each

    @property
    def empty(self) -> bool:
        """Whether the two maps hold the same content."""
        return not (self.records or self.properties or self.other) and all(
            a == b for a, b in self.weights.values()
        )


def diff_maps(old: ArgMap, new: ArgMap) -> MapDiff:
    """What changed from ``old`` to ``new``."""
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    out = MapDiff()
    for name, shape in record_shape(ArgMap).fields:
        if name in NOT_CONTENT or a[name] == b[name]:
            continue
        if isinstance(shape, KeyedList):
            out.records += _records(name, shape.key, a[name], b[name])
        else:
            out.properties[name] = (a[name], b[name])
    for name in NOT_CONTENT:
        if a[name] != b[name]:
            out.other.append(_other(name, a[name], b[name]))
    before = {s.id: s.weight for s in analyze(old).scenarios}
    after = {s.id: s.weight for s in analyze(new).scenarios}
    out.weights = {s: (before.get(s), after.get(s)) for s in dict.fromkeys([*before, *after])}
    out.names = {s.id: s.text for s in old.statements} | {s.id: s.text for s in new.statements}
    return out


def _key(record: dict[str, Any], key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(str(record.get(k)) for k in key)


def _records(name: str, key: tuple[str, ...], old: list[Any], new: list[Any]) -> list[RecordChange]:
    before = {_key(r, key): r for r in old}
    after = {_key(r, key): r for r in new}
    changes = [RecordChange(name, k, r, None) for k, r in before.items() if k not in after]
    for k, r in after.items():
        was = before.get(k)
        if was is None:
            changes.append(RecordChange(name, k, None, r))
        elif was != r:
            fields = {
                f: (was.get(f), r.get(f))
                for f in dict.fromkeys([*was, *r])
                if was.get(f) != r.get(f)
            }
            changes.append(RecordChange(name, k, was, r, fields))
    return changes


def _other(name: str, old: Any, new: Any) -> str:
    if name == "snapshots":
        return f"snapshots: {len(old)} → {len(new)}"
    if name == "view":
        moved = sum(old["pinned"].get(k) != v for k, v in new["pinned"].items())
        return (
            f"view: {moved} cards pinned or moved, folds or direction changed"
            if moved
            else "view changed"
        )
    return f"{name} changed"


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _changed(old: Any, new: Any) -> str:
    """``old → new``; two long texts from just before where they first differ."""
    if isinstance(old, str) and isinstance(new, str):
        same = next((k for k, (x, y) in enumerate(zip(old, new, strict=False)) if x != y),
                    min(len(old), len(new)))  # fmt: skip
        if same > SHOWN_CHARS // 2:
            start = same - 10
            return f"…{_shown(old[start:])[1:]} → …{_shown(new[start:])[1:]}"
    return f"{_shown(old)} → {_shown(new)}"


def diff_lines(diff: MapDiff) -> list[str]:
    """The diff as a person reads it: records, then judgements, then weights."""
    if diff.empty:
        return ["no differences"]
    names = diff.names
    lines: list[str] = []
    for name, (old, new) in diff.properties.items():
        lines.append(f"~ {name}: {_shown(old)} → {_shown(new)}")
    judged: list[str] = []
    for change in diff.records:
        label = (
            " against ".join(f"'{names.get(k, k)}'" for k in change.key)
            if change.list_name == "ratings"
            else change.key[0]
        )
        what = change.list_name.rstrip("s")
        if change.old is None:
            lines.append(f"+ {what} {label}: {_summary(change.new)}")
        elif change.new is None:
            lines.append(f"- {what} {label}: {_summary(change.old)}")
        else:
            for f, (a, b) in change.fields.items():
                line = f"~ {what} {label} {f}: {_changed(a, b)}"
                (judged if f in JUDGEMENTS else lines).append(line)
    if judged:
        lines.append(f"judgements ({len(judged)}):")
        lines += [f"  {line}" for line in judged]
    moved = [(s, a, b) for s, (a, b) in diff.weights.items() if a != b]
    if moved:
        lines.append("weights:")
        for s, a, b in sorted(moved, key=lambda t: -abs((t[2] or 0) - (t[1] or 0))):
            pa, pb = (a or 0.0) * 100, (b or 0.0) * 100
            lines.append(f"  {names.get(s, s)}: {pa:.0f} % → {pb:.0f} % ({pb - pa:+.1f} pts)")
    lines += diff.other
    return lines


def _summary(record: dict[str, Any] | None) -> str:
    if record is None:
        return ""
    for name in ("text", "title", "exact"):
        if isinstance(record.get(name), str):
            return _shown(record[name])
    if "premises" in record:
        return f"{record['premises']} {record.get('kind', '')} {record.get('conclusion')}"
    return _shown({k: v for k, v in record.items() if k not in ("evidence", "scenario")})
