"""Undoable edits of analyst layers, and of judgements while a layer is active.

Like :mod:`argmap.model.edits`, each function plans an ``Edit`` without mutating the map;
``ix.apply(edit)`` performs it and ``ix.apply(edit.inverse())`` restores it exactly. A
layer changes as a whole record (:class:`ReplaceLayer`), so an undo puts back its
entries in their order. While a layer is active (``doc.view.layer``), setting a
credibility, strength, prior or ACH rating writes into that layer; the map's own
judgements and the other layers stay as they are.
"""

from __future__ import annotations

from typing import Any

from argmap.model import edits
from argmap.model.edit_steps import Edit, EditError, SetField, Step
from argmap.model.layer import Layer, LayerRating
from argmap.model.layer_checks import check_layer_value
from argmap.model.layer_steps import ReplaceLayer, SetActiveLayer
from argmap.model.layer_view import active_layer, layer_position, seen_active
from argmap.model.map_index import MapIndex
from argmap.model.rating import AchRating
from argmap.model.rating_edits import set_prior_share, set_rating
from argmap.model.statement import why_no_prior

__all__ = [
    "add_layer",
    "remove_layer",
    "set_inference_field",
    "set_layer_prior_share",
    "set_layer_rating",
    "set_statement_field",
    "switch_layer",
]

# --- layers themselves ---------------------------------------------------------------


def add_layer(ix: MapIndex, name: str, *, activate: bool = True) -> Edit:
    """A new, empty layer (its analyst sees the map's own judgements until they judge)."""
    name = name.strip()
    if not name:
        raise EditError("a layer needs a name")
    if any(layer.name == name for layer in ix.doc.layers):
        raise EditError(f"there is already a layer {name!r}")
    steps: list[Step] = [ReplaceLayer(len(ix.doc.layers), None, Layer(name=name))]
    if activate:
        steps.append(SetActiveLayer(ix.doc.view.layer, name))
    return Edit(f"Add layer {name}", tuple(steps))


def remove_layer(ix: MapIndex, name: str) -> Edit:
    """Delete a layer with its judgements (back to the map's own if it was shown)."""
    at = layer_position(ix.doc, name)
    steps: list[Step] = []
    if ix.doc.view.layer == name:
        steps.append(SetActiveLayer(name, None))
    steps.append(ReplaceLayer(at, ix.doc.layers[at], None))
    return Edit(f"Delete layer {name}", tuple(steps))


def switch_layer(ix: MapIndex, name: str | None) -> Edit:
    """Show (and edit) the named layer's judgements; ``None``: the map's own."""
    if name is not None:
        layer_position(ix.doc, name)
    if ix.doc.view.layer == name:
        return Edit("Switch layer", ())
    return Edit("Switch layer", (SetActiveLayer(ix.doc.view.layer, name),))


def set_layer_judgement(
    ix: MapIndex, name: str, table: str, record_id: str, value: float | None
) -> Edit:
    """Set one judgement in the named layer (the map's own and other layers untouched)."""
    if table == "strength":
        ix.inference(record_id)
    else:
        ix.statement(record_id)
    checked = check_layer_value(table, value)
    if table == "prior" and (why := why_no_prior(ix.statement(record_id))):
        raise EditError(why)  # even "no prior": an entry of the table names a scenario
    at = layer_position(ix.doc, name)
    layer = ix.doc.layers[at]
    values: dict[str, float | None] = getattr(layer, table)
    if record_id in values and values[record_id] == checked:
        return Edit(f"Edit {table}", ())
    new = layer.model_copy(deep=True)
    getattr(new, table)[record_id] = checked
    return Edit(f"Edit {table} ({name})", (ReplaceLayer(at, layer, new),))


# --- judgements, routed to the active layer ------------------------------------------


def set_statement_field(ix: MapIndex, statement_id: str, name: str, value: Any) -> Edit:
    """Like :func:`argmap.model.edits.set_statement_field`; a credibility or prior goes to
    the active layer when there is one."""
    layer = active_layer(ix.doc)
    if layer is None or name not in ("credibility", "prior"):
        return edits.set_statement_field(ix, statement_id, name, value)
    return _seen_change(ix, layer, name, statement_id, value)


def set_inference_field(ix: MapIndex, inference_id: str, name: str, value: Any) -> Edit:
    """Like :func:`argmap.model.edits.set_inference_field`; a strength goes to the active
    layer when there is one."""
    layer = active_layer(ix.doc)
    if layer is None or name != "strength":
        return edits.set_inference_field(ix, inference_id, name, value)
    return _seen_change(ix, layer, name, inference_id, value)


def _seen_change(ix: MapIndex, layer: Layer, table: str, record_id: str, value: Any) -> Edit:
    """Into ``layer``, unless the analyst already sees this value."""
    record = ix.inference(record_id) if table == "strength" else ix.statement(record_id)
    values: dict[str, float | None] = getattr(layer, table)
    seen = values[record_id] if record_id in values else getattr(record, table)
    if seen == value:
        return Edit(f"Edit {table}", ())
    return set_layer_judgement(ix, layer.name, table, record_id, value)


def set_layer_rating(ix: MapIndex, evidence: str, scenario: str, rating: AchRating | None) -> Edit:
    """Rate an ACH cell (:func:`argmap.model.rating_edits.set_rating`), in the active
    layer when there is one: ``None`` there means "no explicit rating" for its analyst."""
    layer = active_layer(ix.doc)
    if layer is None:
        return set_rating(ix, evidence, scenario, rating)
    set_rating(ix, evidence, scenario, rating)  # the same checks (ids, scenario kind)
    at = layer_position(ix.doc, layer.name)
    cells = list(layer.ratings)
    new_cell = LayerRating(evidence=evidence, scenario=scenario, rating=rating)
    hit = next(
        (k for k, c in enumerate(cells) if (c.evidence, c.scenario) == (evidence, scenario)), None
    )
    if hit is not None and cells[hit] == new_cell:
        return Edit("Rate", ())
    if hit is None:
        cells.append(new_cell)
    else:
        cells[hit] = new_cell
    new = layer.model_copy(deep=True)
    new.ratings = [c.model_copy() for c in cells]
    label = "Clear rating" if rating is None else f"Rate {rating.value}"
    return Edit(f"{label} ({layer.name})", (ReplaceLayer(at, layer, new),))


def set_layer_prior_share(ix: MapIndex, scenario: str, share: float) -> Edit:
    """Give a scenario this share of the prior (:func:`~argmap.model.rating_edits.
    set_prior_share`), in the active layer when there is one."""
    layer = active_layer(ix.doc)
    if layer is None:
        return set_prior_share(ix, scenario, share)
    planned = set_prior_share(MapIndex(seen_active(ix.doc)), scenario, share)
    if not planned:
        return planned
    at = layer_position(ix.doc, layer.name)
    new = layer.model_copy(deep=True)
    for step in planned.steps:
        assert isinstance(step, SetField)
        new.prior[step.id] = step.new
    return Edit(f"Set prior ({layer.name})", (ReplaceLayer(at, layer, new),))
