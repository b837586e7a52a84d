"""Help ▸ Keyboard shortcuts (read from the live QActions, so it never goes stale) and About."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from argmap import __version__
from argmap.ui.window.window_actions import make_action

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

Row = tuple[str, str, str]  # section, command, keys
NATIVE = QKeySequence.SequenceFormat.NativeText


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(NATIVE) for k in action.shortcuts() if not k.isEmpty())


def _label(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def _menu_rows(menu: QMenu, section: str, seen: set[int]) -> list[Row]:
    """A menu's own commands, then its submenus' (each section is listed once)."""
    rows: list[Row] = []
    submenus: list[Row] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            submenus += _menu_rows(sub, f"{section} ▸ {_label(action)}", seen)
            continue
        keys = _keys(action)
        if keys and id(action) not in seen:
            seen.add(id(action))
            rows.append((section, _label(action), keys))
    return rows + submenus


def shortcut_rows(window: MainWindow) -> list[Row]:
    """Every command with a shortcut: the menus' in menu order, then the reader's."""
    seen: set[int] = set()
    rows: list[Row] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows += _menu_rows(menu, _label(top), seen)
    for action in window.sources.reader.actions():
        if _keys(action) and id(action) not in seen:
            seen.add(id(action))
            rows.append(("Article reader", _label(action), _keys(action)))
    return rows


def presentation_rows() -> list[Row]:
    """The keys presentation mode answers to (from its own key tables)."""
    from argmap.ui.presentation import window as pw  # noqa: PLC0415

    def names(keys: set[Qt.Key]) -> str:
        return ", ".join(sorted(QKeySequence(k).toString(NATIVE) for k in keys))

    section = "Presentation (F5)"
    return [
        (section, "Next step", names(pw.NEXT_KEYS)),
        (section, "Previous step", names(pw.PREVIOUS_KEYS)),
        (section, "Black screen", names(pw.BLANK_KEYS)),
        (section, "Source quotes / weights strip / light or dark", "Q / S / T"),
        (section, "Leave", "Esc"),
    ]


def shortcuts_html(rows: list[Row]) -> str:
    """The rows as a readable two-column table per section."""
    out = ["<style>td{padding:2px 14px 2px 0} th{text-align:left;padding-top:12px}</style>"]
    section = None
    out.append("<table>")
    for sec, label, keys in rows:
        if sec != section:
            section = sec
            out.append(f"<tr><th colspan=2>{html.escape(sec)}</th></tr>")
        out.append(f"<tr><td>{html.escape(label)}</td><td><b>{html.escape(keys)}</b></td></tr>")
    out.append("</table>")
    return "".join(out)


class ShortcutsDialog(QDialog):
    """A scrollable table of every keyboard shortcut."""

    def __init__(self, rows: list[Row], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.rows = rows
        self.browser = QTextBrowser()
        self.browser.setHtml(shortcuts_html(rows))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(560, 640)


ABOUT = """<p>Argument and scenario mapping for analysts: pull premises out of news articles, keep
every premise tied to its exact source quote, weigh competing scenarios, and present the
map on a projector.</p>
<p>Maps are JSON files (<code>.argmap.json</code>); export to PNG, SVG, PDF, AIF, Argdown,
GraphML, DOT, Markdown and CSV.</p>
<p>Text set in DejaVu Sans. Kind colours from the Okabe–Ito palette.</p>"""


class HelpActions:
    """The Help menu's commands for a main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: ShortcutsDialog | None = None
        make_action(window, "shortcuts", "&Keyboard shortcuts", self.show_shortcuts,
                    ["Ctrl+/", "F1"], tip="List every keyboard shortcut")  # fmt: skip
        make_action(window, "method_help", "How scenario &weights are computed",
                    self.show_method, tip="The method behind the scenario weights")  # fmt: skip
        make_action(window, "about", "&About argmap", self.show_about, tip="Version and credits")

    def show_shortcuts(self) -> ShortcutsDialog:
        rows = shortcut_rows(self.window) + presentation_rows()
        self.dialog = ShortcutsDialog(rows, self.window)
        self.dialog.open()
        return self.dialog

    def show_method(self) -> None:
        from argmap.ui.scenarios import show_method_help  # noqa: PLC0415

        show_method_help(self.window)

    def show_about(self) -> None:
        title = f"<h3>argmap {html.escape(__version__)}</h3>"
        QMessageBox.about(self.window, "About argmap", title + ABOUT)
