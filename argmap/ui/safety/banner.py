"""A slim message bar above the map for read-only, changed-on-disk and recovered notices.

It never blocks: the user can keep working and answer (or dismiss) it when they like. The
text is always shown as plain text, so a file name such as ``<b>x</b>.argmap.json`` is
shown as typed.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from argmap.ui import pane_colours
from argmap.ui.accessible_names import named

Level = Literal["info", "warning", "error"]

# (background, border, text) per scheme and level: readable on a projector, not alarming
# for "info"; in the dark scheme a dark strip, not a light one across a dark window.
COLOURS: dict[str, dict[str, tuple[str, str, str]]] = {
    "light": {
        "info": ("#e8f1fd", "#2f6fd6", "#17325c"),
        "warning": ("#fff4d6", "#a87000", "#4d3500"),
        "error": ("#fde8e8", "#c62828", "#5c1111"),
    },
    "dark": {
        "info": ("#1e3350", "#5a9be6", "#dce9fa"),
        "warning": ("#3d3113", "#e0a526", "#f7e7c0"),
        "error": ("#4a1e1e", "#e57373", "#f9dada"),
    },
}


class MessageBanner(QFrame):
    """One message with up to a few action buttons and a close button; hidden when empty.

    ``action_triggered(key)`` says which action button was pressed (the banner then hides);
    ``dismissed()`` says the user closed it.
    """

    action_triggered = Signal(str)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons: list[QPushButton] = []
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip("Dismiss")
        named(self.close_button, "Dismiss message")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self._on_close)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 6, 6)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.label, 1)
        self._layout.addWidget(self.close_button)
        self.level: Level = "info"
        self.key = ""
        self.hide()
        pane_colours.switches.switched.connect(self._style)

    def show_message(
        self,
        text: str,
        level: Level = "info",
        actions: list[tuple[str, str]] | None = None,
        *,
        key: str = "",
        closable: bool = True,
    ) -> None:
        """Show ``text``; ``actions`` are (key, button label) pairs; ``key`` names the notice."""
        self.key = key
        self.level = level
        self.label.setText(text)
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for index, (action_key, caption) in enumerate(actions or []):
            button = QPushButton(caption)
            button.setObjectName(f"banner-action-{action_key}")
            button.setProperty("action_key", action_key)
            button.clicked.connect(self._on_button)  # bound: no closure outlives the button
            self._layout.insertWidget(1 + index, button)
            self._buttons.append(button)
        self.close_button.setVisible(closable)
        self._style()
        self.show()

    def _style(self, _scheme: str = "") -> None:
        """The level's colours in the scheme shown (again at each switch)."""
        background, border, ink = COLOURS[pane_colours.current().name][self.level]
        self.setStyleSheet(
            f"#MessageBanner {{ background: {background}; border-bottom: 2px solid {border}; }}"
            f"#MessageBanner QLabel {{ color: {ink}; font-size: 11pt; }}"
        )

    def text(self) -> str:
        """The message shown ("" when hidden)."""
        return "" if self.isHidden() else self.label.text()

    def actions_shown(self) -> list[str]:
        """The action buttons' labels, left to right."""
        return [b.text() for b in self._buttons]

    def clear(self, key: str | None = None) -> None:
        """Hide the banner (only if it shows notice ``key``, when given)."""
        if key is None or key == self.key:
            self.key = ""
            self.hide()

    def _on_button(self) -> None:
        sender = self.sender()
        if sender is not None:
            self._on_action(str(sender.property("action_key")))

    def _on_action(self, action_key: str) -> None:
        self.hide()
        self.action_triggered.emit(action_key)

    def _on_close(self) -> None:
        self.hide()
        self.dismissed.emit()
