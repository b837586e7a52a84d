"""Arrows into one card stay apart: each its own port and track, attack discs apart, each
undercut's head on the one arrow it targets (issue #15, "arrows become unreadable in
bundles"). Measured on the bundled sample and on generated maps, in both directions."""

from __future__ import annotations

from pathlib import Path

import pytest
from arrow_bundles import bundle_problems, distance_to_line, longest_overlap
from layout_maps import ceasefire_map, synthetic_map
from map_shapes import dag_map, fan_map, undercut_chain_map

from argmap.io.map_file import load_map
from argmap.layout.tidy_tree import layout_map
from argmap.model import ArgMap, Inference, InferenceKind, Statement

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "sample.argmap.json"


def _sample(expanded: bool) -> ArgMap:
    doc = load_map(SAMPLE)
    if expanded:
        doc = doc.model_copy(update={"view": doc.view.model_copy(update={"collapsed": []})})
    return doc


def _bundle_map() -> ArgMap:
    """Five supports, two attacks and two undercuts (one of an attack) into one scenario."""
    S, I = Statement, Inference  # noqa: N806, E741
    statements = [S(id="s-sc", kind="scenario", text="War of attrition continues")]
    inferences = []
    for k in range(7):
        kind = "objection" if k in (2, 5) else "claim"
        statements.append(S(id=f"s-{k}", kind=kind, text=f"Reason number {k} for or against it"))
        inferences.append(
            I(
                id=f"i-{k}",
                premises=[f"s-{k}"],
                conclusion="s-sc",
                kind=InferenceKind.ATTACK if kind == "objection" else InferenceKind.SUPPORT,
            )
        )
    for k, aimed in ((7, "i-3"), (8, "i-5")):
        statements.append(S(id=f"s-{k}", kind="objection", text=f"Undercut number {k}"))
        inferences.append(
            I(id=f"i-{k}", premises=[f"s-{k}"], conclusion=aimed, kind=InferenceKind.UNDERCUT)
        )
    return ArgMap(title="A bundle", statements=statements, inferences=inferences)


MAPS = {
    "sample": lambda: _sample(False),
    "sample expanded": lambda: _sample(True),
    "ceasefire": ceasefire_map,
    "bundle": _bundle_map,
    "fan of 12": lambda: fan_map(12),
    "dag": lambda: dag_map(60, 6),
    "undercut chain": lambda: undercut_chain_map(8),
    **{f"synthetic {seed}": (lambda seed=seed: synthetic_map(80, seed)) for seed in range(1, 9)},
}


@pytest.mark.parametrize("direction", ["TB", "LR"])
@pytest.mark.parametrize("name", list(MAPS))
def test_arrows_into_one_card_stay_apart(name: str, direction: str) -> None:
    assert bundle_problems(layout_map(MAPS[name](), direction)) == []


def test_the_bundle_has_what_the_check_looks_for() -> None:
    """The bundle map really has crowded arrows, discs and undercuts (the check above is
    not vacuous), and each undercut ends on its own arrow, clear of the others."""
    layout = layout_map(_bundle_map(), "TB")
    into = [e for e in layout.edges.values() if e.target == "s-sc"]
    assert len(into) == 7
    undercut = layout.edges["i-7"]
    assert distance_to_line(undercut.points[-1], layout.edges["i-3"].points) < 0.5
    for other in into:
        if other.inference_id != "i-3":
            assert distance_to_line(undercut.points[-1], other.points) > 4


def test_the_check_catches_a_bundle_drawn_on_top_of_itself() -> None:
    """Arrows routed along one line (as a bus without lanes would) fail the check."""
    layout = layout_map(_bundle_map(), "TB")
    a, b = layout.edges["i-0"], layout.edges["i-1"]
    b.points = [(x + 1.0, y) for x, y in a.points]
    assert longest_overlap(a.points, b.points) > 20
    assert any("i-0 and i-1" in p for p in bundle_problems(layout))


def test_the_check_catches_an_undercut_off_its_arrow() -> None:
    layout = layout_map(_bundle_map(), "TB")
    undercut = layout.edges["i-7"]
    x, y = undercut.points[-1]
    undercut.points[-1] = (x + 15, y + 15)
    assert any("i-7" in p for p in bundle_problems(layout))
