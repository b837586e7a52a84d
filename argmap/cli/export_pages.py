"""``argmap export --slides`` (a deck, one 16:9 page or PNG per slide, as the room sees
it) and ``argmap export --paper a4|letter`` (a printable handout)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.cli.terminal_text import shown

if TYPE_CHECKING:  # (building the parser imports no heavy library)
    from argmap.model import ArgMap

SLIDE_THEMES = {"light": "projector", "projector": "projector", "dark": "projector-dark"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--slides",
        action="store_true",
        help="the presentation deck: one 16:9 page per slide (PDF), or one PNG per slide",
    )
    p.add_argument(
        "--paper",
        choices=("a4", "letter"),
        help="a printable handout PDF on this paper: the map fitted, or tiled with overlaps",
    )


def wanted(args: argparse.Namespace) -> bool:
    return bool(args.slides or args.paper)


def check(args: argparse.Namespace, suffix: str) -> str:
    """Why these options cannot go together ("" when they can)."""
    if args.slides and args.paper:
        return "--slides and --paper make different files; choose one"
    if args.paper and suffix != ".pdf":
        return "--paper makes a PDF: name the output .pdf"
    if args.slides and suffix not in (".pdf", ".png"):
        return "--slides makes a PDF or PNGs: name the output .pdf or .png"
    if args.subtree and args.slides:
        return "--slides presents the whole map; --subtree does not apply"
    return ""


def run(args: argparse.Namespace, doc: ArgMap, out: Path, backup: bool) -> int:
    """Write the deck or the handout; prints what was written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.expanded or args.paper:  # a handout prints the whole map
        doc.view.collapsed = []
    if args.slides:
        return _slides(args, doc, out, backup)
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    from argmap.export.handout import write_handout  # noqa: PLC0415 (Qt only when needed)

    _app = QGuiApplication.instance() or QGuiApplication(["argmap"])
    handout = write_handout(
        doc, out, args.paper, theme_name=args.theme, direction=args.direction, backup=backup
    )
    how = "fitted on 1 page" if handout.tiles == 1 else f"tiled on {handout.tiles} pages"
    print(shown(f"wrote {out} ({handout.pages} {args.paper.upper()} pages; map {how})"))
    return 0


def _slides(args: argparse.Namespace, doc: ArgMap, out: Path, backup: bool) -> int:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from argmap.export.paged_pdf import slide_page, write_pages_pdf, write_pngs  # noqa: PLC0415
    from argmap.ui.presentation.slide_render import SlideRenderer  # noqa: PLC0415

    _app = QApplication.instance() or QApplication(["argmap"])
    if not doc.statements:
        print(shown(f"argmap export: {args.map}: the map has no statements"), file=sys.stderr)
        return 2
    theme = SLIDE_THEMES.get(args.theme, args.theme)
    # left to right unless asked: presentation mode's own layout, so the slides are the room's
    renderer = SlideRenderer(doc, theme=theme, direction=args.direction or "LR")
    renderer.show_weights_early(args.weights)
    count = renderer.count()
    if out.suffix.lower() == ".png":
        files = write_pngs(out, renderer.image, count, backup=backup)
        print(shown(f"wrote {len(files)} slides: {files[0]} ... {files[-1]}"))
    else:
        write_pages_pdf(
            out,
            count,
            renderer.paint,
            slide_page(),
            title=doc.title,
            backup=backup,
        )
        print(shown(f"wrote {out} ({count} slides, 16:9)"))
    renderer.close()
    return 0
