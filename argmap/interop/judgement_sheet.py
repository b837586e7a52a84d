"""A Delphi round's judgement sheet: every judgement of a map as a CSV row to fill in.

``dumps_sheet(doc)`` lists, one row each, the prior of every scenario, the credibility of
every other statement (not the question), the strength of every inference (but a
scenario's link to the question, which is never weighed), and the ACH
cells (each evidence row of the matrix against each scenario), with the id, the text and
an empty ``value`` column. Columns: ``judgement, id, scenario, text, scale, value``.
The sheet shows no one's values: each analyst judges without anchoring on the others'.

``read_sheet(doc, text, name)`` reads a filled sheet back as a layer named ``name``. A
blank value leaves the judgement to the map's own (the layer does not set it); ``none``
sets it explicitly to "not judged" / "no prior" / "no explicit rating". Values: for a
credibility or strength 0-1, a percentage (``70 %``) or estimative words (``likely``); for
a prior any non-negative number or a percentage (priors are relative to each other); for
a rating CC, C, N, I or II. Every row that cannot be used is reported with its line and
why; nothing is dropped silently. Spreadsheets' habits are met: a byte-order mark, ``;``
or tab as the separator, and the ``'`` this writer puts before text that could start a
formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from argmap.analysis.ach import ach_matrix
from argmap.analysis.estimative import parse_probability
from argmap.interop.ach_csv import cell
from argmap.model import AchRating, ArgMap, Layer, LayerRating, Statement, StatementKind
from argmap.model.statement import NOT_EVIDENCE

COLUMNS = ("judgement", "id", "scenario", "text", "scale", "value")
SCALES = {
    "prior": "relative weight: any number >= 0 or a percentage",
    "credibility": "0-1, 0-100 % or words: almost no chance ... almost certain",
    "strength": "0-1 or 0-100 %: how strongly the premises, if true, bear on the conclusion",
    "rating": "CC, C, N, I, II (consistent ... inconsistent) or NA (not applicable)",
}
NONE_WORDS = frozenset({"none", "not judged", "no rating", "no prior"})


class SheetError(ValueError):
    """A sheet that cannot be read at all (no header, missing columns)."""


@dataclass
class SheetImport:
    """A layer read from a sheet; ``problems`` lists every row that could not be used
    (``line N: why``), ``blank`` counts rows left empty, ``notes`` names what the sheet
    holds that a layer does not (a column of comments)."""

    layer: Layer
    filled: int = 0
    blank: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line on what the layer holds."""
        layer = self.layer
        parts = [
            f"{len(layer.credibility)} credibility",
            f"{len(layer.strength)} strength",
            f"{len(layer.prior)} prior",
            f"{len(layer.ratings)} ACH rating",
        ]
        line = f"layer {layer.name!r}: {self.filled} judgements ({', '.join(parts)})"
        if self.blank:
            line += f"; {self.blank} rows left blank keep the map's own values"
        return line


def _clean(text: str) -> str:
    return " ".join(text.split())


def sheet_rows(
    doc: ArgMap, kinds: Collection[str] = tuple(SCALES)
) -> list[tuple[str, str, str, str]]:
    """(judgement, id, scenario, text) of every row of the map's sheet, in sheet order
    (only the judgements of ``kinds``: prior, credibility, strength, rating)."""
    return [row for row in _all_rows(doc, "rating" in kinds) if row[0] in kinds]


def _all_rows(doc: ArgMap, with_ratings: bool) -> list[tuple[str, str, str, str]]:
    texts = {s.id: _clean(s.text) for s in doc.statements}
    scenarios = [s for s in doc.statements if s.kind is StatementKind.SCENARIO]
    scenario_ids = {s.id for s in scenarios}
    rows = [("prior", s.id, "", texts[s.id]) for s in scenarios]
    skip = {StatementKind.SCENARIO, StatementKind.QUESTION}
    rows += [("credibility", s.id, "", texts[s.id]) for s in doc.statements if s.kind not in skip]
    for i in doc.inferences:
        if any(p in scenario_ids for p in i.premises):
            continue  # a scenario's link to the question: structure, never weighed
        premises = " + ".join(texts.get(p, p) for p in i.premises)
        verb = {"support": "→", "attack": "⊣ (against)", "undercut": "undercuts"}[i.kind.value]
        rows.append(
            ("strength", i.id, "", f"{premises} {verb} {texts.get(i.conclusion, i.conclusion)}")
        )
    if scenarios and with_ratings:
        matrix = ach_matrix(doc)
        for row in matrix.evidence:
            for sid in matrix.scenarios:
                rows.append(("rating", row.id, sid, f"{_clean(row.text)} / {texts.get(sid, sid)}"))
    return rows


def dumps_sheet(doc: ArgMap, kinds: Collection[str] = tuple(SCALES)) -> str:
    """The blank judgement sheet of ``doc`` as CSV text (RFC 4180, one header row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for judgement, rid, scenario, text in sheet_rows(doc, kinds):
        writer.writerow(
            [cell(judgement), cell(rid), cell(scenario), cell(text), SCALES[judgement], ""]
        )
    return out.getvalue()


def _unquoted(text: str) -> str:
    """A cell as typed: without the ``'`` that keeps a spreadsheet from running it."""
    text = text.strip()
    return text[1:] if text.startswith("'") else text


