"""Cut, copy, paste and duplicate of cards with their subtrees, through the system clipboard.

Copy puts three forms on the clipboard: argmap's own JSON (private type: quotes, articles
and judgements come along to another map), Argdown and a plain-text outline (for other
applications). Paste prefers argmap's own form; text from elsewhere is read as Argdown or
as an outline (argmap.interop.clipboard_text). Each paste, cut and duplicate is one
undoable step; the status bar says what it added.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QByteArray, QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication

from argmap.interop.clipboard_text import (
    MIME_ARGDOWN,
    MIME_FRAGMENT,
    ReadText,
    fragment_argdown,
    fragment_json,
    fragment_outline,
    read_fragment_json,
    read_text,
)
from argmap.interop.errors import InteropError
from argmap.model import ArgMap, InferenceKind
from argmap.model.edit_steps import EditError
from argmap.model.map_fragment import Pasted, copy_fragment, placed_at, plan_paste
from argmap.model.map_subset import subtree_ids
from argmap.ui.editing.commands import EditCommand
from argmap.ui.editing.controller import DocumentController


def fragment_mime(frag: ArgMap) -> QMimeData:
    """The clipboard payload for a fragment: private JSON, Argdown and plain text."""
    mime = QMimeData()
    mime.setData(MIME_FRAGMENT, QByteArray(fragment_json(frag).encode("utf-8")))
    mime.setData(MIME_ARGDOWN, QByteArray(fragment_argdown(frag).encode("utf-8")))
    mime.setText(fragment_outline(frag))
    return mime


def fragment_from_mime(mime: QMimeData) -> ReadText:
    """What a paste of ``mime`` would add (InteropError when nothing usable is there)."""
    if mime.hasFormat(MIME_FRAGMENT):
        data = bytes(mime.data(MIME_FRAGMENT).data())
        return ReadText(read_fragment_json(data), "argmap")
    if mime.hasFormat(MIME_ARGDOWN):
        return read_text(bytes(mime.data(MIME_ARGDOWN).data()).decode("utf-8", "replace"))
    if mime.hasText() and mime.text().strip():
        return read_text(mime.text())
    raise InteropError("the clipboard", "holds no statements or text to paste")


class MapClipboard(QObject):
    """The clipboard verbs of the map editor (Edit menu, context menus, Ctrl+C/X/V/D)."""

    message = Signal(str)  # what happened, or why nothing did
    pasted = Signal(list)  # the top cards a paste added (to reveal them)

    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

    def _chosen(self) -> list[str]:
        chosen = self.controller.selection
        if not chosen:
            self.message.emit("Select the cards to copy first")
        return chosen

    def copy(self) -> bool:
        """Copy the selected cards with everything under them."""
        chosen = self._chosen()
        if not chosen:
            return False
        frag = copy_fragment(self.controller.doc, chosen)
        QGuiApplication.clipboard().setMimeData(fragment_mime(frag))
        n = len(frag.statements)
        self.message.emit(
            f"Copied {n} statement{'s' * (n != 1)}"
            + (f" with {len(frag.quotes)} quotes" if frag.quotes else "")
        )
        return True

    def cut(self) -> None:
        """Copy, then delete what was copied (one undoable step)."""
        chosen = self.controller.selection
        if not self.copy():
            return
        doomed: dict[str, None] = {}
        for sid in chosen:
            doomed.update(dict.fromkeys(subtree_ids(self.controller.doc, sid)))
        self.controller.remove_statements(doomed)
        n = len(doomed)
        self.message.emit(f"Cut {n} statement{'s' * (n != 1)} (paste puts them back elsewhere)")

    def can_paste(self) -> bool:
        """Whether the clipboard holds anything a paste could use."""
        mime = cast("QMimeData | None", QGuiApplication.clipboard().mimeData())
        if mime is None:
            return False
        return mime.hasFormat(MIME_FRAGMENT) or mime.hasFormat(MIME_ARGDOWN) or bool(mime.text())

    def paste(
        self,
        parent: str | None = None,
        *,
        top_level: bool = False,
        at: tuple[float, float] | None = None,
    ) -> Pasted | None:
        """Paste under ``parent`` (default: the current card; ``top_level``: no parent;
        ``at``: with no parent, the top cards pinned at that scene point)."""
        mime = cast("QMimeData | None", QGuiApplication.clipboard().mimeData())
        if mime is None:
            self.message.emit("The clipboard is empty")
            return None
        try:
            read = fragment_from_mime(mime)
        except InteropError as exc:
            self.message.emit(f"Nothing pasted: {exc}")
            return None
        target = None if top_level or at is not None else (parent or self.controller.current)
        doc = read.doc if at is None else placed_at(read.doc, at)
        done = self.add_fragment(doc, target)
        if done is not None:
            how = "" if read.how == "argmap" else f" from {read.how}"
            notes = f"; {'; '.join(read.warnings)}" if read.warnings else ""
            self.message.emit(f"{done.summary()}{how}{notes}")
        return done

    def duplicate(self) -> Pasted | None:
        """A copy of the selected cards and their subtrees beside the current one."""
        chosen = self._chosen()
        if not chosen:
            return None
        ix = self.controller.index
        current = chosen[-1]
        via = next(
            (
                ix.inferences[i]
                for i in ix.with_premise(current)
                if ix.inferences[i].kind is not InferenceKind.UNDERCUT
            ),
            None,
        )
        frag = copy_fragment(self.controller.doc, chosen)
        parent = via.conclusion if via is not None else None
        done = self.add_fragment(frag, parent, via.kind if via is not None else None)
        if done is not None:
            self.message.emit(done.summary().replace("Pasted", "Duplicated", 1))
        return done

    def add_fragment(
        self, frag: ArgMap, parent: str | None, relation: InferenceKind | None = None
    ) -> Pasted | None:
        """Add a fragment as one undoable step and select its top cards."""
        try:
            done = plan_paste(self.controller.index, frag, parent, relation)
        except EditError as exc:
            self.message.emit(f"Nothing pasted: {exc}")
            return None
        command = EditCommand(self.controller, done.edit)
        self.controller.push(command)
        self.controller.set_selection(done.roots)
        self.pasted.emit(done.roots)
        return done
