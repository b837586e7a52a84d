"""Fonts and colours the panes share: the bundled DejaVu Sans, calm reading colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from argmap.export.card_painter import register_fonts
from argmap.layout.text_metrics import FONT_FAMILY as FAMILY

INK = QColor("#1f2328")
MUTED = QColor("#5f6670")
PAPER = QColor("#fcfbf7")
QUOTE_BG = QColor("#fde9a6")  # a quote in use
QUOTE_BG_ALT = QColor("#f9dc8c")  # its neighbour, a shade apart
QUOTE_FOCUS_BG = QColor("#ffc44d")  # the quote just jumped to
QUOTE_FLASH_BG = QColor("#ff8c1a")  # the flash when jumping to it


def ensure_fonts() -> None:
    """Register the bundled fonts once, so every machine draws the same glyphs."""
    register_fonts()


def ui_font(point_size: float = 10.0, bold: bool = False) -> QFont:
    """The bundled family at ``point_size``."""
    ensure_fonts()
    font = QFont(FAMILY)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
