"""Which statements are ACH rows, and which way each one bears on each scenario.

**One piece of evidence** is what the scenario weights count as one: a statement whose
credibility a weight reads directly (:func:`argmap.analysis.judgements.weighing_judgements`).
That is a statement from which a counted chain leads to a scenario and which has no counted
support of its own: a leaf of the map, or a statement the analyst gave its own credibility
(the weights then take that judgement as final and leave its arguments out, see
:mod:`argmap.analysis.evidence_network`). Intermediate conclusions are not evidence,
whatever their kind: they only pass on what their own evidence says, which would count it
twice. Scenarios are never rows (a question drawn as a premise of a scenario would be one,
as the weights read its credibility too).

The ACH matrix has one row per piece of evidence, plus each leaf nothing on the map connects
to a scenario that the analyst rated by hand (an ACH-only row: the weights cannot count an
item with no chain to a scenario).
"""

from __future__ import annotations

from argmap.analysis.evidence_network import SCENARIO, Network

FOR, AGAINST = 1, 2  # bit flags: chains in favour of / against a scenario
STRONG = 0.8  # a direct inference this strong gives CC or II


def directions(net: Network, scenario: int) -> tuple[list[int], dict[int, int]]:
    """For every node, whether chains to ``scenario`` run for it, against it, or both
    (bit flags); and for the scenario's direct premises, the strong direct links' flags.

    A support keeps a chain's direction, an attack reverses it, and an undercut reverses
    the direction of the inference it undercuts."""
    flags = [0] * len(net.ids)
    strong: dict[int, int] = {}
    for sign_bit, inputs in ((FOR, net.pos_in(scenario)), (AGAINST, net.neg_in(scenario))):
        for inf in inputs:
            if net.base[inf] >= STRONG:
                for p in net.pos_in(inf):
                    strong[p] = strong.get(p, 0) | sign_bit
    stack = [(scenario, FOR)]
    flags[scenario] = FOR
    while stack:
        node, bit = stack.pop()
        flip = AGAINST if bit == FOR else FOR
        for inputs, b in ((net.pos_in(node), bit), (net.neg_in(node), flip)):
            for src in inputs:
                if not flags[src] & b:
                    flags[src] |= b
                    stack.append((src, b))
    return flags, strong


def can_be_evidence(net: Network, node: int) -> bool:
    """A statement with no counted support of its own that is no scenario."""
    return node < net.n_statements and net.kinds[node] != SCENARIO and not net.pos_in(node)


def evidence_nodes(net: Network, reached: list[int]) -> list[int]:
    """The pieces of evidence: statements that can be evidence and reach a scenario
    (``reached[n]`` non-zero), in document order."""
    return [n for n in range(net.n_statements) if reached[n] and can_be_evidence(net, n)]
