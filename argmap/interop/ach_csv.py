"""Write the ACH matrix as CSV: evidence rows, scenario columns, credibility, diagnosticity.

Cells hold Heuer's ratings (CC, C, N, I, II). With argmap's analysis in the build they are
the analysis's ratings (explicit ones, else what the map's structure implies); without it
only the map's explicit ratings are filled in. Diagnosticity is then the spread between
the most and least consistent rating of the row (0 = does not discriminate, 4 = most).
Text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula.
"""

from __future__ import annotations

import csv
import io

from argmap.interop.analysis_view import ach_table
from argmap.model import ArgMap


def dumps_ach_csv(doc: ArgMap) -> str:
    """The ACH matrix as CSV text (RFC 4180 quoting, one header row)."""
    table = ach_table(doc)
    headers = [_cell(s.text or s.id) for s in table.scenarios]
    seen: set[str] = set()
    for n, header in enumerate(headers):  # two scenarios with one wording: add their ids
        if header in seen:
            headers[n] = f"{header} [{table.scenarios[n].id}]"
        seen.add(headers[n])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["evidence_id", "evidence", "credibility", *headers, "diagnosticity"])
    for row in table.rows:
        writer.writerow(
            [
                row.id,
                _cell(" ".join(row.text.split())),
                _number(row.credibility),
                *(row.ratings.get(s.id, "") for s in table.scenarios),
                _number(row.diagnosticity),
            ]
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula (a leading ' shows it is text)."""
    return "'" + text if text[:1] in {"=", "+", "-", "@"} else text


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
