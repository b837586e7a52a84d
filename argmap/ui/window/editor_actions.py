"""The editor's newer commands: new question / scenario / top-level card, cut, copy,
paste, duplicate, copy id, map properties and find in articles, as named window actions.

They join ``window.actions_by_name`` like the others (so menus, context menus and
Help ▸ Keyboard shortcuts show the keys that work) and follow the selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QKeySequence

from argmap.ui.canvas.context_menu import CanvasMenus
from argmap.ui.editing.article_search import ArticleSearch
from argmap.ui.editing.clipboard import MapClipboard
from argmap.ui.window.map_properties import MapPropertiesDialog
from argmap.ui.window.window_actions import make_action

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

Key = QKeySequence.StandardKey
_NEED_SELECTION = ("cut", "copy", "duplicate", "copy_id")
_PHRASE_CHARS = 200  # a longer selection is a passage to quote, not a phrase to find


class EditorActions(QObject):
    """Creates the actions (before the menus are built) and the helpers behind them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        c, e = window.controller, window.editing
        self.clipboard = MapClipboard(c, window)
        self.clipboard.message.connect(window.show_message)
        self.clipboard.pasted.connect(self._reveal_first)
        self.search: ArticleSearch | None = None
        self.properties: MapPropertiesDialog | None = None
        a = make_action
        a(window, "new_question", "New &question", e.add_question, ["Ctrl+Shift+Q"],
          tip="Add a question card (the map's focal question if it has none)")  # fmt: skip
        a(window, "new_scenario", "New sce&nario", e.add_scenario, ["Ctrl+Shift+R"],
          tip="Add a scenario answering the focal question")  # fmt: skip
        a(window, "new_top_level", "New &top-level statement", e.add_top_level, ["Ctrl+Shift+T"],
          tip="Add a card with no parent, beside the other top cards")  # fmt: skip
        a(window, "cut", "Cu&t", self.clipboard.cut, [Key.Cut], canvas=True,
          tip="Cut the selected cards with everything under them")  # fmt: skip
        a(window, "copy", "&Copy", self.clipboard.copy, [Key.Copy], canvas=True,
          tip="Copy the selected cards and what is under them (also as Argdown, text)")  # fmt: skip
        a(window, "paste", "&Paste", self.clipboard.paste, [Key.Paste], canvas=True,
          tip="Paste under the selected card (top level when none is selected)")  # fmt: skip
        a(window, "duplicate", "D&uplicate", self.clipboard.duplicate, ["Ctrl+D"], canvas=True,
          tip="Copy the selected cards and their subtrees beside them")  # fmt: skip
        a(window, "copy_id", "Copy statement &id", self.copy_id,
          tip="Copy the selected statement's id (for argmap export --subtree ID)")  # fmt: skip
        a(window, "map_properties", "Map p&roperties…", self.show_properties, ["Alt+Return"],
          tip="Title, focal question, description, analyst, as-of date, source policy")  # fmt: skip
        a(window, "find_articles", "Find in &articles…", self.show_search, ["Ctrl+Shift+F"],
          tip="Find a phrase in every article of the map")  # fmt: skip
        self.menus = CanvasMenus(window)
        c.selection_changed.connect(self.refresh)

    def refresh(self) -> None:
        """Enable what applies to the selection and the clipboard."""
        n = self.window.actions_by_name
        has = bool(self.window.controller.selection)
        for name in _NEED_SELECTION:
            n[name].setEnabled(has)

    def _reveal_first(self, ids: list[str]) -> None:
        if ids:
            self.window.view.reveal(ids[0])

    def copy_id(self) -> None:
        """Put the current statement's id on the clipboard."""
        current = self.window.controller.current
        if current is not None:
            QGuiApplication.clipboard().setText(current)
            self.window.show_message(f"Copied the id {current}")

    def show_properties(self) -> MapPropertiesDialog:
        """File ▸ Map properties (window-modal; OK applies it as one undoable step)."""
        if self.properties is not None:
            self.properties.deleteLater()  # one at a time, not one per opening
        dialog = MapPropertiesDialog(self.window.controller, self.window)
        self.properties = dialog
        dialog.open()
        return dialog

    def show_search(self) -> ArticleSearch:
        """Find in articles: one window per main window, kept between searches."""
        if self.search is None:
            search = self.search = ArticleSearch(self.window.controller, self.window)
            search.hit_chosen.connect(self._show_hit)
            search.statement_created.connect(self._reveal_statement)
            search.status_message.connect(self.window.show_message)
        chosen = self.window.sources.reader.textCursor().selectedText()
        phrase = " ".join(chosen.split()) if len(chosen) <= _PHRASE_CHARS else ""
        self.search.activate(phrase)  # a passage selected in the reader is the phrase
        return self.search

    def _show_hit(self, source_id: str, start: int, end: int) -> None:
        self.window.layout_.bring_forward("Sources")
        self.window.sources.show_range(source_id, start, end)

    def _reveal_statement(self, statement_id: str) -> None:
        self.window.view.reveal(statement_id)
