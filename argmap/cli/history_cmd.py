"""``argmap snapshot MAP``, ``argmap history MAP`` and ``argmap resolve MAP SCENARIO``:
record the estimate over time, see what moved it, and record how the question resolved."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from typing import Any

from argmap.cli.terminal_text import json_text, shown

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def register(subparsers: Any) -> None:
    """Add the ``snapshot``, ``history`` and ``resolve`` sub-commands."""
    snap = subparsers.add_parser(
        "snapshot",
        help="record the current estimate in the map (weights, ACH ranks, confidence)",
        description=(
            "Append a snapshot of MAP's current estimate to MAP: each scenario's weight, "
            "its ACH rank, the confidence, the map's fingerprint and the judgements behind "
            "them (priors, credibilities, strengths, ratings, sources, signpost statuses). "
            "MAP is saved in place; its previous version is kept as MAP.bak."
        ),
    )
    snap.add_argument("map", metavar="MAP")
    snap.add_argument("--note", default="", help="why, or what happened (one line)")
    snap.add_argument("--as-of", type=_iso_date, help="the date it speaks for (default: today)")
    snap.set_defaults(func=run_snapshot)
    hist = subparsers.add_parser(
        "history",
        help="the estimate over time; with --compare, what moved it between two snapshots",
        description=(
            "List MAP's snapshots in date order with each scenario's weight. With --compare "
            "OLD NEW (snapshot ids, or 'first'/'last'), list every judgement that changed "
            "and how far undoing it alone moves each scenario, largest first."
        ),
    )
    hist.add_argument("map", metavar="MAP")
    hist.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"))
    hist.add_argument("--json", action="store_true", help="print JSON instead")
    hist.set_defaults(func=run_history)
    res = subparsers.add_parser(
        "resolve",
        help="record which scenario happened; scores every snapshot",
        description=(
            "Record that SCENARIO (a scenario's id or its exact text) happened, on --date, "
            "and print every snapshot's Brier and log score (see `argmap score`). MAP is "
            "saved in place, keeping MAP.bak."
        ),
    )
    res.add_argument("map", metavar="MAP")
    res.add_argument("scenario", metavar="SCENARIO")
    res.add_argument("--date", type=_iso_date, required=True, help="when it resolved")
    res.add_argument("--note", default="")
    res.set_defaults(func=run_resolve)


def _load(path: str) -> Any:
    from argmap.io.map_file import load_map  # noqa: PLC0415

    return load_map(path)


def _save(doc: Any, path: str) -> None:
    from argmap.io.map_file import save_map  # noqa: PLC0415

    save_map(doc, path)


def _weights_line(snapshot: Any) -> str:
    ranked = sorted(snapshot.weights.items(), key=lambda kv: -kv[1])
    parts = [f"{snapshot.titles.get(s, s)} {w * 100:.0f} %" for s, w in ranked]
    confidence = f" (confidence {snapshot.confidence})" if snapshot.confidence else ""
    return ", ".join(parts) + confidence


def run_snapshot(args: argparse.Namespace) -> int:
    """Append a snapshot and save the map."""
    from argmap.analysis.estimate_history import take_snapshot  # noqa: PLC0415
    from argmap.io.map_file import MapFileError  # noqa: PLC0415

    try:
        doc = _load(args.map)
        as_of = args.as_of or datetime.now(UTC).date().isoformat()
        snapshot = take_snapshot(doc, as_of=as_of, note=args.note)
        doc.snapshots.append(snapshot)
        _save(doc, args.map)
    except MapFileError as exc:
        print(f"no snapshot taken: {shown(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(shown(f"{args.map}: snapshot {snapshot.id} as of {as_of}: {_weights_line(snapshot)}"))
    return EXIT_OK


def _pick(snapshots: list[Any], name: str) -> Any:
    if name in ("first", "last") and snapshots:
        return snapshots[0 if name == "first" else -1]
    for s in snapshots:
        if s.id == name:
            return s
    raise KeyError(name)


def run_history(args: argparse.Namespace) -> int:
    """Print the snapshots, or the attribution between two of them."""
    from argmap.analysis.estimate_history import attribute, in_order  # noqa: PLC0415
    from argmap.analysis.history_text import attribution_lines, record_names  # noqa: PLC0415
    from argmap.io.map_file import MapFileError  # noqa: PLC0415

    try:
        doc = _load(args.map)
    except MapFileError as exc:
        print(f"cannot read: {shown(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    ordered = in_order(doc.snapshots)
    if not args.compare:
        if args.json:
            print(json_text([s.model_dump(mode="json") for s in ordered]))
            return EXIT_OK
        if not ordered:
            print(f"{args.map}: no snapshots yet (argmap snapshot {args.map} --note …)")
        for s in ordered:
            note = f" — {s.note}" if s.note else ""
            print(shown(f"{s.as_of}  {s.id}  {_weights_line(s)}{note}"))
        return EXIT_OK
    try:
        older, newer = (_pick(ordered, name) for name in args.compare)
    except KeyError as exc:
        print(f"no snapshot {exc.args[0]!r} in {args.map}", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = attribute(doc, older, newer)
    names = record_names(doc, older, newer)
    if args.json:
        print(json_text({
            "older": older.id, "newer": newer.id, "exact": result.exact, "total": result.total,
            "changes": [{"what": e.change.what, "key": list(e.change.key), "old": e.change.old,
                         "new": e.change.new, "moved": e.moved} for e in result.effects],
            "remainder": result.remainder(),
        }))  # fmt: skip
        return EXIT_OK
    for line in attribution_lines(result, names):
        print(shown(line))
    return EXIT_OK


def run_resolve(args: argparse.Namespace) -> int:
    """Record the outcome, save, and print the snapshots' scores."""
    from argmap.analysis.forecast_scores import score_map  # noqa: PLC0415
    from argmap.io.map_file import MapFileError  # noqa: PLC0415
    from argmap.model import Outcome, StatementKind  # noqa: PLC0415

    try:
        doc = _load(args.map)
    except MapFileError as exc:
        print(f"not resolved: {shown(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    scenarios = [s for s in doc.statements if s.kind == StatementKind.SCENARIO]
    match = [s for s in scenarios if args.scenario in (s.id, s.text)]
    if len(match) != 1:
        known = ", ".join(f"{s.id} ({s.text})" for s in scenarios) or "none"
        print(shown(f"not resolved: no single scenario {args.scenario!r}; scenarios: {known}"),
              file=sys.stderr)  # fmt: skip
        return EXIT_BAD_INPUT
    doc.outcome = Outcome(scenario=match[0].id, resolved=args.date, note=args.note)
    try:
        _save(doc, args.map)
    except MapFileError as exc:
        print(f"not resolved: {shown(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    score = score_map(doc)
    assert score is not None
    print(shown(f"{args.map}: resolved on {args.date}: {match[0].text}"))
    for s in score.scores:
        print(f"  {s.as_of}  {s.snapshot}  p={s.p:.2f}  Brier {s.brier:.3f}  log {s.log:.3f}")
    if score.scores:
        print(
            f"  mean over {len(score.scores)} snapshots: "
            f"Brier {score.brier:.3f}, log {score.log:.3f}"
        )
    else:
        print("  no snapshot taken on or before that date: nothing to score")
    if score.late:
        print(f"  {score.late} snapshots after {args.date} are not scored")
    return EXIT_OK
