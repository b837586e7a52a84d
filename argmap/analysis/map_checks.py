"""Warnings about the set of scenarios: what the weights assume of it and the map breaks."""

from __future__ import annotations

from argmap.analysis.evidence_network import CATCH_ALL_TAG, Network
from argmap.model import ArgMap


def scenario_set_warnings(doc: ArgMap, net: Network) -> list[str]:
    """Say when the scenarios may not be exhaustive, when a prior rules one out for good,
    and when lines into a scenario are unrated (they move nothing)."""
    out: list[str] = []
    if len(net.scenarios) >= 2 and not net.catch_all:
        out.append(
            "the weights treat the scenarios as exclusive and exhaustive, but none covers "
            f"'something else': add an 'Other / none of these' scenario (tag {CATCH_ALL_TAG!r}) "
            "if the listed ones may all fail"
        )
    priors = {s.id: s.prior for s in doc.statements}
    for node in net.scenarios:
        if priors.get(net.ids[node]) == 0.0:
            out.append(
                f"scenario {net.ids[node]!r} has a prior of 0: no evidence can raise it "
                "(give it a small prior unless it is impossible)"
            )
        unrated = [net.ids[a] for a in (*net.pos[node], *net.neg[node]) if not net.judged[a]]
        if unrated:
            shown = ", ".join(unrated[:4]) + (", ..." if len(unrated) > 4 else "")
            out.append(
                f"{len(unrated)} line{'s' if len(unrated) > 1 else ''} of evidence into "
                f"scenario {net.ids[node]!r} {'are' if len(unrated) > 1 else 'is'} unrated "
                f"and {'move' if len(unrated) > 1 else 'moves'} nothing until given a "
                f"strength ({shown})"
            )
    return out
