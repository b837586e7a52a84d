"""``argmap validate MAP...``: check map files and list every problem, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from argmap.cli.terminal_text import json_text, shown

MAX_SHOWN = 50  # problems printed per file; --json lists them all


def register(subparsers: Any) -> None:
    """Add the ``validate`` sub-command."""
    parser = subparsers.add_parser(
        "validate",
        help="check map files and list every problem",
        description=(
            "Check each MAP: that it is an argmap file this version reads, that every "
            "field has the right type, that every id it refers to exists, that quotes "
            "match their sources, and that no statement supports itself. Warnings (a "
            "quote whose article text changed, say) are listed but do not fail: the map "
            "still opens. Exit status 0 when no map has errors (with --strict: no "
            "problems at all), 1 otherwise."
        ),
    )
    parser.add_argument("maps", nargs="+", metavar="MAP", help="a .argmap.json file")
    parser.add_argument("--json", action="store_true", help="print a JSON report instead")
    parser.add_argument(
        "--strict", action="store_true", help="fail on warnings too, not only on errors"
    )
    parser.set_defaults(func=run)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def check_file(path: str) -> dict[str, Any]:
    """One file's report: ``file``, ``valid`` (no problems), ``errors`` (how many
    problems are errors), ``summary`` and ``problems`` (dicts)."""
    from argmap.io.map_file import MapFileError, load_map_with_report  # noqa: PLC0415

    try:
        result = load_map_with_report(path, allow_errors=True)
    except MapFileError as exc:
        problems = exc.problems
        summary = None
    except Exception as exc:
        problems_list = [
            {
                "path": "",
                "message": f"unexpected failure: {exc!r}",
                "severity": "error",
                "code": "internal",
            }
        ]
        return {
            "file": path,
            "valid": False,
            "errors": 1,
            "summary": None,
            "problems": problems_list,
        }
    else:
        doc = result.doc
        problems = result.problems
        summary = (
            f"{_plural(len(doc.statements), 'statement')}, "
            f"{_plural(len(doc.quotes), 'quote')} from {_plural(len(doc.sources), 'source')}, "
            f"{_plural(len(doc.inferences), 'inference')}"
        )
        if result.migrated_from is not None:
            summary += f" (format version {result.migrated_from}, upgraded when read)"
    listed = [
        {"path": p.path, "message": p.message, "severity": p.severity, "code": p.code}
        for p in problems
    ]
    if summary is not None and not any(p["severity"] == "error" for p in listed):
        listed += _weighing_warnings(result.doc)
    return {
        "file": path,
        "valid": not listed,
        "errors": sum(p["severity"] == "error" for p in listed),
        "summary": summary,
        "problems": listed,
    }


def _weighing_warnings(doc: Any) -> list[dict[str, str]]:
    """What the scenario weights leave out or assume of this map, as warnings: links
    between scenarios, judgements with arguments beneath them, circular defence, unrated
    lines, no catch-all scenario."""
    from argmap.analysis.evidence_network import compile_network  # noqa: PLC0415
    from argmap.analysis.map_checks import scenario_set_warnings  # noqa: PLC0415

    net = compile_network(doc)
    if not net.scenarios:
        return []
    messages = [w for w in net.warnings if "twice" not in w and "already taken" not in w]
    messages += scenario_set_warnings(doc, net)
    return [
        {
            "path": "",
            "message": f"scenario weights: {m}",
            "severity": "warning",
            "code": "weighing",
        }  # fmt: skip
        for m in messages
    ]


def _print_text(report: dict[str, Any]) -> None:
    for line in _text_lines(report):
        print(shown(line))


def _text_lines(report: dict[str, Any]) -> Iterator[str]:
    name = report["file"]
    problems = report["problems"]
    if report["valid"]:
        yield f"{name}: valid — {report['summary']}"
        return
    n_errors = report["errors"]
    if n_errors:
        counts = [_plural(n_errors, "error"), _plural(len(problems) - n_errors, "warning")]
        yield f"{name}: invalid — {', '.join(counts)}"
    else:
        yield f"{name}: valid, with {_plural(len(problems), 'warning')} — {report['summary']}"
    for p in problems[:MAX_SHOWN]:
        where = f"{p['path']}: " if p["path"] else ""
        yield f"  {name}: {where}{p['severity']}: {p['message']}"
    if len(problems) > MAX_SHOWN:
        yield f"  … and {len(problems) - MAX_SHOWN} more (--json lists them all)"


def run(args: argparse.Namespace) -> int:
    """Check every map; 0 if none has errors (``--strict``: no problems), else 1."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    reports = [check_file(path) for path in args.maps]
    if args.json:
        print(json_text(reports))
    else:
        for report in reports:
            _print_text(report)
    failed = (not r["valid"] if args.strict else r["errors"] > 0 for r in reports)
    return 1 if any(failed) else 0
