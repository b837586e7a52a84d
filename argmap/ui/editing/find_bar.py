"""The find bar (Ctrl+F): type to find statements, step through them, Esc to close."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from argmap.analysis.find_matches import find_matches
from argmap.model import ArgMap
from argmap.ui.accessible_names import named
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty


class _QueryEdit(QLineEdit):
    """The query field: Enter / Shift+Enter step, Escape closes."""

    step = Signal(int)
    close_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.step.emit(-1 if back else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Finds statements whose text, notes or tags hold every word typed.

    ``matches_changed(ids)`` lets the canvas highlight all matches; ``match_selected(id)``
    asks it to select and centre the current one. Hidden until ``activate()``.
    """

    match_selected = Signal(str)
    matches_changed = Signal(list)
    closed = Signal()

    def __init__(
        self, controller: DocumentController | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._controller: DocumentController | None = None
        self._doc = ArgMap()
        self._order: Callable[[], Sequence[str]] = list
        self._last_order: Sequence[str] = []  # the reading order the last search used
        self._order_stale = False  # edits since: stepping asks for it again
        self._matches: list[str] = []
        self._current = -1
        self.edit = _QueryEdit()
        self.edit.setPlaceholderText("Find statements (text, notes, tags)")
        self.edit.setClearButtonEnabled(True)
        self.edit.setFont(ty.ui_font(10.5))
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(84)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setFont(ty.ui_font(10))

        self.next_action = QAction("Find Next", self)
        self.next_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.FindNext))
        self.previous_action = QAction("Find Previous", self)
        self.previous_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.FindPrevious)
        )
        for action in (self.next_action, self.previous_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.next_action.triggered.connect(lambda: self.step(1))
        self.previous_action.triggered.connect(lambda: self.step(-1))

        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+Enter, Shift+F3)")
        following.setText("▼")
        following.setToolTip("Next match (Enter, F3)")
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        named(previous, "Previous match")
        named(following, "Next match")
        named(close, "Close find")
        for button in (previous, following, close):
            button.setAutoRaise(True)
            button.setFont(ty.ui_font(10))
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)

        self.edit.textChanged.connect(self._search)
        self.edit.step.connect(self.step)
        self.edit.close_requested.connect(self.close_bar)
        self._show_count()
        self.hide()
        if controller is not None:
            self.bind(controller)

    def bind(self, controller: DocumentController) -> None:
        """Search ``controller``'s map, and select the current match through it."""
        self._controller = controller
        # Bound methods, not lambdas: Qt disconnects them when the bar is deleted.
        controller.edited.connect(self._follow_document)
        controller.document_reset.connect(self._follow_document)
        self.match_selected.connect(self._select_match)
        self.set_document(controller.doc)

    def _follow_document(self) -> None:
        if self._controller is not None:
            self.set_document(self._controller.doc)

    def _select_match(self, statement_id: str) -> None:
        if self._controller is not None:
            self._controller.set_selection([statement_id])

    @property
    def matches(self) -> list[str]:
        """Ids of the matching statements, in stepping order."""
        return list(self._matches)

    @property
    def current(self) -> str | None:
        """The current match, if any."""
        return self._matches[self._current] if 0 <= self._current < len(self._matches) else None

    def set_document(self, doc: ArgMap) -> None:
        """Search ``doc`` from now on; the current match stays current if it still matches."""
        self._doc = doc
        self._order_stale = True
        if self.isVisible() and self.edit.text():  # (in the last order: an edit on a big
            # map must not wait for the whole layout; the next step asks for it)
            self._search(self.edit.text(), keep=self.current, select=False, reorder=False)

    def set_order(self, reading_order: Callable[[], Sequence[str]]) -> None:
        """Where to get the canvas's reading order (top-down), so stepping follows the
        eye; asked only when searching (an edit need not sort a big map)."""
        self._order = reading_order

    def activate(self) -> None:
        """Show the bar, focus the query and re-run it (what Ctrl+F does)."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.edit.text():
            self._search(self.edit.text(), keep=self.current)

    def close_bar(self) -> None:
        """Hide the bar and clear the highlights."""
        self.hide()
        if self._matches:
            self._matches, self._current = [], -1
            self.matches_changed.emit([])
        self.closed.emit()

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) match, wrapping around."""
        if not self.isVisible():
            self.activate()
            return
        if self._order_stale:
            self._search(self.edit.text(), keep=self.current, select=False)
        if not self._matches:
            return
        self._current = (self._current + delta) % len(self._matches)
        self._show_count()
        self.match_selected.emit(self._matches[self._current])

    def _search(
        self, query: str, keep: str | None = None, select: bool = True, reorder: bool = True
    ) -> None:
        if reorder:
            self._last_order, self._order_stale = self._order(), False
        matches = find_matches(self._doc, query, self._last_order)
        changed = matches != self._matches
        self._matches = matches
        self._current = matches.index(keep) if keep in matches else (0 if matches else -1)
        self._show_count()
        if changed:
            self.matches_changed.emit(list(matches))
        if select and self.current is not None and (changed or keep is None):
            self.match_selected.emit(self.current)

    def _show_count(self) -> None:
        query = self.edit.text().strip()
        if not query:
            self.count.setText("")
        elif not self._matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self._current + 1} of {len(self._matches)}")
        none = bool(query) and not self._matches
        self.edit.setStyleSheet("QLineEdit { background: #fde2e1; }" if none else "")
