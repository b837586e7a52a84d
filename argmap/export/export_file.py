"""Write a prepared export scene to a file, atomically; SVG needs no Qt at all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from argmap.export.map_scene import MapScene

Format = Literal["png", "svg", "pdf"]


@dataclass(frozen=True, slots=True)
class Written:
    """What was written: pixel size for PNG, and a note if the size was capped."""

    path: Path
    format: Format
    statements: int
    width: int | None = None
    height: int | None = None
    note: str = ""


def write_scene(
    scene: MapScene,
    path: Path,
    fmt: Format,
    *,
    scale: float = 1.0,
    transparent: bool = False,
    backup: bool = False,
) -> Written:
    """Write ``scene`` as ``fmt`` through the one atomic writer (``backup``: keep the file
    it replaces as ``NAME.bak``); raises OSError, the old file unchanged, when it cannot
    be written whole.

    PNG and PDF need a Qt GUI application to exist (the caller creates it)."""
    count = len(scene.layout.cards)
    if fmt == "svg":
        from argmap.export.svg_writer import scene_svg  # noqa: PLC0415
        from argmap.io.atomic_write import write_atomically  # noqa: PLC0415

        svg = scene_svg(scene, transparent=transparent).encode()
        write_atomically(path, svg, backup=backup)
        return Written(path, fmt, count)
    from argmap.export import raster  # noqa: PLC0415 (Qt only for raster formats)

    if fmt == "pdf":
        raster.write_pdf(scene, path, backup=backup)
        return Written(path, fmt, count)
    result = raster.write_png(scene, path, scale, transparent=transparent, backup=backup)
    return Written(path, fmt, count, result.width, result.height, result.note)
