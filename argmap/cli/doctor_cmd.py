"""``argmap doctor MAP [--repair [-o OUT]]``: list what is wrong with a map, repair a copy."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from argmap.cli.terminal_text import json_text, shown

EXIT_HEALTHY = 0
EXIT_PROBLEMS = 1
EXIT_UNREADABLE = 2


def register(subparsers: Any) -> None:
    """Add the ``doctor`` sub-command."""
    parser = subparsers.add_parser(
        "doctor",
        help="report every problem of a map; with --repair, write a repaired copy",
        description=(
            "Check MAP like `argmap validate`, and also show where drifted quotes would be "
            "re-anchored. With --repair, write a repaired copy to a new file (default: "
            "MAP's name with .repaired.argmap.json): drifted quotes found again in their "
            "source, dangling references dropped, duplicate ids renamed, stale checksums "
            "recomputed. An existing map (MAP itself too) is replaced only with -o naming it "
            "and --force, keeping its old version as .bak. Exit status: 0 healthy, 1 "
            "problems found (or repaired), 2 the map cannot be read or the copy not written."
        ),
    )
    parser.add_argument("map", metavar="MAP", help="a .argmap.json file")
    parser.add_argument("--repair", action="store_true", help="write a repaired copy")
    parser.add_argument("-o", "--output", metavar="OUT", help="where --repair writes")
    parser.add_argument(
        "--force",
        action="store_true",
        help="let --repair replace OUT even if it is an existing map or write-protected",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON report instead")
    parser.set_defaults(func=run)


def default_output(path: str | os.PathLike[str]) -> Path:
    """``talks.argmap.json`` -> ``talks.repaired.argmap.json`` (same folder)."""
    from argmap.io.map_file import MAP_SUFFIX  # noqa: PLC0415 (keep `argmap --help` light)

    p = Path(path)
    stem = p.name.removesuffix(MAP_SUFFIX) if p.name.endswith(MAP_SUFFIX) else p.stem
    return p.with_name(f"{stem}.repaired{MAP_SUFFIX}")


def run(args: argparse.Namespace) -> int:
    """Diagnose (and maybe repair) one map; see the exit codes above."""
    from argmap.io.map_file import MapFileError, load_map_with_report  # noqa: PLC0415
    from argmap.model.repair import drifted_quotes  # noqa: PLC0415

    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    report: dict[str, Any] = {"file": args.map, "readable": True}
    try:
        loaded = load_map_with_report(args.map, allow_errors=True)
    except MapFileError as exc:
        report.update(readable=False, problems=[_problem(p) for p in exc.problems])
        _emit(args, report, [f"{args.map}: cannot be read, nothing to repair", f"  {exc}"])
        return EXIT_UNREADABLE
    problems = loaded.problems
    drift = drifted_quotes(loaded.doc)
    report["problems"] = [_problem(p) for p in problems]
    report["drifted_quotes"] = [
        {"quote": a.quote.id, "status": a.status, "score": a.score, "start": a.quote.start,
         "end": a.quote.end, "path": f"quotes[{i}]"}
        for i, a in drift
    ]  # fmt: skip
    lines = _diagnosis(args.map, problems, drift)
    if not problems:
        _emit(args, report, lines)
        return EXIT_HEALTHY
    if args.repair:
        code = _repair(args, loaded.doc, report, lines)
        if code != EXIT_PROBLEMS:
            return code
    else:
        lines.append("  run again with --repair to write a repaired copy")
    _emit(args, report, lines)
    return EXIT_PROBLEMS


def _problem(p: Any) -> dict[str, str]:
    return {"path": p.path, "message": p.message, "severity": p.severity, "code": p.code}


def _diagnosis(name: str, problems: list[Any], drift: list[Any]) -> list[str]:
    if not problems:
        return [f"{name}: healthy, no problems found"]
    n_errors = sum(p.severity == "error" for p in problems)
    lines = [
        f"{name}: {len(problems)} problem{'s' * (len(problems) != 1)} "
        f"({n_errors} error{'s' * (n_errors != 1)}, {len(problems) - n_errors} "
        f"warning{'s' * (len(problems) - n_errors != 1)})"
    ]
    lines += [f"  {p.severity}: {p}" for p in problems]
    for i, anchoring in drift:
        if anchoring.status == "lost":
            lines.append(f"  quotes[{i}]: quote '{anchoring.quote.id}' is not found in its source")
        else:
            lines.append(f"  quotes[{i}]: can be re-anchored: {anchoring.describe()}")
    return lines


def _repair(args: argparse.Namespace, doc: Any, report: dict[str, Any], lines: list[str]) -> int:
    from argmap.cli.output_guard import OutputRefusedError, check_output  # noqa: PLC0415
    from argmap.io.map_file import MapFileError, save_map  # noqa: PLC0415
    from argmap.model.repair import repair_map  # noqa: PLC0415
    from argmap.model.validation import errors  # noqa: PLC0415

    # An existing map (the input too) is replaced only with --force, and kept as .bak.
    out = Path(args.output) if args.output else default_output(args.map)
    try:
        check_output(out, force=args.force)
    except OutputRefusedError as exc:
        lines.append(f"  not repaired: {exc}")
        report["repair"] = {"output": str(out), "written": False, "error": str(exc)}
        _emit(args, report, lines)
        return EXIT_UNREADABLE
    result = repair_map(doc)
    remaining_errors = errors(result.remaining)
    try:
        save_map(result.doc, out, check=not remaining_errors)
    except MapFileError as exc:
        lines.append(f"  not repaired: {exc}")
        report["repair"] = {"output": str(out), "written": False, "error": str(exc)}
        _emit(args, report, lines)
        return EXIT_UNREADABLE
    lines.append(f"repaired copy written to {out} ({len(result.repairs)} changes):")
    lines += [f"  - {r}" for r in result.repairs]
    if result.remaining:
        lines.append(f"still needs a hand ({len(result.remaining)}):")
        lines += [f"  {p.severity}: {p}" for p in result.remaining]
    if remaining_errors:
        lines.append("  argmap will not open the copy until these errors are fixed")
    report["repair"] = {
        "output": str(out),
        "written": True,
        "changes": [{"path": r.path, "action": r.action, "code": r.code} for r in result.repairs],
        "remaining": [_problem(p) for p in result.remaining],
    }
    return EXIT_PROBLEMS


def _emit(args: argparse.Namespace, report: dict[str, Any], lines: list[str]) -> None:
    if args.json:
        print(json_text(report))
    else:
        print("\n".join(shown(line) for line in lines))
