"""Analyst layers in argmap's AIF entry: each layer with its ids written as AIF nodeIDs.

Written under ``"argmap": {"layers": [...]}`` as
``{"name": "Alice", "credibility": {"<nodeID>": 0.8}, "strength": {...}, "prior": {...},
"ratings": [{"evidence": "<nodeID>", "scenario": "<nodeID>", "rating": "C", ...}],
"notes": ""}``. An entry naming a node the file does not draw is left out on writing
(as the node's own fields are); reading back, one naming a node the file no longer has
is left out with a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from argmap.interop.aif_model import shaped
from argmap.model import ArgMap, Layer

_TABLES = ("credibility", "strength", "prior")


def layers_entry(doc: ArgMap, node_of: dict[str, str], written: set[str]) -> list[dict[str, Any]]:
    """The map's layers with record ids replaced by nodeIDs (``written``: the ids of the
    inferences the file draws)."""
    statements = {s.id for s in doc.statements}
    out = []
    for layer in doc.layers:
        item: dict[str, Any] = {"name": layer.name}
        for table in _TABLES:
            values: dict[str, float | None] = getattr(layer, table)
            drawn = written if table == "strength" else statements
            item[table] = {node_of[k]: v for k, v in values.items() if k in drawn}
        item["ratings"] = [
            r.model_dump(mode="json")
            | {"evidence": node_of[r.evidence], "scenario": node_of[r.scenario]}
            for r in layer.ratings
            if r.evidence in statements and r.scenario in statements
        ]
        item["notes"] = layer.notes
        out.append(item)
    return out


def layers_from(raw: Any, ids: dict[str, str], warn: Callable[[str], None]) -> list[Layer]:
    """The layers of an entry, nodeIDs mapped back to record ids by ``ids``."""
    found: list[Layer] = []
    for n, item in enumerate(shaped(raw, list, "$.argmap.layers", warn) or []):
        where = f"$.argmap.layers[{n}]"
        if not isinstance(item, dict):
            warn(f"{where}: not a layer; left out")
            continue
        record: dict[str, Any] = {"name": item.get("name"), "notes": item.get("notes", "")}
        for table in _TABLES:
            values = shaped(item.get(table), dict, f"{where}.{table}", warn) or {}
            record[table] = {}
            for node, value in values.items():
                if str(node) in ids:
                    record[table][ids[str(node)]] = value
                else:
                    warn(f"{where}.{table}: names node {node!r} the file no longer has; left out")
        record["ratings"] = []
        cells = shaped(item.get("ratings"), list, f"{where}.ratings", warn) or []
        for index, cell in enumerate(cells):
            if not isinstance(cell, dict):
                warn(f"{where}.ratings[{index}]: not an object; left out")
                continue
            evidence, scenario = (
                ids.get(str(cell.get("evidence"))),
                ids.get(str(cell.get("scenario"))),
            )
            if evidence is None or scenario is None:
                warn(f"{where}.ratings: names a node the file no longer has; left out")
                continue
            record["ratings"].append(cell | {"evidence": evidence, "scenario": scenario})
        try:
            found.append(Layer.model_validate(record))
        except ValidationError as exc:
            warn(f"{where}: {exc.errors()[0]['msg']}; left out")
    return found
