"""Adding articles to the map as sources, as one undoable step.

The model's edit steps cover statements, inferences, quotes and ratings; sources get
their own exactly invertible step here, so an import is undone like any other edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.model.edit_steps import Change, Edit
from argmap.model.map_index import MapIndex
from argmap.model.source import Source
from argmap.ui.commands import EditCommand
from argmap.ui.controller import DocumentController


@dataclass(frozen=True, slots=True)
class InsertSource:
    """Insert a source at an index of ``doc.sources``."""

    at: int
    source: Source

    def apply(self, ix: MapIndex) -> list[Change]:
        if self.source.id in ix.sources:
            raise ValueError(f"source id {self.source.id!r} is already in use")
        record = self.source.model_copy(deep=True)
        ix.doc.sources.insert(self.at, record)
        ix.sources[record.id] = record
        return [Change("document", "changed", "", "sources")]

    def inverse(self) -> RemoveSource:
        return RemoveSource(self.at, self.source)


@dataclass(frozen=True, slots=True)
class RemoveSource:
    """Remove the source at an index of ``doc.sources`` (it must be ``source``)."""

    at: int
    source: Source

    def apply(self, ix: MapIndex) -> list[Change]:
        sources = ix.doc.sources
        if not (0 <= self.at < len(sources) and sources[self.at].id == self.source.id):
            raise IndexError(f"source at {self.at} is not {self.source.id!r}")
        del sources[self.at]
        del ix.sources[self.source.id]
        return [Change("document", "changed", "", "sources")]

    def inverse(self) -> InsertSource:
        return InsertSource(self.at, self.source)


def add_sources_edit(ix: MapIndex, sources: Sequence[Source]) -> Edit:
    """Append ``sources`` to the map in one edit."""
    start = len(ix.doc.sources)
    steps = tuple(InsertSource(start + n, s) for n, s in enumerate(sources))
    label = "Add article" if len(sources) == 1 else f"Add {len(sources)} articles"
    return Edit(label, steps)


def add_sources(controller: DocumentController, sources: Sequence[Source]) -> bool:
    """Add sources as one undo step; False if there was nothing to add."""
    return controller.push(EditCommand(controller, add_sources_edit(controller.index, sources)))
