"""The open document: its map, undo stack, file and selection, with fine-grained signals.

Every change goes one way: a command (argmap.ui.editing.commands) applies a model edit through
``apply_edit``; the controller then emits one signal per change (``statement_added``,
``statement_changed(id, field)``...) followed by ``edited``; views mirror those signals.
Views never write the map themselves: they call the editing methods below, each of which
pushes one undoable command and returns what it created.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from argmap.model import ArgMap, InferenceKind, Quote, Source, StatementKind, edits
from argmap.model.edit_steps import Change, Edit, EditError
from argmap.model.focal_question import focal_question, with_focal_question
from argmap.model.map_index import MapIndex
from argmap.ui.editing import commands as cmds

__all__ = ["DocumentController", "EditError"]


class DocumentController(QObject):
    """Holds the ``ArgMap`` being edited and announces every change to it.

    Signals (ids are statement / inference / quote ids):
      statement_added(id), statement_removed(id), statement_changed(id, field)
      inference_added(id), inference_removed(id), inference_changed(id, field)
      quotes_changed()                  a quote was added or removed
      view_changed(id, field)           field in {"pinned", "collapsed", "direction"}
      document_changed(field)           title / question / ratings
      edited()                          after each applied edit (undo/redo included)
      document_reset()                  a different map was loaded: rebuild everything
      selection_changed(list[str])      statement ids selected on the canvas
      quote_requested(quote_id)         someone asked to show a quote in its article
      path_changed(str), dirty_changed(bool)
    """

    statement_added = Signal(str)
    statement_removed = Signal(str)
    statement_changed = Signal(str, str)
    inference_added = Signal(str)
    inference_removed = Signal(str)
    inference_changed = Signal(str, str)
    quotes_changed = Signal()
    view_changed = Signal(str, str)
    document_changed = Signal(str)
    edited = Signal()
    document_reset = Signal()
    selection_changed = Signal(list)
    quote_requested = Signal(str)
    path_changed = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, doc: ArgMap | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index = MapIndex(doc if doc is not None else ArgMap())
        self._path: Path | None = None
        self._selection: list[str] = []
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    # --- document ------------------------------------------------------------------------

    @property
    def doc(self) -> ArgMap:
        """The map being edited (read it freely; change it only through this controller)."""
        return self._index.doc

    @property
    def index(self) -> MapIndex:
        """Lookups by id and adjacency (parents, children, quoting...) for the map."""
        return self._index

    @property
    def path(self) -> Path | None:
        """The file the map was loaded from or last saved to."""
        return self._path

    @property
    def is_dirty(self) -> bool:
        """Whether there are changes since the last load or save."""
        return not self.undo_stack.isClean()

    def set_document(self, doc: ArgMap, path: Path | None = None) -> None:
        """Replace the whole map (clears undo history and selection)."""
        self.undo_stack.clear()
        if doc.question is None:  # a question card but no choice: the readers' choice
            doc.question = focal_question(doc)
        self._index = MapIndex(doc)
        self._selection = []
        self._set_path(path)
        self.undo_stack.setClean()
        self.document_reset.emit()
        self.selection_changed.emit([])
        self.dirty_changed.emit(False)

    def open(self, path: str | Path) -> None:
        """Load a map file (raises ``MapFileError`` with a readable message)."""
        from argmap.io.map_file import load_map  # noqa: PLC0415

        path = Path(path)
        self.set_document(load_map(path), path)

    def save(self, path: str | Path | None = None) -> Path:
        """Save atomically to ``path`` (default: the current file); marks the map clean."""
        from argmap.io.map_file import save_map  # noqa: PLC0415

        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("no file name given for an unsaved map")
        save_map(with_focal_question(self.doc), target)
        self._set_path(target)
        self.undo_stack.setClean()
        return target

    def _set_path(self, path: Path | None) -> None:
        self._path = path
        self.path_changed.emit(str(path) if path is not None else "")

    # --- applying edits (called by commands) -----------------------------------------------

    def apply_edit(self, edit: Edit) -> list[Change]:
        """Apply a planned edit and announce its changes. Commands call this; nobody else."""
        changes = self._index.apply(edit)
        for change in changes:
            self._announce(change)
        if self._selection:
            kept = [s for s in self._selection if s in self._index.statements]
            if kept != self._selection:
                self.set_selection(kept)
        self.edited.emit()
        return changes

    def _announce(self, change: Change) -> None:
        topic, action = change.topic, change.action
        if topic == "statement":
            if action == "added":
                self.statement_added.emit(change.id)
            elif action == "removed":
                self.statement_removed.emit(change.id)
            else:
                self.statement_changed.emit(change.id, change.field)
        elif topic == "inference":
            if action == "added":
                self.inference_added.emit(change.id)
            elif action == "removed":
                self.inference_removed.emit(change.id)
            else:
                self.inference_changed.emit(change.id, change.field)
        elif topic == "quote":
            self.quotes_changed.emit()
        elif topic == "view":
            self.view_changed.emit(change.id, change.field)
        else:
            self.document_changed.emit(change.field)

    def push(self, command: QUndoCommand) -> bool:
        """Push a command unless it would change nothing; return whether it was pushed."""
        edit = getattr(command, "edit", None)
        if isinstance(edit, Edit) and not edit:
            return False
        self.undo_stack.push(command)
        return True

    # --- selection and requests ---------------------------------------------------------

    @property
    def selection(self) -> list[str]:
        """Selected statement ids, in selection order (the last is the current one)."""
        return list(self._selection)

    @property
    def current(self) -> str | None:
        """The statement keyboard actions apply to: the last selected one."""
        return self._selection[-1] if self._selection else None

    def set_selection(self, ids: Iterable[str]) -> None:
        """Select these statements (unknown ids are ignored)."""
        kept = [s for s in dict.fromkeys(ids) if s in self._index.statements]
        if kept != self._selection:
            self._selection = kept
            self.selection_changed.emit(list(kept))

    def request_quote(self, quote_id: str) -> None:
        """Ask the source reader to show this quote in its article."""
        if quote_id in self._index.quotes:
            self.quote_requested.emit(quote_id)

    # --- editing API: each call pushes one undoable command -----------------------------

    def add_statement(
        self,
        text: str,
        kind: StatementKind = StatementKind.PREMISE,
        *,
        parent: str | None = None,
        relation: InferenceKind = InferenceKind.SUPPORT,
        quotes: Sequence[str] = (),
        index: int | None = None,
        at: tuple[float, float] | None = None,
    ) -> str:
        """Add a statement (under ``parent`` as a support or attack), pinned with its
        top-left at ``at`` if given (one undo step); returns its id."""
        cmd = cmds.AddStatementCommand(
            self, text, kind, parent=parent, relation=relation, quotes=quotes, index=index,
            at=at,
        )  # fmt: skip
        self.push(cmd)
        return cmd.statement_id

    def add_sibling(self, statement_id: str, text: str = "") -> str:
        """Add a statement next to ``statement_id``: same parent, same relation."""
        ix = self._index
        stmt = ix.statement(statement_id)
        via = next(
            (
                ix.inferences[i]
                for i in ix.with_premise(statement_id)
                if ix.inferences[i].kind is not InferenceKind.UNDERCUT
            ),
            None,
        )
        return self.add_statement(
            text,
            stmt.kind,
            parent=via.conclusion if via else None,
            relation=via.kind if via else InferenceKind.SUPPORT,
            index=ix.statement_position(statement_id) + 1,
        )

    def add_premise_from_quote(
        self,
        source_id: str,
        start: int,
        end: int,
        *,
        parent: str | None = None,
        relation: InferenceKind = InferenceKind.SUPPORT,
        kind: StatementKind = StatementKind.EVIDENCE,
    ) -> tuple[str, str]:
        """New statement citing ``source.text[start:end]`` (one undo step); (statement, quote)."""
        cmd = cmds.AddPremiseFromQuoteCommand(
            self, source_id, start, end, parent=parent, relation=relation, kind=kind
        )
        self.push(cmd)
        return cmd.statement_id, cmd.quote_id

    def remove_statements(self, ids: Iterable[str]) -> None:
        """Delete statements with their links (one undo step restores all of it)."""
        self.push(cmds.RemoveStatementsCommand(self, list(ids)))

    def set_statement_field(self, statement_id: str, name: str, value: Any) -> None:
        """Set text, kind, notes, tags, credibility or prior (raises ValueError if invalid)."""
        self.push(cmds.SetStatementFieldCommand(self, statement_id, name, value))

    def set_inference_field(self, inference_id: str, name: str, value: Any) -> None:
        """Set kind, strength, scheme or notes of an inference."""
        self.push(cmds.SetInferenceFieldCommand(self, inference_id, name, value))

    def add_inference(
        self,
        premises: Sequence[str],
        conclusion: str,
        kind: InferenceKind = InferenceKind.SUPPORT,
    ) -> str:
        """Link premises to a conclusion (EditError if circular); returns the inference id."""
        cmd = cmds.AddInferenceCommand(self, premises, conclusion, kind)
        self.push(cmd)
        return cmd.inference_id

    def remove_inference(self, inference_id: str) -> None:
        """Delete an inference (and undercuts aimed at it)."""
        self.push(cmds.RemoveInferenceCommand(self, inference_id))

    def reparent(self, statement_id: str, new_parent: str, via: str | None = None) -> None:
        """Move a statement and its subtree under another statement."""
        self.push(cmds.ReparentCommand(self, statement_id, new_parent, via))

    def make_linked(self, inference_ids: Sequence[str]) -> None:
        """Merge inferences into one conclusion: their premises now hold only together."""
        self.push(cmds.LinkPremisesCommand(self, inference_ids))

    def make_convergent(self, inference_id: str) -> None:
        """Split a linked inference into one inference per premise."""
        self.push(cmds.SeparatePremisesCommand(self, inference_id))

    def add_sources(self, sources: Sequence[Source]) -> None:
        """Add imported articles to the map (one undo step)."""
        self.push(cmds.EditCommand(self, edits.add_sources(self._index, sources)))

    def add_quote(self, quote: Quote, link_to: str | None = None) -> None:
        """Add a quote, optionally cited by a statement."""
        self.push(cmds.AddQuoteCommand(self, quote, link_to))

    def remove_quote(self, quote_id: str) -> None:
        """Delete a quote and every citation of it."""
        self.push(cmds.RemoveQuoteCommand(self, quote_id))

    def link_quote(self, statement_id: str, quote_id: str, linked: bool = True) -> None:
        """Let a statement cite a quote (``linked=False`` removes the citation)."""
        self.push(cmds.LinkQuoteCommand(self, statement_id, quote_id, linked))

    def move(self, positions: dict[str, tuple[float, float] | None]) -> None:
        """Pin cards at scene positions (top-left; ``None`` unpins) as one "Move" step."""
        self.push(cmds.MoveCommand(self, positions))

    def set_collapsed(self, statement_id: str, collapsed: bool) -> None:
        """Hide (or show again) the premises under a statement."""
        self.push(cmds.CollapseCommand(self, statement_id, collapsed))

    def fold(self, ids: Sequence[str], label: str = "Fold") -> None:
        """Collapse several statements as one undo step (one relayout)."""
        self.push(cmds.FoldCommand(self, ids, label))

    def set_map_properties(self, **values: Any) -> None:
        """Set map properties (title, question, description, analyst, as_of,
        source_policy) as one undoable step (EditError on a bad value)."""
        self.push(cmds.MapPropertiesCommand(self, values))

    def set_direction(self, direction: Literal["TB", "LR"]) -> None:
        """Lay the map out top-down or left-right."""
        self.push(cmds.DirectionCommand(self, direction))
