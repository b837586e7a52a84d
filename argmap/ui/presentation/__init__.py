"""Presentation mode (F5): a map revealed argument by argument, full screen on a projector."""

from __future__ import annotations

from PySide6.QtCore import Qt

from argmap.model import ArgMap
from argmap.ui.editing.controller import DocumentController
from argmap.ui.presentation.window import PresentationWindow, choose_screen

__all__ = ["PresentationWindow", "choose_screen", "present"]


def present(
    doc_or_controller: ArgMap | DocumentController, theme: str = "projector"
) -> PresentationWindow:
    """Open presentation mode full screen on the projector (the other screen, if any)."""
    window = PresentationWindow(doc_or_controller, theme=theme)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.start()
    return window
