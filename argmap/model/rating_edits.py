"""Undoable edits of the scenario analysis' inputs: ACH ratings, ACH row weights, priors.

Like :mod:`argmap.model.edits`, each function plans an ``Edit`` without mutating the map;
``ix.apply(edit)`` performs it and ``ix.apply(edit.inverse())`` restores the map exactly.
"""

from __future__ import annotations

import math
from enum import Enum
from typing import Any, Final, Literal

from argmap.model.edit_steps import DeleteRecord, Edit, EditError, InsertRecord, SetField
from argmap.model.map_index import MapIndex
from argmap.model.number_ranges import finite
from argmap.model.rating import AchRating, AchRow, Rating, RowLevel
from argmap.model.statement import NOT_EVIDENCE, StatementKind

__all__ = ["KEEP", "rating_of", "row_of", "set_prior_share", "set_rating", "set_row_level"]


class _Keep(Enum):
    KEEP = "keep"


KEEP: Final = _Keep.KEEP  # "leave the cell's relevance as it is"


def rating_of(ix: MapIndex, evidence: str, scenario: str) -> Rating | None:
    """The explicit rating of one evidence x scenario pair, if the analyst gave one."""
    for r in ix.doc.ratings:
        if r.evidence == evidence and r.scenario == scenario:
            return r
    return None


def set_rating(
    ix: MapIndex,
    evidence: str,
    scenario: str,
    rating: AchRating | None,
    *,
    relevance: float | None | _Keep = KEEP,
) -> Edit:
    """Rate how consistent ``evidence`` is with ``scenario``; ``None`` removes the override.

    An existing rating of the pair is replaced in place (list order kept), keeping the
    cell's relevance unless one is given; duplicates of the pair, which hand-edited files
    may hold, are removed with it.
    """
    _check_evidence(ix, evidence)
    target = ix.statement(scenario)
    if target.kind is not StatementKind.SCENARIO:
        raise EditError(f"{scenario!r} is not a scenario")
    ratings = ix.doc.ratings
    hits = [at for at, r in enumerate(ratings) if r.evidence == evidence and r.scenario == scenario]
    if rating is None:
        steps: list[Any] = [DeleteRecord("rating", at, ratings[at]) for at in reversed(hits)]
        return Edit("Clear rating", tuple(steps))
    if relevance is KEEP:
        relevance = ratings[hits[0]].relevance if hits else None
    new = Rating(evidence=evidence, scenario=scenario, rating=rating, relevance=relevance)
    label = f"Rate {rating.value}"
    if len(hits) == 1 and ratings[hits[0]] == new:
        return Edit(label, ())
    steps = [DeleteRecord("rating", at, ratings[at]) for at in reversed(hits)]
    at = hits[0] if hits else len(ratings)
    steps.append(InsertRecord("rating", at, new))
    return Edit(label, tuple(steps))


def _check_evidence(ix: MapIndex, evidence: str) -> None:
    """Refuse a scenario or question as a row of the ACH matrix (KeyError: no statement)."""
    kind = ix.statement(evidence).kind
    if kind in NOT_EVIDENCE:
        raise EditError(
            f"{evidence!r} is a {kind.value}, not evidence: ACH rates evidence against scenarios"
        )


def row_of(ix: MapIndex, evidence: str) -> AchRow | None:
    """The analyst's row weights of one item of evidence, if any."""
    for row in ix.doc.ach_rows:
        if row.evidence == evidence:
            return row
    return None


def set_row_level(
    ix: MapIndex,
    evidence: str,
    which: Literal["credibility", "relevance"],
    level: RowLevel | None,
) -> Edit:
    """Set one ACH row's credibility or relevance (``None``: back to the default).

    The row's record is replaced in place; a record left with nothing set is removed.
    """
    _check_evidence(ix, evidence)
    if which not in ("credibility", "relevance"):
        raise EditError(f"a row has no {which!r} to set")
    rows = ix.doc.ach_rows
    hits = [at for at, r in enumerate(rows) if r.evidence == evidence]
    old = rows[hits[0]] if hits else AchRow(evidence=evidence)
    new = old.model_copy(update={which: level})
    label = f"Set {which}" if level is not None else f"Clear {which}"
    if hits and len(hits) == 1 and rows[hits[0]] == new:
        return Edit(label, ())
    steps: list[Any] = [DeleteRecord("ach_row", at, rows[at]) for at in reversed(hits)]
    if new.credibility is not None or new.relevance is not None:
        steps.append(InsertRecord("ach_row", hits[0] if hits else len(rows), new))
    return Edit(label, tuple(steps))


def set_prior_share(ix: MapIndex, scenario: str, share: float) -> Edit:
    """Give ``scenario`` this share (0..1) of the prior; the other scenarios keep their
    proportions and fill the rest, so the priors sum to 1 afterwards.

    Missing priors count as the average of the given ones (as the analysis reads them);
    when the others have no weight at all, they share the rest equally.
    """
    if not finite(share) or not 0.0 <= share <= 1.0:
        raise EditError(f"a prior share must lie between 0 and 1, not {share!r}")
    target = ix.statement(scenario)
    if target.kind is not StatementKind.SCENARIO:
        raise EditError(f"{scenario!r} is not a scenario")
    scenarios = [s for s in ix.doc.statements if s.kind is StatementKind.SCENARIO]
    given = [s.prior for s in scenarios if s.prior is not None]
    fill = sum(given) / len(given) if given else 1.0
    others = {s.id: (s.prior if s.prior is not None else fill) for s in scenarios}
    others.pop(scenario)
    rest = sum(others.values())
    new: dict[str, float] = {scenario: share}
    for sid, raw in others.items():
        portion = raw / rest if rest > 0.0 else 1.0 / len(others)
        new[sid] = (1.0 - share) * portion
    steps = [
        SetField("statement", s.id, "prior", s.prior, round(new[s.id], 6))
        for s in scenarios
        if s.prior is None or not math.isclose(s.prior, round(new[s.id], 6), abs_tol=1e-12)
    ]
    return Edit("Set prior", tuple(steps))
