"""``argmap``, ``argmap MAP`` and ``argmap open MAP``: start the app."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "open",
        help="open the app (on MAP, or on the bundled sample map)",
        description="Open the argmap window on MAP, or on the bundled sample map.",
    )
    parser.add_argument("map", nargs="?", help="a .argmap.json file to open")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from argmap.ui.app import run as run_app  # noqa: PLC0415 (Qt only when needed)

    return run_app(args.map)
