"""One small undo command per kind of edit, each a thin wrapper over argmap.model.edits.

A command plans its model edit when it is created (so redo replays exactly the same ids
and positions), applies it through the controller on ``redo`` and its inverse on
``undo``. Commands never touch canvas items: the controller's signals do the rest.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtGui import QUndoCommand

from argmap.model import InferenceKind, Quote, StatementKind, edits, layer_edits
from argmap.model.edit_steps import Edit, SetCollapsed, SetPinned
from argmap.model.map_properties import set_map_properties, with_focus_claimed

if TYPE_CHECKING:
    from argmap.ui.editing.controller import DocumentController

# Ids for mergeable commands (QUndoCommand.id): consecutive edits of one field merge.
_MERGE_STATEMENT_FIELD = 1
_MERGE_INFERENCE_FIELD = 2


class EditCommand(QUndoCommand):
    """Applies a planned ``Edit``; undo applies its exact inverse.

    A command refers to its controller weakly. The controller's undo stack owns the
    command in C++; a strong reference back would make a cycle that crosses into C++,
    and a garbage collection that broke it could free the controller, and so the stack,
    from inside the command's own teardown: the stack then deleted a half-destroyed
    command (a segfault at exit, seen after the Team and source-reader tests)."""

    def __init__(self, controller: DocumentController, edit: Edit) -> None:
        super().__init__(edit.label)
        self._controller = weakref.ref(controller)
        self.edit = edit

    @property
    def controller(self) -> DocumentController:
        """The controller this command edits through (it outlives its undo stack)."""
        controller = self._controller()
        if controller is None:  # pragma: no cover - the stack dies with its controller
            raise RuntimeError("the command's controller is gone")
        return controller

    def redo(self) -> None:
        self.controller.apply_edit(self.edit)

    def undo(self) -> None:
        self.controller.apply_edit(self.edit.inverse())


class AddStatementCommand(EditCommand):
    """Add a statement, with its support/attack inference when it has a parent, pinned
    at ``at`` (its top-left, scene units) if given: undo takes the pin with the card."""

    def __init__(
        self,
        controller: DocumentController,
        text: str,
        kind: StatementKind,
        *,
        parent: str | None = None,
        relation: InferenceKind = InferenceKind.SUPPORT,
        quotes: Sequence[str] = (),
        index: int | None = None,
        at: tuple[float, float] | None = None,
    ) -> None:
        edit = edits.add_statement(
            controller.index, text, kind, parent=parent, relation=relation, quotes=quotes,
            index=index,
        )  # fmt: skip
        sid: str = edit.steps[0].record.id  # type: ignore[attr-defined]
        if at is not None:
            pin = SetPinned(sid, None, (float(at[0]), float(at[1])))
            edit = Edit(edit.label, (*edit.steps, pin))
        super().__init__(controller, with_focus_claimed(controller.index, edit, sid, kind))
        self.statement_id = sid


class AddPremiseFromQuoteCommand(EditCommand):
    """Quote a passage of an article and add a statement citing it, in one step."""

    def __init__(
        self,
        controller: DocumentController,
        source_id: str,
        start: int,
        end: int,
        *,
        parent: str | None,
        relation: InferenceKind,
        kind: StatementKind,
    ) -> None:
        edit, self.statement_id, self.quote_id = edits.add_premise_from_quote(
            controller.index, source_id, start, end, parent=parent, relation=relation, kind=kind
        )
        super().__init__(controller, edit)


class RemoveStatementsCommand(EditCommand):
    """Delete statements; undo restores them, their links and their order exactly."""

    def __init__(self, controller: DocumentController, ids: Sequence[str]) -> None:
        super().__init__(controller, edits.remove_statements(controller.index, ids))


class SetStatementFieldCommand(EditCommand):
    """Set one field of a statement; consecutive edits of the same field merge."""

    def __init__(
        self, controller: DocumentController, statement_id: str, name: str, value: Any
    ) -> None:
        # A judgement goes into the active analyst layer, if any (model/layer_edits.py).
        edit = layer_edits.set_statement_field(controller.index, statement_id, name, value)
        if name == "kind" and edit:
            edit = with_focus_claimed(controller.index, edit, statement_id, StatementKind(value))
        super().__init__(controller, edit)
        self.key = (statement_id, name)

    def id(self) -> int:
        return _MERGE_STATEMENT_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:
        return _merge(self, other)


class SetInferenceFieldCommand(EditCommand):
    """Set one field of an inference; consecutive edits of the same field merge."""

    def __init__(
        self, controller: DocumentController, inference_id: str, name: str, value: Any
    ) -> None:
        edit = layer_edits.set_inference_field(controller.index, inference_id, name, value)
        super().__init__(controller, edit)
        self.key = (inference_id, name)

    def id(self) -> int:
        return _MERGE_INFERENCE_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:
        return _merge(self, other)


def _merge(mine: SetStatementFieldCommand | SetInferenceFieldCommand, other: QUndoCommand) -> bool:
    if type(other) is not type(mine) or other.key != mine.key:
        return False
    mine.edit = Edit(mine.edit.label, (*mine.edit.steps, *other.edit.steps))
    return True


class AddInferenceCommand(EditCommand):
    """Link premises to a conclusion as a support, attack or undercut."""

    def __init__(
        self,
        controller: DocumentController,
        premises: Sequence[str],
        conclusion: str,
        kind: InferenceKind,
    ) -> None:
        edit = edits.add_inference(controller.index, premises, conclusion, kind)
        super().__init__(controller, edit)
        self.inference_id: str = edit.steps[0].record.id  # type: ignore[attr-defined]


class RemoveInferenceCommand(EditCommand):
    """Delete an inference (and undercuts of it)."""

    def __init__(self, controller: DocumentController, inference_id: str) -> None:
        super().__init__(controller, edits.remove_inference(controller.index, inference_id))


class ReparentCommand(EditCommand):
    """Move a statement (and what hangs under it) to another conclusion; a pinned card
    is unpinned so it joins its new parent's row."""

    def __init__(
        self, controller: DocumentController, statement_id: str, new_parent: str, via: str | None
    ) -> None:
        ix = controller.index
        edit = edits.reparent(ix, statement_id, new_parent, via)
        if edit and statement_id in ix.doc.view.pinned:
            unpin = edits.set_pinned(ix, {statement_id: None})
            edit = Edit(edit.label, (*edit.steps, *unpin.steps))
        super().__init__(controller, edit)


