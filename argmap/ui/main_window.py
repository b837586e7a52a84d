"""The main window: a thin shell of menus, toolbar and docks around the map canvas."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from argmap.io.locations import recent_files_path
from argmap.io.map_file import MapFileError, load_map
from argmap.io.recovery import RecoveryStore
from argmap.model import ArgMap, InferenceKind
from argmap.ui import window_actions
from argmap.ui.banner import MessageBanner
from argmap.ui.canvas.canvas_drop import QuoteDrop
from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.view import MapView
from argmap.ui.controller import DocumentController
from argmap.ui.document_safety import DocumentSafety
from argmap.ui.find_bar import FindBar
from argmap.ui.map_editing import MapEditing
from argmap.ui.panes import Inspector, SourcePane
from argmap.ui.recent_files import RecentFiles
from argmap.ui.scenarios import scenario_panes

FILE_FILTER = "Argument maps (*.argmap.json *.json);;All files (*)"
Key = QKeySequence.StandardKey


class MainWindow(QMainWindow):
    """Canvas in the middle; sources and inspector docked; every edit through the controller."""

    def __init__(
        self,
        controller: DocumentController | None = None,
        recent: RecentFiles | None = None,
        store: RecoveryStore | None = None,
    ) -> None:
        super().__init__()
        self.controller = controller or DocumentController(parent=self)
        self.recent = recent or RecentFiles(recent_files_path())
        self.scene = MapScene(self.controller, parent=self)
        self.view = MapView(self.scene)
        self.editing = MapEditing(self.controller, self.view)
        self.find_bar = FindBar(self.controller)
        self.banner = MessageBanner()
        self.setCentralWidget(self._canvas_with_find_bar())
        self.quote_drop = QuoteDrop(self.view)
        self.actions_by_name: dict[str, QAction] = {}
        self._docks: dict[str, QDockWidget] = {}
        self._shown_once = False
        self._zoom_label = QLabel("100 %")
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.statusBar().addPermanentWidget(self._zoom_label)
        self.resize(1280, 800)
        self.setDockNestingEnabled(True)
        c = self.controller
        c.dirty_changed.connect(lambda _dirty: self._update_title())
        c.path_changed.connect(lambda _path: self._update_title())
        c.document_reset.connect(self._update_title)
        c.undo_stack.canUndoChanged.connect(self.actions_by_name["undo"].setEnabled)
        c.undo_stack.canRedoChanged.connect(self.actions_by_name["redo"].setEnabled)
        c.undo_stack.undoTextChanged.connect(
            lambda t: self.actions_by_name["undo"].setText(f"&Undo {t}".strip())
        )
        c.undo_stack.redoTextChanged.connect(
            lambda t: self.actions_by_name["redo"].setText(f"&Redo {t}".strip())
        )
        c.selection_changed.connect(self._on_selection)
        self.view.zoom_changed.connect(lambda z: self._zoom_label.setText(f"{round(z * 100)} %"))
        self.scene.message.connect(self.show_message)
        self.editing.message.connect(self.show_message)
        self._install_panes()
        self.safety = DocumentSafety(self, self.controller, self.banner, store)
        window_actions.install(self)
        self._update_title()
        self._on_selection(c.selection)
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
        bar.matches_changed.connect(self.scene.set_matches)
        bar.match_selected.connect(self._on_find_match)
        bar.closed.connect(self.view.setFocus)
        self.controller.edited.connect(self._update_find_order)
        self.controller.document_reset.connect(self._update_find_order)
        self._update_find_order()
        return box

    def _update_find_order(self) -> None:
        self.find_bar.set_order(self.scene.reading_order())

    def _on_find_match(self, statement_id: str) -> None:
        self.view.reveal(statement_id)

    def _install_panes(self) -> None:
        """Sources on the left, the inspector on the right; both edit through the controller."""
        self.sources = SourcePane(self.controller)
        self.inspector = Inspector(self.controller)
        self.add_dock("Sources", self.sources, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.add_dock("Inspector", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        for pane in (self.sources, self.inspector):
            pane.status_message.connect(self.show_message)
        self.inspector.quote_requested.connect(self.controller.request_quote)
        self.inspector.statements_requested.connect(self.controller.set_selection)
        self.sources.statement_created.connect(self.view.reveal)
        self.controller.quote_requested.connect(lambda _q: self._raise_dock("Sources"))
        self.scenarios = scenario_panes(self.controller)
        self.add_dock("Scenarios", self.scenarios.panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_dock("ACH matrix", self.scenarios.ach, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.add_dock("Sensitivity", self.scenarios.tornado, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self._docks["Inspector"], self._docks["Scenarios"])
        self.tabifyDockWidget(self._docks["ACH matrix"], self._docks["Sensitivity"])
        for title in ("ACH matrix", "Sensitivity"):
            self._docks[title].hide()
        for pane in (self.scenarios.panel, self.scenarios.ach):
            pane.status_message.connect(self.show_message)
        self.controller.document_reset.connect(self._front_pane)
        self._size_docks()

    def _size_docks(self) -> None:
        """Give the canvas most of the width: the panes take about a quarter and a fifth."""
        width = max(self.width(), 900)
        right = self._docks["Scenarios"] if "Scenarios" in self._docks else self._docks["Inspector"]
        self.resizeDocks(
            [self._docks["Sources"], right],
            [max(240, round(width * 0.2)), max(280, round(width * 0.21))],
            Qt.Orientation.Horizontal,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._size_docks()

    def _front_pane(self) -> None:
        """Scenarios in front when the map weighs scenarios, else the inspector."""
        has_scenarios = any(s.kind == "scenario" for s in self.controller.doc.statements)
        self._raise_dock("Scenarios" if has_scenarios else "Inspector")

    def _raise_dock(self, title: str) -> None:
        dock = self._docks[title]
        dock.show()
        dock.raise_()

    # --- actions ---------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        keys: list[QKeySequence | Key | str] | None = None,
        *,
        canvas: bool = False,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        """An action; ``canvas`` ones only fire while the canvas has the keyboard."""
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(
                f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(lambda _on: slot())
        else:
            action.triggered.connect(lambda _checked=False: slot())
        if canvas:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        else:
            self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        a, e, v = self._action, self.editing, self.view
        stack = self.controller.undo_stack
        a("new", "&New map", self.new_map, [Key.New], tip="Start an empty map")
        a("open", "&Open…", self.open_dialog, [Key.Open], tip="Open a map file")
        a("save", "&Save", self.save, [Key.Save], tip="Save the map")
        a("save_as", "Save &As…", self.save_as, [Key.SaveAs], tip="Save under a new name")
        a("quit", "&Quit", self.close, [Key.Quit])
        a("undo", "&Undo", stack.undo, [Key.Undo], tip="Undo the last edit").setEnabled(False)
        a("redo", "&Redo", stack.redo, [Key.Redo], tip="Redo").setEnabled(False)
        a("find", "&Find…", self.show_find, [Key.Find], tip="Find statements")
        a("add_child", "Add &supporting premise", e.add_child, ["Insert", "Tab"], canvas=True,
          tip="Add a premise supporting the selected statement")  # fmt: skip
        a("add_attack", "Add &objection", lambda: e.add_child(InferenceKind.ATTACK),
          ["Shift+Insert"], canvas=True,
          tip="Add an objection to the selected statement")  # fmt: skip
        a("add_sibling", "Add s&ibling", e.add_sibling, ["Return", "Enter"], canvas=True,
          tip="Add a statement beside the selected one")  # fmt: skip
        a("edit_text", "&Edit text", e.edit_text, ["F2"], canvas=True, tip="Edit the text in place")
        a("delete", "&Delete", e.delete, [Key.Delete, "Backspace"], canvas=True,
          tip="Delete the selected statements")  # fmt: skip
        a("link", "&Link: supports", e.link_selected, ["Ctrl+L"], canvas=True,
          tip="The selected statements support the last one selected")  # fmt: skip
        a("link_attack", "Link: a&ttacks", lambda: e.link_selected(InferenceKind.ATTACK),
          ["Ctrl+Shift+L"], canvas=True,
          tip="The selected statements attack the last one")  # fmt: skip
        a("make_linked", "&Join premises (linked)", e.make_linked, ["Ctrl+J"], canvas=True,
          tip="Selected premises hold only together")  # fmt: skip
        a("make_convergent", "&Separate premises", e.make_convergent, ["Ctrl+Shift+J"],
          canvas=True, tip="Each premise stands on its own")  # fmt: skip
        a("unpin", "Return to automatic &place", e.unpin, ["Ctrl+U"], canvas=True)
        a("collapse", "&Collapse", lambda: e.set_collapsed(True), ["-", "Ctrl+["], canvas=True,
          tip="Hide the premises under the selected statement")  # fmt: skip
        a("expand", "E&xpand", lambda: e.set_collapsed(False), ["+", "=", "Ctrl+]"],
          canvas=True, tip="Show the premises again")  # fmt: skip
        a("zoom_in", "Zoom &in", v.zoom_in, [Key.ZoomIn, "Ctrl+="], tip="Zoom in")
        a("zoom_out", "Zoom &out", v.zoom_out, [Key.ZoomOut], tip="Zoom out")
        a("zoom_reset", "&Actual size", v.reset_zoom, ["Ctrl+1"])
        a("fit_all", "&Fit map", v.fit_all, ["Ctrl+0"], tip="Show the whole map")
        a("fit_selection", "Fit &selection", v.fit_selection, ["Ctrl+9"],
          tip="Zoom to the selected statements")  # fmt: skip
        a("focus_mode", "F&ocus on selection", self._toggle_focus, ["Ctrl+Shift+F"],
          tip="Dim all but the selected statement's line of argument", checkable=True)  # fmt: skip
        a("direction", "Layout &left to right", e.toggle_direction, ["Ctrl+Shift+D"],
          tip="Switch between top-down and left-right layout")  # fmt: skip

    def _build_menus(self) -> None:
        n = self.actions_by_name
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.file_menu = file_menu
        file_menu.addActions([n["new"], n["open"]])
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([n["save"], n["save_as"]])
        self.export_menu_anchor = file_menu.addSeparator()
        file_menu.addAction(n["quit"])
        edit = bar.addMenu("&Edit")
        edit.addActions([n["undo"], n["redo"]])
        edit.addSeparator()
        edit.addActions([n["add_child"], n["add_attack"], n["add_sibling"], n["edit_text"]])
        edit.addAction(n["delete"])
        edit.addSeparator()
        edit.addActions([n["link"], n["link_attack"], n["make_linked"], n["make_convergent"]])
        edit.addSeparator()
        edit.addAction(n["find"])
        view = bar.addMenu("&View")
        view.addActions([n["zoom_in"], n["zoom_out"], n["zoom_reset"]])
        view.addActions([n["fit_all"], n["fit_selection"]])
        view.addSeparator()
        view.addActions([n["collapse"], n["expand"], n["unpin"]])
        view.addSeparator()
        view.addActions([n["focus_mode"], n["direction"]])
        self.view_menu = view
        self.panes_menu: QMenu = view.addMenu("&Panes")

    def _build_toolbar(self) -> None:
        n = self.actions_by_name
        bar = QToolBar("Main")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(18, 18))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("open", "save", None, "undo", "redo", None, "add_child", "add_attack",
                     "delete", None, "zoom_out", "zoom_in", "fit_all", None, "focus_mode",
                     "direction"):  # fmt: skip
            if name is None:
                bar.addSeparator()
            else:
                bar.addAction(n[name])
        n["add_child"].setIconText("+ Premise")
        n["add_attack"].setIconText("+ Objection")
        n["zoom_in"].setIconText("Zoom +")
        n["zoom_out"].setIconText("Zoom −")
        n["fit_all"].setIconText("Fit")
        n["focus_mode"].setIconText("Focus")
        n["direction"].setIconText("TB / LR")
        n["undo"].setIconText("Undo")
        n["redo"].setIconText("Redo")
        self.addToolBar(bar)
        self.toolbar = bar

    # --- file handling -------------------------------------------------------------------

    def _update_title(self) -> None:
        path = self.controller.path
        name = path.name if path is not None else (self.controller.doc.title or "Untitled map")
        self.setWindowTitle(f"{name}[*] — argmap")
        self.setWindowModified(self.controller.is_dirty)

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
        if self.maybe_save():
            self.controller.set_document(ArgMap())

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.controller.path.parent) if self.controller.path else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open map", start, FILE_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a map file; on failure explain why and keep the current map."""
        try:
            self.controller.open(path)
        except (MapFileError, OSError) as exc:
            self._error("Could not open the map", exc)
            return False
        self.recent.add(path)
        self.first_view()
        self.show_message(f"Opened {Path(path).name}")
        return True

    def open_sample(self, path: Path) -> bool:
        """Show the bundled sample as a new, unsaved map (saving asks for a file name)."""
        try:
            doc = load_map(path)
        except (MapFileError, OSError) as exc:
            self._error("Could not open the sample map", exc)
            return False
        self.controller.set_document(doc, None)
        self.first_view()
        return True

    def first_view(self) -> None:
        """Frame a freshly opened map once the window has its size (after layout settles)."""
        QTimer.singleShot(0, self.view.show_start)

    def save(self) -> bool:
        if self.controller.path is None:
            return self.save_as()
        return self._save_to(self.controller.path)

    def save_as(self) -> bool:
        start = str(self.controller.path or Path.home() / "map.argmap.json")
        path, _ = QFileDialog.getSaveFileName(self, "Save map as", start, FILE_FILTER)
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        if path == self.controller.path and self.safety.guard.read_only:
            return self.save_as()
        if not self.safety.may_save_to(path):
            return False
        try:
            saved = self.controller.save(path)
        except (MapFileError, OSError, ValueError) as exc:
            self._error("Could not save the map", exc)
            return False
        self.recent.add(saved)
        self.show_message(f"Saved {saved.name}")
        return True

    def _fill_recent_menu(self) -> None:
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
            self.safety.close()
            event.accept()
        else:
            event.ignore()

    # --- view state ----------------------------------------------------------------------

    def _toggle_focus(self) -> None:
        self.scene.set_focus_mode(self.actions_by_name["focus_mode"].isChecked())

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

    def add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        """Dock a pane and list it under View ▸ Panes."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(area, dock)
        self.panes_menu.addAction(dock.toggleViewAction())
        self._docks[title] = dock
