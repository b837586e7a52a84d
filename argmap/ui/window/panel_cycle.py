"""F6 and Shift+F6: move the keyboard from pane to pane (canvas, then each shown dock).

A pane gets the focus on its first control that takes Tab, so the next keystroke lands
somewhere useful; a dock tabbed behind another is brought to the front when its turn
comes, a hidden one is skipped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QMainWindow, QMenu, QWidget

from argmap.ui import pane_colours

_AREAS = {
    Qt.DockWidgetArea.LeftDockWidgetArea: 0,
    Qt.DockWidgetArea.RightDockWidgetArea: 1,
    Qt.DockWidgetArea.BottomDockWidgetArea: 2,
    Qt.DockWidgetArea.TopDockWidgetArea: 3,
}


def first_focusable(pane: QWidget) -> QWidget | None:
    """The pane itself, or its first shown, enabled descendant in the Tab chain."""
    if _takes_tab(pane):
        return pane
    widget = pane.nextInFocusChain()
    while widget is not pane and widget is not None:
        if pane.isAncestorOf(widget) and _takes_tab(widget):
            return widget
        widget = widget.nextInFocusChain()
        if widget is pane.window():
            break
    return None


def _takes_tab(widget: QWidget) -> bool:
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isVisible()
        and widget.isEnabled()
    )


class PanelCycle:
    """Which panes F6 visits, in order, and moving the focus among them."""

    def __init__(
        self,
        window: QMainWindow,
        canvas: QWidget,
        menu: QMenu | None = None,
        registered: Callable[[], list[QDockWidget]] | None = None,
    ) -> None:
        self.window = window
        self.canvas = canvas
        self._registered = registered or (lambda: window.findChildren(QDockWidget))
        if menu is not None:
            menu.addSeparator()
        for name, key, step in (("next_panel", "F6", 1), ("previous_panel", "Shift+F6", -1)):
            action = QAction("Ne&xt panel" if step > 0 else "Pre&vious panel", window)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setStatusTip("Move the keyboard to the next (previous) panel")
            action.triggered.connect(self.forward if step > 0 else self.backward)
            window.addAction(action)
            if menu is not None:
                menu.addAction(action)

    def docks(self) -> list[QDockWidget]:
        """The shown docks: left, right, bottom, floating; in each, in the order added (their
        places move as tabs come to the front, so they would not give a stable order)."""
        docks = [d for d in self._registered() if d.isVisible() and d.widget()]
        docks.sort(key=self._area_order)
        return docks

    def panes(self) -> list[QWidget]:
        """The canvas, then the content of every shown dock."""
        return [self.canvas, *(d.widget() for d in self.docks())]

    def _area_order(self, dock: QDockWidget) -> int:
        if dock.isFloating():
            return len(_AREAS)
        return _AREAS.get(self.window.dockWidgetArea(dock), len(_AREAS))

    def current(self) -> int:
        """Index of the pane holding the keyboard (-1: none of them)."""
        focus = QApplication.focusWidget()
        for i, pane in enumerate(self.panes()):
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return i
        return -1

    def forward(self) -> None:
        self.step(1)

    def backward(self) -> None:
        self.step(-1)

    def step(self, by: int) -> QWidget | None:
        """Give the keyboard to the pane ``by`` places on; returns the widget that took it."""
        panes = self.panes()
        start = self.current()
        if start == -1 and by < 0:
            start = 0
        for k in range(1, len(panes) + 1):
            pane = panes[(start + by * k) % len(panes)]
            dock = pane.parentWidget()
            if isinstance(dock, QDockWidget):
                dock.raise_()  # a tab behind another comes to the front
            target = first_focusable(pane)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return target
        return None


class FocusFrame(QObject):
    """A 2 px frame round a frame-shaped pane (the canvas) while it has the keyboard, in
    the scheme's focus colour; the same frame in the pane's background colour otherwise,
    so that nothing moves when the focus comes and goes."""

    def __init__(self, frame: QFrame) -> None:
        super().__init__(frame)
        self.frame = frame
        frame.setFrameShape(QFrame.Shape.Box)
        frame.setFrameShadow(QFrame.Shadow.Plain)
        frame.setLineWidth(2)
        frame.installEventFilter(self)
        pane_colours.switches.switched.connect(self.show_focus)
        self.show_focus()

    def show_focus(self) -> None:
        """Draw the frame for the focus the pane has now."""
        frame = self.frame
        focused = frame.hasFocus()
        ground = frame.palette().color(QPalette.ColorRole.Base)
        colour = QColor(pane_colours.current().focus) if focused else ground
        palette = frame.palette()
        palette.setColor(frame.foregroundRole(), colour)  # what a plain frame is drawn in
        frame.setPalette(palette)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.show_focus()
        return super().eventFilter(watched, event)
