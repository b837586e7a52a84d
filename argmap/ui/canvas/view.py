"""The map view: zoom at the cursor, pan (middle button or Space+drag), fit, arrow keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from argmap.export.card_painter import MIN_READABLE_PX
from argmap.ui.canvas import navigation
from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.text_editor import InlineTextEditor

MIN_SCALE = 0.03
MAX_SCALE = 6.0
ZOOM_STEP = 1.25
_FIT_MAX_SCALE = 1.25
READABLE_SCALE = 0.55  # below this, body text is too small to read comfortably
START_SCALE = 0.85  # fitting a small map should not blow it up past comfortable
_ARROWS = {
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
}


class MapView(QGraphicsView):
    """Shows a ``MapScene``; keyboard and pointer navigation, in-place text editing."""

    zoom_changed = Signal(float)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # No background cache: the background is one flat colour, and a cached copy is
        # a viewport-sized pixmap (6 MB at 1600 x 1000, 33 MB on a 4K screen).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._pan_from: QPoint | None = None
        self._space_held = False
        self._editor: InlineTextEditor | None = None
        self.framed = False  # showing a framing the user has not moved (refit on resize)
        scene.edit_requested.connect(self.edit_text)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._moved_by_user)  # dragged, clicked, wheeled

    def _moved_by_user(self, _action: int = 0) -> None:
        self.framed = False

    # --- zoom --------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """Current scale: 1.0 means one scene unit per pixel."""
        return float(self.transform().m11())

    def zoom_by(self, factor: float, at: QPoint | None = None) -> None:
        """Zoom by ``factor`` keeping the scene point under ``at`` (viewport px) still."""
        self.framed = False
        target = max(self.min_zoom(), min(MAX_SCALE, self.zoom * factor))
        factor = target / self.zoom
        if abs(factor - 1.0) < 1e-9:
            return
        anchor = at if at is not None else self.viewport().rect().center()
        before = self.mapToScene(anchor)
        old_anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor, factor)
        after = self.mapToScene(anchor)
        delta = after - before
        self.translate(delta.x(), delta.y())
        self.setTransformationAnchor(old_anchor)
        self.zoom_changed.emit(self.zoom)

    def min_zoom(self) -> float:
        """How far one can zoom out: ``MIN_SCALE``, or further if the map needs it to be
        seen whole (the low-detail overview keeps such zooms fast)."""
        area = self.map_scene.sceneRect()
        port = self.viewport().rect()
        if area.isEmpty() or port.isEmpty():
            return MIN_SCALE
        whole = min(port.width() / area.width(), port.height() / area.height())
        return min(MIN_SCALE, whole * 0.5)

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.zoom_by(1.0 / self.zoom)

    def fit_rect(self, rect: QRectF, max_scale: float = _FIT_MAX_SCALE) -> None:
        """Show ``rect`` (scene units) whole, centred, no larger than ``max_scale``; the
        view is no longer the first view's framing (a resize leaves it alone)."""
        if rect.isEmpty():
            return
        self.framed = False
        rect = rect.adjusted(-30, -30, 30, 30)
        port = self.viewport().rect()
        scale = min(port.width() / rect.width(), port.height() / rect.height(), max_scale)
        scale = max(self.min_zoom(), scale)
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom)

    def fit_all(self) -> None:
        """Zoom to show every visible card, and the dialogue notes when they are shown."""
        self.fit_rect(self._all_cards_rect())

    def _all_cards_rect(self) -> QRectF:
        """Every visible card with its ring margin: the layout's bounds (no item walk),
        with the dialogue notes beside the cards while they are shown."""
        layout = self.map_scene.layout
        if layout is None or not layout.cards:
            return QRectF()
        b = layout.bounds
        rect = QRectF(b.x, b.y, b.w, b.h).adjusted(-8, -8, 8, 8)
        for note in self.map_scene.dialogue.notes.values():
            rect = rect.united(note.sceneBoundingRect())
        return rect

    def show_start(self) -> None:
        """A first look at a map: all of it if it fits readably, else its root(s) at a
        readable zoom, the top (TB) or left (LR) edge of the map in view."""
        rect = self._all_cards_rect()
        layout = self.map_scene.layout
        if rect.isEmpty() or layout is None:
            return
        port = self.viewport().rect()
        padded = rect.adjusted(-30, -30, 30, 30)
        if min(port.width() / padded.width(), port.height() / padded.height()) >= READABLE_SCALE:
            self.fit_rect(rect)
            return
        band = self._readable_top_band(port.width(), port.height())
        if band is not None:
            self.fit_rect(band, max_scale=START_SCALE)
            return
        self.resetTransform()
        self.scale(START_SCALE, START_SCALE)
        root = self.map_scene.cards.get(layout.roots[0]) if layout.roots else None
        focus = root.sceneBoundingRect().center() if root is not None else rect.center()
        half_w = port.width() / (2 * START_SCALE)
        half_h = port.height() / (2 * START_SCALE)
        if layout.direction == "LR":
            self.centerOn(rect.left() - 40 + half_w, focus.y())
        else:
            self.centerOn(focus.x(), rect.top() - 40 + half_h)
        self.zoom_changed.emit(self.zoom)

    def _readable_top_band(self, width: int, height: int) -> QRectF | None:
        """The roots and as many generations below them as fit readably (None: not even one)."""
        layout = self.map_scene.layout
        if layout is None:
            return None
        best: QRectF | None = None
        level = list(layout.roots)
        shown = list(level)
        for _depth in range(3):
            level = [c for sid in level for c in layout.children.get(sid, [])]
            if not level:
                break
            shown += level
            rect = self._cards_rect(shown).adjusted(-30, -30, 30, 30)
            if min(width / rect.width(), height / rect.height()) < READABLE_SCALE:
                break
            best = rect
        return best

    def fit_selection(self) -> None:
        """Zoom to the selected cards (all cards if nothing is selected)."""
        chosen = self.map_scene.controller.selection
        if not chosen:
            self.fit_all()
            return
        self.fit_rect(self._cards_rect(chosen), max_scale=1.5)

    def _cards_rect(self, ids: object) -> QRectF:
        self.map_scene.backlog.catch_up()
        rect = QRectF()
        for sid in ids:  # type: ignore[attr-defined]
            card = self.map_scene.cards.get(sid)
            if card is not None and card.isVisible():
                rect = rect.united(card.sceneBoundingRect())
        return rect

    def reveal(self, statement_id: str) -> None:
        """Bring a card into view: centred if it was off screen, else nudged fully in (a
        resize then leaves it in view: the first view's framing is over)."""
        self.framed = False
        self.map_scene.backlog.catch_up()
        card = self.map_scene.cards.get(statement_id)
        if card is None or not card.isVisible():
            return
        box = card.sceneBoundingRect()
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if shown.intersects(box):
            self.ensureVisible(box, 60, 60)
        else:
            self.centerOn(box.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)
            return
        steps = event.angleDelta().y() / 120.0
        if steps == 0:
            super().wheelEvent(event)
            return
        self.zoom_by(ZOOM_STEP ** (steps * 0.5), event.position().toPoint())
        event.accept()

    # --- painting ----------------------------------------------------------------------

    @property
    def low_detail(self) -> bool:
        """Whether text would be unreadably small: then the whole map is drawn at once
        as boxes and lines (one batched pass instead of a paint call per item)."""
        return self.map_scene.theme.metrics.body_px * self.zoom < MIN_READABLE_PX

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.low_detail:
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self.map_scene.backgroundBrush())
        painter.setWorldTransform(self.viewportTransform())
        exposed = self.mapToScene(event.rect()).boundingRect()
        self.map_scene.paint_overview(painter, exposed, self.zoom)
        painter.end()

    # --- pan ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        middle = event.button() == Qt.MouseButton.MiddleButton
        space_drag = self._space_held and event.button() == Qt.MouseButton.LeftButton
        if middle or space_drag:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self.framed = False
            now = event.position().toPoint()
            d = now - self._pan_from
            self._pan_from = now
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - d.x())
            v.setValue(v.value() - d.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self._restore_cursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _restore_cursor(self) -> None:
        if self._space_held:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()

    # --- keys --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self._restore_cursor()
            event.accept()
            return
        arrow = _ARROWS.get(Qt.Key(key))
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if arrow is not None and plain:
            self.framed = False
            self.navigate(arrow)  # type: ignore[arg-type]
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.map_scene.gestures.action is None:
            self.map_scene.controller.set_selection([])
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self._restore_cursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def navigate(self, arrow: navigation.Arrow) -> str | None:
        """Select the card an arrow key leads to from the current one; return its id."""
        layout = self.map_scene.layout
        if layout is None or not layout.cards:
            return None
        current = self.map_scene.controller.current
        if current is None or current not in layout.cards:
            target: str | None = layout.roots[0] if layout.roots else next(iter(layout.cards))
        else:
            move = navigation.move_for_arrow(arrow, layout.direction)
            target = navigation.neighbour(layout, current, move)
        if target is not None:
            self.map_scene.controller.set_selection([target])
            self.reveal(target)
        return target

    # --- in-place text editing -------------------------------------------------------

    @property
    def editor(self) -> InlineTextEditor:
        """The in-place text editor, made on first use: a style-sheeted text widget costs
        ~1 MB (RSS), and a map that is only read never needs it."""
        if self._editor is None:
            editor = self._editor = InlineTextEditor(self.viewport())
            editor.committed.connect(self._on_text_committed)
            editor.committed.connect(lambda *_: self.setFocus())
            editor.cancelled.connect(lambda *_: self.setFocus())
        return self._editor

    def edit_text(self, statement_id: str) -> None:
        """Open the in-place editor on a card (F2, double-click, or a new card)."""
        self.map_scene.backlog.catch_up()
        card = self.map_scene.cards.get(statement_id)
        if card is None or not card.isVisible():
            return
        self.reveal(statement_id)
        area = self.mapFromScene(card.sceneBoundingRect()).boundingRect()
        area = area.adjusted(8, 8, -8, -8)  # the bounding rect includes the ring margin
        font_px = self.map_scene.theme.metrics.body_px * self.zoom
        min_w, min_h = 260, 70
        if area.width() < min_w or area.height() < min_h:
            area.setWidth(max(area.width(), min_w))
            area.setHeight(max(area.height(), min_h))
        self.editor.open(statement_id, card.statement.text, area, max(font_px, 13.0))

    def _on_text_committed(self, statement_id: str, text: str) -> None:
        controller = self.map_scene.controller
        if statement_id in controller.index.statements and text:
            controller.set_statement_field(statement_id, "text", text)