class LinkPremisesCommand(EditCommand):
    """Merge inferences into one: their premises become linked."""

    def __init__(self, controller: DocumentController, inference_ids: Sequence[str]) -> None:
        super().__init__(controller, edits.make_linked(controller.index, inference_ids))


class SeparatePremisesCommand(EditCommand):
    """Split a linked inference into convergent ones."""

    def __init__(self, controller: DocumentController, inference_id: str) -> None:
        super().__init__(controller, edits.make_convergent(controller.index, inference_id))


class AddQuoteCommand(EditCommand):
    """Add a quote, optionally cited by a statement."""

    def __init__(self, controller: DocumentController, quote: Quote, link_to: str | None) -> None:
        super().__init__(controller, edits.add_quote(controller.index, quote, link_to=link_to))


class RemoveQuoteCommand(EditCommand):
    """Delete a quote and the citations of it."""

    def __init__(self, controller: DocumentController, quote_id: str) -> None:
        super().__init__(controller, edits.remove_quote(controller.index, quote_id))


class LinkQuoteCommand(EditCommand):
    """Cite (or stop citing) a quote from a statement."""

    def __init__(
        self, controller: DocumentController, statement_id: str, quote_id: str, linked: bool
    ) -> None:
        plan = edits.link_quote if linked else edits.unlink_quote
        super().__init__(controller, plan(controller.index, statement_id, quote_id))


class MoveCommand(EditCommand):
    """Pin dragged cards where they were dropped: a whole drag is one command."""

    def __init__(
        self, controller: DocumentController, positions: dict[str, tuple[float, float] | None]
    ) -> None:
        super().__init__(controller, edits.set_pinned(controller.index, positions))
        if all(p is None for p in positions.values()):
            self.setText("Unpin")


class CollapseCommand(EditCommand):
    """Collapse or expand a statement's premises."""

    def __init__(self, controller: DocumentController, statement_id: str, collapsed: bool) -> None:
        super().__init__(controller, edits.set_collapsed(controller.index, statement_id, collapsed))


class FoldCommand(EditCommand):
    """Collapse several statements as one step (one relayout, however many)."""

    def __init__(self, controller: DocumentController, ids: Sequence[str], label: str) -> None:
        collapsed = controller.index.doc.view.collapsed
        todo = [sid for sid in dict.fromkeys(ids) if sid not in collapsed]
        for sid in todo:
            controller.index.statement(sid)  # KeyError for an unknown id, before any step
        steps = tuple(SetCollapsed(sid, len(collapsed) + k, True) for k, sid in enumerate(todo))
        super().__init__(controller, Edit(label, steps))


class DirectionCommand(EditCommand):
    """Switch the layout between top-down and left-right."""

    def __init__(self, controller: DocumentController, direction: Literal["TB", "LR"]) -> None:
        super().__init__(controller, edits.set_direction(controller.index, direction))


class MapPropertiesCommand(EditCommand):
    """Set the map's title, focal question, description, analyst, as-of date or source
    policy, as one step."""

    def __init__(self, controller: DocumentController, values: dict[str, Any]) -> None:
        super().__init__(controller, set_map_properties(controller.index, **values))
