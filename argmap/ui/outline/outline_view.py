"""The outline: the map as an indented tree, read and edited with the keyboard alone.

It is the accessible way into the map (a screen reader reads each row as a sentence, see
statement_words) and a fast way to write one: the canvas's editing keys work here too
and go through the same undoable commands; the selection is the controller's, shared
with the canvas and the inspector.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFocusEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from argmap.ui.editing.controller import DocumentController
from argmap.ui.outline.outline_model import OutlineModel

Flag = QItemSelectionModel.SelectionFlag
# Above this many statements an outline out of sight waits to be shown before it follows a
# structural edit (a rebuild costs about 0.1 ms a row); below, it is always current, so a
# screen reader finds every row even behind another tab.
LAZY_ABOVE = 2000


class WrappedRows(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the width the tree leaves them."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self.view.viewport().width() - depth * self.view.indentation()
        wrapped = QStyleOptionViewItem(option)
        wrapped.rect = QRect(0, 0, max(width, 80), 1)  # valid, so the text wraps (assign: a copy)
        wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        return super().sizeHint(wrapped, index)


class OutlineView(QTreeView):
    """The tree of statements; follows the controller, edits through it."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.outline = OutlineModel(controller, self)
        self._closed: set[str] = set()  # rows the user folded (all others stay open)
        self._structure_changed = False
        self._changed: set[str] = set()
        self._syncing = False
        self._stale = True  # the map changed while the outline was out of sight
        self.setModel(self.outline)
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        self.setWordWrap(True)  # the whole statement, as on its card
        self.setItemDelegate(WrappedRows(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.setAccessibleName("Outline of the map")
        self.setAccessibleDescription(
            "Every statement as a tree. Insert adds a premise, Shift+Insert an objection, "
            "Enter a sibling, F2 edits the text, Delete deletes; the context menu lists more."
        )
        self.collapsed.connect(self._on_folded)
        self.expanded.connect(self._on_unfolded)
        self.selectionModel().selectionChanged.connect(self._on_tree_selection)
        c = controller
        c.document_reset.connect(self._on_reset)
        c.statement_added.connect(self._on_structure)
        c.statement_removed.connect(self._on_structure)
        c.inference_added.connect(self._on_structure)
        c.inference_removed.connect(self._on_structure)
        c.inference_changed.connect(self._on_inference_changed)
        c.statement_changed.connect(self._on_statement_changed)
        c.quotes_changed.connect(self._on_structure)
        c.edited.connect(self._apply)
        c.selection_changed.connect(self._on_controller_selection)
        self._on_reset()

    # --- following the map ---------------------------------------------------------------

    def _on_reset(self) -> None:
        self._closed.clear()
        self._structure_changed = True
        self._apply()

    def _on_structure(self, *_ids: str) -> None:
        self._structure_changed = True

    def _on_inference_changed(self, _iid: str, field: str) -> None:
        if field in ("kind", "premises", "conclusion"):
            self._structure_changed = True

    def _on_statement_changed(self, statement_id: str, _field: str) -> None:
        self._changed.add(statement_id)

    def _seen(self) -> bool:
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def show_if_stale(self, visible: bool = True) -> None:
        """Brought into sight (a dock's tab raised, F6): catch up with the map."""
        if visible and self._stale:
            self._rebuild()

    def _apply(self) -> None:
        big = len(self.controller.doc.statements) > LAZY_ABOVE
        if self._structure_changed and big and not self._seen():
            self._stale = True  # rebuilt when shown: an unseen outline costs no edit time
        elif self._structure_changed or self._stale:
            self._rebuild()
        else:
            for sid in self._changed:
                self.outline.refresh(sid)
        self._structure_changed = False
        self._changed.clear()

    def _rebuild(self) -> None:
        self._syncing = True
        try:
            self.collapseAll()  # a reset with thousands of rows open costs seconds
            self.outline.rebuild()
            self.expandAll()
            for sid in self._closed:
                self.collapse(self.outline.index_for(sid))
        finally:
            self._syncing = False
        self._stale = False
        self._show_selection(self.controller.selection)

    def _on_folded(self, index: QModelIndex) -> None:
        sid = self.outline.statement_id(index)
        if sid is not None and not self._syncing:
            self._closed.add(sid)

    def _on_unfolded(self, index: QModelIndex) -> None:
        sid = self.outline.statement_id(index)
        if sid is not None:
            self._closed.discard(sid)

    # --- selection, shared with the canvas -------------------------------------------------

    def selected_ids(self) -> list[str]:
        """The statements selected here, in the order the controller keeps them."""
        rows = self.selectionModel().selectedRows()
        chosen = [s for s in (self.outline.statement_id(i) for i in rows) if s is not None]
        before = self.controller.selection
        ordered = [s for s in before if s in chosen] + [s for s in chosen if s not in before]
        current = self.outline.statement_id(self.currentIndex())
        if current in ordered:  # the row with the keyboard is the one actions apply to
            ordered.remove(current)
            ordered.append(current)
        return ordered

    def _on_tree_selection(self) -> None:
        if not self._syncing:
            self.controller.set_selection(self.selected_ids())

    def _on_controller_selection(self, ids: list[str]) -> None:
        if set(ids) != {s for s in self.selected_ids()} or (
            ids and self.outline.statement_id(self.currentIndex()) != ids[-1]
        ):
            self._show_selection(ids)

    def _show_selection(self, ids: list[str]) -> None:
        selection = QItemSelection()
        for sid in ids:
            index = self.outline.index_for(sid)
            if index.isValid():
                selection.select(index, index)
        self._syncing = True
        try:
            self.selectionModel().select(selection, Flag.ClearAndSelect | Flag.Rows)
            if ids:
                current = self.outline.index_for(ids[-1])
                if current.isValid():
                    self.selectionModel().setCurrentIndex(current, Flag.NoUpdate)
                    self.scrollTo(current)
        finally:
            self._syncing = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_if_stale()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # rows wrap anew at the new width

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Coming in with the keyboard and nothing chosen: start at the first row."""
        self.show_if_stale()
        super().focusInEvent(event)
        if not self.controller.selection and self.outline.rowCount() > 0:
            self.controller.set_selection([self.outline.ids()[0]])

    # --- editing ---------------------------------------------------------------------------

    def edit_statement(self, statement_id: str) -> None:
        """Open the row's text for typing (as F2 does)."""
        index = self.outline.index_for(statement_id)
        if index.isValid():
            self.setFocus()
            self.scrollTo(index)
            self.selectionModel().setCurrentIndex(index, Flag.NoUpdate)
            self.edit(index)
