"""A claim's supports that share a statement count in the order worth most, so a weaker
line repeating a report never lowers what the report alone establishes."""

from __future__ import annotations

import pytest
from weights_maps import claim, evidence, scenario, support

from argmap.analysis.establishment import evaluate
from argmap.analysis.evidence_network import compile_network
from argmap.model import ArgMap


def established(*, with_combined_line: bool) -> float:
    lines = [support("x", ["e1"], "c", 1.0)]
    if with_combined_line:  # e1 and e2 together: 0.8 x 0.9 = 0.72
        lines.append(support("y", ["e1", "e2"], "c", 1.0))
    doc = ArgMap(
        statements=[scenario("A"), evidence("e1", 0.8), evidence("e2", 0.9), claim("c")],
        inferences=[*lines, support("cA", ["c"], "A", 0.9)],
    )
    net = compile_network(doc)
    return evaluate(net)[net.index["c"]]


def test_a_weaker_line_repeating_a_report_leaves_the_claim_where_the_report_put_it() -> None:
    # x first: 0.8, then y adds nothing once e1 is knocked out (0.8 in all). y first would
    # give 0.72 and x nothing: the order worth more counts.
    assert established(with_combined_line=False) == pytest.approx(0.8)
    assert established(with_combined_line=True) == pytest.approx(0.8)
