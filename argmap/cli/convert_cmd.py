"""``argmap convert IN OUT``: turn a map into another format, or import one from AIF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.cli.terminal_text import shown

MAX_WARNINGS_SHOWN = 10


def register(subparsers: Any) -> None:
    """Add the ``convert`` sub-command."""
    parser = subparsers.add_parser(
        "convert",
        help="convert between argmap, AIF/OVA, Argdown, GraphML, DOT, Markdown, ACH CSV",
        description=(
            "Convert IN to OUT. Formats are guessed from the file names (and, for .json "
            "input, the content): .argmap.json argmap map; .json/.aif.json AIF (AIFdb, OVA); "
            ".ova.json OVA save; .argdown/.ad Argdown; .graphml GraphML; .dot/.gv DOT; "
            ".md Markdown report; .csv ACH matrix. Reads argmap, AIF/OVA and Argdown. Prints "
            "what it wrote and what the target format cannot hold."
        ),
    )
    parser.add_argument("input", metavar="IN", type=Path, help="file to read")
    parser.add_argument("output", metavar="OUT", type=Path, help="file to write ('-': stdout)")
    parser.add_argument("--from", dest="source_format", metavar="FMT", help="format of IN")
    parser.add_argument("--to", dest="target_format", metavar="FMT", help="format of OUT")
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace OUT even if it is an argmap map or write-protected (keeps OUT.bak)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Convert; returns 0, or 1 with a one-line reason on stderr (never a traceback)."""
    from argmap.cli.output_guard import OutputRefusedError, check_output  # noqa: PLC0415
    from argmap.interop import (  # noqa: PLC0415  (keeps `argmap --help` fast)
        InteropError,
        get_format,
        guess_format,
        losses,
        read_map,
        write_map,
    )

    try:
        source = get_format(args.source_format) if args.source_format else None
        target = get_format(args.target_format) if args.target_format else None
        if args.output == Path("-") and target is None:
            raise InteropError("-", "writing to stdout needs --to FMT")
        if target is None:
            target = guess_format(args.output, for_writing=True)
        if target.dumps is None:  # check before reading a large input
            raise InteropError(str(args.output), f"argmap cannot write {target.label} files")
        to_stdout = args.output == Path("-")
        output = None if to_stdout else check_output(args.output, force=args.force)
        imported = read_map(args.input, source)
        for warning in imported.warnings[:MAX_WARNINGS_SHOWN]:
            print(shown(f"argmap convert: warning: {warning}"), file=sys.stderr)
        if len(imported.warnings) > MAX_WARNINGS_SHOWN:
            rest = len(imported.warnings) - MAX_WARNINGS_SHOWN
            print(f"argmap convert: … and {rest} more warnings", file=sys.stderr)
        for loss in losses(target.name, imported.doc):
            print(shown(f"argmap convert: warning: {target.label}: {loss}"), file=sys.stderr)
        doc = imported.doc
        if output is None:
            sys.stdout.write(target.dumps(doc))
        else:
            write_map(doc, output.path, target, backup=output.backup)
            counts = f"{len(doc.statements)} statements, {len(doc.inferences)} inferences"
            print(shown(f"wrote {args.output} ({target.label}: {counts})"))
    except BrokenPipeError:
        raise  # stdout's reader went away: argmap.cli.main ends quietly
    except (InteropError, OutputRefusedError) as exc:
        print(shown(f"argmap convert: error: {exc}"), file=sys.stderr)
        return 1
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        print(shown(f"argmap convert: error: {args.input}: {exc}"), file=sys.stderr)
        return 1
    return 0
