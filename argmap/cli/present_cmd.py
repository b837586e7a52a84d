"""``argmap present MAP``: open a map straight in full-screen presentation mode."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from argmap.cli.terminal_text import shown

THEMES = ("projector", "projector-dark")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "present",
        help="present a map full screen, argument by argument",
        description=(
            "Show MAP full screen on the projector (the second screen if there is one). "
            "Right/Space next step, Left previous, Q quotes, B black screen, Esc quits."
        ),
    )
    parser.add_argument("map", metavar="MAP", help="a .argmap.json file to present")
    parser.add_argument("--theme", choices=THEMES, default="projector", help="colour theme")
    parser.add_argument("--step", type=int, default=0, help="start at this step (0 = first)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Present the map until the presenter leaves; 2 with a message if it cannot be read."""
    from argmap.io.map_file import MapFileError, load_map  # noqa: PLC0415 (keep --help fast)

    try:
        doc = load_map(args.map)
    except MapFileError as exc:
        print(shown(f"argmap present: {exc}"), file=sys.stderr)
        return 2
    if not doc.statements:
        print(shown(f"argmap present: {args.map}: the map has no statements"), file=sys.stderr)
        return 2
    from argmap.ui.app import application  # noqa: PLC0415
    from argmap.ui.presentation import PresentationWindow  # noqa: PLC0415

    app = application()
    window = PresentationWindow(doc, theme=args.theme)
    window.finished.connect(app.quit)
    window.start(max(0, args.step))
    return app.exec()
