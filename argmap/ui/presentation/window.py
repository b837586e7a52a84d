"""The full-screen presentation window: keys and clickers drive the stage and overlays.

Keys: Right/PageDown/Space/Down next step; Left/PageUp/Backspace/Up previous; Home/End
first/last; B or . black screen; W white screen; Q source quotes; Tab/Shift+Tab move the
quote focus among the step's cards; S weights strip; T light/dark; F whole revealed map;
P presenter view (opened by itself on a second screen); E save the slides (PDF or PNGs);
Esc closes the quote callout, then leaves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QApplication, QWidget

from argmap.export.card_painter import register_fonts
from argmap.export.themes import theme as theme_named
from argmap.layout.tidy_tree import Direction
from argmap.model import ArgMap
from argmap.model.display_text import isolate
from argmap.ui.accessible_names import announce
from argmap.ui.editing.controller import DocumentController
from argmap.ui.outline.statement_words import step_words
from argmap.ui.presentation.quote_callout import QuoteCallout, quote_entries
from argmap.ui.presentation.stage import PresentationStage
from argmap.ui.presentation.weights_strip import WeightsStrip

if TYPE_CHECKING:
    from argmap.ui.presentation.presenter_view import PresenterView

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_Up}
BLANK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
THEMES = ("projector", "projector-dark")
CURSOR_HIDE_MS = 1500


def choose_screen(near: QWidget | None = None) -> QScreen:
    """The projector: a screen other than the one ``near`` is on, if there is one."""
    screens = QGuiApplication.screens()
    here = near.screen() if near is not None else QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not here]
    return others[0] if others else here


class _Curtain(QWidget):
    """A solid black or white screen over everything (B / W)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.color = QColor("#000000")
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        p = QPainter(self)
        p.fillRect(self.rect(), self.color)
        p.end()


