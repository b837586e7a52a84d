"""Checks and repairs of analyst layers (:mod:`argmap.model.layer`).

A layer judges statements, inferences and scenarios by id; the shared map moves on while
analysts fill in their layers, so an entry can name something since deleted. That is a
warning (the entry is ignored when the map is weighed) and the repair drops it, saying
so. Two layers with one name are an error (which one is meant?); the repair renames the
later one. A number outside its range or not finite is an error; the repair clamps it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Literal

from pydantic import ValidationError

from argmap.model.document import ArgMap
from argmap.model.layer import Layer
from argmap.model.statement import NOT_EVIDENCE, Statement, StatementKind

Severity = Literal["error", "warning"]
# (JSON path, message, severity, code): validation.Problem's fields, without importing it.
Finding = tuple[str, str, Severity, str]
# (JSON path in the input, what the repair did, the problem code it answers).
Fix = tuple[str, str, str]

_WHAT = {"credibility": "statement", "strength": "inference", "prior": "scenario"}


def _key(prefix: str, key: str) -> str:
    return f"{prefix}[{json.dumps(key, ensure_ascii=False)}]"


def layer_problems(doc: ArgMap) -> Iterator[Finding]:
    """Every problem of the map's layers and of the active layer's name."""
    statements = {s.id: s for s in doc.statements}
    inferences = {i.id for i in doc.inferences}
    first: dict[str, int] = {}
    for n, layer in enumerate(doc.layers):
        path = f"layers[{n}]"
        if layer.name in first:
            yield (
                f"{path}.name",
                f"layer name {layer.name!r} is used twice (first by layers[{first[layer.name]}])",
                "error",
                "duplicate-id",
            )
        else:
            first[layer.name] = n
        yield from _entries(layer, path, statements, inferences)
        yield from _layer_ratings(layer, path, statements)
    active = doc.view.layer
    if active is not None and active not in first:
        yield (
            "view.layer",
            f"the map is shown as layer {active!r}, which it does not have",
            "warning",
            "dangling-reference",
        )


def _entries(
    layer: Layer, path: str, statements: dict[str, Statement], inferences: set[str]
) -> Iterator[Finding]:
    for table in ("credibility", "strength", "prior"):
        values: dict[str, float | None] = getattr(layer, table)
        for key, value in values.items():
            where = _key(f"{path}.{table}", key)
            known = key in inferences if table == "strength" else key in statements
            if not known:
                yield (
                    where,
                    f"layer {layer.name!r} judges the {table} of '{key}', which is not "
                    f"a{'n' * (table == 'strength')} {_WHAT[table]} of this map",
                    "warning",
                    "dangling-reference",
                )
            elif table == "prior" and statements[key].kind is not (StatementKind.SCENARIO):
                yield (
                    where,
                    f"layer {layer.name!r} gives '{key}' a prior, but it is not a scenario",
                    "warning",
                    "wrong-target",
                )
            if value is not None and not math.isfinite(value):
                yield (
                    where,
                    f"layer {layer.name!r} has a {table} that is not a finite number",
                    "error",
                    "non-finite-number",
                )


def _layer_ratings(layer: Layer, path: str, statements: dict[str, Statement]) -> Iterator[Finding]:
    cells: dict[tuple[str, str], int] = {}
    for i, cell in enumerate(layer.ratings):
        where = f"{path}.ratings[{i}]"
        missing = [k for k in (cell.evidence, cell.scenario) if k not in statements]
        if missing:
            yield (
                where,
                f"layer {layer.name!r} rates '{missing[0]}', which is not a statement of this map",
                "warning",
                "dangling-reference",
            )
        elif (kind := statements[cell.evidence].kind) in NOT_EVIDENCE:
            yield (
                where,
                f"layer {layer.name!r} rates '{cell.evidence}' as evidence, but it is a "
                f"{kind.value}, not evidence (the matrix ignores it)",
                "warning",
                "wrong-target",
            )
        pair = (cell.evidence, cell.scenario)
        if pair in cells:
            yield (
                where,
                f"layer {layer.name!r} rates evidence '{cell.evidence}' against "
                f"'{cell.scenario}' twice (first by ratings[{cells[pair]}])",
                "warning",
                "repeated-reference",
            )
        else:
            cells[pair] = i


def repair_layers(doc: ArgMap) -> list[Fix]:
    """Repair the map's layers in place (``doc`` is the repair's own copy): drop entries
    naming what the map does not have, rename a repeated name, clamp numbers; each
    change reported."""
    fixes: list[Fix] = []
    statements = {s.id: s for s in doc.statements}
    inferences = {i.id for i in doc.inferences}
    scenarios = {k for k, s in statements.items() if s.kind is StatementKind.SCENARIO}
    names: set[str] = set()
    for n, layer in enumerate(doc.layers):
        path = f"layers[{n}]"
        if layer.name in names:
            fresh = _free_name(layer.name, names)
            fixes.append(
                (f"{path}.name", f"layer {layer.name!r} renamed {fresh!r}", "duplicate-id")
            )
            layer.name = fresh
        names.add(layer.name)
        for table in ("credibility", "strength", "prior"):
            known = inferences if table == "strength" else set(statements)
            only = scenarios if table == "prior" else None
            kept = _kept_entries(layer, table, f"{path}.{table}", known, fixes, only=only)
            if kept != getattr(layer, table):
                setattr(layer, table, kept)
        cells: set[tuple[str, str]] = set()
        ratings = []
        for i, cell in enumerate(layer.ratings):
            pair = (cell.evidence, cell.scenario)
            why, code = _unusable_cell(pair, statements, cells)
            if why:
                fixes.append(
                    (f"{path}.ratings[{i}]", f"layer {layer.name!r}: rating dropped: {why}", code)
                )
                continue
            cells.add(pair)
            ratings.append(cell)
        if len(ratings) != len(layer.ratings):
            layer.ratings = ratings
    if doc.view.layer is not None and doc.view.layer not in names:
        fixes.append(
            (
                "view.layer",
                f"layer {doc.view.layer!r} does not exist; the map's own judgements are shown",
                "dangling-reference",
            )
        )
        doc.view.layer = None
    return fixes


def _unusable_cell(
    pair: tuple[str, str], statements: dict[str, Statement], cells: set[tuple[str, str]]
) -> tuple[str, str]:
    """Why a layer's rating of ``pair`` must go, and the problem code ("" if it may stay)."""
    missing = [k for k in pair if k not in statements]
    if missing:
        return f"'{missing[0]}' does not exist", "dangling-reference"
    kind = statements[pair[0]].kind
    if kind in NOT_EVIDENCE:
        return f"'{pair[0]}' is a {kind.value}, not evidence", "wrong-target"
    if pair in cells:
        return "the cell is rated twice", "repeated-reference"
    return "", ""


