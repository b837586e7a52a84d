"""Estimates over time: record a snapshot of the estimate, list what changed between two
snapshots, and attribute the change in the weights to the changes in judgement.

Attribution (what moved the weights most) recomputes the weights with one change undone
at a time: the map as it is today, with the newer snapshot's judgements put in, is
weighed once; then, for each change, with that one judgement put back to its older
value (a source added since: without its quotes and the statements that cite only
them). The difference is that change's effect, the others held at their newer values.
Effects need not add up to the whole change: judgements interact (the weights are
normalised, and lines sharing a source count together), and changes to the structure
(statements or links added and removed) are not in a snapshot; the remainder is shown
as such. When the map's structure changed after the newer snapshot, the recomputed
weights differ from those recorded, and the attribution says it is approximate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from argmap.analysis.report import analyze
from argmap.model import ArgMap, Rating, Snapshot
from argmap.model.edits import MapIndex, remove_quote, remove_statements
from argmap.model.ids import new_id
from argmap.model.snapshot import map_fingerprint

EXACT_POINTS = 0.5  # recomputed weights within half a point of those recorded: exact
MAX_ATTRIBUTED = 200  # changes recomputed one by one; more are listed without effects


def take_snapshot(doc: ArgMap, *, as_of: str, note: str = "", taken: str | None = None) -> Snapshot:
    """The estimate of ``doc`` now, speaking for the date ``as_of``."""
    analysis = analyze(doc, with_sensitivity=True)
    taken = taken or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Snapshot(
        id=new_id("snap", {s.id for s in doc.snapshots}),
        as_of=as_of,
        taken=taken,
        note=note,
        fingerprint=map_fingerprint(doc),
        confidence=analysis.confidence.level if analysis.confidence else None,
        weights={s.id: s.weight for s in analysis.scenarios},
        ach_ranks={s.id: s.ach_rank for s in analysis.scenarios},
        titles={s.id: s.title for s in analysis.scenarios},
        priors={s.id: s.prior for s in doc.statements if s.prior is not None},
        credibility={s.id: s.credibility for s in doc.statements if s.credibility is not None},
        strength={i.id: i.strength for i in doc.inferences if i.strength is not None},
        ratings=[r.model_copy() for r in doc.ratings],
        sources=[s.id for s in doc.sources],
        signposts={sp.id: str(sp.status) for sp in doc.signposts},
    )


def in_order(snapshots: list[Snapshot]) -> list[Snapshot]:
    """Snapshots by the date they speak for, then by when they were taken."""
    return sorted(snapshots, key=lambda s: (s.as_of, s.taken or ""))


@dataclass(frozen=True)
class Change:
    """One judgement that differs between two snapshots: ``what`` is prior, credibility,
    strength, rating, source or signpost; ``key`` the id (a rating: evidence and
    scenario); ``old`` and ``new`` its values (None: not given / not there)."""

    what: str
    key: tuple[str, ...]
    old: object
    new: object

    def describe(self, names: dict[str, str]) -> str:
        """One line, records named by their text where the map still has them."""
        name = " against ".join(f"'{names.get(k, k)}'" for k in self.key)
        if self.what == "source":
            return f"source {name} {'added' if self.new else 'removed'}"
        return f"{self.what} of {name}: {_shown(self.old)} → {_shown(self.new)}"


def _shown(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _ratings(snapshot: Snapshot) -> dict[tuple[str, ...], Rating]:
    return {(r.evidence, r.scenario): r for r in snapshot.ratings}


def changes_between(older: Snapshot, newer: Snapshot) -> list[Change]:
    """Every judgement, rating, source and signpost status that differs."""
    found: list[Change] = []
    for what, old_values, new_values in (
        ("prior", older.priors, newer.priors),
        ("credibility", older.credibility, newer.credibility),
        ("strength", older.strength, newer.strength),
        ("signpost", older.signposts, newer.signposts),
    ):
        for key in [*old_values, *(k for k in new_values if k not in old_values)]:
            old, new = old_values.get(key), new_values.get(key)
            if old != new:
                found.append(Change(what, (key,), old, new))
    old_ratings, new_ratings = _ratings(older), _ratings(newer)
    for pair in [*old_ratings, *(k for k in new_ratings if k not in old_ratings)]:
        old_r, new_r = old_ratings.get(pair), new_ratings.get(pair)
        if old_r != new_r:
            found.append(Change("rating", pair, _rating(old_r), _rating(new_r)))
    old_sources, new_sources = set(older.sources), set(newer.sources)
    found += [Change("source", (s,), None, s) for s in newer.sources if s not in old_sources]
    found += [Change("source", (s,), s, None) for s in older.sources if s not in new_sources]
    return found


def _rating(rating: Rating | None) -> str | None:
    return None if rating is None else str(rating.rating.value)


@dataclass(frozen=True)
class Effect:
    """A change and how far undoing it alone moves each scenario (``moved``: newer
    weight minus the weight with the older value put back; None: cannot be recomputed,
    e.g. a source removed since, whose text the snapshot does not keep)."""

    change: Change
    moved: dict[str, float] | None

    def size(self) -> float:
        """The largest move of any scenario, for ranking."""
        return max((abs(v) for v in (self.moved or {}).values()), default=0.0)


@dataclass
class Attribution:
    """What changed between two snapshots and how much each change moved the weights."""

    older: Snapshot
    newer: Snapshot
    total: dict[str, float]  # newer minus older weight, per scenario, as recorded
    effects: list[Effect] = field(default_factory=list)  # largest first
    exact: bool = True  # today's map with the newer judgements gives the recorded weights

    def remainder(self) -> dict[str, float]:
        """The part of each scenario's change no single change explains."""
        return {
            sid: move - sum((e.moved or {}).get(sid, 0.0) for e in self.effects)
            for sid, move in self.total.items()
        }


