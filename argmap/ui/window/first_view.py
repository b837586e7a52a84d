"""The opening camera on a map, and a reader font that suits its column.

A map's scenario column is often far taller than the window, so "fit all" shows
unreadable specks. The first view instead frames the focal question with as many of its
scenarios as fit at a readable zoom (the scenario panel lists them all), the question at
the leading edge so the reasons unfold into view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtWidgets import QTextEdit

from argmap.model import StatementKind
from argmap.model.focal_question import focal_question
from argmap.ui.canvas.view import MapView
from argmap.ui.panes import typography as ty

READABLE_PX = 12.0  # card text at least this tall on screen
MIN_ZOOM = READABLE_PX / 14  # the cards' body text is 14 px at 100 %
MAX_ZOOM = 1.0
MARGIN = 40.0  # view pixels left free around the framed cards


def _span(rect: QRectF, across: bool, lr: bool) -> tuple[float, float]:
    """The rectangle's extent along the scenario column (``across``) or the main axis."""
    vertical = lr == across
    return (rect.top(), rect.bottom()) if vertical else (rect.left(), rect.right())


def _best_window(root: QRectF, column: list[QRectF], room: float, lr: bool) -> tuple[float, float]:
    """The stretch of the column, with the root, that shows the most cards within ``room``."""
    r0, r1 = _span(root, True, lr)
    best = (r0, r1)
    best_count = 0
    spans = sorted(_span(c, True, lr) for c in column)
    for i in range(len(spans)):
        for j in range(i, len(spans)):
            lo, hi = min(r0, spans[i][0]), max(r1, spans[j][1])
            if hi - lo > room:
                break
            count = j - i + 1
            nearer = abs((lo + hi) / 2 - (r0 + r1) / 2) < abs(sum(best) / 2 - (r0 + r1) / 2)
            if count > best_count or (count == best_count and nearer):
                best, best_count = (lo, hi), count
    return best


def show_first_view(view: MapView) -> None:
    """Frame the question and its scenarios readably; maps without one get ``show_start``.
    Until the user moves the view, a resized window frames them again."""
    _frame(view)
    view.framed = True
    _Refit.watch(view)


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
        return False


def _frame(view: MapView) -> None:
    scene = view.map_scene
    doc = scene.controller.doc
    layout = scene.layout
    question = focal_question(doc)
    root_card = scene.cards.get(question or "")
    if layout is None or root_card is None or not root_card.isVisible():
        view.show_start()
        return
    root = root_card.sceneBoundingRect()
    column = [
        card.sceneBoundingRect()
        for sid, card in scene.cards.items()
        if card.isVisible() and card.statement.kind is StatementKind.SCENARIO
    ]
    whole = root
    for rect in column:
        whole = whole.united(rect)
    port = view.viewport().rect()
    pw, ph = max(1, port.width() - 2 * MARGIN), max(1, port.height() - 2 * MARGIN)
    fit = min(pw / whole.width(), ph / whole.height())
    if fit >= MIN_ZOOM:
        view.fit_rect(whole, max_scale=MAX_ZOOM)
        return
    lr = layout.direction == "LR"
    zoom = MIN_ZOOM
    room = (ph if lr else pw) / zoom
    lo, hi = _best_window(root, column, room, lr)
    view.resetTransform()
    view.scale(zoom, zoom)
    lead = root.left() if lr else root.top()
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
