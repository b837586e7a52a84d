"""Any slide of a deck painted off screen, exactly as the audience window shows it: an
audience window that is never shown, moved to the slide and rendered. The presenter
view's previews and the slide exports (PDF, PNG) come from here."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from argmap.layout.tidy_tree import Direction
from argmap.model import ArgMap
from argmap.ui.presentation.deck import Slide
from argmap.ui.presentation.summary_slide import summary_texts
from argmap.ui.presentation.window import PresentationWindow

SLIDE_SIZE = QSize(1920, 1080)  # 16:9, the size a slide is laid out at


class SlideRenderer:
    """Paints slide ``k`` of ``doc``'s deck (``count`` of them) into a painter or image."""

    def __init__(
        self,
        doc: ArgMap,
        theme: str = "projector",
        direction: Direction = "LR",
        size: QSize = SLIDE_SIZE,
    ) -> None:
        self.window = PresentationWindow(doc, theme=theme, direction=direction)
        self.window.stage.glide_ms = 0
        self.window.resize(size)
        self._sync()

    @property
    def size(self) -> QSize:
        return self.window.size()

    @property
    def slides(self) -> list[Slide]:
        return list(self.window.stage.slides)

    def count(self) -> int:
        return len(self.window.stage.slides)

    def show_weights_early(self, shown: bool) -> None:
        """As S in the room: the weights on every slide, not only from their reveal."""
        if self.window.stage.weights_early != shown:
            self.window.toggle_weights()

    def set_theme(self, name: str) -> None:
        while self.window.theme_name != name:
            self.window.toggle_theme()

    def go(self, index: int) -> None:
        self.window.stage.go(index, animate=False)
        self._sync()

    def paint(self, painter: QPainter, index: int, target: QRectF) -> None:
        """Slide ``index`` scaled into ``target`` (same aspect as :attr:`size`)."""
        self.go(index)
        s = self.size
        painter.save()
        painter.translate(target.topLeft())
        painter.scale(target.width() / s.width(), target.height() / s.height())
        self.window.render(painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
        painter.restore()

    def image(self, index: int, size: QSize | None = None) -> QImage:
        """Slide ``index`` as an image (default: at its own size)."""
        size = size or self.size
        image = QImage(size, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        try:
            self.paint(painter, index, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        return image

    def texts(self, index: int) -> dict[str, str]:
        """The cards the slide shows whole, by statement id: their text as drawn (wrapped
        lines joined); on the summary, its lines by position."""
        self.go(index)
        stage = self.window.stage
        if stage.on_summary:
            return {str(k): t for k, t in enumerate(summary_texts(stage.summary()))}
        whole = QRectF(stage.rect())
        overlays = self.window.overlay_rects()
        cards = stage.frames.frame(stage.step_index).layout.cards
        shown = {}
        for sid, card in cards.items():
            r = stage.card_screen_rect(sid)
            if r is None or not whole.contains(r):
                continue
            if not any(o.intersects(r.adjusted(0.5, 0.5, -0.5, -0.5)) for o in overlays):
                shown[sid] = " ".join(card.lines)
        return shown

    def close(self) -> None:
        self.window.deleteLater()

    def _sync(self) -> None:
        """Deliver the resize a hidden window keeps pending, so the stage has its size."""
        w = self.window
        r = w.rect()
        if w.stage.size() != r.size():
            w.stage.setGeometry(r)
            w.curtain.setGeometry(r)
            w.callout.setGeometry(r)
            w.stage.resizeEvent(None)  # type: ignore[arg-type]
        w._place_strip()