class PresentationWindow(QWidget):
    """Presents a map (or a ``DocumentController``'s map, live) step by step.

    ``start()`` shows it full screen on ``screen`` (default: :func:`choose_screen`);
    ``finished`` is emitted when the presenter leaves (Esc), after which the window that
    was active before gets its state and focus back.
    """

    finished = Signal()

    def __init__(
        self,
        doc_or_controller: ArgMap | DocumentController,
        screen: QScreen | None = None,
        theme: str = "projector",
        direction: Direction = "LR",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        register_fonts()
        if isinstance(doc_or_controller, ArgMap):
            self._controller: DocumentController | None = None
            doc = doc_or_controller
        else:
            self._controller = doc_or_controller
            doc = doc_or_controller.doc
        self._screen = screen
        self._theme_name = theme if theme in THEMES else "projector"
        self._previous: tuple[QWidget, Qt.WindowState] | None = None
        self.presenter: PresenterView | None = None
        t = theme_named(self._theme_name)
        self.setWindowTitle(f"{isolate(doc.title) or 'Map'} \u2014 presentation")
        self.stage = PresentationStage(doc, t, direction, self)
        self.strip = WeightsStrip(t, self.stage)
        self.callout = QuoteCallout(t, self)
        self.callout.hide()
        self.curtain = _Curtain(self)
        self.stage.step_changed.connect(self._on_step)
        self._refresh_weights(doc)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.stage.setMouseTracking(True)
        self.stage.installEventFilter(self)
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.timeout.connect(self._hide_cursor)
        self._hide_cursor()
        if self._controller is not None:
            self._controller.edited.connect(self._on_document_changed)
            self._controller.document_reset.connect(self._on_document_changed)

    # --- life cycle --------------------------------------------------------------------------

    def start(self, step: int = 0) -> None:
        """Show full screen on the chosen screen, at ``step``."""
        active = QApplication.activeWindow()
        if active is not None and active is not self:
            self._previous = (active, active.windowState())
        screen = self._screen or choose_screen(active)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.stage.go(step, animate=False)
        others = [s for s in QGuiApplication.screens() if s is not screen]
        if others:  # the presenter's screen: the audience sees only the stage
            self.show_presenter_view(others[0])
        self.activateWindow()
        self.setFocus()

    def show_presenter_view(self, screen: QScreen | None = None) -> None:
        """P: the presenter view, on ``screen`` (or as a window on this one)."""
        from argmap.ui.presentation.presenter_view import PresenterView  # noqa: PLC0415

        if self.presenter is None:
            self.presenter = PresenterView(self)
            self.presenter.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.presenter.destroyed.connect(self._presenter_gone)
        if screen is not None:
            self.presenter.setScreen(screen)
            self.presenter.setGeometry(screen.availableGeometry())
        self.presenter.show()
        self.presenter.raise_()

    def save_slides(self) -> None:
        """E: save the deck as a PDF (one page per slide) or PNGs."""
        from argmap.ui.presentation.deck_export import save_deck_dialog  # noqa: PLC0415

        self._show_cursor()
        save_deck_dialog(self, self.presenter)

    def _presenter_gone(self) -> None:
        self.presenter = None

    def leave(self) -> None:
        """Close the presentation and give the previous window its state and focus back."""
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.presenter is not None:
            self.presenter.close()
        if self._previous is not None:
            window, state = self._previous
            self._previous = None
            window.setWindowState(state)
            window.show()
            window.raise_()
            window.activateWindow()
        super().closeEvent(event)
        self.finished.emit()

    # --- state for callers and tests ------------------------------------------------------

    @property
    def theme_name(self) -> str:
        return self._theme_name

    @property
    def blanked(self) -> QColor | None:
        """The curtain's colour while the screen is blanked, else None."""
        return QColor(self.curtain.color) if self.curtain.isVisible() else None

    # --- actions ---------------------------------------------------------------------------

    def toggle_blank(self, color: str = "#000000") -> None:
        """Black (or white) screen; the same key again, or any step key, brings it back."""
        if self.curtain.isVisible() and self.curtain.color == QColor(color):
            self.curtain.hide()
            return
        self.curtain.color = QColor(color)
        self.curtain.setGeometry(self.rect())
        self.curtain.show()
        self.curtain.raise_()
        self.curtain.update()

    def toggle_quotes(self) -> None:
        """Q: show the focused statement's quotes; again: next page, then hide."""
        if self.callout.isVisible():
            if not self.callout.advance():
                self.callout.hide()
            return
        self._show_quotes()

    def _show_quotes(self) -> None:
        step = self.stage.step
        focus = self.stage.focus
        if step is None or focus is None or self.stage.on_summary:
            return
        doc = self.stage.doc
        entries = quote_entries(doc, [focus])
        heading = doc.statement(focus).text
        if not entries and focus == step.current:  # e.g. a scenario: its reasons' sources
            entries = quote_entries(doc, [s for s in step.revealed if s != focus])
            if entries:
                heading = f"Sources for the reasons of: {isolate(heading)}"
        self.callout.setGeometry(self.rect())
        self.callout.show_quotes(heading, entries)
        self.curtain.raise_()

    def toggle_weights(self) -> None:
        """S: show the scenario weights before their reveal slide, or hide them again
        (the camera reframes around the panel)."""
        self.stage.show_weights_early(not self.stage.weights_early)
        self._sync_strip()
        self._refresh_presenter()

    def _sync_strip(self) -> None:
        shown = self.stage.weights_shown and not self.stage.on_summary
        if shown != self.strip.isVisibleTo(self):
            self.strip.setVisible(shown)
        self._place_strip()

    def toggle_theme(self) -> None:
        """T: between the light and the dark projector theme."""
        self._theme_name = THEMES[(THEMES.index(self._theme_name) + 1) % len(THEMES)]
        t = theme_named(self._theme_name)
        self.stage.set_theme(t)
        self.strip.set_theme(t)
        self.callout.set_theme(t)
        self._refresh_presenter()

    def _refresh_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.refresh()

    # --- events ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        stage = self.stage
        if key == Qt.Key.Key_Escape:
            if self.callout.isVisible():
                self.callout.hide()
            else:
                self.leave()
            return
        if key in BLANK_KEYS:
            self.toggle_blank("#000000")
            return
        if key == Qt.Key.Key_W:
            self.toggle_blank("#FFFFFF")
            return
        nav = {
            **dict.fromkeys(NEXT_KEYS, stage.next),
            **dict.fromkeys(PREVIOUS_KEYS, stage.previous),
            Qt.Key.Key_Home: stage.first,
            Qt.Key.Key_End: stage.last,
        }
        if key in nav:
            if self.curtain.isVisible():  # like slide software: the first press unblanks
                self.curtain.hide()
                return
            self.callout.hide()
            nav[key]()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            stage.cycle_focus(-1 if shift or key == Qt.Key.Key_Backtab else 1)
            if self.callout.isVisible():
                self._show_quotes()
            return
        simple = {
            Qt.Key.Key_Q: self.toggle_quotes,
            Qt.Key.Key_S: self.toggle_weights,
            Qt.Key.Key_T: self.toggle_theme,
            Qt.Key.Key_F: stage.toggle_overview,
            Qt.Key.Key_P: self.show_presenter_view,
            Qt.Key.Key_E: self.save_slides,
        }
        action = simple.get(key)
        if action is not None:
            action()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: ARG002
        return False  # Tab moves the quote focus instead

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: ARG002
        r = self.rect()
        self.stage.setGeometry(r)
        self.curtain.setGeometry(r)
        self.callout.setGeometry(r)
        self._place_strip()

    def overlay_rects(self) -> list[QRectF]:
        """What covers the stage's cards now: header, progress and the weights panel."""
        rects = self.stage.overlays()
        if self.strip.isVisibleTo(self):
            rects.append(self.strip.geometry().toRectF())
        return rects

    def _place_strip(self) -> None:
        r = self.rect()
        u = r.height() / 1080
        w, h = self.strip.preferred_size()
        self.strip.setGeometry(round(r.width() - w - 36 * u), round((r.height() - h) / 2), w, h)
        shown = self.strip.isVisibleTo(self) and bool(self.strip.weights)
        self.stage.reserve_right(w + 36 * u + 48 * u if shown else 0.0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove:
            self._show_cursor()
        return super().eventFilter(watched, event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: ARG002
        self._show_cursor()

    def _show_cursor(self) -> None:
        self.unsetCursor()
        self.stage.unsetCursor()
        self._cursor_timer.start(CURSOR_HIDE_MS)

    def _hide_cursor(self) -> None:
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.stage.setCursor(Qt.CursorShape.BlankCursor)

    # --- document --------------------------------------------------------------------------

    def _on_step(self, _index: int) -> None:
        if self.callout.isVisible():
            self.callout.hide()
        self._sync_strip()
        announce(self, step_words(self.stage.doc, self.stage.step, len(self.stage.steps)))

    def _on_document_changed(self) -> None:
        doc = self._controller.doc if self._controller is not None else self.stage.doc
        self.stage.set_document(doc)
        self._refresh_weights(doc)

    def _refresh_weights(self, doc: ArgMap) -> None:
        self.strip.set_document(doc)
        self.stage.set_weights({w.statement_id: w.weight for w in self.strip.weights})
        self._sync_strip()
