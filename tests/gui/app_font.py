"""The font argmap starts with, for tests that measure text.

``argmap.ui.app.application()`` sets the bundled DejaVu Sans at 9.5 pt or more; the test
process keeps Qt's default (9 pt), so a label cut in the app can fit in a test. Use::

    from gui.app_font import app_font  # noqa: F401  (a fixture)

    @pytest.mark.usefixtures("app_font")
    def test_...
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from argmap.ui.app import argmap_font


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QFont]:
    """The application font as ``argmap`` sets it, for one test; the previous one after."""
    before = QFont(qapp.font())
    font = argmap_font(before)
    qapp.setFont(font)
    yield font
    qapp.setFont(before)
