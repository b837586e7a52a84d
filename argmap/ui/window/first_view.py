"""The opening camera on a map, and a reader font that suits its column.

The first view (on opening a map, and Home) shows the focal question and every scenario
with card text at least ``READABLE_PX`` tall. Where the scenarios' reasons spread them too
far apart for that, it folds the scenarios first (one undo step, "Fold to the question
and scenarios"; opening a map stays unmodified) so they stack under the question; the
geometry is :mod:`argmap.layout.first_view_frame`. Only when even the folded column is
too tall does it frame the question with as many scenarios as fit (the Scenarios panel
lists them all), the question at the leading edge so the reasons unfold into view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTextEdit

from argmap.layout.first_view_frame import (
    MARGIN,
    MAX_ZOOM,
    MIN_ZOOM,
    READABLE_PX,
    band_frame,
    best_stretch,
    folds_for_band,
)
from argmap.model.focal_question import focal_question
from argmap.ui.canvas.view import MapView
from argmap.ui.panes import typography as ty

__all__ = ["READABLE_PX", "fit_reader_font", "folded_message", "show_first_view"]


def show_first_view(view: MapView, *, fold: bool = True) -> int:
    """Frame the question and its scenarios readably, folding the scenarios first if
    that is what it takes (``fold``); maps without a question get ``show_start``. Until
    the user moves the view, a resized window frames them again. Returns how many
    scenarios were folded."""
    folded = _fold_if_needed(view) if fold else 0
    _frame(view)
    view.framed = True
    _Refit.watch(view)
    return folded


def folded_message(count: int) -> str:
    """What the status bar says after the first view folded ``count`` scenarios."""
    s = "s" * (count != 1)
    return (
        f"Folded {count} scenario{s} so the question and every scenario fit in view; "
        "unfold one with its +N badge or Expand (Undo unfolds them all)"
    )


def _fold_if_needed(view: MapView) -> int:
    """Fold the scenarios when the band they make with the question is too big to frame
    readably: one undo step, and an unmodified map stays unmodified (folds are view)."""
    scene = view.map_scene
    layout = scene.layout
    if layout is None:
        return 0
    controller = scene.controller
    port = view.viewport().rect()
    ids = folds_for_band(controller.doc, layout, port.width(), port.height())
    if not ids:
        return 0
    stack = controller.undo_stack
    clean = stack.isClean()
    controller.fold(ids, "Fold to the question and scenarios")
    if clean:
        stack.setClean()
    return len(ids)


class _Refit(QObject):
    """Frames the first view again when the canvas is resized before the user moved it."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    @classmethod
    def watch(cls, view: MapView) -> None:
        if view.findChild(cls) is None:
            cls(view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002
        if event.type() == QEvent.Type.Resize and self.view.framed:
            _frame(self.view)
            self.view.framed = True  # framing again is no move of the user's
        return False


def _frame(view: MapView) -> None:
    scene = view.map_scene
    layout = scene.layout
    port = view.viewport().rect()
    question = focal_question(scene.controller.doc)
    frame = None if layout is None else band_frame(layout, question, port.width(), port.height())
    if layout is None or frame is None:
        view.show_start()
        return
    box = frame.box
    if frame.readable:
        view.resetTransform()
        view.scale(frame.zoom, frame.zoom)
        view.centerOn(box.cx, box.cy)
        view.zoom_changed.emit(view.zoom)
        return
    lr = layout.direction == "LR"
    zoom = min(MIN_ZOOM, MAX_ZOOM)
    pw, ph = max(1, port.width() - 2 * MARGIN), max(1, port.height() - 2 * MARGIN)
    root = layout.cards[question or ""].box
    column = [c.box for c in layout.cards.values() if c.kind == "scenario"]
    lo, hi = best_stretch(root, column, (ph if lr else pw) / zoom, lr)
    view.resetTransform()
    view.scale(zoom, zoom)
    lead = root.x if lr else root.y
    half_main = (pw if lr else ph) / (2 * zoom)
    main = lead + half_main  # the question at the leading edge, its reasons unfold after it
    across = (lo + hi) / 2
    view.centerOn(main, across) if lr else view.centerOn(across, main)
    view.zoom_changed.emit(view.zoom)


def reader_point_size(text_width: float) -> float:
    """A reading size for a column ``text_width`` px wide: about 45-60 characters a line."""
    return max(9.5, min(11.5, text_width / 34))


class _ReaderFont(QObject):
    """Resizes the reader's font as its column widens or narrows."""

    def __init__(self, reader: QTextEdit) -> None:
        super().__init__(reader)
        self.reader = reader
        reader.installEventFilter(self)
        self.apply()

    def apply(self) -> None:
        reader = self.reader
        margin = reader.document().documentMargin()
        width = reader.viewport().width() - 2 * margin
        size = round(reader_point_size(width) * 2) / 2
        if abs(reader.font().pointSizeF() - size) > 0.01:
            reader.setFont(ty.ui_font(size))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False


def fit_reader_font(reader: QTextEdit) -> None:
    """Keep the article reader's text at a comfortable size for its column width."""
    _ReaderFont(reader)
