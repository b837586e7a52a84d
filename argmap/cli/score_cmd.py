"""``argmap score FOLDER``: how well the resolved maps in a folder forecast, and whether
their weights were calibrated (see :mod:`argmap.analysis.forecast_scores`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from argmap.cli.terminal_text import json_text, shown

DIAGRAM_WIDTH = 40


def register(subparsers: Any) -> None:
    """Add the ``score`` sub-command."""
    parser = subparsers.add_parser(
        "score",
        help="Brier and log scores of the resolved maps in a folder, and their calibration",
        description=(
            "Read every .argmap.json under FOLDER. For each map with a recorded outcome "
            "(`argmap resolve`), score its snapshots: Brier score Σ_j (p_j − o_j)² (0 "
            "perfect, 2 worst) and log score ln p (0 perfect; p floored at 0.001). Then "
            "the calibration across maps: per map its last snapshot before the outcome, "
            "each scenario one forecast, in ten bins by weight, mean forecast against how "
            "often it happened. The reliability diagram is drawn from 10 resolved maps on, "
            "for bins of at least 5 forecasts."
        ),
    )
    parser.add_argument("folder", metavar="FOLDER")
    parser.add_argument("--json", action="store_true", help="print JSON instead")
    parser.add_argument(
        "--svg", metavar="OUT", help="also write the reliability diagram as SVG to OUT"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Score a folder of maps; exit 2 if FOLDER is not a folder."""
    from argmap.analysis.forecast_scores import calibration, score_map  # noqa: PLC0415
    from argmap.io.map_file import MapFileError, load_map  # noqa: PLC0415

    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{folder} is not a folder", file=sys.stderr)
        return 2
    docs, rows, unreadable = [], [], []
    for path in sorted(folder.rglob("*.argmap.json")):
        try:
            doc = load_map(path)
        except MapFileError as exc:
            unreadable.append(f"{path}: {exc}")
            continue
        docs.append(doc)
        score = score_map(doc)
        rows.append((path, doc, score))
    table = calibration(docs)
    if args.svg and not _write_svg(args.svg, table):
        return 2
    if args.json:
        print(json_text({
            "maps": [{"file": str(p), "resolved": s is not None,
                      "snapshots": len(d.snapshots),
                      "brier": s.brier if s else None, "log": s.log if s else None,
                      "scores": [vars(x) for x in s.scores] if s else []}
                     for p, d, s in rows],
            "calibration": {"questions": table.questions, "forecasts": table.forecasts,
                            "enough": table.enough, "bins": [vars(b) for b in table.bins]},
            "unreadable": unreadable,
        }))  # fmt: skip
        return 0
    for line in _lines(rows, table, unreadable):
        print(shown(line))
    return 0


def _write_svg(out: str, table: Any) -> bool:
    from argmap.export.reliability_svg import reliability_svg  # noqa: PLC0415
    from argmap.io.atomic_write import os_reason, write_atomically  # noqa: PLC0415

    try:
        write_atomically(out, reliability_svg(table).encode("utf-8"), backup=False)
    except OSError as exc:
        print(f"{out}: not written: {os_reason(exc)}", file=sys.stderr)
        return False
    return True


def _lines(rows: list[Any], table: Any, unreadable: list[str]) -> list[str]:
    resolved = [(p, d, s) for p, d, s in rows if s is not None]
    lines = [f"{len(rows)} maps, {len(resolved)} resolved"]
    for path, _doc, score in resolved:
        if not score.scores:
            lines.append(f"  {path}: resolved, but no snapshot before {score.resolved}")
            continue
        lines.append(
            f"  {path}: {len(score.scores)} snapshots, mean Brier {score.brier:.3f}, "
            f"mean log {score.log:.3f} (last gave what happened {score.scores[-1].p * 100:.0f} %)"
        )
    lines += [f"  unreadable, left out: {u}" for u in unreadable]
    lines.append(
        f"calibration: {table.questions} questions, {table.forecasts} forecasts "
        "(each scenario of each map's last snapshot)"
    )
    if not table.enough:
        lines.append(
            f"  too few resolved questions for a reliability diagram ({table.questions} of "
            "the 10 needed); the table so far:"
        )
    lines.append("  forecast   n   mean  happened")
    for b in table.bins:
        bar = ""
        if table.enough and b.enough:
            bar = "  " + _bar(b.mean_forecast, b.observed)
        lines.append(
            f"  {b.low * 100:3.0f}–{b.high * 100:3.0f} % {b.count:3d} "
            f"{b.mean_forecast * 100:5.0f} % {b.observed * 100:5.0f} %{bar}"
        )
    return lines


def _bar(forecast: float, observed: float) -> str:
    """One row of the reliability diagram: ``|`` the forecast, ``#`` how often it happened
    (on the diagonal, the two meet)."""
    cells = [" "] * (DIAGRAM_WIDTH + 1)
    cells[round(observed * DIAGRAM_WIDTH)] = "#"
    at = round(forecast * DIAGRAM_WIDTH)
    cells[at] = "|" if cells[at] == " " else "X"
    return "[" + "".join(cells) + "]"
