"""``argmap layers``: analysts' layers from the shell, for a Delphi-style round.

* ``argmap layers sheet MAP [-o SHEET.csv]``: a blank judgement sheet for one analyst;
* ``argmap layers import MAP SHEET.csv --name Alice [-o OUT] [--force]``: a filled sheet as
  the layer "Alice" (written to a new file unless asked to replace one);
* ``argmap layers show MAP [--json] [--top N]``: each analyst's weights, the team's by
  both pools, and the disagreements that matter most.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.cli.terminal_text import json_text, shown

if TYPE_CHECKING:
    from argmap.model import ArgMap

EXIT_OK = 0
EXIT_REFUSED = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``layers`` sub-command and its own sub-commands."""
    parser = subparsers.add_parser(
        "layers",
        help="analysts' layers: judgement sheets for a Delphi round, team weights",
        description=(
            "Work with a team's judgements: each analyst's credibilities, strengths, priors "
            "and ACH ratings live in a named layer over the shared map."
        ),
    )
    sub = parser.add_subparsers(dest="layers_command", metavar="ACTION", required=True)
    sheet = sub.add_parser(
        "sheet",
        help="write a blank judgement sheet (CSV) for one analyst",
        description=(
            "List every judgement of MAP (scenario priors, credibilities, strengths, ACH "
            "cells) with its id and text and an empty value column, as CSV. An existing "
            "map is never replaced without --force."
        ),
    )
    sheet.add_argument("map", metavar="MAP", help="an .argmap.json file")
    sheet.add_argument("-o", "--output", metavar="SHEET", help="where to write (default: print)")
    sheet.add_argument("--force", action="store_true", help="replace SHEET even if protected")
    sheet.add_argument(
        "--only",
        type=_kinds,
        default=None,
        metavar="KINDS",
        help="only these judgements, comma-separated: prior, credibility, strength, rating",
    )
    sheet.set_defaults(func=run_sheet)
    imp = sub.add_parser(
        "import",
        help="read a filled judgement sheet as an analyst's layer",
        description=(
            "Read SHEET (as `argmap layers sheet` wrote it, filled in) as the layer NAME of "
            "MAP and write the map with it to OUT (default: MAP's name with .layers before "
            ".argmap.json). A blank value keeps the map's own judgement; 'none' sets it to "
            "not judged. Any row that cannot be used is listed and nothing is written, "
            "unless --skip-bad. An existing map (MAP too) is replaced only with --force, "
            "keeping its old version as .bak."
        ),
    )
    imp.add_argument("map", metavar="MAP", help="an .argmap.json file")
    imp.add_argument("sheet", metavar="SHEET", help="a filled judgement sheet (CSV)")
    imp.add_argument("--name", help="the analyst's name (default: the sheet's file name)")
    imp.add_argument("-o", "--output", metavar="OUT", help="where to write the map")
    imp.add_argument("--force", action="store_true", help="let OUT replace an existing map")
    imp.add_argument("--replace", action="store_true", help="replace a layer of that name")
    imp.add_argument(
        "--skip-bad", action="store_true", help="import the usable rows, list the others"
    )
    imp.set_defaults(func=run_import)
    show = sub.add_parser(
        "show",
        help="each analyst's weights, the team's, and where they disagree",
        description=(
            "Print each analyst's scenario weights, the team's by the linear pool (the "
            "default) and the logarithmic pool, and the disagreements that move the team's "
            "leading scenario most."
        ),
    )
    show.add_argument("map", metavar="MAP", help="an .argmap.json file")
    show.add_argument("--json", action="store_true", help="print JSON for scripts")
    show.add_argument("--top", type=int, default=10, metavar="N", help="disagreements listed")
    show.set_defaults(func=run_show)


def _kinds(text: str) -> tuple[str, ...]:
    known = ("prior", "credibility", "strength", "rating")
    kinds = tuple(k.strip().lower() for k in text.split(",") if k.strip())
    unknown = [k for k in kinds if k not in known]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"{', '.join(unknown) or 'nothing'}: choose from {', '.join(known)}"
        )
    return kinds


