"""The primitive steps of layer edits (:mod:`argmap.model.layer_edits`), and the steps
that drop a deleted record's judgements from every layer (used by
:mod:`argmap.model.edits` when a statement or inference is deleted)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argmap.model.edit_steps import Change, Step
from argmap.model.layer import Layer
from argmap.model.map_index import MapIndex

TABLES = ("credibility", "strength", "prior")


@dataclass(frozen=True, slots=True)
class ReplaceLayer:
    """Insert (``old`` None), delete (``new`` None) or replace the layer at ``at``."""

    at: int
    old: Layer | None
    new: Layer | None

    def apply(self, ix: MapIndex) -> list[Change]:
        layers = ix.doc.layers
        if self.old is not None and not (
            0 <= self.at < len(layers) and layers[self.at] == self.old
        ):
            raise IndexError(f"layer at {self.at} is not the one this edit expects")
        if self.new is None:
            del layers[self.at]
        elif self.old is None:
            layers.insert(self.at, self.new.model_copy(deep=True))
        else:
            layers[self.at] = self.new.model_copy(deep=True)
        changes = _judgement_changes(ix, self.old, self.new)
        return [*changes, Change("document", "changed", "", "layers")]

    def inverse(self) -> ReplaceLayer:
        return ReplaceLayer(self.at, self.new, self.old)


@dataclass(frozen=True, slots=True)
class SetActiveLayer:
    """Show and edit another layer's judgements (``None``: the map's own)."""

    old: str | None
    new: str | None

    def apply(self, ix: MapIndex) -> list[Change]:
        ix.doc.view.layer = self.new
        return [Change("view", "changed", "", "layer")]

    def inverse(self) -> SetActiveLayer:
        return SetActiveLayer(self.new, self.old)


def _judgement_changes(ix: MapIndex, old: Layer | None, new: Layer | None) -> list[Change]:
    """One change per judgement that differs between two versions of a layer (of records
    the map has now: a deleted record's views are gone already)."""
    out: list[Change] = []
    for table in TABLES:
        before: dict[str, float | None] = getattr(old, table) if old else {}
        after: dict[str, float | None] = getattr(new, table) if new else {}
        for key in dict.fromkeys([*before, *after]):
            if before.get(key, ...) == after.get(key, ...):
                continue
            if table == "strength" and key in ix.inferences:
                out.append(Change("inference", "changed", key, table))
            elif table != "strength" and key in ix.statements:
                out.append(Change("statement", "changed", key, table))
    if (old.ratings if old else []) != (new.ratings if new else []):
        out.append(Change("document", "changed", "", "ratings"))
    return out


def forget_in_layers(ix: MapIndex, record_ids: Iterable[str]) -> list[Step]:
    """Steps dropping every layer entry that names one of these (deleted) records."""
    doomed = set(record_ids)
    steps: list[Step] = []
    for at, layer in enumerate(ix.doc.layers):
        new = layer.model_copy(deep=True)
        for table in TABLES:
            values: dict[str, float | None] = getattr(new, table)
            for key in doomed.intersection(values):
                del values[key]
        new.ratings = [r for r in new.ratings if not doomed.intersection((r.evidence, r.scenario))]
        if new != layer:
            steps.append(ReplaceLayer(at, layer, new))
    return steps


def share_in_layers(ix: MapIndex, inference_id: str, split_ids: Iterable[str]) -> list[Step]:
    """Steps giving inferences split off one every layer's strength of it (like the
    map's own strength, each part keeps what the whole had)."""
    parts = list(split_ids)
    steps: list[Step] = []
    for at, layer in enumerate(ix.doc.layers):
        if inference_id not in layer.strength:
            continue
        new = layer.model_copy(deep=True)
        new.strength.update(dict.fromkeys(parts, layer.strength[inference_id]))
        steps.append(ReplaceLayer(at, layer, new))
    return steps
