"""The main window: a thin shell of menus, toolbar and docks around the map canvas.

Features live in their own modules and plug in here: window_actions (the command table,
menus, toolbar), window_layout (docks and their saved arrangement), appearance (light /
dark), export_dialog and interop_actions (File ▸ Export), import_actions (File ▸ Import,
drag and drop), help_dialogs (Help menu), first_view (the opening camera).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from argmap.io.locations import recent_files_path
from argmap.io.map_file import MapFileError, load_map
from argmap.io.recovery import RecoveryStore
from argmap.model import ArgMap, StatementKind
from argmap.model.display_text import isolate
from argmap.model.map_template import question_and_scenarios
from argmap.ui.canvas import accessible
from argmap.ui.canvas.canvas_drop import QuoteDrop
from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.view import MapView
from argmap.ui.card_weights import show_weights_on_cards
from argmap.ui.editing.controller import DocumentController
from argmap.ui.editing.find_bar import FindBar
from argmap.ui.editing.map_editing import MapEditing
from argmap.ui.help_dialogs import HelpActions
from argmap.ui.history.history_actions import HistoryActions
from argmap.ui.import_export.export_dialog import ExportActions
from argmap.ui.import_export.import_actions import ImportActions
from argmap.ui.import_export.interop_actions import InteropActions
from argmap.ui.merging.merge_actions import MergeActions
from argmap.ui.outline.outline_dock import install_outline
from argmap.ui.panes import Inspector, SourcePane
from argmap.ui.safety.banner import MessageBanner
from argmap.ui.safety.document_safety import DocumentSafety
from argmap.ui.scenarios import scenario_panes
from argmap.ui.team import install_team
from argmap.ui.window import damaged_map, first_view, window_actions
from argmap.ui.window.appearance import Appearance
from argmap.ui.window.editor_actions import EditorActions
from argmap.ui.window.panel_cycle import FocusFrame, PanelCycle
from argmap.ui.window.recent_files import RecentFiles
from argmap.ui.window.window_layout import WindowLayout

FILE_FILTER = "Argument maps (*.argmap.json *.json);;All files (*)"
OPEN_FILTER = "Argument maps (*.argmap.json *.json *.argdown *.ad);;All files (*)"
Area = Qt.DockWidgetArea


class MainWindow(QMainWindow):
    """Canvas in the middle; panes docked around it; every edit through the controller.

    ``settings`` (see argmap.ui.window.app_settings) keeps the window layout and appearance
    between sessions; without it the window starts in its default layout every time.
    """

    # Menus, built by window_actions.build_menus (features add entries to them).
    file_menu: QMenu
    recent_menu: QMenu
    import_menu: QMenu
    export_menu: QMenu
    view_menu: QMenu
    panels_menu: QMenu
    theme_menu: QMenu
    help_menu: QMenu

    def __init__(  # noqa: PLR0915  a Qt constructor: the window's parts wired in reading order
        self,
        controller: DocumentController | None = None,
        recent: RecentFiles | None = None,
        settings: QSettings | None = None,
        store: RecoveryStore | None = None,
    ) -> None:
        super().__init__()
        accessible.install()  # the canvas's cards, for screen readers
        self.controller = controller or DocumentController(parent=self)
        self.recent = recent or RecentFiles(recent_files_path())
        self.settings = settings
        self.scene = MapScene(self.controller, parent=self)
        self.view = MapView(self.scene)
        FocusFrame(self.view)  # a visible keyboard focus on the canvas
        self.editing = MapEditing(self.controller, self.view)
        self.find_bar = FindBar(self.controller)
        self.banner = MessageBanner()
        self.setCentralWidget(self._canvas_with_find_bar())
        self.quote_drop = QuoteDrop(self.view)
        self.actions_by_name: dict[str, QAction] = {}
        self.presentation: QWidget | None = None
        self._shown_once = False
        self._suggested_path: Path | None = None  # Save As's first offer for a new map
        self._zoom_label = QLabel("100 %")
        window_actions.build_actions(self)
        self.exports = ExportActions(self)
        self.interop = InteropActions(self)
        self.imports = ImportActions(self)
        self.help = HelpActions(self)
        self.history = HistoryActions(self)
        self.merging = MergeActions(self)
        self.editor_actions = EditorActions(self)
        window_actions.build_menus(self)
        self.history.fill_menu(self.menuBar(), before=self.help_menu)
        self.merging.fill_menu(self.menuBar())
        self.safety = DocumentSafety(self, self.controller, self.banner, store)
        self.interop.fill_menu(self.export_menu)
        self.toolbar = window_actions.build_toolbar(self)
        self.statusBar().addPermanentWidget(self._zoom_label)
        self.resize(1280, 800)
        self.setDockNestingEnabled(True)
        self.setAcceptDrops(True)
        c = self.controller
        # Bound methods, not lambdas: a controller given to the window may outlive it.
        c.dirty_changed.connect(self._update_title)
        c.path_changed.connect(self._update_title)
        c.document_reset.connect(self._update_title)
        c.document_reset.connect(self._front_pane_for_document)
        c.document_reset.connect(self._clear_repaired_banner)
        n = self.actions_by_name
        c.undo_stack.canUndoChanged.connect(n["undo"].setEnabled)
        c.undo_stack.canRedoChanged.connect(n["redo"].setEnabled)
        c.undo_stack.undoTextChanged.connect(self._name_undo)
        c.undo_stack.redoTextChanged.connect(self._name_redo)
        c.selection_changed.connect(self._on_selection)
        self.view.zoom_changed.connect(lambda z: self._zoom_label.setText(f"{round(z * 100)} %"))
        self.scene.message.connect(self.show_message)
        self.editing.message.connect(self.show_message)
        self.layout_ = WindowLayout(self, self.panels_menu, settings)
        self._install_panes()
        self.panel_cycle = PanelCycle(self, self.view, self.view_menu, self.layout_.docks)  # F6
        self.appearance = Appearance(self, settings)
        self.appearance.fill_menu(self.theme_menu)
        self.layout_.restore()
        self._update_title()
        self._on_selection(c.selection)
        self._front_pane_for_document()
        self.view.setFocus()

    def _canvas_with_find_bar(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        bar = self.find_bar
        bar.matches_changed.connect(self.scene.marks.set_matches)
        bar.match_selected.connect(self._on_find_match)
        bar.closed.connect(self.view.setFocus)
        bar.set_order(self.scene.reading_order)
        return box

    def _on_find_match(self, statement_id: str) -> None:
        self.view.reveal(statement_id)

    # --- panes -----------------------------------------------------------------------------

    def _install_panes(self) -> None:
        """Sources left; inspector and scenarios tabbed right; the ACH matrix, sensitivity
        and the key assumptions check float in windows of their own."""
        c = self.controller
        self.sources = SourcePane(c)
        self.inspector = Inspector(c)
        self.scenario_panes = panes = scenario_panes(c)
        add = self.layout_.add
        add("Sources", self.sources, Area.LeftDockWidgetArea, shortcut="Ctrl+Shift+1")
        self.outline = install_outline(self)
        add("Inspector", self.inspector, Area.RightDockWidgetArea, shortcut="Ctrl+Shift+2")
        add("Scenarios", panes.panel, Area.RightDockWidgetArea, tab_with="Inspector",
            shortcut="Ctrl+Shift+3")  # fmt: skip
        # ACH and sensitivity open as windows of their own over the canvas: docked below,
        # they left the reader two lines and the scenarios a card and a half at 1280x800.
        add("ACH matrix", panes.ach, Area.BottomDockWidgetArea, shown=False, floating=True,
            shortcut="Ctrl+Shift+4")  # fmt: skip
        add("Sensitivity", panes.tornado, Area.BottomDockWidgetArea, shown=False,
            floating=True, shortcut="Ctrl+Shift+5")  # fmt: skip
        add("Key assumptions", panes.assumptions, Area.BottomDockWidgetArea, shown=False,
            floating=True, shortcut="Ctrl+Shift+6")  # fmt: skip
        for pane in (self.sources, self.inspector, panes.panel, panes.ach):
            pane.status_message.connect(self.show_message)
        self.inspector.quote_requested.connect(c.request_quote)
        self.inspector.statements_requested.connect(c.set_selection)
        self.scene.inference_clicked.connect(self.inspect_inference)
        self.sources.statement_created.connect(self.view.reveal)
        c.quote_requested.connect(self._bring_sources_forward)
        show_weights_on_cards(self.scene, panes.live)
        self.layer_switcher, self.team_panel = install_team(self)
        panes.live.updated.connect(self.inspector.show_analysis)
        self.inspector.show_analysis(panes.live.analysis)
        first_view.fit_reader_font(self.sources.reader)

    def _bring_sources_forward(self) -> None:
        self.layout_.bring_forward("Sources")

    def inspect_inference(self, inference_id: str) -> None:
        """Show an arrow's inference (kind, strength, premises) in the inspector."""
        self.inspector.set_selection([inference_id])
        self.layout_.dock("Inspector").raise_()

    def add_dock(self, title: str, widget: QWidget, area: Area) -> QDockWidget:
        """Dock another pane and list it under View ▸ Panels (for features added later)."""
        return self.layout_.add(title, widget, area)

    def _front_pane_for_document(self) -> None:
        """Scenarios in front when the map weighs scenarios, else the inspector."""
        has = any(s.kind is StatementKind.SCENARIO for s in self.controller.doc.statements)
        self.layout_.dock("Scenarios" if has else "Inspector").raise_()

    def reset_layout(self) -> None:
        """View ▸ Reset layout: panels back to their first-launch places and sizes."""
        self.layout_.reset()
        self._front_pane_for_document()
        self.show_message("Panels back in their default places")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self.layout_.restored:
                self.layout_.size_default()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self.layout_.hide_stray_tab_bars)  # once laid out

    def show_first_view(self) -> None:
        """Frame the focal question and its scenarios at a readable zoom (folding the
        scenarios first if their reasons spread them too far apart; the status bar says)."""
        folded = first_view.show_first_view(self.view)
        if folded:
            self.show_message(first_view.folded_message(folded))

    def present(self) -> None:
        """Presentation mode (F5) on the best screen; Esc comes back here."""
        from argmap.ui.presentation import present  # noqa: PLC0415 (loaded on demand)

        if self.presentation is not None and self.presentation.isVisible():
            self.presentation.raise_()
            return
        theme = "projector-dark" if self.appearance.scheme == "dark" else "projector"
        window = present(self.controller, theme=theme)
        window.finished.connect(self._presentation_finished)
        self.presentation = window

    def _presentation_finished(self) -> None:
        self.presentation = None

    # --- file handling -------------------------------------------------------------------

    def _update_title(self) -> None:
        path = self.controller.path
        name = path.name if path is not None else (self.controller.doc.title or "Untitled map")
        name = isolate(name)  # a file name or title with a right-to-left override
        self.setWindowTitle(f"{name}[*] — argmap")
        self.setWindowModified(self.controller.is_dirty)

    def _name_undo(self, text: str) -> None:
        self.actions_by_name["undo"].setText(f"&Undo {text}".strip())

    def _name_redo(self, text: str) -> None:
        self.actions_by_name["redo"].setText(f"&Redo {text}".strip())

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _error(self, title: str, exc: Exception) -> None:
        QMessageBox.warning(self, title, str(exc))

    def maybe_save(self) -> bool:
        """Ask before dropping unsaved changes; False means the user chose to stay."""
        if not self.controller.is_dirty:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "The map has unsaved changes. Save them first?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_map(self) -> None:
        """A new map from the question → scenarios template, framed at a readable zoom."""
        if self.maybe_save():
            self._suggested_path = None
            self.controller.set_document(question_and_scenarios())
            self.view.resetTransform()  # not the previous map's zoom
            self.show_first_view()
            self.show_message("New map: double-click a card to reword it; Insert adds under it")

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.controller.path.parent) if self.controller.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open map", start, OPEN_FILTER)
        if path:
            self.imports.open_any(Path(path))

    def open_path(self, path: str | Path) -> bool:
        """Open a map file; on failure explain why and keep the current map."""
        try:
            self.controller.open(path)
        except (MapFileError, OSError) as exc:
            return self._open_damaged(Path(path), exc)
        self._suggested_path = None
        self.recent.add(path)
        self.show_message(f"Opened {Path(path).name}")
        self.show_first_view()
        return True

    def _open_damaged(self, path: Path, exc: Exception) -> bool:
        """Offer a repaired copy of a damaged map (the file stays as it is)."""
        result = damaged_map.try_repair(path) if isinstance(exc, MapFileError) else None
        if result is None:
            damaged_map.explain_unreadable(self, path, exc)
            return False
        if not damaged_map.ask_to_open_repaired(self, path, exc, result):
            return False
        n = len(result.repairs)
        self.open_document(result.doc, f"Opened a repaired copy of {path.name} ({n} changes)")
        self._suggested_path = damaged_map.repaired_name(path)
        self.banner.show_message(
            f"This is a repaired copy of {path.name} ({n} change{'s' * (n != 1)}); "
            "the damaged file is unchanged. Save the copy under a new name.",
            "warning",
            key="repaired",
        )
        return True

    def _clear_repaired_banner(self) -> None:
        self.banner.clear("repaired")

    def open_document(self, doc: ArgMap, message: str = "") -> None:
        """Show an imported map as a new, unsaved document (saving asks for a file name)."""
        self.controller.set_document(doc, None)
        self.controller.undo_stack.resetClean()  # not saved anywhere yet: closing asks
        if message:
            self.show_message(message)
        self.show_first_view()

    def open_sample(self, path: Path) -> bool:
        """Show the bundled sample as a new, unsaved map (saving asks for a file name)."""
        try:
            doc = load_map(path)
        except (MapFileError, OSError) as exc:
            self._error("Could not open the sample map", exc)
            return False
        self.controller.set_document(doc, None)
        self.show_first_view()
        return True

    def save(self) -> bool:
        if self.controller.path is None or self.safety.guard.read_only:
            return self.save_as()  # a read-only map is saved elsewhere
        return self._save_to(self.controller.path)

    def save_as(self) -> bool:
        start = str(self.controller.path or self._suggested_path or Path.home() / "map.argmap.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save map as", start, FILE_FILTER)
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        if not self.safety.may_save_to(path):  # says why (no silent new dialog)
            return False
        try:
            saved = self.controller.save(path)
        except (MapFileError, OSError, ValueError) as exc:
            self._error("Could not save the map", exc)
            return False
        self.recent.add(saved)
        self.show_message(f"Saved {saved.name}")
        return True

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for p in paths:
            act = self.recent_menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.setStatusTip(p)
            act.triggered.connect(lambda _c=False, p=p: self.maybe_save() and self.open_path(p))
        if not paths:
            self.recent_menu.addAction("No recent maps").setEnabled(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            self.layout_.save()
            self.safety.close()
            self._close_own_windows()
            event.accept()
        else:
            event.ignore()

    def _close_own_windows(self) -> None:
        """Close the windows this map's window opened (Find in articles, the timeline,
        panes floating on their own, help): none stays open on a map no longer shown.
        Qt hides a window's child widgets with it, but not its child windows."""
        for child in self.findChildren(QWidget):
            if child.isWindow() and child.isVisible():
                child.close()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.imports.accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self.imports.drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dropEvent(event)

    # --- view state ----------------------------------------------------------------------

    def toggle_focus(self) -> None:
        self.scene.marks.set_focus_mode(self.actions_by_name["focus_mode"].isChecked())

    def _on_selection(self, ids: list[str]) -> None:
        if ids and not self.view.hasFocus():  # chosen elsewhere (reader, inspector, find)
            self.view.reveal(ids[-1])
        n = self.actions_by_name
        has = bool(ids)
        for name in ("add_attack", "add_sibling", "edit_text", "delete", "collapse", "expand"):
            n[name].setEnabled(has)
        n["link"].setEnabled(len(ids) > 1)
        n["link_attack"].setEnabled(len(ids) > 1)

    def show_find(self) -> None:
        """Open the find bar over the canvas."""
        self.find_bar.activate()
