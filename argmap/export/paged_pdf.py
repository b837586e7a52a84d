"""Multi-page PDF and numbered PNG files, painted page by page through a callback: the
slide decks (one 16:9 page per slide) and the paper handouts (A4, Letter) use it.

The PDF keeps real text (pdftotext reads it); both go through the careful writer, so a
failed write leaves any old file as it was."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QImageWriter, QPageLayout, QPageSize, QPainter, QPdfWriter

from argmap.io.atomic_write import pdf_is_whole, png_is_whole, write_file

DPI = 96
SLIDE_PAGE_PT = QSizeF(960, 540)  # 13.33 x 7.5 inches: the usual 16:9 slide
PAPER = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}

# paint(painter, page index, page rectangle in device pixels at DPI)
PaintPage = Callable[[QPainter, int, QRectF], None]


def slide_page() -> QPageSize:
    return QPageSize(
        SLIDE_PAGE_PT, QPageSize.Unit.Point, "16:9", QPageSize.SizeMatchPolicy.ExactMatch
    )


def paper_page(name: str) -> QPageSize:
    """A4 or Letter, portrait."""
    return QPageSize(PAPER[name])


def write_pages_pdf(
    path: str | os.PathLike[str],
    pages: int,
    paint: PaintPage,
    page_size: QPageSize,
    *,
    title: str = "",
    landscape: Callable[[int], bool] | None = None,
    backup: bool = False,
) -> Path:
    """Write ``pages`` pages of ``page_size``, each painted by ``paint``; page ``k`` is
    turned sideways where ``landscape(k)`` says so."""
    target = Path(path)

    def save(tmp: str) -> None:
        writer = QPdfWriter(tmp)
        writer.setResolution(DPI)
        writer.setTitle(title or "argmap")
        writer.setCreator("argmap")

        def orientation(k: int) -> QPageLayout.Orientation:
            sideways = landscape is not None and landscape(k)
            return (
                QPageLayout.Orientation.Landscape if sideways else QPageLayout.Orientation.Portrait
            )

        writer.setPageLayout(QPageLayout(page_size, orientation(0), QMarginsF(0, 0, 0, 0)))
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EIO, "the PDF writer could not start")
        try:
            for k in range(pages):
                if k:
                    writer.setPageOrientation(orientation(k))
                    writer.newPage()
                rect = QRectF(writer.pageLayout().paintRectPixels(DPI))
                paint(painter, k, QRectF(0, 0, rect.width(), rect.height()))
        finally:
            painter.end()

    write_file(target, save, check=pdf_is_whole, backup=backup)
    return target


def numbered_paths(path: Path, count: int) -> list[Path]:
    """``deck.png`` -> ``deck-01.png``, ``deck-02.png``... (as many digits as needed)."""
    digits = max(2, len(str(count)))
    return [path.with_name(f"{path.stem}-{k:0{digits}d}{path.suffix}") for k in range(1, count + 1)]


def write_pngs(
    path: Path, images: Callable[[int], QImage], count: int, *, backup: bool = False
) -> list[Path]:
    """One PNG per page, numbered after ``path``; returns the files written."""
    written = []
    for k, target in enumerate(numbered_paths(path, count)):
        image = images(k)

        def save(tmp: str, image: QImage = image) -> None:
            writer = QImageWriter(tmp, b"png")
            if not writer.write(image):
                raise OSError(errno.EIO, f"the PNG writer failed ({writer.errorString()})")

        written.append(write_file(target, save, check=png_is_whole, backup=backup))
    return written
