"""Which inferences of a map every exporter can draw: those whose ends all exist."""

from __future__ import annotations

from argmap.model import ArgMap, Inference, InferenceKind


def drawable_inferences(doc: ArgMap) -> list[Inference]:
    """Inferences whose premises and conclusion exist, in map order.

    An undercut needs its target inference drawable too, so dangling references never
    reach an export (the map's validator reports them to the user).
    """
    statements = {s.id for s in doc.statements}
    kept = [i for i in doc.inferences if all(p in statements for p in i.premises)]
    while True:
        ids = {i.id for i in kept}
        still = [i for i in kept if _target_exists(i, ids, statements)]
        if len(still) == len(kept):
            return kept
        kept = still


def _target_exists(inference: Inference, inferences: set[str], statements: set[str]) -> bool:
    if inference.kind is InferenceKind.UNDERCUT:
        return inference.conclusion in inferences and inference.conclusion != inference.id
    return inference.conclusion in statements
