"""Where the analysts disagree, and which disagreements matter for the team's result.

For every judgement (a statement's credibility, an inference's strength, a scenario's
prior share, an ACH cell) the value each analyst uses is collected: their layer's, or the
map's own where they left it out. Where the values differ:

* **Spread**: the highest minus the lowest value (an ACH rating in steps of the scale
  CC, C, N, I, II; a cell with no explicit rating is left out of it).
* **Impact**: every analyst is given, in turn, each analyst's value of this one judgement,
  everything else kept as each sees it; the team's pooled weight of the scenario the team
  puts first now is recomputed each time. The impact is how far it moves (highest minus
  lowest), and ``leaders`` lists every scenario that leads the team in one of these
  cases: more than one means this disagreement alone decides the team's answer.

The weights are recomputed exactly, not estimated from the slopes of the flip analysis
(:mod:`argmap.analysis.flips`): giving a statement a credibility where another analyst
left it unjudged changes which arguments count (a judged statement's own arguments are
not counted again), which slopes cannot see. Where a value only changes a number, the
flip analysis' incremental evaluator re-evaluates what lies downstream of it; where it
changes which arguments count, the analyst's whole map is weighed again.
ACH ratings do not move the scenario weights (they feed the ACH matrix only), so their
impact is 0; they are listed after the judgements that do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from argmap.analysis.establishment import evaluate
from argmap.analysis.evidence_network import DEFAULT_STRENGTH, compile_network
from argmap.analysis.flips import WeightEvaluator
from argmap.analysis.scenario_weights import (
    leaders,
    normalised_priors,
    scenario_priors,
    scenario_weights,
)
from argmap.analysis.team_view import DEFAULT_POOL, Pool, analysts, pool_weights
from argmap.model import AchRating, ArgMap, Rating, StatementKind
from argmap.model.layer_view import seen_by

RATING_STEPS = {AchRating.CC: 2, AchRating.C: 1, AchRating.N: 0, AchRating.I: -1, AchRating.II: -2}
Value = float | AchRating | None


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One judgement the analysts set differently. ``target`` is the statement or
    inference id (an ACH cell: the evidence, with ``scenario`` the scenario's id)."""

    kind: str  # "credibility", "strength", "prior" or "rating"
    target: str
    scenario: str
    text: str
    values: tuple[tuple[str, Value], ...]  # (analyst, value used); a prior as a share
    spread: float
    team_low: float
    team_high: float
    leaders: tuple[str, ...]  # scenario ids that lead the team in one of the cases ("": a tie)

    @property
    def impact(self) -> float:
        """How far the team's weight of its leading scenario moves across the cases."""
        return self.team_high - self.team_low

    @property
    def decides_lead(self) -> bool:
        """Whether this disagreement alone changes which scenario the team puts first."""
        return len(self.leaders) > 1


def disagreements(
    doc: ArgMap, pool: Pool = DEFAULT_POOL, *, incremental: bool = True
) -> list[Disagreement]:
    """Every judgement the analysts set differently, the most consequential first.

    ``incremental``: where a value only changes a number (a judged statement's or a rated
    line's value, a prior share), re-evaluate only what lies downstream of it
    (:class:`argmap.analysis.flips.WeightEvaluator`), the same weights as weighing the
    whole map again; where it changes whether something is judged at all, weigh the
    whole map again."""
    names = analysts(doc)
    if len(names) < 2:
        return []
    team = _Team(doc, names, pool, incremental)
    out: list[Disagreement] = []
    for s in doc.statements:
        if s.kind is StatementKind.SCENARIO:
            continue
        values = team.values(_read("statement", s.id, "credibility"))
        if _differ(values):
            out.append(team.measure("credibility", s.id, s.text, values, _credibility(s.id)))
    for i in doc.inferences:
        values = team.values(_read("inference", i.id, "strength"))
        if _differ(values):
            text = _inference_text(doc, i.id)
            out.append(team.measure("strength", i.id, text, values, _strength(i.id)))
    for j, sid in enumerate(team.scenario_ids):
        values = tuple((n, round(team.priors[n][j], 12)) for n in names)
        if _differ(values):
            text = doc.statement(sid).text
            out.append(team.measure("prior", sid, text, values, _prior(team.scenario_ids, j)))
    out += team.rating_disagreements()
    out.sort(key=lambda d: (d.kind == "rating", -d.impact, -d.spread, d.kind, d.target))
    return out


