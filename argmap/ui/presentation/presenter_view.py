"""The presenter's own screen: the slide the room sees, the next one, the speaker notes
(the notes of the statements on the slide) and the time since the talk began. Keys
pressed here drive the audience window, so a clicker works whichever has the focus."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

from argmap.ui.presentation.slide_render import SlideRenderer
from argmap.ui.presentation.window import PresentationWindow

PREVIEW = QSize(720, 405)  # a preview's size where the screen has room for two
SMALLEST = QSize(320, 180)  # and its size on the smallest window
GAP = 60  # the window's margins and the space between the previews


class PresenterView(QWidget):
    """Follows ``audience``: current and next slide, notes, elapsed time."""

    def __init__(self, audience: PresentationWindow) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.audience = audience
        stage = audience.stage
        self.setWindowTitle("Presenter view")
        self.renderer = SlideRenderer(stage.doc, audience.theme_name, stage.frames.direction)
        self.current = QLabel()
        self.next = QLabel()
        for preview in (self.current, self.next):
            # Sized by the window, not by the picture it shows (which follows the window):
            # a picture's width as the label's minimum kept the window 1468 px wide.
            preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            preview.setMinimumWidth(SMALLEST.width())
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.notes.setStyleSheet("font-size: 20px;")
        self.clock = QLabel()
        self.clock.setStyleSheet("font-size: 28px; font-weight: bold;")
        grid = QGridLayout(self)
        grid.addWidget(QLabel("Now"), 0, 0)
        grid.addWidget(QLabel("Next"), 0, 1)
        grid.addWidget(self.current, 1, 0)
        grid.addWidget(self.next, 1, 1)
        grid.addWidget(self.clock, 2, 0)
        grid.addWidget(self.notes, 3, 0, 1, 2)
        grid.setRowStretch(3, 1)
        room = audience.screen().availableGeometry().size() * 0.9  # and its frame
        self.resize(
            min(room.width(), 2 * PREVIEW.width() + GAP),
            min(room.height(), PREVIEW.height() + 240),
        )
        self.started = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(1000)
        stage.step_changed.connect(self.refresh)
        self.refresh()

    def elapsed_text(self) -> str:
        s = int(time.monotonic() - self.started)
        return f"{s // 3600:d}:{s // 60 % 60:02d}:{s % 60:02d}"

    def notes_text(self) -> str:
        """The notes of the slide's statements: the current one first, then its reasons."""
        stage = self.audience.stage
        step = stage.step
        if step is None or stage.on_summary:
            return ""
        parts = []
        for sid in dict.fromkeys((step.current, *step.revealed)):
            try:
                st = stage.doc.statement(sid)
            except KeyError:
                continue
            if st.notes.strip():
                parts.append(f"{st.text}\n{st.notes.strip()}")
        return "\n\n".join(parts) or "No speaker notes for this slide."

    def preview_size(self) -> QSize:
        """Half the window's width each (at least 320 px wide), at 16:9."""
        w = max(SMALLEST.width(), (self.width() - GAP) // 2)
        return QSize(w, w * 9 // 16)

    def resizeEvent(self, event: object) -> None:  # noqa: ARG002
        if self.current.pixmap().width() != self.preview_size().width():
            self.refresh()

    def refresh(self, _index: int = 0) -> None:
        stage = self.audience.stage
        k = stage.index
        size = self.preview_size()
        self.renderer.set_theme(self.audience.theme_name)
        self.renderer.show_weights_early(stage.weights_early)
        self.current.setPixmap(QPixmap.fromImage(self.renderer.image(k, size)))
        if k + 1 < len(stage.slides):
            self.next.setPixmap(QPixmap.fromImage(self.renderer.image(k + 1, size)))
        else:
            self.next.setText("End of the deck")
        self.notes.setText(self.notes_text())
        self._tick()

    def _tick(self) -> None:
        self.clock.setText(f"{self.elapsed_text()}    slide {self.audience.stage.progress_text()}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.audience.keyPressEvent(event)

    def closeEvent(self, event: object) -> None:  # noqa: ARG002
        self._timer.stop()
        self.renderer.close()
