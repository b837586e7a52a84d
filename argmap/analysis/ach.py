"""Analysis of Competing Hypotheses (Heuer; scoring as in PARC's ACH tool): an evidence x
scenario consistency matrix.

Method, in plain words:

* **Rows** are the pieces of evidence, exactly the items the scenario weights count as one
  (:mod:`argmap.analysis.ach_evidence`): statements nothing supports (or that have their
  own credibility) from which a chain leads to a scenario, plus leaves the analyst rated by
  hand that no chain connects. Intermediate conclusions are never rows, whatever their
  kind, so changing a statement's kind changes no score.
* **Columns** are the scenarios, in document order.
* **Cells** hold one of CC, C, N, I, II (Heuer's very consistent ... very inconsistent),
  NA (judged not applicable) or nothing: a *blank* cell is one nobody judged. A rating
  the analyst set wins. Otherwise the cell is *derived* from the map: following the chain
  from the item to the scenario, a support keeps the direction, an attack reverses it,
  an undercut reverses the inference it undercuts; every chain for gives C (CC for a
  direct support of strength 0.8 or more), every chain against gives I (II for such a
  direct attack), chains both ways give N. No chain and no rating leaves the cell blank:
  an unrated cell is not evidence of neutrality.
* **Weights** are per row, on PARC's bounded Low / Medium / High scale (0.707 / 1 / 1.414
  each for credibility and relevance; :mod:`argmap.analysis.ach_weights`). A cell weighs
  credibility x relevance, 0.5 to 2.
* **Inconsistency score** per scenario, as in PARC ACH: only evidence against counts, I as
  1 and II as 2, times the cell's weight, summed over the rows. Blank, NA, N, C and CC add
  nothing. The scenario with the *least* inconsistency is the one ACH favours: evidence
  cannot prove a hypothesis, but it can rule one out. A scenario with no judged cell at
  all is ranked after every scrutinised one (its zero says nothing) and warned about.
* **Diagnosticity** of a row: the spread of its *judged* cells (not blank, not NA),
  scoring CC=2, C=1, N=0, I=-1, II=-2 and taking max - min (0 to 4). A row judged alike
  for every judged scenario has diagnosticity 0 and is *non-diagnostic*: it does not help
  to choose, however true it is. A row with fewer than two judged cells has no
  diagnosticity (``None``): it is neither, and says so.

Assumptions: a rating says how expected the item would be if the scenario were true
(Heuer: "if this hypothesis were true, how likely is it that I would see this
evidence?"); rows are independent items, so their inconsistencies add; the scores rank
scenarios, they are not probabilities (the weights are).

Invariants (tested): adding a row rated alike everywhere changes no gap between scores;
the rows are the weights' evidence items; a statement's kind changes no score; a cell's
weight lies in [0.5, 2].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from argmap.analysis.ach_evidence import (
    AGAINST,
    FOR,
    can_be_evidence,
    directions,
    evidence_nodes,
)
from argmap.analysis.ach_warnings import matrix_warnings
from argmap.analysis.ach_weights import LEVEL_VALUE, cell_relevance, default_credibility
from argmap.analysis.evidence_network import Network, compile_network
from argmap.model import AchRating, AchRow, ArgMap, RowLevel, Statement

INCONSISTENCY_POINTS = {AchRating.I: 1.0, AchRating.II: 2.0}
CONSISTENCY_POINTS = {AchRating.C: 1.0, AchRating.CC: 2.0}
RATING_SCORE = {AchRating.CC: 2, AchRating.C: 1, AchRating.N: 0, AchRating.I: -1, AchRating.II: -2}
NOT_ENOUGH = "judged against fewer than two scenarios"


def is_judged(rating: AchRating | None) -> bool:
    """Whether a cell counts as judged: rated (by hand or from the map), not NA."""
    return rating is not None and rating is not AchRating.NA


@dataclass(frozen=True, slots=True)
class AchCell:
    """One evidence x scenario cell: the rating used (None: blank), what the map implies
    (None: no chain), whether the analyst set it, and its weight."""

    evidence: str
    scenario: str
    rating: AchRating | None
    derived: AchRating | None
    explicit: bool
    weight: float

    @property
    def judged(self) -> bool:
        """Rated and applicable: the cell takes part in diagnosticity."""
        return is_judged(self.rating)


@dataclass(frozen=True, slots=True)
class AchEvidence:
    """One row: an item of evidence, its cells (aligned with the matrix's scenarios), its
    row weights and how well it discriminates between scenarios.

    ``credibility``/``relevance`` are the levels used; ``*_set`` says whether the analyst
    set them; ``statement_credibility`` is the statement's own 0-1 value (None: not
    judged). ``connected`` is False for an ACH-only row (no chain to any scenario).
    ``published`` lists the dates of the sources its quotes come from."""

    id: str
    text: str
    kind: str
    statement_credibility: float | None
    credibility: RowLevel
    credibility_set: bool
    relevance: RowLevel
    relevance_set: bool
    ratings: tuple[AchRating | None, ...]
    derived: tuple[AchRating | None, ...]
    explicit: tuple[bool, ...]
    weights: tuple[float, ...]
    diagnosticity: int | None
    connected: bool = True
    published: tuple[str, ...] = ()

    @property
    def weight(self) -> float:
        """The row's weight, credibility x relevance (a cell's own relevance aside)."""
        return LEVEL_VALUE[self.credibility] * LEVEL_VALUE[self.relevance]

    @property
    def judged(self) -> int:
        """How many of its cells are judged."""
        return sum(is_judged(r) for r in self.ratings)

    @property
    def non_diagnostic(self) -> bool:
        """Judged against two or more scenarios, and alike for all of them."""
        return self.diagnosticity == 0

    @property
    def status(self) -> str:
        """ "diagnostic", "non-diagnostic" or why it is neither."""
        if self.diagnosticity is None:
            return NOT_ENOUGH
        return "non-diagnostic" if self.diagnosticity == 0 else "diagnostic"


@dataclass(frozen=True, slots=True)
class AchMatrix:
    """The whole matrix, with each scenario's weighted scores and the ACH ranking.

    ``judged[s]`` counts a scenario's judged cells; ``hand_inconsistent[s]`` its cells the
    analyst rated I or II by hand (the uneven-rating check reads it)."""

    scenarios: tuple[str, ...]
    evidence: tuple[AchEvidence, ...]
    inconsistency: dict[str, float]
    consistency: dict[str, float]
    judged: dict[str, int]
    hand_inconsistent: dict[str, int]
    warnings: tuple[str, ...]

    def row(self, evidence: str) -> AchEvidence:
        """The row of one item of evidence (KeyError if it is not in the matrix)."""
        for row in self.evidence:
            if row.id == evidence:
                return row
        raise KeyError(evidence)

    def cell(self, evidence: str, scenario: str) -> AchCell:
        """The cell of one row and column (KeyError if either is absent)."""
        row = self.row(evidence)
        if scenario not in self.scenarios:
            raise KeyError(scenario)
        j = self.scenarios.index(scenario)
        return AchCell(
            evidence, scenario, row.ratings[j], row.derived[j], row.explicit[j], row.weights[j]
        )

    def ranking(self) -> list[str]:
        """Scenarios from least to most inconsistent, those with no judged cell last (ties
        keep document order)."""
        return rank(self.scenarios, self.inconsistency, self.judged)

    def leader(self) -> str | None:
        """The scenario ACH favours: the least inconsistent of those judged at all."""
        ranking = self.ranking()
        return ranking[0] if ranking and self.judged[ranking[0]] else None

    def tied(self) -> tuple[str, ...]:
        """Judged scenarios sharing the least inconsistency, when more than one does."""
        judged = [s for s in self.scenarios if self.judged[s]]
        if not judged:
            return ()
        best = min(self.inconsistency[s] for s in judged)
        found = tuple(s for s in judged if self.inconsistency[s] - best <= 1e-9)
        return found if len(found) > 1 else ()


def rank(
    scenarios: Sequence[str], inconsistency: dict[str, float], judged: dict[str, int]
) -> list[str]:
    """Least inconsistent first; scenarios with no judged cell after all the others."""
    order = {s: i for i, s in enumerate(scenarios)}
    return sorted(
        scenarios,
        key=lambda s: (judged[s] == 0, round(inconsistency[s], 9), order[s]),
    )


def _derived(direction: int, strong: int) -> AchRating | None:
    if direction == FOR:
        return AchRating.CC if strong == FOR else AchRating.C
    if direction == AGAINST:
        return AchRating.II if strong == AGAINST else AchRating.I
    return AchRating.N if direction else None


def diagnosticity(ratings: Sequence[AchRating | None]) -> int | None:
    """max - min of the judged cells' scores; None with fewer than two judged cells."""
    scores = [RATING_SCORE[r] for r in ratings if r is not None and r is not AchRating.NA]
    return max(scores) - min(scores) if len(scores) >= 2 else None