Given = Callable[[ArgMap, Value], ArgMap]


def _read(kind: str, record_id: str, name: str) -> Callable[[ArgMap], Value]:
    def read(m: ArgMap) -> Value:
        record = m.statement(record_id) if kind == "statement" else m.inference(record_id)
        value: Value = getattr(record, name)
        return value

    return read


def _credibility(sid: str) -> Given:
    def given(m: ArgMap, value: Value) -> ArgMap:
        statements = [
            s.model_copy(update={"credibility": value}) if s.id == sid else s for s in m.statements
        ]
        return m.model_copy(update={"statements": statements})

    return given


def _strength(iid: str) -> Given:
    def given(m: ArgMap, value: Value) -> ArgMap:
        inferences = [
            i.model_copy(update={"strength": value}) if i.id == iid else i for i in m.inferences
        ]
        return m.model_copy(update={"inferences": inferences})

    return given


def _prior(scenario_ids: list[str], j: int) -> Given:
    def given(m: ArgMap, value: Value) -> ArgMap:
        return _with_prior_share(m, scenario_ids, j, float(value or 0.0))

    return given


class _Team:
    """The analysts' maps and weights, and the team's, to measure disagreements against."""

    def __init__(self, doc: ArgMap, names: list[str], pool: Pool, incremental: bool) -> None:
        self.doc, self.names, self.pool = doc, names, pool
        self.seen = {name: seen_by(doc, name) for name in names}
        self.fast = {name: _Incremental(m) for name, m in self.seen.items()} if incremental else {}
        found = {name: scenario_weights(m) for name, m in self.seen.items()}
        self.base = {name: [w.weight for w in ws] for name, ws in found.items()}
        self.priors = {name: [w.prior for w in ws] for name, ws in found.items()}
        self.scenario_ids = [w.id for w in scenario_weights(doc)]
        self.team = pool_weights(list(self.base.values()), pool) or ()
        top = leaders(self.team) if self.team else []
        self.focus: int | None = top[0] if top else None

    def values(self, read: Callable[[ArgMap], Value]) -> tuple[tuple[str, Value], ...]:
        """The value each analyst uses for one judgement."""
        return tuple((name, read(self.seen[name])) for name in self.names)

    def measure(
        self, kind: str, target: str, text: str, values: tuple[tuple[str, Value], ...], given: Given
    ) -> Disagreement:
        """The team's weights with every analyst using each analyst's value in turn."""
        mine = dict(values)
        low, high, leading = 1.0, 0.0, set()
        for value in dict.fromkeys(v for _, v in values):
            each = []
            for name, m in self.seen.items():
                if mine[name] == value:
                    each.append(self.base[name])
                    continue
                fast = self.fast.get(name)
                quick = fast.weights(kind, target, mine[name], value) if fast else None
                if quick is None:
                    quick = [w.weight for w in scenario_weights(given(m, value))]
                each.append(quick)
            team = pool_weights(each, self.pool)
            if not team:
                continue
            if self.focus is not None:
                low, high = min(low, team[self.focus]), max(high, team[self.focus])
            top = leaders(team)
            leading.add(self.scenario_ids[top[0]] if len(top) == 1 else "")
        if self.focus is None:
            low = high = 0.0
        spread = _spread(values)
        return Disagreement(
            kind, target, "", text, values, spread, low, high, tuple(sorted(leading))
        )

    def rating_disagreements(self) -> list[Disagreement]:
        """ACH cells rated differently: listed with their spread, impact 0 (see above)."""
        cells: dict[tuple[str, str], dict[str, Rating]] = {}
        for name, m in self.seen.items():
            for r in m.ratings:
                cells.setdefault((r.evidence, r.scenario), {}).setdefault(name, r)
        texts = {s.id: s.text for s in self.doc.statements}
        weight = self.team[self.focus] if self.team and self.focus is not None else 0.0
        lead = (self.scenario_ids[self.focus],) if self.focus is not None else ()
        out = []
        for (evidence, scenario), rated in cells.items():
            values = tuple((n, rated[n].rating if n in rated else None) for n in self.names)
            if _differ(values):
                text = f"{texts.get(evidence, evidence)} / {texts.get(scenario, scenario)}"
                out.append(
                    Disagreement(
                        "rating",
                        evidence,
                        scenario,
                        text,
                        values,
                        _spread(values),
                        weight,
                        weight,
                        lead,
                    )  # fmt: skip
                )
        return out


