"""Under the ACH matrix: what the ranking cannot be trusted for, and Heuer's step 6 (which
few items, removed or reversed, would change it), in words. The sensitivity is worked out
only while the pane is shown (it is not part of the live analysis every edit runs)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from argmap.analysis.ach_sensitivity import ach_sensitivity, describe
from argmap.analysis.report import MapAnalysis
from argmap.ui import pane_colours
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty


def _label(colour: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setFont(ty.ui_font(9))
    pane_colours.styled(label, f"color: ${colour};")
    return label


class AchNotes(QWidget):
    """Two paragraphs: the ACH warnings (uneven rating, unjudged scenarios) and the
    ranking's sensitivity."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.warnings = _label("ink")
        self.sensitivity = _label("muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.warnings)
        layout.addWidget(self.sensitivity)
        self._analysis: MapAnalysis | None = None
        self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._analysis is not None:
            self._show_sensitivity(self._analysis)

    def show_analysis(self, analysis: MapAnalysis) -> None:
        """Show the notes of a new analysis."""
        found = [w for w in analysis.ach.warnings if w.startswith("ACH:")]
        lines = [w.removeprefix("ACH: ") for w in found]
        self.warnings.setText("\n".join(f"⚠ {w[:1].upper()}{w[1:]}" for w in lines))
        self.warnings.setVisible(bool(found))
        self._analysis = analysis
        self._stale = True
        if self.isVisible():
            self._show_sensitivity(analysis)

    def _show_sensitivity(self, analysis: MapAnalysis) -> None:
        self._stale = False
        if len(analysis.scenarios) < 2:
            self.sensitivity.setVisible(False)
            return
        texts = {sid: st.text for sid, st in self.controller.index.statements.items()}
        found = ach_sensitivity(analysis.ach)
        self.sensitivity.setText("Sensitivity (Heuer's step 6): " + describe(found, texts))
        self.sensitivity.setVisible(True)
