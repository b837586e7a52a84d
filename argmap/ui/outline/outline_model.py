"""The map as an item model: one row per statement, nested as on the canvas.

Rows follow the canvas's drawing tree with nothing collapsed (a statement reached twice
stays under its first parent). The model never writes the map: an edited row's text goes
to the controller as one undoable command, and the model mirrors the controller's
signals: a changed field updates rows in place, a changed structure rebuilds them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from argmap.export.themes import KIND_HUES
from argmap.layout.reveal_steps import presentation_tree
from argmap.model import InferenceKind
from argmap.model.display_text import plain_tooltip
from argmap.model.edit_steps import EditError
from argmap.ui.editing.controller import DocumentController
from argmap.ui.outline import statement_words as words

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the statement id
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2  # the statement's text as typed (what F2 edits)
Index = QModelIndex | QPersistentModelIndex


class OutlineModel(QStandardItemModel):
    """Statements as nested rows; ``item_for`` / ``index_for`` find a statement's row."""

    def __init__(self, controller: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._items: dict[str, QStandardItem] = {}

    # --- reading -----------------------------------------------------------------------

    def statement_id(self, index: Index) -> str | None:
        """The statement shown at ``index``."""
        value = index.data(ID_ROLE) if index.isValid() else None
        return value if isinstance(value, str) else None

    def index_for(self, statement_id: str) -> QModelIndex:
        """The row of a statement (invalid if it has none)."""
        item = self._items.get(statement_id)
        return item.index() if item is not None else QModelIndex()

    def ids(self) -> list[str]:
        """Every statement with a row, in tree order."""
        return list(self._items)

    # --- building ----------------------------------------------------------------------

    def rebuild(self) -> None:
        """Rows anew from the map (after a structural change).

        The rows are built apart from the model and added in one step at the end: a view
        hears of one insertion, not of one per statement (a 5,000-deep chain: 0.56 s → see
        benchmarks/bench_outline.py).
        """
        self.clear()
        self._items = {}
        tree = presentation_tree(self.controller.doc)
        tops: list[QStandardItem] = []
        stack: list[tuple[QStandardItem | None, str]] = [(None, r) for r in reversed(tree.roots)]
        while stack:
            parent, sid = stack.pop()
            if sid in self._items or sid not in self.controller.index.statements:
                continue
            item = QStandardItem()
            item.setData(sid, ID_ROLE)
            self._fill(item, sid, tree.parent.get(sid))
            if parent is None:
                tops.append(item)
            else:
                parent.appendRow(item)
            self._items[sid] = item
            stack.extend((item, kid) for kid in reversed(tree.children(sid)))
        if tops:
            self.invisibleRootItem().appendRows(tops)

    def refresh(self, statement_id: str) -> None:
        """Update the words of one statement's row and of its children's rows."""
        item = self._items.get(statement_id)
        if item is None:
            return
        parent = item.parent()
        self._fill(item, statement_id, parent.data(ID_ROLE) if parent is not None else None)
        for row in range(item.rowCount()):
            child = item.child(row)
            kid = child.data(ID_ROLE)
            if isinstance(kid, str) and kid in self.controller.index.statements:
                self._fill(child, kid, statement_id)

    def _fill(self, item: QStandardItem, sid: str, parent: str | None) -> None:
        index = self.controller.index
        statement = index.statement(sid)
        verb = self._verb(sid, parent)  # supports go without saying: the tree shows them
        head = words.kind_word(statement) + (f" ({verb})" if verb not in ("", "supports") else "")
        text = " ".join(statement.text.split()) or "(no text)"
        detail = words.details(index, sid)
        item.setData(f"{head}: {text}" + (f" · {detail}" if detail else ""),
                     Qt.ItemDataRole.DisplayRole)  # fmt: skip
        item.setData(statement.text, TEXT_ROLE)
        sentence = words.describe(index, sid, detail)
        item.setData(sentence, Qt.ItemDataRole.AccessibleTextRole)
        item.setData(plain_tooltip(sentence), Qt.ItemDataRole.ToolTipRole)  # never as HTML
        item.setData(QColor(KIND_HUES.get(statement.kind.value, "#8C96A3")),
                     Qt.ItemDataRole.DecorationRole)  # fmt: skip
        item.setEditable(True)

    def _verb(self, sid: str, parent: str | None) -> str:
        index = self.controller.index
        for iid in index.with_premise(sid):
            inf = index.inferences[iid]
            if inf.conclusion == parent:
                return "supports" if inf.kind is InferenceKind.SUPPORT else "attacks"
            if inf.kind is InferenceKind.UNDERCUT:
                return "undercuts"
        return ""

    # --- editing -----------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:  # the editor starts from the statement's text
            role = TEXT_ROLE
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edited row: its text goes to the controller as one undoable command."""
        sid = self.statement_id(index)
        if role != Qt.ItemDataRole.EditRole or sid is None:
            return super().setData(index, value, role)
        text = str(value).strip()
        if not text or text == self.controller.index.statement(sid).text:
            return False
        try:
            self.controller.set_statement_field(sid, "text", text)
        except (EditError, ValueError):
            return False
        return True
