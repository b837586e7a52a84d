"""Every way into argmap survives hostile and pathological files, within time and memory.

A short run of ``benchmarks/fuzz_long.py``: each entry point of ``tests/fuzz_entry_points.py``
(every ``argmap`` command in process, ``open`` and ``present`` included; layout, saving and
reading back; the recovery reader) on mutated real files and valid maps of hard shape, a
few hundred inputs in all. Any crash, hang or memory budget breach fails, naming the input.
"""

from __future__ import annotations

import random

import pytest
from fuzz_entry_points import (
    ENTRY_POINTS,
    EntryPoint,
    aif_seeds,
    make_input,
    pathological_map,
    run_entry,
    seed_maps,
)
from map_shapes import chain_map
from pytestqt.qtbot import QtBot

INPUTS_PER_ENTRY_POINT = 18
SCALE = 300  # the largest pathological map here (the long run goes to thousands)
MAPS, AIFS = seed_maps(), aif_seeds()


@pytest.mark.parametrize("entry", ENTRY_POINTS, ids=lambda e: e.name)
def test_entry_point_on_hostile_inputs(entry: EntryPoint, qapp: object) -> None:
    rnd = random.Random(f"argmap-{entry.name}")
    findings = []
    for _ in range(INPUTS_PER_ENTRY_POINT):
        data = make_input(entry, rnd, MAPS, AIFS, SCALE)
        outcome = run_entry(entry, data, limit=20.0)
        if outcome.problem is not None:
            findings.append(f"{outcome.problem} on {data[:160]!r}")
    assert findings == []


@pytest.mark.parametrize("name", ["export", "layout-save", "open"])
def test_a_deep_chain_stays_within_a_small_budget(name: str, qtbot: QtBot) -> None:
    """A 2,000-chain once took 650 MB to lay out; 250 MB is ample for linear cost."""
    entry = next(e for e in ENTRY_POINTS if e.name == name)
    outcome = run_entry(entry, chain_map(2000).model_dump_json().encode(), budget_mb=250)
    assert outcome.problem is None


def test_pathological_maps_are_valid_maps() -> None:
    """The hard shapes the fuzzing feeds in are maps argmap accepts (most of them), so
    the entry points get past reading them."""
    from argmap.io.map_file import MapFileError, loads_map  # noqa: PLC0415

    rnd = random.Random(3)
    read = 0
    for _ in range(40):
        try:
            loads_map(pathological_map(rnd, 200), "shape.argmap.json")
            read += 1
        except MapFileError:
            pass  # numbers past float range are refused, with a reason
    assert read >= 20
