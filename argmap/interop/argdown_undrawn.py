"""Inference lines of Argdown arguments that a map cannot draw, kept for Argdown export.

Argdown allows what a map may not hold: an argument whose inference closes a loop of
supports, or concludes its only premise. The import leaves such a step out of the map's
inferences but keeps its id among its argument's steps, and the step itself (premises,
conclusion, scheme, strength, notes) in the argument's inference data under
:data:`UNDRAWN_KEY`, a key argmap reserves there (argmap's map format has no field of its
own for it); the export writes the step back as the inference line it was. An undercut
hung under such a line is kept the same way, and written back under it. A kept step
whose statements were deleted since cannot be written: :func:`unwritable_steps` counts them
so that the export says so.
"""

from __future__ import annotations

from pydantic import JsonValue, ValidationError

from argmap.model import ArgMap, Inference, InferenceKind
from argmap.model.argdown_kept import ArgdownKept

UNDRAWN_KEY = "argmap-undrawn"


def keep_step(kept: ArgdownKept, inference: Inference) -> None:
    """Keep ``inference``, a step of one of ``kept.arguments``, for export."""
    record = inference.model_dump(mode="json", exclude={"id"}, exclude_defaults=True)
    kept.inference_data.setdefault(inference.id, {})[UNDRAWN_KEY] = record


def kept_steps(kept: ArgdownKept) -> dict[str, Inference]:
    """The steps kept by :func:`keep_step`, by id (a damaged record is no step)."""
    found: dict[str, Inference] = {}
    for iid, data in kept.inference_data.items():
        record = data.get(UNDRAWN_KEY)
        if not isinstance(record, dict):
            continue
        try:
            found[iid] = Inference.model_validate({**record, "id": iid})
        except ValidationError:
            continue
    return found


def written_data(kept: ArgdownKept, iid: str) -> dict[str, JsonValue]:
    """The data fields to write on the inference line of step ``iid``."""
    data = kept.inference_data.get(iid, {})
    return {k: v for k, v in data.items() if k != UNDRAWN_KEY}


def writable_steps(doc: ArgMap, kept: ArgdownKept) -> dict[str, Inference]:
    """The kept steps an Argdown export writes: those of a kept argument whose statements
    all are in the map (an inference of the map with the same id is written instead), and
    undercuts of those (written under the step's inference line)."""
    statements = {s.id for s in doc.statements}
    in_arguments = {iid for argument in kept.arguments for iid in argument.steps}
    candidates = _not_in_map(doc, kept)
    steps = {
        iid: step
        for iid, step in candidates.items()
        if iid in in_arguments and statements.issuperset([*step.premises, step.conclusion])
    }
    undercuts = {
        iid: step
        for iid, step in candidates.items()
        if step.kind is InferenceKind.UNDERCUT
        and step.conclusion in steps
        and statements.issuperset(step.premises)
    }
    return steps | undercuts


def unwritable_steps(doc: ArgMap) -> int:
    """How many kept steps an Argdown export of ``doc`` leaves out (their statements gone)."""
    kept = doc.dialogue.argdown if doc.dialogue is not None else None
    if kept is None:
        return 0
    return len(_not_in_map(doc, kept)) - len(writable_steps(doc, kept))


def _not_in_map(doc: ArgMap, kept: ArgdownKept) -> dict[str, Inference]:
    """The kept steps and undercuts no inference of the map has taken the id of."""
    inferences = {i.id for i in doc.inferences}
    in_arguments = {iid for argument in kept.arguments for iid in argument.steps}
    return {
        iid: step
        for iid, step in kept_steps(kept).items()
        if iid not in inferences and (iid in in_arguments or step.kind is InferenceKind.UNDERCUT)
    }