def _kept_entries(
    layer: Layer,
    table: str,
    path: str,
    known: set[str],
    fixes: list[Fix],
    *,
    only: set[str] | None = None,
) -> dict[str, float | None]:
    """The entries of one table worth keeping: of what exists (and is in ``only``, when
    given: the scenarios, for priors), numbers made finite; each drop or change reported."""
    kept: dict[str, float | None] = {}
    values: dict[str, float | None] = getattr(layer, table)
    for key, given in values.items():
        where = _key(path, key)
        value = given
        if key not in known:
            fixes.append(
                (
                    where,
                    f"layer {layer.name!r}: {table} of '{key}' dropped: it does not exist",
                    "dangling-reference",
                )
            )
            continue
        if only is not None and key not in only:
            fixes.append(
                (
                    where,
                    f"layer {layer.name!r}: {table} of '{key}' dropped: it is not a scenario",
                    "wrong-target",
                )
            )
            continue
        if value is not None and not math.isfinite(value):
            bound = 0.0 if value < 0 or math.isnan(value) else (1.0 if table != "prior" else None)
            fixes.append(
                (
                    where,
                    f"layer {layer.name!r}: {table} of '{key}' was not a finite number; "
                    + ("cleared" if bound is None else f"set to {bound}"),
                    "non-finite-number",
                )
            )
            value = bound
        kept[key] = value
    return kept


def _free_name(name: str, taken: set[str]) -> str:
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def check_layer_value(table: str, value: float | None) -> float | None:
    """``value`` if it may stand in a layer's ``table`` (ValueError says why not)."""
    probe = {table: {"x": value}}
    try:
        checked = Layer.model_validate({"name": "check", **probe})
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ValueError(f"{table} {value!r}: {error['msg']}") from None
    result: float | None = getattr(checked, table)["x"]
    if result is not None and not math.isfinite(result):
        raise ValueError(f"{table} {value!r} is not a finite number")
    return result
