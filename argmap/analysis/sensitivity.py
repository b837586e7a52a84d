"""Sensitivity: which statements and inferences the scenario weights hinge on.

Method, in plain words: every statement and inference from which a chain of inferences
leads to a scenario is tried at its two extremes, one at a time, everything else kept:

* a statement taken as **false** (acceptability 0) and as **true** (acceptability 1),
  whatever its own arguments say;
* an inference given **no weight** (strength 0) and **full strength** (strength 1).

Dropping an item is the same as the first extreme here: a statement that is false or
an inference without weight adds nothing to a noisy-OR, so no third case is computed.
For each item and scenario, ``low`` and ``high`` are the smallest and largest weight the
scenario takes over the two cases and the current map (so low <= base <= high); the
swing is high - low. Items are ranked by swing, and an item is flagged when one of its
extremes hands the lead to another scenario. Pairs that move nothing are left out.

Speed: the map is compiled and evaluated once; each case re-evaluates only what lies
downstream of the item, in topological order, and then restores the values, so the cost
of one case is proportional to the part of the map it moves (at most linear).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.analysis.acceptability import (
    Network,
    compile_network,
    evaluate,
    propagate_change,
    undo_change,
)
from argmap.analysis.scenario_weights import (
    evidence_factor,
    normalised_priors,
    posterior,
    scenario_nodes,
    scenario_priors,
)
from argmap.model import ArgMap

LABEL_CHARS = 60
MOVE_EPSILON = 1e-12
CASE_PHRASES = {
    "false": "is false",
    "true": "is true",
    "no weight": "carries no weight",
    "full strength": "holds at full strength",
}


@dataclass(frozen=True, slots=True)
class SensitivityItem:
    """How far one item can move one scenario's weight.

    ``low_case``/``high_case`` name the extreme giving ``low``/``high`` ("false", "true",
    "no weight", "full strength"; "" when the current map is the extreme itself), and
    ``low_leader``/``high_leader`` the scenario that would then lead, if another one.
    ``changes_leader`` is set on every pair of an item that can change the leader.
    """

    id: str
    scenario: str
    low: float
    high: float
    base: float
    kind: str
    low_case: str
    high_case: str
    changes_leader: bool
    label: str
    scenario_title: str
    low_leader: str = ""
    high_leader: str = ""

    @property
    def swing(self) -> float:
        """high - low: the width of this item's bar in a tornado chart."""
        return self.high - self.low

    @property
    def sentence(self) -> str:
        """The bigger of the two moves in words, e.g. "if 'X' is false, 'S' falls ..."."""
        up, down = self.high - self.base, self.base - self.low
        case, to, lead = (
            (self.high_case, self.high, self.high_leader)
            if up > down
            else (self.low_case, self.low, self.low_leader)
        )
        verb = "rises" if to > self.base else "falls"
        a, b = _percent_pair(self.base, to)
        text = (
            f"if {self.label} {CASE_PHRASES[case]}, '{self.scenario_title}' {verb} from {a} to {b}"
        )
        if lead == self.scenario_title:
            text += " and takes the lead"
        elif lead:
            text += f", and '{lead}' takes the lead"
        return text


@dataclass(frozen=True, slots=True)
class Sensitivity:
    """Every moving (item, scenario) pair, largest swing first."""

    leader: str | None
    items: tuple[SensitivityItem, ...]

    def top(self, n: int, scenario: str | None = None) -> list[SensitivityItem]:
        """The ``n`` most influential distinct items, each with its largest move
        (on ``scenario`` only, if given)."""
        seen: set[str] = set()
        out: list[SensitivityItem] = []
        for item in self.items:
            if item.id in seen or (scenario is not None and item.scenario != scenario):
                continue
            seen.add(item.id)
            out.append(item)
            if len(out) >= n:
                break
        return out

    def leader_changers(self) -> list[str]:
        """Ids of the items whose extremes change the leading scenario, most influential first."""
        return list(dict.fromkeys(i.id for i in self.items if i.changes_leader))

    def for_item(self, item_id: str) -> list[SensitivityItem]:
        """One item's moves on every scenario it affects."""
        return [i for i in self.items if i.id == item_id]


