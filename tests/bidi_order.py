"""Where Qt draws each character of a line: to check that map text with bidi controls
leaves the app's own words in reading order (needs a QGuiApplication)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout


def positions(text: str, font: QFont | None = None) -> list[float]:
    """The x of the caret before each character of ``text`` laid out as one line."""
    layout = QTextLayout(text, font or QFont())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    layout.endLayout()
    return [line.cursorToX(k)[0] for k in range(len(text) + 1)]


def reads_in_order(text: str, part: str, font: QFont | None = None) -> bool:
    """Whether ``part`` (left-to-right words of ``text``) is drawn left to right."""
    xs = positions(text, font)
    start = text.index(part)
    run = xs[start : start + len(part) + 1]
    return all(a < b for a, b in zip(run, run[1:], strict=False))
