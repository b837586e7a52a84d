"""Write the ACH matrix as CSV: one row per item of evidence, every cell with how it came
about, the row weights, diagnosticity.

Columns: ``evidence_id``, ``evidence``, ``type`` (the statement's kind), ``date`` (its
sources' publication dates, ``;``-separated), ``statement credibility`` (the analyst's
0-1 value, blank when not judged), ``credibility`` and ``relevance`` (PARC's low / medium /
high) each with ``... set`` (``explicit`` when the analyst set it for the row, ``default``
otherwise), ``weight`` (credibility x relevance), ``connected`` (``no`` for an item rated
in ACH only, which no chain connects to a scenario). Then per scenario four columns: its
rating (CC, C, N, I, II, NA, or empty when blank), ``(rated)`` how the rating came about
(``explicit``: the analyst's; ``derived``: what the map implies; empty: blank, nobody
judged it), ``(map)`` what the map implies whatever the analyst said (empty: no chain), and
``(weight)`` the cell's weight. Last, ``diagnosticity`` (empty when the row is judged
against fewer than two scenarios) and ``status``.

No cell can start a spreadsheet formula: a cell beginning with ``= + - @`` (or their
full-width forms ``＝ ＋ － ＠``, or a tab or carriage return) gets a leading ``'``, in
every column, headers and ids included; plain numbers are left as they are.
"""

from __future__ import annotations

import csv
import io
import re

from argmap.analysis.ach import ach_matrix
from argmap.model import ArgMap

EXPLICIT, DERIVED, DEFAULT = "explicit", "derived", "default"
_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def dumps_ach_csv(doc: ArgMap) -> str:
    """The ACH matrix as CSV text (RFC 4180 quoting, one header row)."""
    matrix = ach_matrix(doc)
    texts: dict[str, str] = {}
    for s in doc.statements:
        texts.setdefault(s.id, s.text)
    names = [texts.get(sid) or sid for sid in matrix.scenarios]
    seen: set[str] = set()
    for n, name in enumerate(names):  # two scenarios with one wording: add their ids
        if name in seen:
            names[n] = f"{name} [{matrix.scenarios[n]}]"
        seen.add(names[n])
    header = [
        "evidence_id", "evidence", "type", "date", "statement credibility",
        "credibility", "credibility set", "relevance", "relevance set", "weight", "connected",
    ]  # fmt: skip
    for name in names:
        header += [name, f"{name} (rated)", f"{name} (map)", f"{name} (weight)"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell(h) for h in [*header, "diagnosticity", "status"]])
    for row in matrix.evidence:
        cells = [
            row.id,
            " ".join(row.text.split()),
            row.kind,
            "; ".join(row.published),
            _number(row.statement_credibility),
            row.credibility.value,
            EXPLICIT if row.credibility_set else DEFAULT,
            row.relevance.value,
            EXPLICIT if row.relevance_set else DEFAULT,
            _number(round(row.weight, 6)),
            "yes" if row.connected else "no",
        ]
        for j in range(len(matrix.scenarios)):
            rating, derived = row.ratings[j], row.derived[j]
            how = EXPLICIT if row.explicit[j] else DERIVED if rating is not None else ""
            cells += [
                rating.value if rating is not None else "",
                how,
                derived.value if derived is not None else "",
                _number(round(row.weights[j], 6)),
            ]
        cells += [_number(row.diagnosticity), row.status]
        writer.writerow([cell(c) for c in cells])
    return out.getvalue()


def cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula (a leading ' shows it is text)."""
    if text[:1] in _FORMULA_START and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
