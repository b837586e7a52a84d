"""``argmap export MAP -o OUT.png|OUT.svg|OUT.pdf``: headless map export."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.cli import export_pages
from argmap.cli.terminal_text import shown

if TYPE_CHECKING:
    from argmap.export.export_file import Format, Written
    from argmap.model import ArgMap

FORMATS: dict[str, Format] = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
THEME_CHOICES = ("light", "dark", "projector", "projector-dark")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` sub-command."""
    p = subparsers.add_parser(
        "export",
        help="export a map as PNG, SVG or PDF (no display needed)",
        description="Export a map (or one statement's subtree) as PNG, SVG or PDF.",
    )
    p.add_argument("map", metavar="MAP", help="the .argmap.json file")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="output file; its extension (.png, .svg, .pdf) picks the format",
    )
    p.add_argument("--scale", type=float, default=1.0, help="PNG pixels per map unit (1.0)")
    p.add_argument("--theme", choices=THEME_CHOICES, default="light")
    p.add_argument("--subtree", metavar="ID", help="export only this statement and its reasons")
    p.add_argument(
        "--direction", choices=("TB", "LR"), help="layout direction (default: the map's own)"
    )
    p.add_argument("--transparent", action="store_true", help="no background (PNG, SVG)")
    p.add_argument("--legend", action="store_true", help="add a legend of kinds and arrows")
    p.add_argument(
        "--weights", action="store_true", help="add a box of the scenarios' current weights"
    )
    p.add_argument(
        "--expanded", action="store_true", help="unfold collapsed branches (default: as saved)"
    )
    export_pages.add_arguments(p)
    p.add_argument(
        "--force",
        action="store_true",
        help="replace OUT even if it is write-protected or an argmap map (keeps OUT.bak)",
    )
    p.set_defaults(func=run)


def _fail(message: str) -> int:
    print(shown(f"argmap export: {message}"), file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Export; returns 0, or 2 with a message on stderr for bad input."""
    # An export makes no garbage cycles worth collecting; the collector would only
    # rescan the growing map and the freshly imported modules (measured: ~20 ms).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _export(args)
    finally:
        if was_enabled:
            gc.enable()


def _export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        return _fail(f"{out}: unknown format {suffix or '(none)'!r}; use .png, .svg or .pdf")
    if problem := export_pages.check(args, suffix):
        return _fail(problem)
    if not (args.scale > 0 and args.scale < 1000):
        return _fail(f"--scale must be a positive number below 1000, not {args.scale}")
    from argmap.cli.output_guard import OutputRefusedError, check_output  # noqa: PLC0415

    try:
        output = check_output(out, force=args.force)
    except OutputRefusedError as exc:
        return _fail(str(exc))

    from argmap.io.map_file import MapFileError, load_map  # noqa: PLC0415 (keep --help fast)

    try:
        doc = load_map(args.map)
    except MapFileError as exc:
        return _fail(str(exc))

    if export_pages.wanted(args):
        return _export_pages(args, doc, out, output.backup)
    from argmap.export.map_scene import prepare  # noqa: PLC0415
    from argmap.model.map_subset import UnknownStatementError  # noqa: PLC0415

    if args.expanded:
        doc.view.collapsed = []
    weights = None
    if args.weights:
        from argmap.analysis.report import analyze  # noqa: PLC0415

        weights = {s.id: s.weight for s in analyze(doc).scenarios} or None
    try:
        scene = prepare(
            doc, args.theme, subtree=args.subtree, show_legend=args.legend,
            direction=args.direction, weights=weights,
        )  # fmt: skip
    except UnknownStatementError as exc:
        return _fail(f"{args.map}: --subtree: {exc}")

    from argmap.export.export_file import write_scene  # noqa: PLC0415
    from argmap.io.atomic_write import os_reason  # noqa: PLC0415

    fmt = FORMATS[suffix]
    if fmt != "svg":  # PNG and PDF paint with Qt: a GUI application, offscreen
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

        _app = QGuiApplication.instance() or QGuiApplication(["argmap"])
    try:
        written = write_scene(
            scene, out, fmt, scale=args.scale, transparent=args.transparent, backup=output.backup
        )
    except OSError as exc:
        return _fail(f"{out}: cannot write: {os_reason(exc)}")
    _report(out, fmt, written)
    return 0


def _export_pages(args: argparse.Namespace, doc: ArgMap, out: Path, backup: bool) -> int:
    """The slide deck or the paper handout (see :mod:`argmap.cli.export_pages`)."""
    from argmap.io.atomic_write import os_reason  # noqa: PLC0415

    try:
        return export_pages.run(args, doc, out, backup)
    except OSError as exc:
        return _fail(f"{out}: cannot write: {os_reason(exc)}")


def _report(out: Path, fmt: Format, written: Written) -> None:
    """What was written: statements for SVG, pixels for PNG; a note on stderr if any."""
    if written.note:
        print(shown(f"argmap export: {written.note}"), file=sys.stderr)
    if fmt == "svg":
        print(shown(f"wrote {out} ({written.statements} statements)"))
    elif fmt == "png":
        print(shown(f"wrote {out} ({written.width}x{written.height} px)"))
    else:
        print(shown(f"wrote {out}"))