def ach_matrix(doc: ArgMap, net: Network | None = None) -> AchMatrix:
    """Build the ACH matrix of a map (see the module docstring for the method)."""
    net = net or compile_network(doc)
    columns = net.scenarios
    col_ids = tuple(net.ids[c] for c in columns)
    col_of = {c: j for j, c in enumerate(columns)}
    per_column = [directions(net, c) for c in columns]
    col_flags = [flags for flags, _ in per_column]
    col_strong = [strong for _, strong in per_column]
    reached = [0] * net.n_statements
    for flags in col_flags:
        reached = [a | b for a, b in zip(reached, flags, strict=False)]
    rows = evidence_nodes(net, reached)
    row_set = set(rows)
    explicit, warnings = _explicit_ratings(doc, net, col_of, row_set)
    hand_only = [n for n in explicit if n not in row_set]
    rows = sorted([*rows, *hand_only])
    statements: dict[str, Statement] = {}
    for st in doc.statements:
        statements.setdefault(st.id, st)
    settings: dict[str, AchRow] = {}
    for row_setting in doc.ach_rows:
        settings.setdefault(row_setting.evidence, row_setting)
    published = _published_dates(doc)
    n_columns = len(columns)
    inconsistency = [0.0] * n_columns
    consistency = [0.0] * n_columns
    judged = [0] * n_columns
    by_hand = [0] * n_columns
    rated_by_hand = [0] * n_columns
    evidence: list[AchEvidence] = []
    for n in rows:
        statement = statements[net.ids[n]]
        setting = settings.get(statement.id)
        credibility, relevance = _levels(statement, setting)
        derived = [
            _derived(flag, col_strong[j].get(n, 0)) if (flag := col_flags[j][n]) else None
            for j in range(n_columns)
        ]
        ratings: list[AchRating | None] = list(derived)
        weights = [LEVEL_VALUE[credibility] * LEVEL_VALUE[relevance]] * n_columns
        overrides = explicit.get(n, {})
        for j, (given, own_relevance) in overrides.items():
            ratings[j] = given
            if own_relevance is not None:
                weights[j] = LEVEL_VALUE[credibility] * cell_relevance(own_relevance)
        for j in overrides:
            rated_by_hand[j] += 1
        for j, rating in enumerate(ratings):
            if rating is None or rating is AchRating.NA:
                continue
            judged[j] += 1
            inconsistency[j] += weights[j] * INCONSISTENCY_POINTS.get(rating, 0.0)
            consistency[j] += weights[j] * CONSISTENCY_POINTS.get(rating, 0.0)
            if j in overrides and rating in INCONSISTENCY_POINTS:
                by_hand[j] += 1
        evidence.append(
            AchEvidence(
                id=statement.id,
                text=statement.text,
                kind=statement.kind.value,
                statement_credibility=statement.credibility,
                credibility=credibility,
                credibility_set=setting is not None and setting.credibility is not None,
                relevance=relevance,
                relevance_set=setting is not None and setting.relevance is not None,
                ratings=tuple(ratings),
                derived=tuple(derived),
                explicit=tuple(j in overrides for j in range(n_columns)),
                weights=tuple(weights),
                diagnosticity=diagnosticity(ratings),
                connected=bool(reached[n]),
                published=tuple(
                    dict.fromkeys(d for q in statement.quotes if (d := published.get(q)))
                )
                if statement.quotes
                else (),
            )
        )
    titles = {net.ids[c]: statements[net.ids[c]].text for c in columns}
    judged_by = dict(zip(col_ids, judged, strict=True))
    hand = dict(zip(col_ids, by_hand, strict=True))
    warnings += matrix_warnings(
        col_ids, titles, judged_by, dict(zip(col_ids, rated_by_hand, strict=True))
    )
    return AchMatrix(
        scenarios=col_ids,
        evidence=tuple(evidence),
        inconsistency=dict(zip(col_ids, inconsistency, strict=True)),
        consistency=dict(zip(col_ids, consistency, strict=True)),
        judged=judged_by,
        hand_inconsistent=hand,
        warnings=tuple(warnings),
    )


