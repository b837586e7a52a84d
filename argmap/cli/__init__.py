"""The ``argmap`` command: launch the app, or run a headless sub-command."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

from argmap import __version__

# Sub-command name -> module defining ``register(subparsers)``. Modules import their
# heavy dependencies inside their run function, so ``argmap --help`` stays fast.
COMMANDS: dict[str, str] = {
    "open": "argmap.cli.open_cmd",
    "present": "argmap.cli.present_cmd",
    "validate": "argmap.cli.validate_cmd",
    "schema": "argmap.cli.schema_cmd",
    "import": "argmap.cli.import_cmd",
    "analyze": "argmap.cli.analyze_cmd",
    "export": "argmap.cli.export_cmd",
    "convert": "argmap.cli.convert_cmd",
    "doctor": "argmap.cli.doctor_cmd",
    "merge": "argmap.cli.merge_cmd",
    "merge-driver": "argmap.cli.merge_cmd",
    "git-setup": "argmap.cli.git_setup_cmd",
    "snapshot": "argmap.cli.history_cmd",
    "history": "argmap.cli.history_cmd",
    "resolve": "argmap.cli.history_cmd",
    "score": "argmap.cli.score_cmd",
    "diff": "argmap.cli.diff_cmd",
    "layers": "argmap.cli.layers_cmd",
}


def build_parser() -> argparse.ArgumentParser:
    """The parser with every available sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Scenario and argument mapping. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in dict.fromkeys(COMMANDS.values()):  # a module may register several
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # command not built yet in this checkout
        module.register(sub)
    return parser


# What a Unix tool whose reader went away reports (128 + SIGPIPE), e.g. `argmap schema | head`.
EXIT_READER_GONE = 141


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    try:
        code = _main(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()
    return code


def _reader_gone() -> int:
    """Stop quietly when stdout's reader has gone (``argmap schema | head -1``): the rest
    of the output is not wanted. Python's own last flush at exit must not fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return EXIT_READER_GONE


def _main(argv: Sequence[str] | None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    # `argmap` and `argmap MAP` open the app: route them to the `open` command.
    if not args_in or (args_in[0] not in COMMANDS and not args_in[0].startswith("-")):
        args_in = ["open", *args_in]
    parser = build_parser()
    args = parser.parse_args(args_in)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
