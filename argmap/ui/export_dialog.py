"""File ▸ Export: PNG, SVG or PDF of the map, a selection or a subtree, with a live preview."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from argmap.export import raster
from argmap.export.map_scene import MapScene, prepare
from argmap.export.map_subset import UnknownStatementError
from argmap.export.svg_writer import scene_svg
from argmap.io.atomic_write import write_atomically
from argmap.model import ArgMap

FORMATS = {"PNG image": ".png", "SVG (vector, editable)": ".svg", "PDF document": ".pdf"}
SCOPES = {"Whole map": "all", "Selected statements": "selection",
          "Subtree of the current statement": "subtree"}  # fmt: skip
THEMES = {"Light": "light", "Dark": "dark", "Projector": "projector",
          "Projector, dark": "projector-dark"}  # fmt: skip
DIRECTIONS = {"As in the map": None, "Top-down": "TB", "Left to right": "LR"}
PREVIEW = (520, 380)


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the dialog is set to export."""

    suffix: str
    scope: str
    theme: str
    direction: str | None
    scale: float
    transparent: bool
    legend: bool
    weights: bool


def build_scene(
    doc: ArgMap, choice: ExportChoice, selection: list[str], weights: dict[str, float] | None
) -> MapScene:
    """The laid-out export scene for a choice (raises UnknownStatementError, ValueError)."""
    subtree = selection[-1] if choice.scope == "subtree" and selection else None
    picked = list(selection) if choice.scope == "selection" and selection else None
    return prepare(
        doc, choice.theme, subtree=subtree, selection=picked, show_legend=choice.legend,
        weights=weights if choice.weights else None, direction=choice.direction,
    )  # fmt: skip


def write_export(scene: MapScene, path: Path, choice: ExportChoice) -> str:
    """Write the file; returns a one-line report (and any size-cap note)."""
    if choice.suffix == ".svg":
        data = scene_svg(scene, transparent=choice.transparent).encode("utf-8")
        write_atomically(path, data, backup=False)
        return f"Exported {path.name} ({len(scene.layout.cards)} statements)"
    if choice.suffix == ".pdf":
        raster.write_pdf(scene, path)
        return f"Exported {path.name}"
    result = raster.write_png(scene, path, choice.scale, transparent=choice.transparent)
    report = f"Exported {path.name} ({result.width}×{result.height} px)"
    return f"{report}. {result.note}" if result.note else report