Explicit: TypeAlias = dict[int, dict[int, tuple[AchRating, float | None]]]


def _explicit_ratings(
    doc: ArgMap, net: Network, col_of: dict[int, int], row_set: set[int]
) -> tuple[Explicit, list[str]]:
    """The analyst's ratings by row node and column, and warnings for those ignored."""
    warnings: list[str] = []
    explicit: Explicit = {}
    not_evidence: dict[str, int] = {}
    for r in doc.ratings:
        e, s = net.index.get(r.evidence, -1), net.index.get(r.scenario, -1)
        if not 0 <= e < net.n_statements:
            warnings.append(f"a rating names unknown evidence {r.evidence!r}; ignored")
        elif s not in col_of:
            warnings.append(
                f"a rating of {r.evidence!r} names {r.scenario!r}, no scenario; ignored"
            )
        elif e not in row_set and not can_be_evidence(net, e):
            not_evidence[r.evidence] = not_evidence.get(r.evidence, 0) + 1
        else:
            explicit.setdefault(e, {})[col_of[s]] = (r.rating, r.relevance)
    for sid, count in not_evidence.items():
        what = f"its {count} ratings are" if count > 1 else "its rating is"
        warnings.append(
            f"{sid!r} is rated, but it is no piece of evidence: it rests on others that are "
            f"rows of their own, so {what} ignored (give it its own credibility to make it "
            "one piece of evidence)"
        )
    return explicit, warnings


def _levels(statement: Statement, setting: AchRow | None) -> tuple[RowLevel, RowLevel]:
    """A row's credibility and relevance: the analyst's settings, else the defaults."""
    credibility = (
        setting.credibility
        if setting is not None and setting.credibility is not None
        else default_credibility(statement.credibility)
    )
    relevance = (
        setting.relevance
        if setting is not None and setting.relevance is not None
        else RowLevel.MEDIUM
    )
    return credibility, relevance


def _published_dates(doc: ArgMap) -> dict[str, str | None]:
    """Each quote's source's publication date (None when the source has none)."""
    dates = {s.id: s.published for s in doc.sources}
    return {q.id: dates.get(q.source) for q in doc.quotes}
