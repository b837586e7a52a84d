"""Sentences about the estimate over time, shared by ``argmap history`` and the timeline."""

from __future__ import annotations

from argmap.analysis.estimate_history import Attribution, Change, changes_between, in_order
from argmap.model import ArgMap, Snapshot

SHOWN_EFFECTS = 2  # scenarios named per change


def record_names(doc: ArgMap, *snapshots: Snapshot) -> dict[str, str]:
    """Id -> what to call it: statement texts, source titles, scenario titles then."""
    names = {s.id: s.text for s in doc.statements}
    names |= {src.id: src.title or src.id for src in doc.sources}
    for i in doc.inferences:
        premise = names.get(i.premises[0], i.premises[0]) if i.premises else ""
        more = " + …" if len(i.premises) > 1 else ""
        names[i.id] = f"{_short(premise)}{more} → {_short(names.get(i.conclusion, i.conclusion))}"
    for snapshot in snapshots:
        names |= {k: v for k, v in snapshot.titles.items() if k not in names}
    return names


def attribution_lines(result: Attribution, names: dict[str, str]) -> list[str]:
    """The change per scenario, then every change with how far it moved the weights."""
    older, newer = result.older, result.newer
    lines = [f"From {older.as_of} to {newer.as_of}:"]
    for sid, move in sorted(result.total.items(), key=lambda kv: -abs(kv[1])):
        before, after = older.weights.get(sid, 0.0), newer.weights.get(sid, 0.0)
        lines.append(
            f"  {names.get(sid, sid)}: {before * 100:.0f} % → {after * 100:.0f} % "
            f"({move * 100:+.1f} pts)"
        )
    n = len(result.effects)
    lines.append("No judgement changed." if not n else f"{n} changes, largest effect first:")
    for effect in result.effects:
        text = effect.change.describe(names)
        if effect.moved is None:
            lines.append(f"  {text} (its effect cannot be recomputed)")
            continue
        top = sorted(effect.moved.items(), key=lambda kv: -abs(kv[1]))[:SHOWN_EFFECTS]
        if all(abs(v) < 0.0005 for _, v in top):
            lines.append(f"  {text}: moves no weight")
        else:
            lines.append(
                f"  {text}: " + ", ".join(f"{names.get(s, s)} {v * 100:+.1f} pts" for s, v in top)
            )
    rest = {s: v for s, v in result.remainder().items() if abs(v) >= 0.0005}
    if rest:
        lines.append(
            "The single effects do not add up to the whole change (changes that act "
            "together, such as a new statement, its link and its source, each count in full; "
            "changes to the structure are not in a snapshot); the difference: "
            + ", ".join(f"{names.get(s, s)} {v * 100:+.1f} pts" for s, v in rest.items())
        )
    if not result.exact:
        lines.append(
            "Approximate: the map's structure changed after the newer snapshot, so today's "
            "map with its judgements does not give quite the weights it recorded."
        )
    return lines


def timeline_events(doc: ArgMap) -> list[tuple[str, str, str]]:
    """(date, kind, text) of what happened along the timeline: sources added and
    judgements changed between consecutive snapshots, and signpost status changes."""
    names = record_names(doc, *doc.snapshots)
    events: list[tuple[str, str, str]] = []
    ordered = in_order(doc.snapshots)
    for older, newer in zip(ordered, ordered[1:], strict=False):
        found = changes_between(older, newer)
        added = [c for c in found if c.what == "source" and c.new is not None]
        judged = [c for c in found if c.what in ("prior", "credibility", "strength", "rating")]
        for change in added:
            events.append(
                (newer.as_of, "source", f"new source: {names.get(change.key[0], change.key[0])}")
            )
        if judged:
            events.append((newer.as_of, "judgement", _judged(judged, names)))
    for signpost in doc.signposts:
        if signpost.changed:
            scenario = names.get(signpost.scenario, signpost.scenario)
            events.append(
                (signpost.changed, "signpost",
                 f"signpost '{signpost.text}' ({scenario}): {signpost.status.value}")
            )  # fmt: skip
    return sorted(events)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _judged(changes: list[Change], names: dict[str, str]) -> str:
    first = changes[0].describe(names)
    more = len(changes) - 1
    return f"{len(changes)} judgements changed: {first}" + (f" and {more} more" if more else "")
