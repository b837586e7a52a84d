"""Analysis of Competing Hypotheses (Heuer): an evidence x scenario consistency matrix.

Method, in plain words:

* **Rows** are the statements of kind evidence, premise, assumption or objection that
  bear on at least one scenario (a chain of inferences leads from them to it), plus any
  statement the analyst rated explicitly. Intermediate claims are not rows: they only
  pass on what their own evidence says, which would be counted twice.
* **Columns** are the scenarios, in document order.
* **Cells** are read off the map. Following the chain from the item to the scenario,
  a support keeps the direction, an attack reverses it, and an undercut reverses the
  direction of the inference it undercuts. An item whose every chain favours the
  scenario is Consistent (C); Very consistent (CC) when it is itself a premise of a
  support of the scenario with strength 0.8 or more ("very likely" and above). Every
  chain against gives Inconsistent (I), or II for a direct attack of strength 0.8 or
  more. Chains both ways, or no chain, give Neutral (N). An explicit rating in
  ``doc.ratings`` overrides the derived cell.
* **Weights**: each cell weighs credibility x relevance. Credibility is the item's
  acceptability (its credibility after its own supports and attacks; for an unargued
  item simply its credibility, 0.5 when not judged); relevance is the rating's
  ``relevance``, 1 when not given.
* **Inconsistency score** per scenario, following Heuer and the PARC ACH tool: only
  evidence against a scenario counts, I as 1 and II as 2, times the cell's weight,
  summed over the rows. The scenario with the *least* inconsistency is the most likely
  under ACH: evidence cannot prove a hypothesis, but it can rule one out.
* **Diagnosticity** of an item: the spread of its ratings across scenarios, scoring
  CC=2, C=1, N=0, I=-1, II=-2 and taking max - min (0 to 4). An item rated alike for
  every scenario has diagnosticity 0 and is flagged *non-diagnostic*: it does not help
  to choose, however true it is.

Caveat: a derived cell is N wherever the map draws no chain, so a scenario the map says
little about collects little inconsistency and may top the ACH ranking for want of
scrutiny. Heuer's method asks for every item to be judged against every scenario: rate
the important items explicitly for the scenarios the map does not connect them to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.analysis.establishment import evaluate
from argmap.analysis.evidence_network import Network, compile_network
from argmap.model import AchRating, ArgMap, StatementKind

EVIDENCE_KINDS = frozenset(
    {
        StatementKind.EVIDENCE,
        StatementKind.PREMISE,
        StatementKind.ASSUMPTION,
        StatementKind.OBJECTION,
    }
)
STRONG = 0.8
INCONSISTENCY_POINTS = {AchRating.I: 1.0, AchRating.II: 2.0}
CONSISTENCY_POINTS = {AchRating.C: 1.0, AchRating.CC: 2.0}
RATING_SCORE = {AchRating.CC: 2, AchRating.C: 1, AchRating.N: 0, AchRating.I: -1, AchRating.II: -2}

_FOR, _AGAINST = 1, 2  # bit flags: chains in favour of / against a scenario


@dataclass(frozen=True, slots=True)
class AchCell:
    """One evidence x scenario cell: the rating used, what the map implies, the weight."""

    evidence: str
    scenario: str
    rating: AchRating
    derived: AchRating
    explicit: bool
    weight: float


@dataclass(frozen=True, slots=True)
class AchEvidence:
    """One row: an item of evidence, its cells (aligned with the matrix's scenarios),
    its credibility and how well it discriminates between scenarios."""

    id: str
    text: str
    kind: str
    credibility: float
    ratings: tuple[AchRating, ...]
    derived: tuple[AchRating, ...]
    explicit: tuple[bool, ...]
    weights: tuple[float, ...]
    diagnosticity: int
    non_diagnostic: bool
    judged: float | None = None  # the analyst's own credibility (None: not judged)


@dataclass(frozen=True, slots=True)
class AchMatrix:
    """The whole matrix, with each scenario's weighted scores and the ACH ranking."""

    scenarios: tuple[str, ...]
    evidence: tuple[AchEvidence, ...]
    inconsistency: dict[str, float]
    consistency: dict[str, float]
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
        """Scenarios from least to most inconsistent (ties keep document order)."""
        order = {s: i for i, s in enumerate(self.scenarios)}
        return sorted(self.scenarios, key=lambda s: (round(self.inconsistency[s], 9), order[s]))

    def leader(self) -> str | None:
        """The scenario ACH favours: the least inconsistent one."""
        ranking = self.ranking()
        return ranking[0] if ranking else None


def _directions(net: Network, scenario: int) -> tuple[list[int], dict[int, int]]:
    """For every node, whether chains to ``scenario`` run for it, against it, or both;
    and for the scenario's direct premises, the strongest direct support/attack flags."""
    flags = [0] * len(net.ids)
    strong: dict[int, int] = {}
    for sign_bit, inputs in ((_FOR, net.pos_in(scenario)), (_AGAINST, net.neg_in(scenario))):
        for inf in inputs:
            if net.base[inf] >= STRONG:
                for p in net.pos_in(inf):
                    strong[p] = strong.get(p, 0) | sign_bit
    stack = [(scenario, _FOR)]
    flags[scenario] = _FOR
    while stack:
        node, bit = stack.pop()
        flip = _AGAINST if bit == _FOR else _FOR
        for inputs, b in ((net.pos_in(node), bit), (net.neg_in(node), flip)):
            for src in inputs:
                if not flags[src] & b:
                    flags[src] |= b
                    stack.append((src, b))
    return flags, strong


_RATINGS = (AchRating.N, AchRating.C, AchRating.CC, AchRating.I, AchRating.II)
_N, _C, _CC, _I, _II = range(5)
_CODE = {r: k for k, r in enumerate(_RATINGS)}
# The tables above, indexed by rating code, so the inner loop does no enum hashing.
_INCONSISTENCY = tuple(INCONSISTENCY_POINTS.get(r, 0.0) for r in _RATINGS)
_CONSISTENCY = tuple(CONSISTENCY_POINTS.get(r, 0.0) for r in _RATINGS)
_SCORE = tuple(RATING_SCORE[r] for r in _RATINGS)


def _derived_code(direction: int, strong: int) -> int:
    if direction == _FOR:
        return _CC if strong == _FOR else _C
    if direction == _AGAINST:
        return _II if strong == _AGAINST else _I
    return _N


def derived_rating(direction: int, strong: int) -> AchRating:
    """The rating implied by chain directions and direct strong inferences."""
    return _RATINGS[_derived_code(direction, strong)]


def ach_matrix(
    doc: ArgMap, net: Network | None = None, values: Sequence[float] | None = None
) -> AchMatrix:
    """Build the ACH matrix of a map (see the module docstring for the method)."""
    net = net or compile_network(doc)
    values = values if values is not None else evaluate(net)
    columns = net.scenarios
    col_ids = tuple(net.ids[c] for c in columns)
    col_of = {c: j for j, c in enumerate(columns)}
    warnings: list[str] = []
    explicit: dict[int, dict[int, tuple[int, float]]] = {}
    for r in doc.ratings:
        e, s = net.index.get(r.evidence, -1), net.index.get(r.scenario, -1)
        if not 0 <= e < net.n_statements:
            warnings.append(f"a rating names unknown evidence {r.evidence!r}; ignored")
        elif s not in col_of:
            warnings.append(
                f"a rating of {r.evidence!r} names {r.scenario!r}, no scenario; ignored"
            )
        else:
            relevance = 1.0 if r.relevance is None else r.relevance
            explicit.setdefault(e, {})[col_of[s]] = (_CODE[r.rating], relevance)

    per_column = [_directions(net, c) for c in columns]
    reached = [0] * net.n_statements
    for flags, _ in per_column:
        for n in range(net.n_statements):
            reached[n] |= flags[n]
    rows = [
        n
        for n in range(net.n_statements)
        if n in explicit or (reached[n] and net.kinds[n] in EVIDENCE_KINDS and n not in col_of)
    ]

    texts: dict[str, str] = {}
    for st in doc.statements:
        texts.setdefault(st.id, st.text)
    evidence: list[AchEvidence] = []
    inconsistency = [0.0] * len(columns)
    consistency = [0.0] * len(columns)
    column_flags = [flags for flags, _ in per_column]
    column_strong = [strong for _, strong in per_column]
    n_columns = len(columns)
    for n in rows:
        credibility = values[n]
        overrides = explicit.get(n, {})
        codes = [
            _derived_code(column_flags[j][n], column_strong[j].get(n, 0)) for j in range(n_columns)
        ]
        derived = [_RATINGS[d] for d in codes]
        weights = [credibility] * n_columns
        if overrides:
            for j, (code, relevance) in overrides.items():
                codes[j] = code
                weights[j] = credibility * relevance
        for j in range(n_columns):
            code = codes[j]
            if code >= _I:
                inconsistency[j] += weights[j] * _INCONSISTENCY[code]
            elif code:
                consistency[j] += weights[j] * _CONSISTENCY[code]
        scores = [_SCORE[c] for c in codes]
        spread = max(scores) - min(scores) if scores else 0
        evidence.append(
            AchEvidence(
                id=net.ids[n],
                text=texts[net.ids[n]],
                kind=net.kinds[n],
                credibility=credibility,
                ratings=tuple(_RATINGS[c] for c in codes),
                derived=tuple(derived),
                explicit=tuple(j in overrides for j in range(n_columns)),
                weights=tuple(weights),
                diagnosticity=spread,
                non_diagnostic=spread == 0,
                judged=net.base[n] if net.judged[n] else None,
            )
        )
    return AchMatrix(
        scenarios=col_ids,
        evidence=tuple(evidence),
        inconsistency=dict(zip(col_ids, inconsistency, strict=True)),
        consistency=dict(zip(col_ids, consistency, strict=True)),
        warnings=tuple(warnings),
    )