def _load(command: str, path: str) -> ArgMap | None:
    from argmap.io.map_file import MapFileError, load_map  # noqa: PLC0415

    try:
        return load_map(path)
    except MapFileError as exc:
        print(shown(f"argmap layers {command}: {exc}"), file=sys.stderr)
        return None


def run_sheet(args: argparse.Namespace) -> int:
    """Write the blank sheet; 1 with a reason when the map or the output is refused."""
    from argmap.cli.output_guard import OutputRefusedError, check_output  # noqa: PLC0415
    from argmap.interop.judgement_sheet import dumps_sheet, sheet_rows  # noqa: PLC0415
    from argmap.io.atomic_write import os_reason, write_atomically  # noqa: PLC0415

    doc = _load("sheet", args.map)
    if doc is None:
        return EXIT_REFUSED
    kinds = args.only or ("prior", "credibility", "strength", "rating")
    text = dumps_sheet(doc, kinds)
    if args.output is None or args.output == "-":
        sys.stdout.write(text)
        return EXIT_OK
    try:
        output = check_output(args.output, force=args.force)
        write_atomically(output.path, text.encode("utf-8"), backup=output.backup)
    except OutputRefusedError as exc:
        print(shown(f"argmap layers sheet: {exc}"), file=sys.stderr)
        return EXIT_REFUSED
    except OSError as exc:
        print(shown(f"argmap layers sheet: {args.output}: {os_reason(exc)}"), file=sys.stderr)
        return EXIT_REFUSED
    print(shown(f"wrote {args.output} ({len(sheet_rows(doc, kinds))} judgements to fill in)"))
    return EXIT_OK


def default_output(path: str) -> Path:
    """``talks.argmap.json`` -> ``talks.layers.argmap.json`` (same folder)."""
    from argmap.io.map_file import MAP_SUFFIX  # noqa: PLC0415

    p = Path(path)
    stem = p.name.removesuffix(MAP_SUFFIX) if p.name.endswith(MAP_SUFFIX) else p.stem
    return p.with_name(f"{stem}.layers{MAP_SUFFIX}")


def run_import(args: argparse.Namespace) -> int:
    """Read the sheet as a layer and write the map; 1 with every reason when refused."""
    from argmap.cli.output_guard import OutputRefusedError, check_output  # noqa: PLC0415
    from argmap.interop.judgement_sheet import SheetError, read_sheet  # noqa: PLC0415
    from argmap.io.map_file import MapFileError, save_map  # noqa: PLC0415

    def refuse(message: str) -> int:
        print(shown(f"argmap layers import: {message}"), file=sys.stderr)
        return EXIT_REFUSED

    doc = _load("import", args.map)
    if doc is None:
        return EXIT_REFUSED
    name = (args.name or Path(args.sheet).stem).strip()
    if not name:
        return refuse("the layer needs a name (--name)")
    taken = [n for n, layer in enumerate(doc.layers) if layer.name == name]
    if taken and not args.replace:
        return refuse(f"MAP already has a layer {name!r}; nothing was written (--replace)")
    out = Path(args.output) if args.output else default_output(args.map)
    try:
        output = check_output(out, force=args.force)
        with open(args.sheet, encoding="utf-8", newline="") as handle:
            result = read_sheet(doc, handle.read(), name)
    except OutputRefusedError as exc:
        return refuse(str(exc))
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        return refuse(f"{args.sheet}: cannot be read ({why}); nothing was written")
    except SheetError as exc:
        return refuse(f"{args.sheet}: {exc}; nothing was written")
    _print_rows_not_read(args.sheet, result.problems, result.notes)
    if result.problems and not args.skip_bad:
        n = len(result.problems)
        return refuse(f"{n} row{'s' * (n != 1)} cannot be used; nothing was written (--skip-bad)")
    layers = [layer for layer in doc.layers if layer.name != name]
    at = taken[0] if taken else len(layers)
    layers.insert(at, result.layer)
    doc.layers = layers
    try:
        save_map(doc, output.path, backup=output.backup)
    except MapFileError as exc:
        return refuse(str(exc))
    print(shown(f"wrote {out}: {result.summary()}"))
    if result.problems:
        print(shown(f"  {len(result.problems)} rows skipped (listed above)"))
    return EXIT_OK


