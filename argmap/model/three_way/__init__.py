"""Three-way merge of maps by id, for teams that keep maps in git."""

from argmap.model.three_way.conflicts import ABSENT, Conflict
from argmap.model.three_way.maps import (
    NOTE_MARK,
    MergeResult,
    NotedConflict,
    annotate,
    merge_maps,
    noted_conflicts,
)

__all__ = [
    "ABSENT",
    "NOTE_MARK",
    "Conflict",
    "MergeResult",
    "NotedConflict",
    "annotate",
    "merge_maps",
    "noted_conflicts",
]