def _percent_pair(a: float, b: float) -> tuple[str, str]:
    for digits in (0, 1, 2):
        sa, sb = f"{a:.{digits}%}", f"{b:.{digits}%}"
        if sa != sb:
            return sa, sb
    return sa, sb


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _labels(doc: ArgMap, net: Network) -> list[str]:
    """A readable name for every node: statements by text, inferences by their ends."""
    texts: dict[str, str] = {}
    for s in doc.statements:
        texts.setdefault(s.id, s.text)
    labels = [f"'{_short(texts[net.ids[n]])}'" for n in range(net.n_statements)]
    labels.extend("" for _ in range(net.n_statements, len(net.ids)))
    undercuts = []
    for n in range(net.n_statements, len(net.ids)):
        premises = " and ".join(labels[p] for p in net.pos_in[n]) or "(nothing)"
        targets = net.successors[n]
        if not targets:
            labels[n] = f"the argument {net.ids[n]!r} from {premises}"
        elif targets[0] < net.n_statements:
            word = "against" if net.kinds[n] == "attack" else "to"
            labels[n] = f"the argument from {premises} {word} {labels[targets[0]]}"
        else:
            undercuts.append((n, premises, targets[0]))
    for n, premises, target in undercuts:
        aimed_at = labels[target] or f"the argument {net.ids[target]!r}"
        labels[n] = f"the undercut by {premises} of {aimed_at}"
    return labels


def _upstream(net: Network, targets: Sequence[int]) -> list[int]:
    """Nodes from which a chain leads to one of ``targets`` (targets excluded)."""
    seen = [False] * len(net.ids)
    stack = list(targets)
    for t in targets:
        seen[t] = True
    while stack:
        node = stack.pop()
        for src in (*net.pos_in[node], *net.neg_in[node]):
            if not seen[src]:
                seen[src] = True
                stack.append(src)
    excluded = set(targets)
    return [n for n in range(len(net.ids)) if seen[n] and n not in excluded]


def _argmax(weights: Sequence[float]) -> int:
    best = 0
    for j, w in enumerate(weights):
        if w > weights[best] + MOVE_EPSILON:
            best = j
    return best


def sensitivity(
    doc: ArgMap, net: Network | None = None, values: Sequence[float] | None = None
) -> Sensitivity:
    """Try every item that bears on a scenario at its extremes (see the module docstring)."""
    net = net or compile_network(doc)
    work = list(values) if values is not None else evaluate(net)
    cols = scenario_nodes(net)
    priors = normalised_priors(scenario_priors(doc, net, cols))
    base_w = posterior(priors, [evidence_factor(work[c]) for c in cols])
    if len(cols) < 2:
        return Sensitivity(net.ids[cols[0]] if cols else None, ())
    leader = _argmax(base_w)
    labels = _labels(doc, net)
    titles = [labels[c].strip("'") for c in cols]
    found: list[SensitivityItem] = []
    for node in _upstream(net, cols):
        is_statement = net.is_statement(node)
        cases = ("false", "true") if is_statement else ("no weight", "full strength")
        variants: list[tuple[str, list[float], str]] = []
        for case, extreme in zip(cases, (0.0, 1.0), strict=True):
            pin = {node: extreme}
            log = propagate_change(
                net, work, pin if is_statement else {}, {} if is_statement else pin
            )
            weights = posterior(priors, [evidence_factor(work[c]) for c in cols])
            undo_change(work, log)
            new_leader = _argmax(weights)
            flipped = weights[new_leader] > weights[leader] + MOVE_EPSILON
            variants.append((case, weights, titles[new_leader] if flipped else ""))
        flips = any(v[2] for v in variants)
        for j, col in enumerate(cols):
            low, high, low_case, high_case = base_w[j], base_w[j], "", ""
            low_leader = high_leader = ""
            for case, weights, lead in variants:
                if weights[j] < low:
                    low, low_case, low_leader = weights[j], case, lead
                if weights[j] > high:
                    high, high_case, high_leader = weights[j], case, lead
            if high - low <= MOVE_EPSILON:
                continue
            found.append(
                SensitivityItem(
                    id=net.ids[node],
                    scenario=net.ids[col],
                    low=low,
                    high=high,
                    base=base_w[j],
                    kind="statement" if is_statement else "inference",
                    low_case=low_case,
                    high_case=high_case,
                    changes_leader=flips,
                    label=labels[node],
                    scenario_title=titles[j],
                    low_leader=low_leader,
                    high_leader=high_leader,
                )
            )
    found.sort(key=lambda i: -(i.high - i.low))
    return Sensitivity(net.ids[cols[leader]], tuple(found))
