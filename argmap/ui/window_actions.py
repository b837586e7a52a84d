"""The main window's presentation, export, import and help actions, kept out of the shell."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
)

from argmap import __version__
from argmap.interop import InteropError, get_format, read_map, readable, writable, write_map
from argmap.ui.article_import_action import ARTICLE_FILTER, import_articles

if TYPE_CHECKING:
    from argmap.ui.main_window import MainWindow


def install(w: MainWindow) -> None:
    """Add the actions and their menu entries to a main window."""
    a = w._action  # noqa: SLF001 (the window's own action factory)
    a("present", "&Present", lambda: present(w), ["F5"],
      tip="Show the map full screen, argument by argument")  # fmt: skip
    a("export", "&Export…", lambda: export_dialog(w), ["Ctrl+E"],
      tip="Export the map as PNG, SVG or PDF")  # fmt: skip
    a("import_articles", "Add &articles…", lambda: add_articles(w), ["Ctrl+Shift+I"],
      tip="Add .txt, .md or .html articles as sources")  # fmt: skip
    a("import_map", "Open from another &tool…", lambda: open_other(w),
      tip="Open an AIF (AIFdb, OVA) file as a new map")  # fmt: skip
    a("shortcuts", "&Keyboard shortcuts", lambda: show_shortcuts(w), ["F1"])
    a("about", "&About argmap", lambda: show_about(w))
    n = w.actions_by_name
    file_menu, anchor = w.file_menu, w.export_menu_anchor
    file_menu.insertActions(anchor, [n["import_articles"], n["import_map"]])
    file_menu.insertSeparator(anchor)
    file_menu.insertAction(anchor, n["export"])
    other = QMenu("Export &as", file_menu)
    file_menu.insertMenu(anchor, other)
    for fmt in writable():
        if fmt.name == "argmap":
            continue
        act = other.addAction(fmt.dialog_filter.split(" (")[0])
        act.triggered.connect(lambda _c=False, name=fmt.name: export_other(w, name))
    w.view_menu.addSeparator()
    w.view_menu.addAction(n["present"])
    w.toolbar.addSeparator()
    w.toolbar.addAction(n["present"])
    n["present"].setIconText("▶ Present")
    help_menu = w.menuBar().addMenu("&Help")
    help_menu.addActions([n["shortcuts"], n["about"]])


def present(w: MainWindow) -> None:
    """Open presentation mode on the best screen; Esc comes back."""
    from argmap.ui.presentation import present as open_presentation  # noqa: PLC0415

    w.presentation = open_presentation(w.controller)


def _weights(w: MainWindow) -> dict[str, float] | None:
    from argmap.analysis.report import analyze  # noqa: PLC0415

    result = analyze(w.controller.doc)
    return {s.id: s.weight for s in result.scenarios} or None


def export_dialog(w: MainWindow) -> None:
    """File ▸ Export: the dialog with a preview."""
    from argmap.ui.export_dialog import ExportDialog  # noqa: PLC0415

    start = w.controller.path.parent if w.controller.path else None
    dialog = ExportDialog(
        w.controller.doc, w.controller.selection, _weights(w), parent=w, start_dir=start
    )
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.report:
        w.show_message(dialog.report)


def export_other(w: MainWindow, name: str) -> None:
    """File ▸ Export as ▸ FORMAT through the interop registry."""
    fmt = get_format(name)
    stem = (w.controller.doc.title or "map").replace("/", "-")
    start = str((w.controller.path.parent if w.controller.path else Path.home()) / stem)
    path, _ = QFileDialog.getSaveFileName(w, f"Export as {name}", start, fmt.dialog_filter)
    if not path:
        return
    try:
        write_map(w.controller.doc, Path(path), fmt)
    except (InteropError, OSError, ValueError) as exc:
        QMessageBox.warning(w, "Export failed", str(exc))
        return
    w.show_message(f"Exported {Path(path).name}")


def add_articles(w: MainWindow) -> None:
    """File ▸ Add articles: import, add undoably, and say what happened."""
    paths, _ = QFileDialog.getOpenFileNames(w, "Add articles", "", ARTICLE_FILTER)
    if paths:
        report_import(w, paths)


def report_import(w: MainWindow, paths: list[str]) -> None:
    """Import article files and show the summary."""
    report = import_articles(w.controller, paths)
    box = QMessageBox(w)
    box.setWindowTitle("Articles imported" if report.added else "No articles imported")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setIcon(QMessageBox.Icon.Warning if report.failed else QMessageBox.Icon.Information)
    box.setText(report.text())
    box.exec()


def open_other(w: MainWindow) -> None:
    """File ▸ Open from another tool: AIF/OVA into a new, unsaved map."""
    if not w.maybe_save():
        return
    filters = ";;".join(f.dialog_filter for f in readable() if f.name != "argmap")
    path, _ = QFileDialog.getOpenFileName(w, "Open from another tool", "", filters)
    if not path:
        return
    try:
        imported = read_map(Path(path))
    except (InteropError, OSError, ValueError) as exc:
        QMessageBox.warning(w, "Could not open", str(exc))
        return
    w.controller.set_document(imported.doc, None)
    w.view.fit_all()
    if imported.warnings:
        w.banner.show_message(
            f"{Path(path).name}: " + "; ".join(imported.warnings[:3]), "warning", key="import"
        )
    w.show_message(f"Opened {Path(path).name}")


def shortcut_rows(w: MainWindow) -> list[tuple[str, str]]:
    """(action, keys) for every action that has a shortcut, from the live actions."""
    rows = []
    for action in w.actions_by_name.values():
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), keys))
    return sorted(rows)


def show_shortcuts(w: MainWindow) -> QDialog:
    """Help ▸ Keyboard shortcuts, generated from the actions so it never goes stale."""
    dialog = QDialog(w)
    dialog.setWindowTitle("Keyboard shortcuts")
    view = QTextBrowser()
    cells = "".join(
        f"<tr><td>{html.escape(name)}</td><td><b>{html.escape(keys)}</b></td></tr>"
        for name, keys in shortcut_rows(w)
    )
    view.setHtml(f"<table cellpadding='4'>{cells}</table>")
    QVBoxLayout(dialog).addWidget(view)
    dialog.resize(520, 640)
    dialog.show()
    return dialog


def show_about(w: MainWindow) -> None:
    """Help ▸ About."""
    QMessageBox.about(
        w,
        "About argmap",
        f"argmap {__version__}\n\nScenario and argument mapping from source articles.\n"
        "Every premise links to the quote it came from.",
    )
