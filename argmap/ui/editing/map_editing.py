"""Keyboard-first editing on the canvas: what Insert, Enter, Delete, Ctrl+L... do.

Each method reads the current selection, makes one controller call (one undo step) and
moves the selection where the next keystroke expects it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from argmap.layout.tidy_tree import Direction
from argmap.model import InferenceKind, StatementKind
from argmap.model.edit_steps import EditError
from argmap.model.focal_question import focal_question
from argmap.ui.canvas.view import MapView
from argmap.ui.editing.controller import DocumentController

NEW_TEXT = {
    InferenceKind.SUPPORT: "New premise",
    InferenceKind.ATTACK: "New objection",
}


def child_kind(parent: StatementKind, relation: InferenceKind) -> tuple[StatementKind, str]:
    """The kind and placeholder text of a new card under a ``parent`` card: a scenario
    answers a question; an objection attacks; anything else gets a premise."""
    if relation is InferenceKind.ATTACK:
        return StatementKind.OBJECTION, NEW_TEXT[relation]
    if parent is StatementKind.QUESTION:
        return StatementKind.SCENARIO, "New scenario"
    return StatementKind.PREMISE, NEW_TEXT[relation]


class MapEditing(QObject):
    """The editing verbs behind the main window's actions."""

    message = Signal(str)  # what happened, or why nothing did (for the status bar)

    def __init__(self, controller: DocumentController, view: MapView) -> None:
        super().__init__(view)
        self.controller = controller
        self.view = view

    def _current(self) -> str | None:
        current = self.controller.current
        if current is None:
            self.message.emit("Select a statement first")
        return current

    def _select_and_edit(self, statement_id: str) -> None:
        self.controller.set_selection([statement_id])
        self.view.reveal(statement_id)
        self.view.edit_text(statement_id)

    def add_child(self, relation: InferenceKind = InferenceKind.SUPPORT) -> str | None:
        """A new premise (or objection) under the current statement, ready to type.

        Under a question a supporting child is a scenario. With nothing selected: on an
        empty map a question, else a new top-level claim (a second root), and the status
        bar says how to add under a card instead.
        """
        current = self.controller.current
        if current is None:
            if not self.controller.doc.statements:
                return self.add_question()
            sid = self.add_top_level()
            self.message.emit(
                "Nothing was selected: added a new top-level claim "
                "(select a card first to add a premise under it)"
            )
            return sid
        if current in self.controller.doc.view.collapsed:
            self.controller.set_collapsed(current, False)
        kind, text = child_kind(self.controller.index.statement(current).kind, relation)
        sid = self.controller.add_statement(text, kind, parent=current, relation=relation)
        self._select_and_edit(sid)
        return sid

    def add_question(self) -> str:
        """A new question card on top (the map's focal question if it has none)."""
        sid = self.controller.add_statement("New question?", StatementKind.QUESTION)
        self._select_and_edit(sid)
        return sid

    def add_scenario(self) -> str:
        """A new scenario answering the focal question (a new top-level one without it)."""
        question = focal_question(self.controller.doc)
        if question is not None and question in self.controller.doc.view.collapsed:
            self.controller.set_collapsed(question, False)
        sid = self.controller.add_statement("New scenario", StatementKind.SCENARIO, parent=question)
        self._select_and_edit(sid)
        return sid

    def add_top_level(
        self, kind: StatementKind = StatementKind.CLAIM, at: tuple[float, float] | None = None
    ) -> str:
        """A new card with no parent: pinned with its top-left at ``at`` (scene units) if
        given, else the layout puts it beside the other top cards."""
        text = "New question?" if kind is StatementKind.QUESTION else f"New {kind}"
        sid = self.controller.add_statement(text, kind, at=at)
        self._select_and_edit(sid)
        return sid

    def add_sibling(self) -> str | None:
        """A new statement beside the current one (same conclusion and relation)."""
        current = self._current()
        if current is None:
            return None
        sid = self.controller.add_sibling(current, "New statement")
        self._select_and_edit(sid)
        return sid

    def edit_text(self) -> None:
        current = self._current()
        if current is not None:
            self.view.edit_text(current)

    def delete(self) -> None:
        """Delete the selected statements; the selection moves to the parent."""
        chosen = self.controller.selection
        if not chosen:
            self.message.emit("Nothing selected to delete")
            return
        parents = self.controller.index.parents(chosen[-1])
        self.controller.remove_statements(chosen)
        survivors = [p for p in parents if p in self.controller.index.statements]
        if survivors:
            self.controller.set_selection(survivors[:1])
        n = len(chosen)
        self.message.emit(f"Deleted {n} statement{'s' if n != 1 else ''} (Undo brings back)")

    def link_selected(self, relation: InferenceKind = InferenceKind.SUPPORT) -> None:
        """The earlier selected statements support (or attack) the last selected one."""
        chosen = self.controller.selection
        if len(chosen) < 2:
            self.message.emit("Select the premise(s), then Ctrl+click the conclusion")
            return
        *premises, conclusion = chosen
        try:
            for premise in premises:
                self.controller.add_inference([premise], conclusion, relation)
        except EditError as exc:
            self.message.emit(str(exc))

    def _sibling_inferences(self) -> list[str]:
        ix = self.controller.index
        found: list[str] = []
        for sid in self.controller.selection:
            for iid in ix.with_premise(sid):
                if iid not in found and ix.inferences[iid].kind is not InferenceKind.UNDERCUT:
                    found.append(iid)
        return found

    def make_linked(self) -> None:
        """Selected premises of one conclusion now hold only together."""
        try:
            self.controller.make_linked(self._sibling_inferences())
        except EditError as exc:
            self.message.emit(str(exc))

    def make_convergent(self) -> None:
        """The selected premises' joint inference splits into independent ones."""
        linked = [
            i
            for i in self._sibling_inferences()
            if len(self.controller.index.inferences[i].premises) > 1
        ]
        if not linked:
            self.message.emit("Select a premise of a linked group")
            return
        self.controller.make_convergent(linked[0])

    def set_collapsed(self, collapsed: bool) -> None:
        current = self._current()
        if current is None:
            return
        if collapsed and not self.controller.index.children(current):
            self.message.emit("This statement has no premises to collapse")
            return
        self.controller.set_collapsed(current, collapsed)
        self.view.reveal(current)

    def unpin(self) -> None:
        """Let the selected cards return to their automatic places."""
        pinned = self.controller.doc.view.pinned
        chosen = [s for s in self.controller.selection if s in pinned]
        if chosen:
            self.controller.move(dict.fromkeys(chosen))

    def toggle_direction(self) -> None:
        new: Direction = "LR" if self.controller.doc.view.direction == "TB" else "TB"
        self.controller.set_direction(new)
        current = self.controller.current
        if current is not None:
            self.view.reveal(current)

    def add_undercut(self, inference_id: str) -> str | None:
        """A new objection undercutting an arrow (the step, not its conclusion): one step."""
        if inference_id not in self.controller.index.inferences:
            self.message.emit("That arrow is no longer on the map")
            return None
        stack = self.controller.undo_stack
        stack.beginMacro("Add undercut")
        sid = self.controller.add_statement("New undercut", StatementKind.OBJECTION)
        self.controller.add_inference([sid], inference_id, InferenceKind.UNDERCUT)
        stack.endMacro()
        self._select_and_edit(sid)
        return sid

    def set_focal_question(self) -> None:
        """Make the current card the map's focal question (Map properties does the same)."""
        current = self._current()
        if current is not None:
            self.controller.set_map_properties(question=current)
            self.message.emit("This card is now the map's focal question")

    def set_kind(self, kind: StatementKind) -> None:
        """Change the kind of the selected cards (one undoable step)."""
        stack = self.controller.undo_stack
        stack.beginMacro(f"Change kind to {kind}")
        for sid in self.controller.selection:
            self.controller.set_statement_field(sid, "kind", kind)
        stack.endMacro()