def _print_rows_not_read(sheet: str, problems: list[str], notes: list[str]) -> None:
    """The rows of a sheet that cannot be used, and what of it a layer does not hold."""
    for problem in problems:
        print(shown(f"argmap layers import: {sheet}: {problem}"), file=sys.stderr)
    for note in notes:
        print(shown(f"argmap layers import: warning: {sheet}: {note}"), file=sys.stderr)


def run_show(args: argparse.Namespace) -> int:
    """Print the team view and the disagreements."""
    from argmap.analysis.disagreement import disagreements  # noqa: PLC0415
    from argmap.analysis.team_view import team_view  # noqa: PLC0415

    doc = _load("show", args.map)
    if doc is None:
        return EXIT_REFUSED
    team = team_view(doc)
    found = disagreements(doc)[: max(args.top, 0)]
    if args.json:
        print(json_text(_as_json(team, found)))
        return EXIT_OK
    for line in _as_text(team, found):
        print(shown(line))
    return EXIT_OK


def _pct(x: float) -> str:
    return f"{x * 100:5.1f} %"


def _as_text(team: Any, found: list[Any]) -> list[str]:
    if not team.analysts:
        return ["The map has no analyst layers yet (argmap layers sheet / import)."]
    names = [a.name for a in team.analysts]
    lines = ["Scenario weights by analyst, and the team's (linear pool: the default; log pool)"]
    header = ["scenario", *names, "team", "log pool"]
    lines.append(" | ".join(header))
    for j, title in enumerate(team.titles):
        row = [title[:40], *(_pct(a.weights[j]) for a in team.analysts), _pct(team.linear[j])]
        row.append(_pct(team.log[j]) if team.log is not None else "undefined")
        lines.append(" | ".join(row))
    if team.log is None:
        lines.append(
            "The log pool is undefined: between them the analysts rule out every scenario."
        )
    if not found:
        return lines
    lines.append("")
    lead = team.leader()
    focus = (
        f"{team.titles[lead]!r} ({_pct(team.linear[lead]).strip()})" if lead is not None else "-"
    )
    lines.append(
        "Where the analysts disagree, by how far everyone taking one analyst's value "
        f"moves the team's weight of its leader, {focus}:"
    )
    for d in found:
        values = ", ".join(f"{n} {_value(v)}" for n, v in d.values)
        effect = (
            "ACH only, no effect on the weights"
            if d.kind == "rating"
            else f"leader {_pct(d.team_low).strip()} to {_pct(d.team_high).strip()}"
        )
        flag = " - decides the lead" if d.decides_lead else ""
        lines.append(f"  {d.kind} of {d.text[:60]!r}: {values}; {effect}{flag}")
    return lines


def _value(v: Any) -> str:
    if v is None:
        return "unset"
    return str(v.value) if hasattr(v, "value") else f"{v:.2f}"


def _as_json(team: Any, found: list[Any]) -> dict[str, Any]:
    return {
        "scenarios": [
            {"id": i, "title": t} for i, t in zip(team.scenario_ids, team.titles, strict=True)
        ],
        "analysts": [
            {"name": a.name, "priors": list(a.priors), "weights": list(a.weights)}
            for a in team.analysts
        ],
        "team": {
            "default": "linear",
            "linear": list(team.linear),
            "log": None if team.log is None else list(team.log),
        },
        "disagreements": [
            {
                "judgement": d.kind,
                "id": d.target,
                "scenario": d.scenario or None,
                "text": d.text,
                "values": {n: (v.value if hasattr(v, "value") else v) for n, v in d.values},
                "spread": d.spread,
                "team_leader_weight": [d.team_low, d.team_high],
                "leaders": list(d.leaders),
            }
            for d in found
        ],
    }
