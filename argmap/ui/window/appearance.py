"""Light or dark: follow the system's colour scheme, or the user's View ▸ Theme choice.

The canvas switches between the ``light`` and ``dark`` map themes; the window chrome, every
pane (sources, inspector, scenarios, ACH matrix, charts) and every dialog, menu and message
box take the matching palette and pane colours (argmap.ui.pane_colours). The palette is the
application's: a dialog is a window of its own, which a main window's palette does not
reach (map properties, export, recovery and About stayed light in dark).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from argmap.export.themes import theme as theme_named
from argmap.ui import pane_colours
from argmap.ui.window.app_settings import setting_str

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

MODES = {"system": "Follow &system", "light": "&Light", "dark": "&Dark"}
Role = QPalette.ColorRole
_DESKTOP: list[QPalette] = []  # the desktop's palette, as the first window found it
_WINDOWS = [0]  # main windows alive, each with its Appearance


def desktop_palette(app: QApplication) -> QPalette:
    """The palette the application had before any window chose one (kept once per process:
    later the application's palette is the one a window set)."""
    if not _DESKTOP:
        _DESKTOP.append(QPalette(app.palette()))
    return _DESKTOP[0]


def _window_gone(_window: QObject | None = None) -> None:
    """The last main window is gone: the desktop's palette and pane colours again, so a
    dialog or pane made with no window open is not left in a scheme nobody chose."""
    _WINDOWS[0] -= 1
    app = QApplication.instance()
    if _WINDOWS[0] > 0 or not isinstance(app, QApplication) or not _DESKTOP:
        return
    if QApplication.closingDown():
        return
    app.setPalette(_DESKTOP[0])
    QApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange.value)
    pane_colours.use("dark" if is_dark(_DESKTOP[0]) else "light")


def dark_palette() -> QPalette:
    """A calm dark palette for the window chrome (matches the ``dark`` map theme)."""
    p = QPalette()
    colours = {
        Role.Window: "#25292F", Role.WindowText: "#E6E9ED", Role.Base: "#1D2127",
        Role.AlternateBase: "#2A2F36", Role.ToolTipBase: "#2A2F36", Role.ToolTipText: "#E6E9ED",
        Role.PlaceholderText: "#8A929C", Role.Text: "#E6E9ED", Role.Button: "#2D3239",
        Role.ButtonText: "#E6E9ED", Role.BrightText: "#FFFFFF", Role.Light: "#3A4048",
        Role.Midlight: "#333941", Role.Mid: "#23272D", Role.Dark: "#16191D",
        Role.Shadow: "#0B0D0F", Role.Highlight: "#2F6FB0", Role.HighlightedText: "#FFFFFF",
        Role.Link: "#6FB3F0", Role.LinkVisited: "#B59BE8",
    }  # fmt: skip
    for role, hex_code in colours.items():
        p.setColor(role, QColor(hex_code))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#737B85"))
    return p


def is_dark(palette: QPalette) -> bool:
    """Whether a palette draws light text on a dark window."""
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


class Appearance(QObject):
    """Owns the light/dark decision for one main window and applies it."""

    changed = Signal(str)  # the scheme now shown: "light" or "dark"

    def __init__(self, window: MainWindow, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        self._system_palette = desktop_palette(app)
        self._system_scheme = app.styleHints().colorScheme()
        self._mode = "system"
        self._scheme = ""
        self._actions: dict[str, QAction] = {}
        if settings is not None:
            saved = setting_str(settings, "appearance/theme", "system")
            self._mode = saved if saved in MODES else "system"
        app.styleHints().colorSchemeChanged.connect(self.on_system_scheme)
        _WINDOWS[0] += 1
        window.destroyed.connect(_window_gone)
        self.apply()

    @property
    def mode(self) -> str:
        """ "system", "light" or "dark": what the user chose."""
        return self._mode

    @property
    def scheme(self) -> str:
        """ "light" or "dark": what is shown now."""
        return self._scheme

    def fill_menu(self, menu: QMenu) -> None:
        """View ▸ Theme: System / Light / Dark, one checked."""
        group = QActionGroup(menu)
        for mode, label in MODES.items():
            action = menu.addAction(label)
            action.setObjectName(f"theme_{mode}")
            action.setCheckable(True)
            action.setChecked(mode == self._mode)
            action.setStatusTip(f"Show the map and panels in the {mode} colour scheme")
            action.triggered.connect(lambda _c=False, m=mode: self.set_mode(m))
            group.addAction(action)
            self._actions[mode] = action
            self.window.actions_by_name[f"theme_{mode}"] = action

    def set_mode(self, mode: str) -> None:
        """Choose "system", "light" or "dark" (remembered in the settings)."""
        if mode not in MODES:
            raise ValueError(f"unknown theme mode {mode!r}; choose one of {', '.join(MODES)}")
        self._mode = mode
        if mode in self._actions:
            self._actions[mode].setChecked(True)
        if self.settings is not None:
            self.settings.setValue("appearance/theme", mode)
        self.apply()

    def on_system_scheme(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched light/dark: follow it unless the user chose a scheme."""
        self._system_scheme = scheme
        if self._mode == "system":
            self.apply()

    def _wanted(self) -> str:
        if self._mode != "system":
            return self._mode
        if self._system_scheme == Qt.ColorScheme.Dark:
            return "dark"
        if self._system_scheme == Qt.ColorScheme.Light:
            return "light"
        return "dark" if is_dark(self._system_palette) else "light"

    def apply(self) -> None:
        """Show the wanted scheme on the canvas and in the window chrome."""
        scheme = self._wanted()
        if scheme == self._scheme:
            return
        self._scheme = scheme
        if self.window.scene.theme.name != scheme:
            self.window.scene.set_theme(theme_named(scheme))
        self._apply_palette(scheme)
        pane_colours.use(scheme)
        self.changed.emit(scheme)

    def _apply_palette(self, scheme: str) -> None:
        _use_palette(self._app, scheme)


def _use_palette(app: QApplication, scheme: str) -> None:
    """The application's palette for ``scheme`` ("light" or "dark")."""
    system = desktop_palette(app)
    if (scheme == "dark") == is_dark(system):
        palette = system
    else:
        palette = dark_palette() if scheme == "dark" else app.style().standardPalette()
    # The application's, so that dialogs, menus and floating panes (windows of their
    # own, which a window's palette does not reach) follow too.
    app.setPalette(palette)
    # Qt posts the change to the windows; deliver it now, so that a dialog opened next
    # (or a pane painted next) is not handed the old palette.
    QApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange.value)


def use_chosen_theme(app: QApplication, settings: QSettings) -> None:
    """Before any window: the light or dark the user chose in View ▸ Theme, for what a
    start-up shows first (the recovery offer). Following the system needs nothing: the
    application starts with the desktop's palette."""
    mode = setting_str(settings, "appearance/theme", "system")
    if mode in ("light", "dark"):
        _use_palette(app, mode)
        pane_colours.use(mode)