def _reader(text: str) -> csv.DictReader[str]:
    text = text.removeprefix("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    if not first:
        raise SheetError("the sheet is empty")
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    found = {(_unquoted(name) or "").lower() for name in reader.fieldnames or []}
    missing = [c for c in ("judgement", "id", "value") if c not in found]
    if missing:
        raise SheetError(
            f"the sheet has no {', '.join(missing)} column; its first line must name the "
            f"columns {', '.join(COLUMNS)} (as `argmap layers sheet` writes them)"
        )
    reader.fieldnames = [(_unquoted(n) or "").lower() for n in reader.fieldnames or []]
    return reader


def read_sheet(doc: ArgMap, text: str, name: str) -> SheetImport:
    """A filled sheet of ``doc`` read as the layer ``name`` (see the module docstring)."""
    result = SheetImport(Layer(name=name))
    reader = _reader(text)
    statements = {s.id: s for s in doc.statements}
    inferences = {i.id for i in doc.inferences}
    seen: dict[tuple[str, str, str], int] = {}
    unread = [c for c in dict.fromkeys(reader.fieldnames or []) if c and c not in COLUMNS]
    unread_filled = dict.fromkeys(unread, 0)
    for row in reader:
        line = reader.line_num
        for column in unread:
            unread_filled[column] += bool((row.get(column) or "").strip())
        spill = _spill(row)
        if any(c.strip() for c in spill):
            columns = len(reader.fieldnames or [])
            result.problems.append(f"line {line}: {_spilled(row, spill, columns)}; not read")
            continue
        judgement = _unquoted(row.get("judgement") or "").lower()
        rid = _unquoted(row.get("id") or "")
        scenario = _unquoted(row.get("scenario") or "")
        value = (row.get("value") or "").strip()
        if not (judgement or rid or value):
            continue  # an empty line
        if not value:
            result.blank += 1
            continue
        try:
            _check_target(judgement, rid, scenario, statements, inferences)
            key = (judgement, rid, scenario if judgement == "rating" else "")
            if key in seen:
                raise ValueError(
                    f"judged again (first on line {seen[key]}); the first value is kept"
                )
            _set(result.layer, judgement, rid, scenario, value)
            seen[key] = line  # only a value that was read: a row after a bad one corrects it
            result.filled += 1
        except ValueError as exc:
            result.problems.append(f"line {line}: {exc}")
    for column, count in unread_filled.items():
        if count:
            cells = f"{count} of its cells {'is' if count == 1 else 'are'} filled"
            result.notes.append(
                f"column {column!r} is not read (a layer holds values only): {cells}"
            )
    return result


def _spill(row: Mapping[Any, Any]) -> list[str]:
    """The cells of a row beyond the header's columns (csv files them under None)."""
    return [str(c) for c in row.get(None) or []]


def _spilled(row: Mapping[Any, Any], extra: list[str], columns: int) -> str:
    """Why a row has more cells than the header has columns."""
    value = str(row.get("value") or "").strip()
    if value.lstrip("-").isdigit() and extra[0].strip().isdigit():
        hint = f"a decimal comma? write {value}.{extra[0].strip()}, or put the value in quotes"
    else:
        hint = "a comma inside a cell? put the cell in quotes"
    return f"{columns + len(extra)} cells where the header names {columns} columns ({hint})"


def _check_target(
    judgement: str, rid: str, scenario: str, statements: dict[str, Statement], inferences: set[str]
) -> None:
    if judgement not in SCALES:
        raise ValueError(f"{judgement!r} is not a judgement (prior, credibility, strength, rating)")
    if judgement == "strength":
        if rid not in inferences:
            raise ValueError(f"the map has no inference {rid!r}")
        return
    if rid not in statements:
        raise ValueError(f"the map has no statement {rid!r}")
    target = scenario if judgement == "rating" else rid if judgement == "prior" else ""
    if target:
        found = statements.get(target)
        if found is None or found.kind is not StatementKind.SCENARIO:
            raise ValueError(f"{target!r} is not a scenario of the map")
    elif judgement == "rating":
        raise ValueError("a rating row needs the scenario's id in the scenario column")
    if judgement == "rating" and (kind := statements[rid].kind) in NOT_EVIDENCE:
        raise ValueError(f"{rid!r} is a {kind.value}, not evidence")


def _set(layer: Layer, judgement: str, rid: str, scenario: str, value: str) -> None:
    none = value.lower() in NONE_WORDS
    if judgement == "rating":
        rating = None if none else _rating(value)
        layer.ratings.append(LayerRating(evidence=rid, scenario=scenario, rating=rating))
    elif judgement == "prior":
        layer.prior[rid] = None if none else _prior(value)
    else:
        table: dict[str, float | None] = getattr(layer, judgement)
        table[rid] = None if none else parse_probability(value)


def _rating(value: str) -> AchRating:
    try:
        return AchRating(value.upper())
    except ValueError:
        raise ValueError(f"{value!r} is not an ACH rating (CC, C, N, I, II)") from None


def _prior(value: str) -> float:
    text = value.replace("%", "").strip()
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a prior (a number >= 0 or a percentage)") from None
    if not (number >= 0.0 and number < float("inf")):
        raise ValueError(f"{value!r} is not a prior (a number >= 0 or a percentage)")
    return number / 100.0 if "%" in value else number
