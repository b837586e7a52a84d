"""Save the deck being presented as slides (E in the presentation window): the same
pages ``argmap export MAP --slides`` writes, in the theme and with the weights as shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from argmap.export.paged_pdf import slide_page, write_pages_pdf, write_pngs
from argmap.io.atomic_write import os_reason
from argmap.ui.presentation.slide_render import SlideRenderer
from argmap.ui.presentation.window import PresentationWindow


def export_deck(window: PresentationWindow, path: Path) -> list[Path]:
    """Write the deck to ``path`` (.pdf: one page per slide; .png: one file per slide)."""
    stage = window.stage
    renderer = SlideRenderer(stage.doc, window.theme_name, stage.frames.direction)
    try:
        renderer.show_weights_early(stage.weights_early)
        if path.suffix.lower() == ".png":
            return write_pngs(path, renderer.image, renderer.count())
        title = stage.doc.title
        return [write_pages_pdf(path, renderer.count(), renderer.paint, slide_page(), title=title)]
    finally:
        renderer.close()


def save_deck_dialog(window: PresentationWindow, parent: QWidget | None = None) -> None:
    """Ask where, then write; a failure is said in a message box, nothing half-written."""
    name, _ = QFileDialog.getSaveFileName(
        parent or window, "Save slides", "slides.pdf", "Slides (*.pdf);;Slide images (*.png)"
    )
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() not in (".pdf", ".png"):
        path = path.with_suffix(".pdf")
    try:
        export_deck(window, path)
    except OSError as exc:
        QMessageBox.warning(parent or window, "Save slides", f"{path}: {os_reason(exc)}")
