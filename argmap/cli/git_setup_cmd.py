"""``argmap git-setup [REPO]``: make git merge maps with argmap's merge driver."""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

ATTRIBUTE = "*.argmap.json merge=argmap"


def register(subparsers: Any) -> None:
    """Add the ``git-setup`` sub-command."""
    parser = subparsers.add_parser(
        "git-setup",
        help="install argmap's merge driver in a git repository",
        description=(
            "In the git repository REPO (default: the current folder), add the line "
            f"'{ATTRIBUTE}' to .gitattributes (commit it, so every clone uses it) and set "
            "merge.argmap.driver in the repository's config (each clone runs this once). "
            "The driver is run with this Python, so git finds it even outside the venv."
        ),
    )
    parser.add_argument("repo", metavar="REPO", nargs="?", default=".")
    parser.set_defaults(func=run)


def driver_command() -> str:
    """The command git runs: this interpreter, so the venv need not be on PATH."""
    return f"{shlex.quote(sys.executable)} -m argmap merge-driver %O %A %B %P"


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )


def run(args: argparse.Namespace) -> int:
    """Write .gitattributes and the driver's config; exit 2 outside a git repository."""
    repo = Path(args.repo)
    top = _git(repo, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        print(f"not set up: {repo} is not in a git repository", file=sys.stderr)
        return 2
    root = Path(top.stdout.strip())
    attributes = root / ".gitattributes"
    old = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    if ATTRIBUTE not in old.splitlines():
        sep = "" if not old or old.endswith("\n") else "\n"
        attributes.write_text(f"{old}{sep}{ATTRIBUTE}\n", encoding="utf-8")
        print(f"added '{ATTRIBUTE}' to {attributes} (commit it)")
    else:
        print(f"{attributes} already has '{ATTRIBUTE}'")
    for key, value in (
        ("merge.argmap.name", "argmap three-way merge of maps by id"),
        ("merge.argmap.driver", driver_command()),
    ):
        done = _git(root, "config", key, value)
        if done.returncode != 0:
            print(f"not set up: git config {key}: {done.stderr.strip()}", file=sys.stderr)
            return 2
    print(f"git config merge.argmap.driver = {driver_command()}")
    return 0
