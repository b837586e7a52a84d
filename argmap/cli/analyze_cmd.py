"""``argmap analyze MAP``: scenario weights, ACH inconsistency and the top sensitivities."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.analysis.report import MapAnalysis

TITLE_WIDTH = 44
BAR_WIDTH = 20


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``analyze`` sub-command."""
    parser = subparsers.add_parser(
        "analyze",
        help="weigh a map's scenarios (weights, ACH, sensitivity)",
        description=(
            "Print each scenario's prior, its weight after the map's arguments, its ACH "
            "inconsistency (lower is better), and the statements and inferences the "
            "weights depend on most."
        ),
    )
    parser.add_argument("map", metavar="MAP", help="an .argmap.json file")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument(
        "--top",
        type=_count,
        default=10,
        metavar="N",
        help="how many of the most influential items to list (default 10; 0 for none)",
    )
    parser.set_defaults(func=run)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def run(args: argparse.Namespace) -> int:
    """Analyse the map and print the result; 1 with a message on unreadable input."""
    from argmap.analysis.report import analyze  # noqa: PLC0415
    from argmap.io.map_file import MapFileError, load_map  # noqa: PLC0415

    path = Path(args.map)
    try:
        doc = load_map(path)
    except MapFileError as exc:
        print(f"argmap analyze: {exc}", file=sys.stderr)
        return 1
    result = analyze(doc, with_sensitivity=args.top > 0)
    if args.json:
        text = json.dumps(as_json(result, args.top), indent=2, ensure_ascii=False)
    else:
        text = as_text(result, args.top, doc.title or path.name)
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _r(x: float) -> float:
    return round(x, 6)


def as_json(result: MapAnalysis, top: int) -> dict[str, Any]:
    """The analysis as plain JSON data (see the README for the keys)."""
    leader, ach_leader = result.leader, result.ach_leader
    items = []
    if result.sensitivity is not None:
        chosen = {i.id for i in result.sensitivity.top(top)}
        items = [
            {
                "id": i.id,
                "scenario": i.scenario,
                "low": _r(i.low),
                "high": _r(i.high),
                "base": _r(i.base),
                "swing": _r(i.swing),
                "kind": i.kind,
                "changes_leader": i.changes_leader,
                "sentence": i.sentence,
            }
            for i in result.sensitivity.items
            if i.id in chosen
        ]
    return {
        "question": {"id": result.question, "text": result.question_text},
        "scenarios": [
            {
                "id": s.id,
                "title": s.title,
                "prior": _r(s.prior),
                "prior_raw": s.prior_raw,
                "weight": _r(s.weight),
                "acceptability": _r(s.acceptability),
                "inconsistency": _r(s.inconsistency),
                "weight_rank": s.weight_rank,
                "ach_rank": s.ach_rank,
            }
            for s in result.scenarios
        ],
        "leader": leader.id if leader else None,
        "ach_leader": ach_leader.id if ach_leader else None,
        "sensitivity": items,
        "warnings": list(result.warnings),
    }


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def as_text(result: MapAnalysis, top: int, title: str) -> str:
    """The analysis as a table for people."""
    out = [f"Map: {title}"]
    if result.question_text:
        out.append(f"Question: {result.question_text}")
    out.append("")
    if not result.scenarios:
        out.append("No scenarios to weigh: add statements of kind 'scenario'.")
    else:
        out.append(
            f"{'Scenario':<{TITLE_WIDTH}}  {'Prior':>5}  {'Weight':>6}  "
            f"{'':<{BAR_WIDTH}}  {'ACH incons.':>11}  {'ACH rank':>8}"
        )
        for s in sorted(result.scenarios, key=lambda s: s.weight_rank):
            bar = "#" * round(s.weight * BAR_WIDTH)
            out.append(
                f"{_fit(s.title, TITLE_WIDTH):<{TITLE_WIDTH}}  {s.prior:>5.0%}  "
                f"{s.weight:>6.1%}  {bar:<{BAR_WIDTH}}  {s.inconsistency:>11.2f}  "
                f"{s.ach_rank:>8}"
            )
        leader, ach_leader = result.leader, result.ach_leader
        out.append("")
        if leader is not None and ach_leader is not None:
            if leader.id == ach_leader.id:
                out.append(f"Both methods favour '{leader.title}'.")
            else:
                out.append(
                    f"Weights favour '{leader.title}'; ACH (least inconsistent) favours "
                    f"'{ach_leader.title}'."
                )
    if result.sensitivity is not None:
        picked = result.sensitivity.top(top)
        out.append("")
        if picked:
            out.append("What the weights hinge on (largest swing first):")
            for k, item in enumerate(picked, start=1):
                flag = "  [changes the leader]" if item.changes_leader else ""
                out.append(f"{k:>3}. swing {item.swing * 100:>3.0f} pts: {item.sentence}{flag}")
        else:
            out.append("No single statement or inference moves the weights.")
    if result.warnings:
        out.append("")
        out.extend(f"Note: {w}" for w in result.warnings)
    return "\n".join(out)
