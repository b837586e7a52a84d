"""``argmap schema``: print the JSON Schema of the map file."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(subparsers: Any) -> None:
    """Add the ``schema`` sub-command."""
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the map file",
        description="Print the JSON Schema (draft 2020-12) that .argmap.json files follow.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:  # noqa: ARG001 - the command takes no options
    """Print the schema, indented by two spaces."""
    from argmap.io.json_schema import map_json_schema  # noqa: PLC0415

    print(json.dumps(map_json_schema(), indent=2, ensure_ascii=False))
    return 0
