"""``argmap diff A B``: what changed from one version of a map to another, for people."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from argmap.cli.terminal_text import json_text, shown


def register(subparsers: Any) -> None:
    """Add the ``diff`` sub-command."""
    parser = subparsers.add_parser(
        "diff",
        help="what changed between two versions of a map",
        description=(
            "Compare map A with map B record by record (by id): statements, inferences, "
            "sources, quotes, ratings and signposts added (+), removed (-) and changed (~), "
            "the judgements (credibility, priors, strengths, ratings) apart, and how the "
            "scenario weights moved. Exit status, as diff's: 0 the same, 1 different, 2 "
            "a map cannot be read."
        ),
    )
    parser.add_argument("old", metavar="A")
    parser.add_argument("new", metavar="B")
    parser.add_argument("--json", action="store_true", help="print JSON instead")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the diff of two maps."""
    from argmap.analysis.map_diff import diff_lines, diff_maps  # noqa: PLC0415
    from argmap.io.map_file import MapFileError, load_map  # noqa: PLC0415

    try:
        old, new = load_map(args.old), load_map(args.new)
    except MapFileError as exc:
        print(f"cannot compare: {shown(str(exc))}", file=sys.stderr)
        return 2
    diff = diff_maps(old, new)
    if args.json:
        print(json_text({
            "same": diff.empty,
            "records": [{"list": c.list_name, "key": list(c.key),
                         "change": "added" if c.old is None else "removed" if c.new is None
                         else "changed",
                         "fields": {f: list(v) for f, v in c.fields.items()}}
                        for c in diff.records],
            "properties": {k: list(v) for k, v in diff.properties.items()},
            "weights": {k: list(v) for k, v in diff.weights.items()},
            "other": diff.other,
        }))  # fmt: skip
    else:
        for line in diff_lines(diff):
            print(shown(line))
    return 0 if diff.empty else 1
