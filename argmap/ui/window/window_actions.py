"""The main window's actions, menus and toolbar, built from one table of named QActions.

Every command the window offers is a named action in ``window.actions_by_name``; menus
and the toolbar only arrange those names, and Help ▸ Keyboard shortcuts lists them, so
a shortcut shown anywhere is the one that works.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from argmap.model import InferenceKind
from argmap.ui.accessible_names import name_toolbar

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

Key = QKeySequence.StandardKey
Keys = Sequence[QKeySequence | Key | str]


def make_action(
    window: MainWindow,
    name: str,
    text: str,
    slot: Callable[[], object],
    keys: Keys | None = None,
    *,
    canvas: bool = False,
    tip: str = "",
    checkable: bool = False,
) -> QAction:
    """A named action; ``canvas`` ones only fire while the canvas has the keyboard."""
    action = QAction(text, window)
    action.setObjectName(name)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    if tip:
        action.setStatusTip(tip)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    action.setCheckable(checkable)
    if checkable:
        action.toggled.connect(lambda _on: slot())
    else:
        action.triggered.connect(lambda _checked=False: slot())
    if canvas:
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        window.view.addAction(action)
    else:
        window.addAction(action)
    window.actions_by_name[name] = action
    return action


def build_actions(w: MainWindow) -> None:
    """File, edit and view commands of the map editor."""
    e, v = w.editing, w.view
    stack = w.controller.undo_stack

    def a(name: str, text: str, slot: Callable[[], object], keys: Keys | None = None,
          **kw: bool | str) -> QAction:  # fmt: skip
        return make_action(w, name, text, slot, keys, **kw)  # type: ignore[arg-type]

    a("new", "&New map", w.new_map, [Key.New], tip="Start an empty map")
    a("open", "&Open…", w.open_dialog, [Key.Open], tip="Open a map file")
    a("save", "&Save", w.save, [Key.Save], tip="Save the map")
    a("save_as", "Save &As…", w.save_as, [Key.SaveAs], tip="Save under a new name")
    a("quit", "&Quit", w.close, [Key.Quit], tip="Close argmap")
    a("undo", "&Undo", stack.undo, [Key.Undo], tip="Undo the last edit").setEnabled(False)
    a("redo", "&Redo", stack.redo, [Key.Redo], tip="Redo the edit just undone").setEnabled(False)
    a("find", "&Find…", w.show_find, [Key.Find], tip="Find statements")
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
    a("unpin", "Return to automatic &place", e.unpin, ["Ctrl+U"], canvas=True,
      tip="Let the layout place the selected cards again")  # fmt: skip
    a("collapse", "&Collapse", lambda: e.set_collapsed(True), ["-", "Ctrl+["], canvas=True,
      tip="Hide the premises under the selected statement")  # fmt: skip
    a("expand", "E&xpand", lambda: e.set_collapsed(False), ["+", "=", "Ctrl+]"],
      canvas=True, tip="Show the premises again")  # fmt: skip
    a("zoom_in", "Zoom &in", v.zoom_in, [Key.ZoomIn, "Ctrl+="], tip="Zoom in")
    a("zoom_out", "Zoom &out", v.zoom_out, [Key.ZoomOut], tip="Zoom out")
    a("zoom_reset", "&Actual size", v.reset_zoom, ["Ctrl+1"], tip="Zoom to 100 %")
    a("fit_all", "&Fit map", v.fit_all, ["Ctrl+0"], tip="Show the whole map")
    a("fit_selection", "Fit &selection", v.fit_selection, ["Ctrl+9"],
      tip="Zoom to the selected statements")  # fmt: skip
    a("first_view", "&Question and scenarios", w.show_first_view, ["Home"],
      tip="Go back to the focal question and its scenarios")  # fmt: skip
    a("focus_mode", "F&ocus on selection", w.toggle_focus, ["Ctrl+Alt+F"],
      tip="Dim all but the selected statement's line of argument", checkable=True)  # fmt: skip
    a("show_dialogue", "Show &dialogue", w.scene.dialogue.toggle, checkable=True,
      tip="Show beside each statement who said it and how (maps imported from AIF)")  # fmt: skip
    a("direction", "Layout &left to right", e.toggle_direction, ["Ctrl+Shift+D"],
      tip="Switch between top-down and left-right layout")  # fmt: skip
    a("present", "&Present", w.present, ["F5"],
      tip="Show the map full screen, argument by argument")  # fmt: skip
    a("reset_layout", "&Reset layout", w.reset_layout,
      tip="Put every panel back where it was at first launch")  # fmt: skip


def _add(menu: QMenu, names: Sequence[str | None], actions: dict[str, QAction]) -> None:
    for name in names:
        if name is None:
            menu.addSeparator()
        elif name in actions:
            menu.addAction(actions[name])


def build_menus(w: MainWindow) -> None:
    """File, Edit, View (with Panels and Theme) and Help menus."""
    n = w.actions_by_name
    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    _add(file_menu, ["new", "open"], n)
    w.recent_menu = file_menu.addMenu("Open &recent")
    w.recent_menu.aboutToShow.connect(w.fill_recent_menu)
    w.import_menu = file_menu.addMenu("&Import")
    _add(w.import_menu, ["import_articles", "import_aif"], n)
    file_menu.addSeparator()
    _add(file_menu, ["save", "save_as", None, "map_properties", None, "export"], n)
    w.export_menu = file_menu.addMenu("Export &as")
    file_menu.addSeparator()
    file_menu.addAction(n["quit"])
    w.file_menu = file_menu

    edit = bar.addMenu("&Edit")
    _add(edit, ["undo", "redo", None, "cut", "copy", "paste", "duplicate", "copy_id", None,
                "new_question", "new_scenario", "new_top_level", None, "add_child",
                "add_attack", "add_sibling", "edit_text", "delete", None, "link", "link_attack",
                "make_linked", "make_convergent", None, "find", "find_articles"], n)  # fmt: skip

    view = bar.addMenu("&View")
    _add(view, ["zoom_in", "zoom_out", "zoom_reset", "fit_all", "fit_selection", "first_view",
                None, "collapse", "expand", "unpin", None, "focus_mode", "show_dialogue",
                "direction", None, "present", None], n)  # fmt: skip
    w.panels_menu = view.addMenu("&Panels")
    w.theme_menu = view.addMenu("&Theme")
    _add(view, ["reset_layout"], n)
    w.view_menu = view

    help_menu = bar.addMenu("&Help")
    _add(help_menu, ["shortcuts", "method_help", None, "about"], n)
    w.help_menu = help_menu


def build_toolbar(w: MainWindow) -> QToolBar:
    """The text toolbar over the canvas: the commands used most, short enough to fit a
    1280 px window with the layer switcher (the layout direction, set once per map, is in
    View only; zoom is "−" and "+" beside Fit, named in full in their tooltips)."""
    n = w.actions_by_name
    bar = QToolBar("Main")
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(18, 18))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in ("open", "save", None, "undo", "redo", None, "add_child", "add_attack",
                 "delete", None, "zoom_out", "zoom_in", "fit_all", "first_view", None,
                 "focus_mode", None, "export", "present"):  # fmt: skip
        if name is None:
            bar.addSeparator()
        else:
            bar.addAction(n[name])
    labels = {"add_child": "+ Premise", "add_attack": "+ Objection", "zoom_in": "+",
              "zoom_out": "−", "fit_all": "Fit", "first_view": "Scenarios",
              "focus_mode": "Focus", "undo": "Undo", "redo": "Redo",
              "export": "Export", "present": "Present"}  # fmt: skip
    for name, label in labels.items():
        n[name].setIconText(label)
    for name in ("zoom_out", "zoom_in"):  # a one-glyph label: still a button to aim at
        button = bar.widgetForAction(n[name])
        if button is not None:
            button.setMinimumWidth(32)
    w.addToolBar(name_toolbar(bar, "Main"))
    return bar
