"""File ▸ Export… (Ctrl+E): PNG, SVG or PDF of the map, a selection or a subtree, previewed.

The preview is drawn by the same painter that writes the PNG/PDF, so what you see is what
you get. Choices are remembered between sessions; a failure is explained in a message box.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from argmap.analysis.report import analyze
from argmap.export.map_scene import MapScene
from argmap.export.raster import fit_scale, render_image
from argmap.model import ArgMap
from argmap.model.layer_view import seen_active
from argmap.ui.import_export.export_options import (
    DIRECTIONS,
    FORMATS,
    SCALES,
    SCOPES,
    THEMES,
    ExportError,
    ExportOptions,
    ExportScope,
    load_options,
    prepare_export,
    save_options,
    write_export,
)
from argmap.ui.window.app_settings import setting_str
from argmap.ui.window.window_actions import make_action

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

PREVIEW = QSize(560, 420)
PREVIEW_DELAY_MS = 120


def _combo(choices: dict[str, str], current: str) -> QComboBox:
    box = QComboBox()
    for key, label in choices.items():
        box.addItem(label, key)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class ExportDialog(QDialog):
    """Export options on the left, a live preview on the right; Export… asks for a file."""

    def __init__(
        self,
        doc: ArgMap,
        scope: ExportScope,
        options: ExportOptions,
        weights: dict[str, float],
        parent: QWidget | None = None,
        *,
        default_name: str = "map",
        folder: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export map")
        self.setAttribute(Qt.WidgetAttribute.WA_WindowPropagation)
        self.doc, self.scope, self.weights = doc, scope, weights
        self.default_name, self.folder = default_name, folder
        self.written: Path | None = None
        self.report = ""
        self.scene: MapScene | None = None
        self.format = _combo(FORMATS, options.format)
        self.scope_box = _combo(SCOPES, options.scope)
        for row, key in enumerate(SCOPES):
            if not scope.available(key):
                self.scope_box.model().item(row).setEnabled(False)  # type: ignore[attr-defined]
        if not scope.available(options.scope):
            self.scope_box.setCurrentIndex(0)
        self.theme = _combo(THEMES, options.theme)
        self.scale = QComboBox()
        for s in SCALES:
            self.scale.addItem(f"{s:g}×", s)
        self.scale.setCurrentIndex(max(0, self.scale.findData(options.scale)))
        if self.scale.findData(options.scale) < 0:
            self.scale.addItem(f"{options.scale:g}×", options.scale)
            self.scale.setCurrentIndex(self.scale.count() - 1)
        self.transparent = QCheckBox("Transparent background")
        self.transparent.setChecked(options.transparent)
        self.legend = QCheckBox("Legend of kinds and arrows")
        self.legend.setChecked(options.legend)
        self.weights_box = QCheckBox("Scenario weights")
        self.weights_box.setChecked(options.weights)
        self.weights_box.setEnabled(bool(weights))
        self.direction = _combo(DIRECTIONS, options.direction)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("QLabel { background: #8c939c; border-radius: 4px; }")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        for box in (self.format, self.scope_box, self.theme, self.scale, self.direction):
            box.currentIndexChanged.connect(lambda _i: self._changed())
        for check in (self.transparent, self.legend, self.weights_box):
            check.toggled.connect(lambda _on: self._changed())
        self._update_enabled()
        self.refresh_preview()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("Format:", self.format)
        form.addRow("Export:", self.scope_box)
        form.addRow("Theme:", self.theme)
        form.addRow("Layout:", self.direction)
        form.addRow("Scale:", self.scale)
        form.addRow("", self.transparent)
        form.addRow("", self.legend)
        form.addRow("", self.weights_box)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addWidget(self.caption)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.choose_file_and_export)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(top, 1)
        column.addWidget(buttons)

    # --- options -----------------------------------------------------------------------

    def options(self) -> ExportOptions:
        """The choices as the dialog shows them."""
        return ExportOptions(
            format=str(self.format.currentData()),
            scope=str(self.scope_box.currentData()),
            theme=str(self.theme.currentData()),
            scale=float(self.scale.currentData()),
            transparent=self.transparent.isChecked(),
            legend=self.legend.isChecked(),
            weights=self.weights_box.isChecked(),
            direction=str(self.direction.currentData()),
        )

    def set_option(self, name: str, value: object) -> None:
        """Change one choice as a user would (for scripts and tests)."""
        boxes = {"format": self.format, "scope": self.scope_box, "theme": self.theme,
                 "scale": self.scale, "direction": self.direction}  # fmt: skip
        checks = {"transparent": self.transparent, "legend": self.legend,
                  "weights": self.weights_box}  # fmt: skip
        if name in boxes:
            index = boxes[name].findData(value)
            if index < 0:
                raise ValueError(f"{value!r} is not a choice for {name}")
            boxes[name].setCurrentIndex(index)
        else:
            checks[name].setChecked(bool(value))
        self.refresh_preview()

    def _changed(self) -> None:
        self._update_enabled()
        self._timer.start()

    def _update_enabled(self) -> None:
        png = self.format.currentData() == "png"
        self.scale.setEnabled(png)
        self.transparent.setEnabled(self.format.currentData() != "pdf")

    # --- preview -----------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Lay out and draw the export as it would be written, scaled to the preview."""
        self._timer.stop()
        options = self.options()
        try:
            self.scene = prepare_export(self.doc, options, self.scope, self.weights)
        except ExportError as exc:
            self.scene = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(str(exc))
            self.caption.setText("")
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        r = self.scene.rect
        box = self.preview.size().expandedTo(PREVIEW) - QSize(16, 16)
        ratio = self.devicePixelRatioF()
        fit = min(box.width() / r.w, box.height() / r.h, 1.0)
        image = render_image(self.scene, fit * ratio, transparent=options.transparent)
        image.setDevicePixelRatio(ratio)
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.caption.setText(self._describe(options))

    def _describe(self, options: ExportOptions) -> str:
        assert self.scene is not None
        r = self.scene.rect
        count = len(self.scene.layout.cards)
        what = f"{count} statement{'s' * (count != 1)}"
        if options.format == "png":
            scale, note = fit_scale(self.scene, options.scale)
            size = f"{round(r.w * scale)} × {round(r.h * scale)} px"
            return f"{what}, {size}" + (" (capped: export SVG or PDF for full detail)" * bool(note))
        return f"{what}, {round(r.w)} × {round(r.h)} units, vector with real text"

    # --- writing -----------------------------------------------------------------------

    def choose_file_and_export(self) -> None:
        """Ask where to save, then write (the dialog stays open if that fails)."""
        options = self.options()
        start = str(Path(self.folder or Path.home()) / f"{self.default_name}{options.suffix}")
        label = FORMATS[options.format]
        path, _ = QFileDialog.getSaveFileName(
            self, "Export map", start, f"{label} (*{options.suffix})"
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != options.suffix:
            target = target.with_name(target.name + options.suffix)
        if self.export_to(target):
            self.accept()

    def export_to(self, path: Path) -> bool:
        """Write the export to ``path``; on failure explain in a message box, return False."""
        try:
            if self.scene is None or self._timer.isActive():
                self.refresh_preview()
            if self.scene is None:
                raise ExportError(self.preview.text() or "Nothing to export.")
            self.report = write_export(self.scene, self.options(), Path(path))
        except ExportError as exc:
            self.show_error(str(exc))
            return False
        except Exception as exc:
            self.show_error(f"Could not export {Path(path).name}: {exc}")
            return False
        self.written = Path(path)
        return True

    def show_error(self, text: str) -> None:
        QMessageBox.warning(self, "Export failed", text)


class ExportActions:
    """File ▸ Export… for a main window: opens the dialog on the current document."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_dialog: ExportDialog | None = None
        make_action(window, "export", "&Export…", self.open_dialog, ["Ctrl+E"],
                    tip="Export the map as PNG, SVG or PDF, with a preview")  # fmt: skip

    def dialog(self) -> ExportDialog:
        """A dialog set up from the window's document, selection and remembered choices."""
        w = self.window
        c = w.controller
        weights = {s.id: s.weight for s in analyze(seen_active(c.doc)).scenarios}  # as shown
        scope = ExportScope(tuple(c.selection), c.current)
        settings = w.settings
        folder = setting_str(settings, "export/folder", "") if settings is not None else ""
        if not folder and c.path is not None:
            folder = str(c.path.parent)
        name = c.path.name.removesuffix(".argmap.json").removesuffix(".json") if c.path else ""
        name = name or _slug(c.doc.title) or "map"
        options = load_options(settings)
        dialog = ExportDialog(c.doc, scope, options, weights, w, default_name=name, folder=folder)
        self.last_dialog = dialog
        return dialog

    def open_dialog(self) -> None:
        dialog = self.dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.written is not None:
            self.remember(dialog)
            self.window.show_message(dialog.report)

    def remember(self, dialog: ExportDialog) -> None:
        """Keep the dialog's choices and folder for next time."""
        settings = self.window.settings
        save_options(settings, dialog.options())
        if settings is not None and dialog.written is not None:
            settings.setValue("export/folder", str(dialog.written.parent))


def _slug(title: str | None) -> str:
    words = "".join(ch if ch.isalnum() else " " for ch in (title or "")).split()
    return "-".join(words[:6]).lower()
