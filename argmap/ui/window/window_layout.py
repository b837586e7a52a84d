"""The main window's docks: where each pane goes by default, and the user's saved layout.

Panes are registered once with their default area (and the pane they share a tabbed
dock with); ``apply_default`` puts them all back there, ``save`` / ``restore`` keep the
user's arrangement and window geometry in QSettings between sessions.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabBar, QWidget

STATE_VERSION = 3  # bump when the set of docks changes, so old saved states are ignored
Area = Qt.DockWidgetArea


@dataclass(slots=True)
class DockSpec:
    """A pane's default place: its area, the dock it is tabbed with, whether it starts shown."""

    dock: QDockWidget
    area: Area
    tab_with: str | None = None
    shown: bool = True
    floating: bool = False  # its own window (wide tables that would squeeze the columns)


FLOAT_MIN_WIDTH = 640  # a floating table narrower than this is squeezed: cover what it must
TITLE_BAR = 32  # room kept above a floating window for its title bar, at least


def floating_box(
    frame: QRect, screen: QRect, keep_clear: QRect, *, left: int, wanted: QSize, margins: QMargins
) -> QRect:
    """Where a floating pane goes (its inside, without the window frame of ``margins``):
    over the lower part of the main window ``frame``, clear of its ``left`` column if it
    can, its frame never past the ``screen``'s available area, and clear of ``keep_clear``
    (the right column) when the room beside it is wide enough for a table; ``wanted`` is
    the pane's preferred size."""
    top = max(margins.top(), TITLE_BAR)
    area = screen.adjusted(margins.left(), top, -margins.right(), -margins.bottom())
    room = keep_clear.left() - margins.right() - area.left()
    if keep_clear.isValid() and area.intersects(keep_clear) and room >= FLOAT_MIN_WIDTH:
        area.setRight(keep_clear.left() - margins.right() - 1)
    width = min(area.width(), max(wanted.width(), FLOAT_MIN_WIDTH))
    height = min(area.height(), wanted.height())
    x = min(frame.x() + left, area.right() + 1 - width)
    y = min(frame.bottom() + 1 - height, area.bottom() + 1 - height)
    return QRect(max(x, area.left()), max(y, area.top()), width, height)


def side_widths(window_width: int) -> tuple[int, int]:
    """Default widths of the left and right dock columns: the canvas keeps most of the room."""
    left = round(min(max(window_width * 0.23, 290), 440))
    right = round(min(max(window_width * 0.21, 290), 400))
    return left, right