class _Incremental:
    """One analyst's compiled map, for weights with one number changed."""

    def __init__(self, doc: ArgMap) -> None:
        self.doc = doc
        self._ev: WeightEvaluator | None = None
        self._node: dict[str, int] = {}
        # Statements with arguments of their own (counted or not: judging one cuts them).
        self._argued = {i.conclusion for i in doc.inferences}

    def _evaluator(self) -> WeightEvaluator:
        if self._ev is None:
            net = compile_network(self.doc)
            priors = normalised_priors(scenario_priors(self.doc, net))
            self._ev = WeightEvaluator(net, priors, evaluate(net))
            for n, rid in enumerate(net.ids):
                self._node.setdefault(rid, n)
        return self._ev

    def weights(self, kind: str, target: str, mine: Value, value: Value) -> list[float] | None:
        """The weights with ``target``'s value set, or None where that changes what counts
        (judging or un-judging a statement that has arguments of its own): the map must
        then be weighed again whole. Elsewhere "unset" is a number: an unjudged leaf
        counts 0, an unrated line into a scenario moves nothing (strength 0), an unrated
        inner step has the default strength."""
        if isinstance(value, AchRating):
            return None
        ev = self._evaluator()
        net = ev.net
        node = self._node.get(target)
        if node is None:
            return None
        if kind == "prior":
            if node not in net.scenarios or value is None:
                return None
            return ev.mixed({}, {node: float(value)})
        if kind == "credibility" and (mine is None or value is None):
            if target in self._argued:
                return None  # (un)judging it decides whether its own arguments count
            return ev.mixed({node: 0.0 if value is None else float(value)}, {})
        if value is None:
            value = 0.0 if net.to_scenario(node) else DEFAULT_STRENGTH
        return ev.mixed({node: float(value)}, {})


def _differ(values: tuple[tuple[str, Value], ...]) -> bool:
    return len({v for _, v in values}) > 1


def _spread(values: tuple[tuple[str, Value], ...]) -> float:
    numbers = [
        float(RATING_STEPS[v]) if isinstance(v, AchRating) else v
        for _, v in values
        if v is not None
    ]
    return max(numbers) - min(numbers) if numbers else 0.0


def _with_prior_share(m: ArgMap, scenario_ids: list[str], j: int, share: float) -> ArgMap:
    """The map with scenario j's prior share set, the others keeping their proportions."""
    shares = [w.prior for w in scenario_weights(m)]
    rest = 1.0 - shares[j]
    others = max(len(shares) - 1, 1)
    raw = {
        sid: share if k == j else (p / rest if rest > 0.0 else 1.0 / others) * (1.0 - share)
        for k, (sid, p) in enumerate(zip(scenario_ids, shares, strict=True))
    }
    statements = [
        s.model_copy(update={"prior": raw[s.id]}) if s.id in raw else s for s in m.statements
    ]
    return m.model_copy(update={"statements": statements})


def _inference_text(doc: ArgMap, inference_id: str) -> str:
    texts = {s.id: s.text for s in doc.statements}
    inference = doc.inference(inference_id)
    premises = " + ".join(texts.get(p, p) for p in inference.premises)
    return f"{premises} → {texts.get(inference.conclusion, inference.conclusion)}"
