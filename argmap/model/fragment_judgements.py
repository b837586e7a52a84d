"""The judgements that travel with copied cards: ACH row weights, signposts and what each
analyst's layer says of them (:mod:`argmap.model.map_fragment` copies and pastes the
cards themselves).

A layer's judgements go into the layer of the same name in the map pasted into; a map
without that layer gets none of them (a paste does not add an analyst), and the paste
says how many it left out.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from typing import Any

from argmap.model.document import ArgMap
from argmap.model.edit_steps import InsertRecord
from argmap.model.ids import PREFIXES, new_id
from argmap.model.layer import Layer
from argmap.model.layer_steps import ReplaceLayer
from argmap.model.map_index import MapIndex
from argmap.model.rating import AchRow
from argmap.model.signpost import Signpost


@dataclass
class Judged:
    """What a fragment's cards carry besides themselves, cut to those cards."""

    ach_rows: list[AchRow]
    signposts: list[Signpost]
    layers: list[Layer]


def judgements_of(doc: ArgMap, statements: Set[str], inferences: Set[str]) -> Judged:
    """The row weights, signposts and layer judgements of these statements and inferences."""
    layers = []
    for layer in doc.layers:
        part = Layer(
            name=layer.name,
            credibility={k: v for k, v in layer.credibility.items() if k in statements},
            strength={k: v for k, v in layer.strength.items() if k in inferences},
            prior={k: v for k, v in layer.prior.items() if k in statements},
            ratings=[
                r for r in layer.ratings if r.evidence in statements and r.scenario in statements
            ],
        )
        if part.size():
            layers.append(part)
    return Judged(
        ach_rows=[r for r in doc.ach_rows if r.evidence in statements],
        signposts=[s for s in doc.signposts if s.scenario in statements],
        layers=layers,
    )


@dataclass
class PastedJudgements:
    """The steps adding a fragment's judgements, and what they carried or left out."""

    steps: list[Any] = field(default_factory=list)
    rows: int = 0
    signposts: int = 0
    layer_judgements: int = 0
    left_out: dict[str, int] = field(default_factory=dict)  # layer name -> judgements


def paste_judgements(ix: MapIndex, frag: ArgMap, new_id_of: dict[str, str]) -> PastedJudgements:
    """Steps adding the fragment's row weights, signposts and layer judgements under the
    pasted cards' new ids (``new_id_of``: fragment id -> id in the map)."""
    done = PastedJudgements()
    at = len(ix.doc.ach_rows)
    for row in frag.ach_rows:
        if row.evidence in new_id_of:
            moved = row.model_copy(update={"evidence": new_id_of[row.evidence]})
            done.steps.append(InsertRecord("ach_row", at, moved))
            at += 1
            done.rows += 1
    taken = {s.id for s in ix.doc.signposts}
    at = len(ix.doc.signposts)
    for signpost in frag.signposts:
        if signpost.scenario in new_id_of:
            sid = new_id(PREFIXES["signpost"], taken)
            taken.add(sid)
            update = {"id": sid, "scenario": new_id_of[signpost.scenario]}
            done.steps.append(InsertRecord("signpost", at, signpost.model_copy(update=update)))
            at += 1
            done.signposts += 1
    positions = {layer.name: k for k, layer in enumerate(ix.doc.layers)}
    for part in frag.layers:
        _paste_layer(ix, part, positions.get(part.name), new_id_of, done)
    return done


def _paste_layer(
    ix: MapIndex, part: Layer, at: int | None, new_id_of: dict[str, str], done: PastedJudgements
) -> None:
    if at is None:
        done.left_out[part.name] = part.size()
        return
    layer = ix.doc.layers[at]
    new = layer.model_copy(deep=True)
    before = new.size()
    for table in ("credibility", "strength", "prior"):
        values: dict[str, float | None] = getattr(new, table)
        for key, value in getattr(part, table).items():
            if key in new_id_of:
                values[new_id_of[key]] = value
    for cell in part.ratings:
        if cell.evidence in new_id_of and cell.scenario in new_id_of:
            update = {"evidence": new_id_of[cell.evidence], "scenario": new_id_of[cell.scenario]}
            new.ratings.append(cell.model_copy(update=update))
    if new.size() > before:
        done.steps.append(ReplaceLayer(at, layer, new))
        done.layer_judgements += new.size() - before