class ExportDialog(QDialog):
    """Choose what and how to export, see it, then pick a file."""

    def __init__(
        self,
        doc: ArgMap,
        selection: list[str],
        weights: dict[str, float] | None = None,
        parent: QWidget | None = None,
        start_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export map")
        self.doc, self.selection, self.weights = doc, list(selection), weights
        self.start_dir = start_dir or Path.home()
        self.written: Path | None = None
        self.report = ""
        self._settings = QSettings()
        self._preview = QLabel()
        self._preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._preview.setMinimumSize(*PREVIEW)
        self._preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._preview.setStyleSheet("background: #f3f3f3; border: 1px solid #c8c8c8;")
        self._size_note = QLabel()
        self._size_note.setTextFormat(Qt.TextFormat.PlainText)
        self._size_note.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._refresh)
        self._build()
        self._restore()
        self._refresh()

    def _combo(self, options: dict[str, object]) -> QComboBox:
        box = QComboBox()
        for label in options:
            box.addItem(label)
        box.currentIndexChanged.connect(lambda _i: self._changed())
        return box

    def _build(self) -> None:
        self.format = self._combo(dict(FORMATS))
        self.scope = self._combo(dict(SCOPES))
        self.theme = self._combo(dict(THEMES))
        self.direction = self._combo(dict(DIRECTIONS))
        self.scale = QDoubleSpinBox(minimum=0.25, maximum=8.0, singleStep=0.25, value=2.0)
        self.scale.setSuffix("×")
        self.scale.valueChanged.connect(lambda _v: self._changed())
        self.transparent = QCheckBox("Transparent background")
        self.legend = QCheckBox("Legend of kinds and arrows")
        self.weights_box = QCheckBox("Scenario weights")
        self.weights_box.setEnabled(bool(self.weights))
        for box in (self.transparent, self.legend, self.weights_box):
            box.toggled.connect(lambda _on: self._changed())
        scope_model = self.scope.model()
        has_selection = bool(self.selection)
        for row in (1, 2):  # selection / subtree need a selected statement
            item = scope_model.item(row)  # type: ignore[attr-defined]
            item.setEnabled(has_selection)
        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("What", self.scope)
        form.addRow("Theme", self.theme)
        form.addRow("Layout", self.direction)
        form.addRow("Scale (PNG)", self.scale)
        form.addRow("", self.transparent)
        form.addRow("", self.legend)
        form.addRow("", self.weights_box)
        form.addRow("", self._size_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Export…")
        buttons.accepted.connect(self._export)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addLayout(form)
        row.addWidget(self._preview, 1)
        column = QVBoxLayout(self)
        column.addLayout(row, 1)
        column.addWidget(buttons)

    def choice(self) -> ExportChoice:
        """The current settings."""
        return ExportChoice(
            suffix=FORMATS[self.format.currentText()],
            scope=SCOPES[self.scope.currentText()],
            theme=THEMES[self.theme.currentText()],
            direction=DIRECTIONS[self.direction.currentText()],
            scale=self.scale.value(),
            transparent=self.transparent.isChecked(),
            legend=self.legend.isChecked(),
            weights=self.weights_box.isChecked() and bool(self.weights),
        )

    def _changed(self) -> None:
        c = self.choice()
        self.scale.setEnabled(c.suffix == ".png")
        self.transparent.setEnabled(c.suffix != ".pdf")
        self._timer.start()

    def _scene(self) -> MapScene | None:
        try:
            return build_scene(self.doc, self.choice(), self.selection, self.weights)
        except (UnknownStatementError, ValueError) as exc:
            self._preview.setText(f"Nothing to export: {exc}")
            return None

    def _refresh(self) -> None:
        scene = self._scene()
        if scene is None:
            return
        c = self.choice()
        w, h = max(1.0, scene.rect.w), max(1.0, scene.rect.h)
        fit = min(PREVIEW[0] / w, PREVIEW[1] / h, 1.0)
        image = raster.render_image(scene, fit, transparent=c.transparent)
        self._preview.setPixmap(QPixmap.fromImage(image))
        if c.suffix == ".png":
            used, note = raster.fit_scale(scene, c.scale)
            size = f"{round(w * used)} × {round(h * used)} px"
            self._size_note.setText(f"{size}. {note}" if note else size)
        else:
            self._size_note.setText(f"{len(scene.layout.cards)} statements, vector")

    def _export(self) -> None:
        c = self.choice()
        scene = self._scene()
        if scene is None:
            return
        stem = (self.doc.title or "map").strip().replace("/", "-") or "map"
        start = str(self.start_dir / f"{stem}{c.suffix}")
        name = [k for k, v in FORMATS.items() if v == c.suffix][0]
        path, _ = QFileDialog.getSaveFileName(self, "Export as", start, f"{name} (*{c.suffix})")
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != c.suffix:
            target = target.with_name(target.name + c.suffix)
        try:
            self.report = write_export(scene, target, c)
        except OSError as exc:
            QMessageBox.warning(self, "Export failed", f"Could not write {target}:\n{exc}")
            return
        self.written = target
        self._save()
        self.accept()

    def _restore(self) -> None:
        s = self._settings
        for key, box in (("format", self.format), ("theme", self.theme),
                         ("direction", self.direction)):  # fmt: skip
            value = s.value(f"export/{key}")
            if isinstance(value, str) and box.findText(value) >= 0:
                box.setCurrentText(value)
        self.scale.setValue(float(s.value("export/scale", 2.0)))  # type: ignore[arg-type]
        self.legend.setChecked(s.value("export/legend", "false") == "true")
        self.transparent.setChecked(s.value("export/transparent", "false") == "true")
        self.weights_box.setChecked(
            bool(self.weights) and s.value("export/weights", "true") == "true"
        )

    def _save(self) -> None:
        s = self._settings
        s.setValue("export/format", self.format.currentText())
        s.setValue("export/theme", self.theme.currentText())
        s.setValue("export/direction", self.direction.currentText())
        s.setValue("export/scale", self.scale.value())
        for key, box in (("legend", self.legend), ("transparent", self.transparent),
                         ("weights", self.weights_box)):  # fmt: skip
            s.setValue(f"export/{key}", "true" if box.isChecked() else "false")
