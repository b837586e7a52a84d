"""The map as one analyst sees it: the shared structure with a layer's judgements.

``seen_by(doc, name)`` is an ordinary ``ArgMap``, so every analysis in
:mod:`argmap.analysis` runs unchanged on it (see :mod:`argmap.model.layer`).
"""

from __future__ import annotations

from argmap.model.document import ArgMap
from argmap.model.inference import Inference
from argmap.model.layer import Layer, LayerRating
from argmap.model.rating import Rating
from argmap.model.statement import Statement


def layer_named(doc: ArgMap, name: str | None) -> Layer | None:
    """The layer with this name (the first, should a damaged file hold two), or None."""
    if name is None:
        return None
    return next((layer for layer in doc.layers if layer.name == name), None)


def layer_position(doc: ArgMap, name: str) -> int:
    """Index of the named layer in ``doc.layers`` (KeyError if absent)."""
    for at, layer in enumerate(doc.layers):
        if layer.name == name:
            return at
    raise KeyError(name)


def active_layer(doc: ArgMap) -> Layer | None:
    """The layer edits of judgements go to, or None for the map's own judgements."""
    return layer_named(doc, doc.view.layer)


def seen_by(doc: ArgMap, name: str | None) -> ArgMap:
    """The map as analyst ``name`` sees it: the shared structure with the layer's
    judgements in place of the map's own. ``None`` (or an unknown name) gives ``doc``.

    Records the layer does not change are shared with ``doc``, not copied: read the
    result, do not edit it. Entries naming ids the map does not have are ignored
    (validation reports them).
    """
    layer = layer_named(doc, name)
    if layer is None:
        return doc
    return doc.model_copy(
        update={
            "statements": [_statement_seen(s, layer) for s in doc.statements],
            "inferences": [_inference_seen(i, layer) for i in doc.inferences],
            "ratings": ratings_seen(doc.ratings, layer.ratings),
        }
    )


def seen_active(doc: ArgMap) -> ArgMap:
    """The map as the active layer's analyst sees it (the map itself when none is)."""
    return seen_by(doc, doc.view.layer)


def _statement_seen(statement: Statement, layer: Layer) -> Statement:
    update = {}
    sid = statement.id
    if sid in layer.credibility:
        update["credibility"] = layer.credibility[sid]
    if sid in layer.prior:
        update["prior"] = layer.prior[sid]
    return statement.model_copy(update=update) if update else statement


def _inference_seen(inference: Inference, layer: Layer) -> Inference:
    if inference.id not in layer.strength:
        return inference
    return inference.model_copy(update={"strength": layer.strength[inference.id]})


def ratings_seen(base: list[Rating], overrides: list[LayerRating]) -> list[Rating]:
    """The base ratings with a layer's cells in their place: a cell the layer rates is
    replaced where it stands (or added at the end), one it clears (``None``) is removed."""
    cells = {(r.evidence, r.scenario): r for r in overrides}
    out: list[Rating] = []
    used: set[tuple[str, str]] = set()
    for rating in base:
        key = (rating.evidence, rating.scenario)
        if key not in cells:
            out.append(rating)
        elif key not in used:
            used.add(key)
            mine = cells[key]
            if mine.rating is not None:
                out.append(_as_rating(mine))
    out += [_as_rating(r) for k, r in cells.items() if k not in used and r.rating is not None]
    return out


def _as_rating(cell: LayerRating) -> Rating:
    assert cell.rating is not None
    return Rating(
        evidence=cell.evidence, scenario=cell.scenario, rating=cell.rating, relevance=cell.relevance
    )