def attribute(doc: ArgMap, older: Snapshot, newer: Snapshot) -> Attribution:
    """Which changes between ``older`` and ``newer`` moved the weights, and how much."""
    found = changes_between(older, newer)
    scenarios = list(dict.fromkeys([*newer.weights, *older.weights]))
    total = {s: newer.weights.get(s, 0.0) - older.weights.get(s, 0.0) for s in scenarios}
    at_newer = _with_judgements(doc, older, newer)
    weights = _weights(at_newer)
    exact = all(
        abs(weights.get(s, 0.0) - w) * 100 <= EXACT_POINTS for s, w in newer.weights.items()
    )
    effects = []
    undo = _Undoer(at_newer, older)
    for k, change in enumerate(found):
        back = undo.weights_without(change) if k < MAX_ATTRIBUTED else None
        moved = (
            None if back is None else {s: weights.get(s, 0.0) - back.get(s, 0.0) for s in scenarios}
        )
        effects.append(Effect(change, moved))
    effects.sort(key=lambda e: -e.size())
    return Attribution(older, newer, total, effects, exact)


def _weights(doc: ArgMap) -> dict[str, float]:
    return {s.id: s.weight for s in analyze(doc).scenarios}


def _with_judgements(doc: ArgMap, older: Snapshot, newer: Snapshot) -> ArgMap:
    """Today's map with every judgement either snapshot names set as in ``newer``."""
    out = doc.model_copy(deep=True)
    for s in out.statements:
        if s.id in older.priors or s.id in newer.priors:
            s.prior = newer.priors.get(s.id)
        if s.id in older.credibility or s.id in newer.credibility:
            s.credibility = newer.credibility.get(s.id)
    for i in out.inferences:
        if i.id in older.strength or i.id in newer.strength:
            i.strength = newer.strength.get(i.id)
    named = _ratings(older).keys() | _ratings(newer).keys()
    kept = [r for r in out.ratings if (r.evidence, r.scenario) not in named]
    statements = {s.id for s in out.statements}
    out.ratings = kept + [
        r.model_copy() for r in newer.ratings if {r.evidence, r.scenario} <= statements
    ]
    return out


class _Undoer:
    """Weighs ``at_newer`` with one change put back as it was in ``older``: a judgement is
    set in place and restored (copying a big map per change cost more than weighing it);
    a source added since is taken out of a copy."""

    def __init__(self, at_newer: ArgMap, older: Snapshot) -> None:
        self.doc = at_newer
        self.older = older
        self.records: dict[tuple[str, str], object] = {}
        for statement in at_newer.statements:
            self.records["prior", statement.id] = statement
            self.records["credibility", statement.id] = statement
        for inference in at_newer.inferences:
            self.records["strength", inference.id] = inference

    def weights_without(self, change: Change) -> dict[str, float] | None:
        """The weights with ``change`` undone; None when it cannot be undone."""
        doc, key = self.doc, change.key[0]
        if change.what == "signpost":  # signposts do not enter the weights
            return _weights(doc)
        record = self.records.get((change.what, key))
        if record is not None:
            kept = getattr(record, change.what)
            setattr(record, change.what, change.old)
            try:
                return _weights(doc)
            finally:
                setattr(record, change.what, kept)
        if change.what == "rating":
            kept_ratings = doc.ratings
            ratings = [r for r in kept_ratings if (r.evidence, r.scenario) != change.key]
            old = _ratings(self.older).get(change.key)
            doc.ratings = ratings + ([old.model_copy()] if old is not None else [])
            try:
                return _weights(doc)
            finally:
                doc.ratings = kept_ratings
        if change.what == "source" and change.new is not None:
            return _weights(_without_source(doc.model_copy(deep=True), key))
        return None  # gone from the map since, or a source removed (its text is not kept)


def _without_source(doc: ArgMap, source_id: str) -> ArgMap:
    """The map without a source's quotes and the statements that cite only them."""
    ix = MapIndex(doc)
    quotes = {q.id for q in doc.quotes if q.source == source_id}
    only = [s.id for s in doc.statements if s.quotes and set(s.quotes) <= quotes]
    ix.apply(remove_statements(ix, only))
    for quote_id in quotes:
        ix.apply(remove_quote(ix, quote_id))
    return doc


def fingerprint_matches(doc: ArgMap, snapshot: Snapshot) -> bool:
    """Whether the map is exactly as it was when the snapshot was taken."""
    return map_fingerprint(doc) == snapshot.fingerprint
