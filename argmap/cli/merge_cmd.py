"""``argmap merge BASE OURS THEIRS -o OUT`` and ``argmap merge-driver %O %A %B [%P]``:
the three-way merge of maps by id, from a shell and as git's merge driver."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.cli.terminal_text import json_text, shown

EXIT_CLEAN = 0
EXIT_CONFLICTS = 1
EXIT_UNREADABLE = 2


def register(subparsers: Any) -> None:
    """Add the ``merge`` and ``merge-driver`` sub-commands."""
    parser = subparsers.add_parser(
        "merge",
        help="three-way merge of two maps changed from one base",
        description=(
            "Merge OURS and THEIRS, both changed from BASE, record by record (by id): "
            "both sides' additions are kept, each record merges field by field, and a "
            "field both sides changed differently is a conflict: OURS' value is kept, "
            "and THEIRS' is written into the notes of the statement, inference or "
            "signpost it concerns and listed here. A record deleted on one side and "
            "edited (or still used) on the other is kept. Exit status: 0 a clean merge, "
            "1 conflicts to resolve (OUT is written), 2 an input cannot be read or OUT "
            "not written."
        ),
    )
    parser.add_argument("base", metavar="BASE", help="the common ancestor")
    parser.add_argument("ours", metavar="OURS", help="our version")
    parser.add_argument("theirs", metavar="THEIRS", help="their version")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the merged map")
    parser.add_argument(
        "--force", action="store_true", help="replace OUT if it is an existing map (kept as .bak)"
    )
    parser.add_argument(
        "--no-notes", action="store_true", help="do not write conflicts into records' notes"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON report instead")
    parser.set_defaults(func=run)
    driver = subparsers.add_parser(
        "merge-driver",
        help="git merge driver for .argmap.json files (see `argmap git-setup`)",
        description=(
            "git's merge driver protocol: merge OURS (%%A) and THEIRS (%%B) from BASE "
            "(%%O) and write the result over OURS; PATH (%%P) names the file in "
            "messages. Exit status 0 on a clean merge; otherwise git marks the file "
            "conflicted and the merged map (ours kept where the sides disagree, theirs "
            "in the notes) is left for you to resolve. An input that is not a readable "
            "map leaves OURS untouched."
        ),
    )
    driver.add_argument("base", metavar="BASE")
    driver.add_argument("ours", metavar="OURS")
    driver.add_argument("theirs", metavar="THEIRS")
    driver.add_argument("path", metavar="PATH", nargs="?", default=None)
    driver.set_defaults(func=run_driver)


def _load(path: str, *, empty_is_blank: bool = False) -> Any:
    """The map at ``path``; an empty base (git's add/add) is a blank map."""
    from argmap.io.map_file import load_map  # noqa: PLC0415
    from argmap.model import ArgMap  # noqa: PLC0415

    if empty_is_blank and Path(path).is_file() and Path(path).stat().st_size == 0:
        return ArgMap()
    return load_map(path)


def _merge(base: str, ours: str, theirs: str, *, notes: bool) -> Any:
    from argmap.model.three_way import annotate, merge_maps  # noqa: PLC0415

    result = merge_maps(_load(base, empty_is_blank=True), _load(ours), _load(theirs))
    if notes:
        annotate(result.doc, result.conflicts)
    return result


def _lines(name: str, result: Any) -> list[str]:
    n = len(result.conflicts)
    if not n:
        lines = [f"{name}: merged cleanly"]
    else:
        lines = [f"{name}: {n} conflict{'s' * (n != 1)} to resolve (ours kept):"]
        lines += [f"  {c.message()}" for c in result.conflicts]
    lines += [f"  dropped {d}" for d in result.dropped]
    return lines


def run(args: argparse.Namespace) -> int:
    """Merge three map files into OUT; see the exit codes above."""
    from argmap.cli.output_guard import OutputRefusedError, check_output  # noqa: PLC0415
    from argmap.io.map_file import MapFileError, save_map  # noqa: PLC0415

    try:
        result = _merge(args.base, args.ours, args.theirs, notes=not args.no_notes)
    except MapFileError as exc:
        print(f"not merged: {shown(str(exc))}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        out = check_output(args.output, force=args.force)
        save_map(result.doc, out.path, backup=out.backup)
    except (OutputRefusedError, MapFileError) as exc:
        print(f"not written: {shown(str(exc))}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.json:
        print(json_text({
            "output": args.output, "clean": result.clean,
            "conflicts": [c.to_json() for c in result.conflicts], "dropped": result.dropped,
        }))  # fmt: skip
    else:
        print("\n".join(shown(line) for line in _lines(args.output, result)))
    return EXIT_CLEAN if result.clean else EXIT_CONFLICTS


def run_driver(args: argparse.Namespace) -> int:
    """git's side: the result replaces %A; messages go to stderr, as git shows them."""
    from argmap.io.map_file import MapFileError, save_map  # noqa: PLC0415

    name = args.path or args.ours
    try:
        result = _merge(args.base, args.ours, args.theirs, notes=True)
        save_map(result.doc, args.ours, backup=False)
    except MapFileError as exc:
        print(f"argmap merge-driver: {name}: not merged: {shown(str(exc))}", file=sys.stderr)
        return EXIT_UNREADABLE
    if not result.clean or result.dropped:
        print("\n".join(shown(line) for line in _lines(name, result)), file=sys.stderr)
    return EXIT_CLEAN if result.clean else EXIT_CONFLICTS
