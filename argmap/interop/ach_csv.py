"""Write the ACH matrix as CSV: evidence rows, scenario columns, credibility, diagnosticity.

Each scenario has two columns: its rating (Heuer's CC, C, N, I, II) and how the rating
came about: ``explicit`` (the analyst rated the cell) or ``derived`` (what the map's
structure implies, when this build has argmap's analysis). Credibility also has two
columns: the analyst's value (blank when not judged) and the value the analysis computed
and used (blank without the analysis). Diagnosticity is the analysis's, or without it
the spread between the most and least consistent rating of the row.

No cell can start a spreadsheet formula: a cell beginning with ``= + - @`` (or their
full-width forms ``＝ ＋ － ＠``, or a tab or carriage return) gets a leading ``'``, in
every column, headers and ids included; plain numbers are left as they are.
"""

from __future__ import annotations

import csv
import io
import re

from argmap.interop.analysis_view import ach_table
from argmap.model import ArgMap

EXPLICIT, DERIVED = "explicit", "derived"
_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def dumps_ach_csv(doc: ArgMap) -> str:
    """The ACH matrix as CSV text (RFC 4180 quoting, one header row)."""
    table = ach_table(doc)
    names = [s.text or s.id for s in table.scenarios]
    seen: set[str] = set()
    for n, name in enumerate(names):  # two scenarios with one wording: add their ids
        if name in seen:
            names[n] = f"{name} [{table.scenarios[n].id}]"
        seen.add(names[n])
    explicit = {(r.evidence, r.scenario) for r in doc.ratings}
    analyst = {s.id: s.credibility for s in doc.statements}
    header = ["evidence_id", "evidence", "analyst credibility", "computed credibility"]
    for name in names:
        header += [name, f"{name} (rated)"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(h) for h in [*header, "diagnosticity"]])
    for row in table.rows:
        cells = [
            row.id,
            " ".join(row.text.split()),
            _number(analyst.get(row.id)),
            _number(row.credibility if table.analysed else None),
        ]
        for scenario in table.scenarios:
            rating = row.ratings.get(scenario.id, "")
            how = EXPLICIT if (row.id, scenario.id) in explicit else DERIVED if rating else ""
            cells += [rating, how]
        cells.append(_number(row.diagnosticity))
        writer.writerow([cell(c) for c in cells])
    return out.getvalue()


def cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula (a leading ' shows it is text)."""
    if text[:1] in _FORMULA_START and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
