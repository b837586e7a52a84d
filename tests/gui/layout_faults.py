"""What a user sees as a broken dialog, found from the widgets as laid out: a wrapped label
given less height than its text needs (cut at the top and bottom), a label, button or
placeholder narrower than its text (cut at the end), a list row running past the list's
edge, two widgets of one layout drawn over
each other, a window larger than the screen argmap is tested for (1280 x 800).

Measure in argmap's own font (``gui.app_font``): the test process's default is smaller.
"""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

SCREEN = QSize(1280, 800)


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    text = " ".join(text.split())
    return f"{type(widget).__name__} {text[:40]!r}" if text else type(widget).__name__


def _shown(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and not w.isWindow()]


def _in_layouts(window: QWidget) -> list[QWidget]:
    """The visible widgets placed by a layout (a scroll area's own parts are not)."""
    placed = []
    for widget in [window, *_shown(window)]:
        layout = widget.layout()
        if layout is not None:
            placed.extend(w for w in _layout_widgets(layout) if w.isVisible())
    return placed


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    out: list[QWidget] = []
    for k in range(layout.count()):
        item = layout.itemAt(k)
        if item is None:
            continue
        if item.widget() is not None:
            out.append(item.widget())
        elif item.layout() is not None:
            out.extend(_layout_widgets(item.layout()))
    return out


def squeezed_labels(window: QWidget) -> list[str]:
    """Word-wrapped labels shorter than their text at their width."""
    return [
        f"{_name(label)}: {label.height()} px high, its text needs "
        f"{label.heightForWidth(label.width())}"
        for label in _in_layouts(window)
        if isinstance(label, QLabel)
        and label.wordWrap()
        and label.text()
        and label.height() < label.heightForWidth(label.width())
    ]


def cut_text(window: QWidget) -> list[str]:
    """Single-line labels, buttons and placeholders narrower than their text."""
    cut = []
    for widget in _in_layouts(window):
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.pixmap().isNull():
            need = widget.sizeHint().width()
            if widget.text() and widget.width() < need:
                cut.append(f"{_name(widget)}: {widget.width()} px wide, its text needs {need}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            need = widget.minimumSizeHint().width()
            if widget.width() < need:
                cut.append(f"{_name(widget)}: {widget.width()} px wide, its text needs {need}")
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            room = widget.width() - _line_edit_padding(widget)
            need = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
            if room < need:
                cut.append(f"{_name(widget)}: {room} px of room, its placeholder needs {need}")
    return cut


def cut_list_items(window: QWidget) -> list[str]:
    """Rows of a plain list (not a table) that run past the list's right edge."""
    cut = []
    for view in _shown(window):  # in a layout or a splitter
        if not isinstance(view, QListWidget):
            continue
        room = view.viewport().width()
        for row in range(view.count()):
            item = view.item(row)
            if view.visualItemRect(item).right() >= room:
                cut.append(f"{_name(view)} row {item.text()[:40]!r}: cut at {room} px")
    return cut


def _line_edit_padding(edit: QLineEdit) -> int:
    """The frame, margins and clear button a line edit keeps beside its text (Qt keeps
    a further 2 px each side: QLineEditPrivate's horizontal margin)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    buttons = sum(
        w.width() for w in edit.findChildren(QWidget) if w.isVisible() and not w.isWindow()
    )
    return edit.width() - contents.width() + margins.left() + margins.right() + buttons + 4


def overlapping(window: QWidget) -> list[str]:
    """Pairs of widgets of one layout drawn over each other."""
    found = []
    for widget in [window, *_shown(window)]:
        layout = widget.layout()
        if layout is None:
            continue
        placed = [w for w in _layout_widgets(layout) if w.isVisible()]
        for a, b in combinations(placed, 2):
            common = QRect(a.geometry()).intersected(b.geometry())
            if common.width() > 0 and common.height() > 0:
                found.append(f"{_name(a)} and {_name(b)} overlap by {common.size().toTuple()}")
    return found


def off_screen(window: QWidget) -> list[str]:
    """The window, if it is larger than a 1280 x 800 screen."""
    size = window.frameGeometry().size()
    if size.width() > SCREEN.width() or size.height() > SCREEN.height():
        return [f"{window.windowTitle()!r} is {size.width()} x {size.height()}"]
    return []


def faults(window: QWidget) -> list[str]:
    """Everything above, for one shown window."""
    return [
        *squeezed_labels(window),
        *cut_text(window),
        *cut_list_items(window),
        *overlapping(window),
        *off_screen(window),
    ]
