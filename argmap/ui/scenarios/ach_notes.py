"""Under the ACH matrix: what the ranking cannot be trusted for, and Heuer's step 6 (which
few items, removed or reversed, would change it), in words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from argmap.analysis.ach_sensitivity import describe
from argmap.analysis.report import MapAnalysis
from argmap.ui.editing.controller import DocumentController
from argmap.ui.panes import typography as ty
from argmap.ui.scenarios import palette as pal


def _label(colour: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setFont(ty.ui_font(9))
    label.setStyleSheet(f"color: {colour};")
    return label


class AchNotes(QWidget):
    """Two paragraphs: the ACH warnings (uneven rating, unjudged scenarios) and the
    ranking's sensitivity."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.warnings = _label(pal.INK.name())
        self.sensitivity = _label(pal.MUTED.name())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.warnings)
        layout.addWidget(self.sensitivity)

    def show_analysis(self, analysis: MapAnalysis) -> None:
        """Show the notes of a new analysis."""
        found = [w for w in analysis.ach.warnings if w.startswith("ACH:")]
        lines = [w.removeprefix("ACH: ") for w in found]
        self.warnings.setText("\n".join(f"⚠ {w[:1].upper()}{w[1:]}" for w in lines))
        self.warnings.setVisible(bool(found))
        if len(analysis.scenarios) < 2:
            self.sensitivity.setVisible(False)
            return
        texts = {sid: st.text for sid, st in self.controller.index.statements.items()}
        self.sensitivity.setText(
            "Sensitivity (Heuer's step 6): " + describe(analysis.ach_sensitivity, texts)
        )
        self.sensitivity.setVisible(True)
