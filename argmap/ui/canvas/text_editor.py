"""Edit a card's text in place: a borderless editor laid over the card, zoomed with it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget


class InlineTextEditor(QPlainTextEdit):
    """Enter commits, Shift+Enter breaks the line, Escape cancels; leaving commits."""

    committed = Signal(str, str)  # statement id, new text
    cancelled = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.statement_id = ""
        self._open = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("inlineTextEditor")
        self.setStyleSheet(
            "#inlineTextEditor { background: white; color: #15191E;"
            " border: 2px solid #0072B2; border-radius: 6px; padding: 2px; }"
        )
        self.hide()

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self, statement_id: str, text: str, area: QRect, font_px: float) -> None:
        """Show the editor over ``area`` (viewport pixels) holding ``text``, all selected."""
        self.statement_id = statement_id
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(9, round(font_px)))
        self.setFont(font)
        self.setPlainText(text)
        self.selectAll()
        self.setGeometry(area.adjusted(-4, -4, 4, 4))
        self._open = True
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def commit(self) -> None:
        """Close and hand the text over (the view turns it into one undoable edit)."""
        if not self._open:
            return
        self._open = False
        self.hide()
        self.committed.emit(self.statement_id, self.toPlainText().strip())

    def cancel(self) -> None:
        if not self._open:
            return
        self._open = False
        self.hide()
        self.cancelled.emit(self.statement_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.commit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._open and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()
