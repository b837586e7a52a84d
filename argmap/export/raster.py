"""PNG (QImage + QPainter) and PDF (QPdfWriter, real text) files of a prepared map.

Both go through :func:`argmap.io.atomic_write.write_file`, which checks the file Qt
wrote is whole before it replaces anything (OSError, the old file kept, otherwise)."""

from __future__ import annotations

import errno
import math
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QImage, QImageWriter, QPageLayout, QPageSize, QPainter, QPdfWriter

from argmap.export.map_render import MapScene, paint_map
from argmap.io.atomic_write import pdf_is_whole, png_is_whole, write_file

MAX_PIXELS = 80_000_000  # ~320 MB of ARGB32; beyond this the scale is reduced
MAX_SIDE = 32_000  # QImage and most viewers stop near 32767 px per side
# zlib level for PNG, measured in benchmarks/bench_export.py on the sample map: Qt's default
# took 530 ms for 887 KB, level 4 269 ms for 894 KB, level 1 209 ms for 1015 KB.
PNG_COMPRESSION = 4


@dataclass(frozen=True, slots=True)
class RasterResult:
    """What was written: size in pixels, the scale used, and a note if it was capped."""

    path: Path
    width: int
    height: int
    scale: float
    note: str = ""


def fit_scale(scene: MapScene, scale: float) -> tuple[float, str]:
    """``scale``, reduced if the image would exceed the size caps (with a note saying so)."""
    if scale <= 0:
        raise ValueError(f"scale must be positive, not {scale}")
    w, h = scene.rect.w * scale, scene.rect.h * scale
    fit = scale
    if w * h > MAX_PIXELS:
        fit = min(fit, (MAX_PIXELS / max(1.0, scene.rect.w * scene.rect.h)) ** 0.5)
    if max(w, h) > MAX_SIDE:
        fit = min(fit, MAX_SIDE / max(scene.rect.w, scene.rect.h))
    if fit < scale:
        note = (
            f"image capped: scale {scale:g} would make {round(w)}x{round(h)} px; "
            f"used scale {fit:.3g} ({round(scene.rect.w * fit)}x{round(scene.rect.h * fit)} px). "
            "Export SVG or PDF, or a subtree (--subtree), for full detail."
        )
        return fit, note
    return scale, ""


def render_image(scene: MapScene, scale: float = 1.0, *, transparent: bool = False) -> QImage:
    """The map as an ARGB image at ``scale`` (not capped; see :func:`fit_scale`)."""
    r = scene.rect
    width, height = max(1, round(r.w * scale)), max(1, round(r.h * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        painter.translate(-r.x, -r.y)
        paint_map(painter, scene, transparent=transparent)
    finally:
        painter.end()
    return image


def write_png(
    scene: MapScene,
    path: str | os.PathLike[str],
    scale: float = 1.0,
    *,
    transparent: bool = False,
    compression: int = PNG_COMPRESSION,
    backup: bool = False,
) -> RasterResult:
    """Write a PNG; the file appears complete or not at all."""
    fit, note = fit_scale(scene, scale)
    image = render_image(scene, fit, transparent=transparent)
    target = Path(path)

    def save(tmp: str) -> None:
        _save_png(image, tmp, compression)

    write_file(target, save, check=png_is_whole, backup=backup)
    return RasterResult(target, image.width(), image.height(), fit, note)


def _save_png(image: QImage, path: str, compression: int) -> None:
    writer = QImageWriter(path, b"png")
    # Qt's PNG writer takes the zlib level through "quality": level = (100 - q) * 9 // 91.
    writer.setQuality(100 - math.ceil(max(0, min(9, compression)) * 91 / 9))
    if not writer.write(image):
        detail = writer.errorString()
        detail = "" if not detail or detail == "Unknown error" else f" ({detail})"
        raise OSError(errno.EIO, f"the PNG writer failed{detail}")


def write_pdf(
    scene: MapScene, path: str | os.PathLike[str], *, title: str = "", backup: bool = False
) -> RasterResult:
    """Write a one-page vector PDF sized to the map, with real (extractable) text."""
    r = scene.rect
    target = Path(path)
    dpi = 96

    def save(tmp: str) -> None:
        writer = QPdfWriter(tmp)
        writer.setResolution(dpi)
        writer.setTitle(title or scene.doc.title or "argmap")
        writer.setCreator("argmap")
        size_pt = QSizeF(r.w * 72 / dpi, r.h * 72 / dpi)
        layout = QPageLayout(
            QPageSize(size_pt, QPageSize.Unit.Point, "map", QPageSize.SizeMatchPolicy.ExactMatch),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
        writer.setPageLayout(layout)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EIO, "the PDF writer could not start")
        try:
            page = writer.pageLayout().paintRectPixels(dpi)
            s = min(page.width() / r.w, page.height() / r.h)
            painter.scale(s, s)
            painter.translate(-r.x, -r.y)
            paint_map(painter, scene)
        finally:
            painter.end()

    # Qt's PDF writer ignores a full disk: the check finds the missing trailer.
    write_file(target, save, check=pdf_is_whole, backup=backup)
    return RasterResult(target, round(r.w), round(r.h), 1.0)
