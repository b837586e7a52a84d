"""The inspector's editors: each commits one finished value, never a keystroke."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QEnterEvent,
    QFocusEvent,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from argmap.ui import pane_colours
from argmap.ui.panes import typography as ty


def strength_label(strength: float) -> str:
    """Words for an inference's strength."""
    if strength < 0.34:
        return "weak"
    if strength < 0.67:
        return "moderate"
    return "strong"


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that commits on focus-out or Ctrl+Enter, and reverts on Escape."""

    committed = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.setFont(ty.ui_font(10.5))

    def load(self, text: str) -> None:
        """Show ``text`` as the committed value."""
        self._loaded = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def is_dirty(self) -> bool:
        """True while the text differs from what was last loaded."""
        return self.toPlainText() != self._loaded

    def commit(self) -> None:
        """Emit ``committed`` if the user changed the text."""
        if self.is_dirty():
            self._loaded = self.toPlainText()
            self.committed.emit(self._loaded)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            return
        if event.key() == Qt.Key.Key_Escape and self.is_dirty():
            self.setPlainText(self._loaded)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()


class ProbabilityField(QWidget):
    """A 0..100 slider, a percent spin box and words; commits a float or None (unset)."""

    committed = Signal(object)

    def __init__(
        self,
        unset_text: str,
        describe: Callable[[float], str],
        unset_position: int = 50,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._describe = describe
        self._unset_text = unset_text
        self._unset_position = unset_position
        self._value: float | None = None
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.spin = QSpinBox()
        self.spin.setRange(-1, 100)
        self.spin.setSpecialValueText("—")
        self.spin.setSuffix(" %")
        self.spin.setKeyboardTracking(False)
        self.spin.setAccelerated(True)
        self.words = QLabel()
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setMinimumWidth(120)
        self.clear = QToolButton()
        self.clear.setText("Clear")
        self.clear.setToolTip("Set back to: " + unset_text)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.slider, 1)
        top.addWidget(self.spin)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.words, 1)
        bottom.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderReleased.connect(lambda: self._commit(self.slider.value() / 100))
        self.spin.valueChanged.connect(self._on_spin)
        self.clear.clicked.connect(lambda: self._commit(None))
        self.set_value(None)

    def value(self) -> float | None:
        """The value shown (None: unset)."""
        return self._value

    def set_value(self, value: float | None) -> None:
        """Show ``value`` without committing it."""
        self._value = value
        for w in (self.slider, self.spin):
            w.blockSignals(True)
        self.slider.setValue(self._unset_position if value is None else round(value * 100))
        self.spin.setValue(-1 if value is None else round(value * 100))
        for w in (self.slider, self.spin):
            w.blockSignals(False)
        self._show_words(value)
        self.clear.setEnabled(value is not None)

    def _show_words(self, value: float | None) -> None:
        self.words.setText(self._unset_text if value is None else self._describe(value))
        pane_colours.styled(self.words, "color: $muted;" if value is None else "color: $ink;")

    def _on_slider(self, position: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(position)
        self.spin.blockSignals(False)
        self._show_words(position / 100)
        if not self.slider.isSliderDown():
            self._commit(position / 100)

    def _on_spin(self, percent: int) -> None:
        self._commit(None if percent < 0 else percent / 100)

    def _commit(self, value: float | None) -> None:
        if value == self._value:
            return
        self.set_value(value)
        self.committed.emit(value)


_ROW = (  # BG: the box's colour for the pointer's state; a frame shows the keyboard focus
    "#clickableRow { background: BG; border-radius: 6px; border: 2px solid transparent; } "
    "#clickableRow:focus { border: 2px solid $focus; } #clickableRow QLabel { color: $ink; }"
)


class ClickableRow(QFrame):
    """A plain-text row that reacts to a click (related statements, quote cards)."""

    clicked = Signal()

    def __init__(self, caption: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clickableRow")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it; Enter or Space opens it
        self.setAccessibleName(f"{caption}: {text}")
        self.caption = QLabel(caption)
        self.text = QLabel(text)
        for label in (self.caption, self.text):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.caption.setFont(ty.ui_font(8.5, bold=True))
        pane_colours.styled(self.caption, "color: $muted;")
        self.text.setFont(ty.ui_font(10))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.text)
        self._hover(False)

    def _hover(self, on: bool) -> None:
        bg = "$box_hover" if on else "$box"
        pane_colours.styled(self, _ROW.replace("BG", bg))

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hover(True)
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover(False)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            event.accept()
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()


class IdRow(QWidget):
    """A record's id, selectable, with a Copy button (``argmap export --subtree ID``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel("")
        self.label.setObjectName("record-id")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_button = QPushButton("Copy")
        self.copy_button.setObjectName("copy-id")
        self.copy_button.setToolTip("Copy the id (for argmap export --subtree ID)")
        self.copy_button.clicked.connect(self.copy)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.copy_button)

    def set_id(self, record_id: str) -> None:
        self.label.setText(record_id)

    def copy(self) -> None:
        """Put the id on the clipboard."""
        QGuiApplication.clipboard().setText(self.label.text())
