"""Walking Qt's accessibility tree in-process, as a screen reader would see it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface

Role = QAccessible.Role

# What a user operates: each needs a name a screen reader can say. (Scroll bars are left
# out: they take no keyboard focus and readers announce them by orientation.)
INTERACTIVE = {
    Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.SpinBox,
    Role.Slider, Role.EditableText, Role.List, Role.Tree, Role.Table, Role.ButtonMenu,
    Role.ButtonDropDown, Role.PageTab, Role.Link, Role.Dial,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Node:
    """One accessible object: what a screen reader gets from it."""

    role: QAccessible.Role
    name: str
    description: str
    invisible: bool
    path: str  # the roles and names from the top, for messages
    object: QObject | None


def walk(root: QAccessibleInterface, max_depth: int = 60) -> list[Node]:
    """Every accessible object under ``root`` (depth first)."""
    found: list[Node] = []
    stack: list[tuple[QAccessibleInterface, str, int]] = [(root, "", 0)]
    while stack:
        iface, path, depth = stack.pop()
        name = iface.text(QAccessible.Text.Name)
        here = f"{path} / {iface.role().name}:{name[:30]!r}"
        found.append(
            Node(
                iface.role(),
                name,
                iface.text(QAccessible.Text.Description),
                bool(iface.state().invisible),
                here,
                iface.object(),
            )  # fmt: skip
        )
        if depth < max_depth:
            for i in reversed(range(iface.childCount())):
                child = iface.child(i)
                if child is not None and child.isValid():
                    stack.append((child, here, depth + 1))
    return found


def tree_of(obj: QObject) -> list[Node]:
    """The accessibility tree of a widget (a window, a dialog)."""
    iface = QAccessible.queryAccessibleInterface(obj)
    assert iface is not None and iface.isValid()
    return walk(iface)


def nameless(nodes: list[Node]) -> list[str]:
    """Paths of the shown interactive objects a screen reader could not name."""
    return [
        n.path for n in nodes if n.role in INTERACTIVE and not n.invisible and not n.name.strip()
    ]
