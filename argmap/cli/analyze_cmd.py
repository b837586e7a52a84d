"""``argmap analyze MAP``: scenario weights, the ACH matrix and its sensitivity, what would
flip the lead, signposts and the Key Assumptions Check."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.analysis.report import MapAnalysis
    from argmap.model import ArgMap

TITLE_WIDTH = 44
BAR_WIDTH = 20


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``analyze`` sub-command."""
    parser = subparsers.add_parser(
        "analyze",
        help="weigh a map's scenarios (weights, ACH, what would flip the lead)",
        description=(
            "Print each scenario's prior, its weight (a probability) after the map's "
            "evidence, its ACH inconsistency (lower is better), why the leader weighs what "
            "it does, what would flip the lead, and the confidence of the lead."
        ),
    )
    parser.add_argument("map", metavar="MAP", help="an .argmap.json file")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument(
        "--layer",
        metavar="NAME",
        help="weigh the map as the analyst NAME sees it (their layer's judgements)",
    )
    parser.add_argument(
        "--top",
        type=_count,
        default=10,
        metavar="N",
        help="how many contributions and judgements to list (default 10; 0 for none)",
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
    from argmap.cli.terminal_text import json_text, shown  # noqa: PLC0415
    from argmap.io.map_file import MapFileError, load_map  # noqa: PLC0415

    path = Path(args.map)
    try:
        doc = load_map(path)
    except MapFileError as exc:
        print(f"argmap analyze: {exc}", file=sys.stderr)
        return 1
    if args.layer is not None:
        from argmap.model.layer_view import layer_named, seen_by  # noqa: PLC0415

        if layer_named(doc, args.layer) is None:
            names = ", ".join(repr(layer.name) for layer in doc.layers) or "none"
            print(
                shown(f"argmap analyze: {path}: no layer {args.layer!r} (layers: {names})"),
                file=sys.stderr,
            )
            return 1
        doc = seen_by(doc, args.layer)
    result = analyze(doc, with_sensitivity=args.top > 0)
    if args.json:
        text = json_text(as_json(result, args.top, doc))
    else:
        raw = as_text(result, args.top, doc.title or path.name, doc)
        text = "\n".join(shown(line) for line in raw.split("\n"))
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _r(x: float) -> float:
    return round(x, 6)


def as_json(result: MapAnalysis, top: int, doc: ArgMap) -> dict[str, Any]:
    """The analysis as plain JSON data (see the README for the keys)."""
    from argmap.analysis import weights_text as wt  # noqa: PLC0415
    from argmap.cli.analyze_ach import ach_json, assumptions_json, signposts_json  # noqa: PLC0415

    leader, ach_leader = result.leader, result.ach_leader
    titles = [s.title for s in result.scenarios]
    labels = wt.Labels(doc)
    flips: dict[str, Any] | None = None
    if result.flips is not None:
        f = result.flips
        picked = f.by_swing()[:top]
        flips = {
            "sentence": wt.flip_summary(f, labels, titles),
            "robust": f.robust,
            "judgements": [
                {
                    "id": x.judgement.id,
                    "judgement": x.judgement.kind.value,
                    "value": x.judgement.value,
                    "used": _r(x.judgement.used),
                    "band": x.judgement.band,
                    "range": [_r(x.judgement.low), _r(x.judgement.high)],
                    "leader_weight_range": (
                        [_r(x.weights_low[f.leader]), _r(x.weights_high[f.leader])]
                        if f.leader is not None
                        else None
                    ),
                    "break_even": None if x.break_even is None else _r(x.break_even),
                    "new_leader": None
                    if x.new_leader is None
                    else result.scenarios[x.new_leader].id,
                    "in_range": x.in_range,
                    "exact": x.exact,
                    "sentence": wt.flip_line(x, labels, titles),
                }
                for x in picked
            ],
            "knock_outs": [
                {
                    "kind": k.kind,
                    "key": k.key,
                    "statements": list(k.statements),
                    "weights": {
                        s.id: _r(w) for s, w in zip(result.scenarios, k.weights, strict=True)
                    },
                    "leaders": [result.scenarios[j].id for j in k.leaders],
                    "sentence": wt.knock_out_line(k, titles, f.leader),
                }
                for k in f.knock_outs
            ],
        }
    conf = result.confidence
    return {
        "method": "likelihood ratios discounted by credibility (argmap 2)",
        "question": {"id": result.question, "text": result.question_text},
        "scenarios": [
            {
                "id": s.id,
                "title": s.title,
                "prior": _r(s.prior),
                "prior_raw": s.prior_raw,
                "weight": _r(s.weight),
                "evidence_log_odds": _r(s.evidence),
                "inconsistency": _r(s.inconsistency),
                "weight_rank": s.weight_rank,
                "ach_rank": s.ach_rank,
                "lines": [
                    {
                        "id": line.id,
                        "premises": list(line.premises),
                        "attack": line.attack,
                        "rated": line.rated,
                        "likelihood_ratio": _r(line.ratio),
                        "established": _r(line.established),
                        "log_odds": _r(line.counted),
                        "log_odds_alone": _r(line.full),
                    }
                    for line in s.lines
                ],
                "contributions": [
                    {"id": cid, "judgement": what, "log_odds": _r(x)}
                    for cid, what, x in s.contributions
                ],
            }
            for s in result.scenarios
        ],
        "leader": leader.id if leader else None,
        "tied": [s.id for s in result.tied],
        "ach_leader": ach_leader.id if ach_leader else None,
        "ach_tied": [s.id for s in result.ach_tied],
        "ach": ach_json(result, doc),
        "signposts": signposts_json(doc),
        "key_assumptions": assumptions_json(doc),
        "summary": wt.lead_sentence(result),
        "flips": flips,
        "confidence": None
        if conf is None
        else {
            "level": conf.level,
            "reason": conf.reason,
            "independent_sources": conf.sources,
            "default_strengths": conf.defaults,
            "in_range_flip": conf.in_range_flip,
        },
        "uncounted": [{"id": u.id, "reason": u.reason} for u in result.uncounted],
        "warnings": list(result.warnings),
    }


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def as_text(result: MapAnalysis, top: int, title: str, doc: ArgMap) -> str:
    """The analysis as a table for people."""
    from argmap.analysis import weights_text as wt  # noqa: PLC0415
    from argmap.cli.analyze_ach import ach_lines  # noqa: PLC0415

    out = [f"Map: {title}"]
    if result.question_text:
        out.append(f"Question: {result.question_text}")
    out.append("")
    if not result.scenarios:
        out.append(wt.lead_sentence(result))
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
        out.append("")
        out.append(wt.lead_sentence(result))
        out.append(wt.methods_sentence(result))
        if result.confidence is not None:
            out.append(wt.confidence_sentence(result))
    titles = [s.title for s in result.scenarios]
    labels = wt.Labels(doc)
    leader = result.leader or (result.tied[0] if result.tied else None)
    if leader is not None and top:
        out.extend(["", *wt.why_lines(leader, labels, top)])
    if result.flips is not None and top:
        f = result.flips
        out.append("")
        out.append(wt.flip_summary(f, labels, titles))
        picked = [x for x in f.by_swing()[:top]]
        if picked and f.leader is not None:
            out.append("")
            out.append(
                f"What moves {wt.quoted(titles[f.leader])} most (over each plausible range):"
            )
            for k, x in enumerate(picked, start=1):
                lo, hi = sorted((x.weights_low[f.leader], x.weights_high[f.leader]))
                out.append(f"{k:>3}. {lo:.0%}-{hi:.0%}: {wt.flip_line(x, labels, titles)}")
    out.extend(ach_lines(result, doc))
    if result.warnings:
        out.append("")
        out.extend(f"Note: {w}" for w in result.warnings)
    out.append("")
    out.append(wt.METHOD_LINE)
    return "\n".join(out)
