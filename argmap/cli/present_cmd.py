"""``argmap present MAP``: open a map straight into full-screen presentation mode."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "present",
        help="present a map full screen, argument by argument",
        description="Open MAP (or the bundled sample) in presentation mode. Esc leaves.",
    )
    parser.add_argument("map", nargs="?", help="a .argmap.json file (default: the sample)")
    parser.add_argument("--theme", choices=("projector", "projector-dark"), default="projector")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.io.map_file import MapFileError, load_map  # noqa: PLC0415
    from argmap.ui.app import application, sample_path  # noqa: PLC0415

    try:
        doc = load_map(args.map or sample_path())
    except MapFileError as exc:
        print(f"argmap present: {exc}", file=sys.stderr)
        return 1
    app = application()
    from argmap.ui.presentation import present  # noqa: PLC0415

    window = present(doc, theme=args.theme)
    window.finished.connect(app.quit)
    return app.exec()
