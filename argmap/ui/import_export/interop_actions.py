"""File ▸ Export as (Argdown, AIF, GraphML, DOT, Markdown report, ACH CSV) and
File ▸ Import ▸ Open AIF / OVA / Argdown file…, through the interchange-format registry."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from argmap import interop
from argmap.interop import Format, InteropError
from argmap.ui.window.window_actions import make_action

if TYPE_CHECKING:
    from argmap.ui.window.main_window import MainWindow

NATIVE = "argmap"


def export_formats() -> list[Format]:
    """Formats offered under File ▸ Export as (saving covers argmap's own)."""
    return [f for f in interop.writable() if f.name != NATIVE]


def with_suffix(path: Path, fmt: Format) -> Path:
    """``path``, given the format's first suffix unless it already ends in one of them."""
    if any(path.name.lower().endswith(s) for s in fmt.suffixes):
        return path
    return path.with_name(path.name + fmt.suffixes[0])


class InteropActions:
    """Writes the map in other tools' formats and reads AIF / OVA maps."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        make_action(window, "import_aif", "Open &AIF / OVA / Argdown file…", self.open_aif_dialog,
                    tip="Open an argument map from OVA, AIFdb (AIF JSON) or Argdown")  # fmt: skip

    def fill_menu(self, menu: QMenu) -> None:
        """One entry per writable format under File ▸ Export as."""
        for fmt in export_formats():
            action = menu.addAction(f"{fmt.label}…")
            action.setObjectName(f"export_{fmt.name}")
            action.setStatusTip(f"Write the map as {fmt.label} ({', '.join(fmt.suffixes)})")
            action.triggered.connect(lambda _c=False, f=fmt: self.export_dialog(f))
            self.window.actions_by_name[f"export_{fmt.name}"] = action

    def _start_name(self, fmt: Format) -> str:
        c = self.window.controller
        stem = c.path.name.removesuffix(".argmap.json") if c.path else (c.doc.title or "map")
        folder = c.path.parent if c.path else Path.home()
        return str(folder / f"{stem}{fmt.suffixes[0]}")

    def export_dialog(self, fmt: Format) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, f"Export as {fmt.label}", self._start_name(fmt), fmt.dialog_filter
        )
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: Format) -> bool:
        """Write the map to ``path`` in ``fmt``; explain a failure in a message box."""
        target = with_suffix(path, fmt)
        try:
            interop.write_map(self.window.controller.doc, target, fmt)
        except (InteropError, OSError, ValueError) as exc:
            QMessageBox.warning(self.window, "Export failed", str(exc))
            return False
        self.window.show_message(f"Exported {target.name} ({fmt.label})")
        return True

    def open_aif_dialog(self) -> None:
        if not self.window.maybe_save():
            return
        filters = ";;".join(
            [f.dialog_filter for f in interop.readable() if f.name != NATIVE] + ["All files (*)"]
        )
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open AIF / OVA / Argdown file", "", filters
        )
        if path:
            self.open_aif(Path(path))

    def open_aif(self, path: Path) -> bool:
        """Read an AIF / OVA / Argdown file into a new, unsaved document (the current one is
        replaced); what the import left out or kept only for export is listed."""
        try:
            imported = interop.read_map(path)
        except (InteropError, OSError, ValueError) as exc:
            QMessageBox.warning(self.window, "Could not open the file", str(exc))
            return False
        doc = imported.doc
        if not doc.title:
            doc = doc.model_copy(update={"title": path.name.split(".")[0]})
        count = len(doc.statements)
        note = f"; {len(imported.warnings)} note(s), see the details" if imported.warnings else ""
        self.window.open_document(doc, f"Imported {path.name}: {count} statements{note}")
        if imported.warnings:
            box = QMessageBox(self.window)
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle("Imported with notes")
            box.setText(f"{path.name} was imported ({count} statements) with these notes:")
            box.setDetailedText("\n".join(imported.warnings))
            box.open()
        return True
