"""What File ▸ Export writes: the user's choices, remembered, and the one call that writes.

The dialog only edits an :class:`ExportOptions`; :func:`prepare_export` cuts and lays out
the map for the preview and the file alike, and :func:`write_export` hands it to the
export modules (PNG and PDF through QPainter, SVG written directly).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings

from argmap.export.export_file import Format, write_scene
from argmap.export.map_scene import MapScene, prepare
from argmap.layout.tidy_tree import Direction
from argmap.model import ArgMap
from argmap.model.map_subset import UnknownStatementError
from argmap.ui.window.app_settings import setting_bool, setting_float, setting_str

FORMATS = {"png": "PNG image", "svg": "SVG drawing", "pdf": "PDF document"}
SCOPES = {"map": "Whole map", "selection": "Selected statements", "subtree": "Current subtree"}
THEMES = {"light": "Light", "dark": "Dark", "projector": "Projector",
          "projector-dark": "Projector dark"}  # fmt: skip
DIRECTIONS = {"map": "As on the map", "TB": "Top-down", "LR": "Left to right"}
_LAYOUT_DIRECTION: dict[str, Direction] = {"TB": "TB", "LR": "LR"}  # "map": the map's own
SCALES = (1.0, 1.5, 2.0, 3.0, 4.0)
_GROUP = "export"


class ExportError(Exception):
    """An export that could not be made; the message says what and why."""


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Every choice the export dialog offers."""

    format: str = "png"
    scope: str = "map"
    theme: str = "light"
    scale: float = 2.0
    transparent: bool = False
    legend: bool = True
    weights: bool = True
    direction: str = "map"

    @property
    def suffix(self) -> str:
        return f".{self.format}"

    def checked(self) -> ExportOptions:
        """These options with unknown values replaced by the defaults."""
        d = ExportOptions()
        return replace(
            self,
            format=self.format if self.format in FORMATS else d.format,
            scope=self.scope if self.scope in SCOPES else d.scope,
            theme=self.theme if self.theme in THEMES else d.theme,
            scale=self.scale if 0.1 <= self.scale <= 10 else d.scale,
            direction=self.direction if self.direction in DIRECTIONS else d.direction,
        )


def load_options(settings: QSettings | None) -> ExportOptions:
    """The choices made last time (defaults the first time)."""
    d = ExportOptions()
    if settings is None:
        return d
    s, g = settings, _GROUP
    return ExportOptions(
        format=setting_str(s, f"{g}/format", d.format),
        scope=setting_str(s, f"{g}/scope", d.scope),
        theme=setting_str(s, f"{g}/theme", d.theme),
        scale=setting_float(s, f"{g}/scale", d.scale),
        transparent=setting_bool(s, f"{g}/transparent", d.transparent),
        legend=setting_bool(s, f"{g}/legend", d.legend),
        weights=setting_bool(s, f"{g}/weights", d.weights),
        direction=setting_str(s, f"{g}/direction", d.direction),
    ).checked()


def save_options(settings: QSettings | None, options: ExportOptions) -> None:
    """Remember the choices for next time."""
    if settings is None:
        return
    for f in fields(options):
        settings.setValue(f"{_GROUP}/{f.name}", getattr(options, f.name))
    settings.sync()


@dataclass(frozen=True, slots=True)
class ExportScope:
    """What the scope choices refer to right now: the selection and the current statement."""

    selection: tuple[str, ...] = ()
    current: str | None = None

    def available(self, scope: str) -> bool:
        if scope == "selection":
            return bool(self.selection)
        if scope == "subtree":
            return self.current is not None
        return True


def prepare_export(
    doc: ArgMap, options: ExportOptions, scope: ExportScope, weights: dict[str, float]
) -> MapScene:
    """The (part of the) map laid out for export; ExportError if the scope is empty."""
    if not doc.statements:
        raise ExportError("The map is empty: add a statement before exporting.")
    if not scope.available(options.scope):
        what = "statements" if options.scope == "selection" else "a statement"
        raise ExportError(f"Select {what} on the map first, or export the whole map.")
    try:
        return prepare(
            doc,
            options.theme,
            subtree=scope.current if options.scope == "subtree" else None,
            selection=list(scope.selection) if options.scope == "selection" else None,
            show_legend=options.legend,
            weights=weights if options.weights and weights else None,
            direction=_LAYOUT_DIRECTION.get(options.direction),
        )
    except UnknownStatementError as exc:
        raise ExportError(f"Cannot export that part of the map: {exc}") from exc


def write_export(scene: MapScene, options: ExportOptions, path: Path) -> str:
    """Write the file; returns a one-line report (ExportError when it cannot be written)."""
    try:
        fmt = cast(Format, options.format)  # one of FORMATS: sanitized() checks it
        written = write_scene(
            scene, path, fmt, scale=options.scale, transparent=options.transparent
        )
    except OSError as exc:
        raise ExportError(f"Could not write {path}: {exc.strerror or exc}") from exc
    if written.width is None:
        kind = options.format.upper()
        return f"Exported {path.name} ({written.statements} statements, {kind})"
    note = f" — {written.note}" if written.note else ""
    return f"Exported {path.name} ({written.width} × {written.height} px){note}"
