"""Names and descriptions screen readers say for widgets whose look does not say it.

``named(widget, "Prior of 'Ceasefire deal'")`` is the one line a pane adds where it
creates a widget; a test walks the window's accessibility tree and fails on any control
left without a name.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
    """Give ``widget`` an accessible name (and description); returns it, for chaining."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def name_toolbar(bar: QToolBar, name: str) -> QToolBar:
    """Name a toolbar and the "more" button Qt adds when its buttons do not fit."""
    named(bar, name)
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    if more is not None:
        named(more, f"More {name.lower()} commands")
    return bar


def bars_in_words(lines: list[str], empty: str) -> str:
    """A chart's text alternative: one line per bar, or what it shows when empty."""
    return "\n".join(lines) if lines else empty


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say ``text`` now (and keep it as the widget's description)."""
    widget.setAccessibleDescription(text)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