class WindowLayout:
    """Registers docks, lists them under a Panels menu, saves and restores their layout."""

    def __init__(
        self, window: QMainWindow, panels_menu: QMenu, settings: QSettings | None = None
    ) -> None:
        self.window = window
        self.menu = panels_menu
        self.settings = settings
        self.specs: dict[str, DockSpec] = {}
        self.restored = False

    # --- docks ---------------------------------------------------------------------------

    def add(
        self,
        title: str,
        widget: QWidget,
        area: Area,
        *,
        tab_with: str | None = None,
        shown: bool = True,
        floating: bool = False,
        shortcut: str = "",
    ) -> QDockWidget:
        """Dock ``widget`` in ``area`` (tabbed with ``tab_with``) and list it in the menu."""
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"dock-{title}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.specs[title] = DockSpec(dock, area, tab_with, shown, floating)
        self._place(title)
        toggle = dock.toggleViewAction()
        if floating:
            toggle.triggered.connect(self._frame_floating)
        toggle.setText(title)
        toggle.setStatusTip(f"Show or hide the {title} panel")
        if shortcut:
            toggle.setShortcut(shortcut)
        self.menu.addAction(toggle)
        return dock

    def dock(self, title: str) -> QDockWidget:
        """The dock holding the pane called ``title``."""
        return self.specs[title].dock

    def titles(self) -> list[str]:
        return list(self.specs)

    def docks(self) -> list[QDockWidget]:
        """Every registered dock, in the order added."""
        return [spec.dock for spec in self.specs.values()]

    def bring_forward(self, title: str) -> None:
        """Show a pane and make it the front tab of its dock."""
        dock = self.dock(title)
        dock.show()
        self._frame_floating()
        dock.raise_()

    def _place(self, title: str) -> None:
        spec = self.specs[title]
        dock = spec.dock
        dock.setFloating(False)
        partner = self.specs.get(spec.tab_with or "")
        self.window.addDockWidget(spec.area, dock)
        if partner is not None and not partner.floating:  # a floating pane has no tabs:
            self.window.tabifyDockWidget(partner.dock, dock)  # its tab bar was left behind
        dock.setVisible(spec.shown)
        self._frame_floating()

    def _frame_floating(self) -> None:
        """A floating pane, once shown, becomes a window over the lower part of the main
        window, inside the screen and clear of the right column where there is room (see
        ``floating_box``; floated only when shown: a hidden window has nothing to show, and
        offscreen platforms warn about raising one)."""
        frame = self.window.geometry()
        left, right = side_widths(max(frame.width(), 900))
        height = max(300, round(frame.height() * 0.5))
        screen = self.window.screen().availableGeometry()
        outer = self.window.frameGeometry()  # the window manager's frame, as a guess
        margins = QMargins(
            frame.left() - outer.left(), frame.top() - outer.top(),
            outer.right() - frame.right(), outer.bottom() - frame.bottom(),
        )  # fmt: skip
        for spec in self.specs.values():
            dock = spec.dock
            if spec.floating and not dock.isHidden() and not dock.isFloating():
                wanted = QSize(max(frame.width() - left - right, dock.sizeHint().width()), height)
                dock.setFloating(True)
                box = floating_box(
                    frame, screen, self._right_column(), left=left, wanted=wanted, margins=margins
                )
                dock.setGeometry(box)

    def _right_column(self) -> QRect:
        """The docked right column on screen (empty when nothing is docked there; a dock
        behind another's tab is parked off the window and does not count)."""
        window = QRect(self.window.mapToGlobal(QPoint(0, 0)), self.window.size())
        column = QRect()
        for spec in self.specs.values():
            dock = spec.dock
            area = self.window.dockWidgetArea(dock)
            if area == Area.RightDockWidgetArea and dock.isVisible() and not dock.isFloating():
                box = QRect(dock.mapToGlobal(QPoint(0, 0)), dock.size())
                if window.contains(box.center()):
                    column = column.united(box)
        return column

    def hide_stray_tab_bars(self) -> None:
        """Hide a twin of a dock tab bar that no docked pane sits on.

        Qt (6.11) makes two tab bars for the second group of tabbed panes and keeps one
        in place; the other stays where the first layout put it (x 734, y 751 for the
        window's first guess, 1280 x 800) and, in a window 768 px high, shows over the
        status bar as a second "Inspector | Scenarios". Call once the docks have their
        sizes; only a twin of a bar that sits under its panes is hidden."""
        window = self.window.rect()
        docks = [d.geometry() for d in self.docks() if not d.isFloating()]
        placed = [d for d in docks if window.contains(d)]
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        bars = [b for b in self.window.findChildren(QTabBar, options=direct) if b.isVisible()]
        tabs = [tuple(b.tabText(i) for i in range(b.count())) for b in bars]
        under = [
            any(abs(b.x() - d.left()) <= 2 and abs(b.width() - d.width()) <= 2 for d in placed)
            for b in bars
        ]
        kept = {names for names, sits in zip(tabs, under, strict=True) if sits}
        for bar, names, sits in zip(bars, tabs, under, strict=True):
            if not sits and names in kept:  # a twin of a bar that sits under its panes
                bar.hide()

    # --- default layout ---------------------------------------------------------------

    def apply_default(self) -> None:
        """Every pane back in its default place, shown or hidden as at first launch."""
        for title in self.specs:
            self._place(title)
        for spec in self.specs.values():
            if spec.tab_with is None and spec.shown:
                spec.dock.raise_()
        self.size_default()

    def size_default(self) -> None:
        """Side columns at comfortable widths; bottom panes a third of the height."""
        left, right = side_widths(max(self.window.width(), 900))
        widths = {Area.LeftDockWidgetArea: left, Area.RightDockWidgetArea: right}
        docks, sizes = [], []
        for spec in self.specs.values():
            if spec.area in widths and spec.tab_with is None and spec.dock.isVisible():
                docks.append(spec.dock)
                sizes.append(widths[spec.area])
        if docks:
            self.window.resizeDocks(docks, sizes, Qt.Orientation.Horizontal)
        bottom = [
            s.dock
            for s in self.specs.values()
            if s.area == Area.BottomDockWidgetArea and s.tab_with is None and s.dock.isVisible()
        ]
        if bottom:
            height = round(max(self.window.height(), 600) * 0.3)
            self.window.resizeDocks(bottom, [height] * len(bottom), Qt.Orientation.Vertical)
        QTimer.singleShot(0, self.window, self.hide_stray_tab_bars)  # once laid out

    # --- persistence ----------------------------------------------------------------------

    def save(self) -> None:
        """Remember window geometry and the docks' arrangement."""
        if self.settings is None:
            return
        self.settings.setValue("window/geometry", self.window.saveGeometry())
        self.settings.setValue("window/state", self.window.saveState(STATE_VERSION))
        self.settings.sync()

    def restore(self) -> bool:
        """Put back the saved geometry and arrangement; False if there was none (or stale)."""
        if self.settings is None:
            return False
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.window.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restored = self.window.restoreState(state, STATE_VERSION)
        return self.restored

    def reset(self) -> None:
        """Forget the saved arrangement and lay the panes out as at first launch."""
        if self.settings is not None:
            self.settings.remove("window/state")
            self.settings.sync()
        self.restored = False
        self.apply_default()
