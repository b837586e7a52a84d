"""ACH matrix CSV: every cell with its rating, how it came about (explicit, derived, blank),
what the map implies, its weight; the row weights; diagnosticity; no cell can start a
spreadsheet formula."""

from __future__ import annotations

import csv
import io

import pytest

from argmap.interop.ach_csv import dumps_ach_csv
from argmap.model import AchRating, AchRow, ArgMap, Rating, RowLevel, Statement, StatementKind

A, B = "Ceasefire agreed by spring", "War of attrition continues"


def _rows(doc: ArgMap) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(dumps_ach_csv(doc), newline="")))


def test_every_cell_says_how_it_came_about(sample_map: ArgMap) -> None:
    rows = {r["evidence_id"]: r for r in _rows(sample_map)}
    assert list(rows) == ["s-e1", "s-e2", "s-o"]
    e1, e2, o = rows["s-e1"], rows["s-e2"], rows["s-o"]
    assert (e1[A], e1[f"{A} (rated)"], e1[f"{A} (map)"]) == ("CC", "explicit", "C")
    assert (e1[B], e1[f"{B} (rated)"], e1[f"{B} (map)"]) == ("I", "explicit", "C")
    assert (e2[A], e2[f"{A} (rated)"], e2[f"{A} (map)"]) == ("I", "derived", "I")
    assert (o[B], o[f"{B} (rated)"], o[f"{B} (map)"]) == ("", "", "")  # blank
    assert (e1["diagnosticity"], e2["diagnosticity"], o["diagnosticity"]) == ("3", "2", "")
    assert o["status"] == "judged against fewer than two scenarios"
    assert e2["evidence"] == "Russia claims *big* gains"


def test_type_date_and_row_weights(sample_map: ArgMap) -> None:
    doc = sample_map.model_copy(deep=True)
    doc.ach_rows = [AchRow(evidence="s-e2", relevance=RowLevel.LOW)]
    doc.ratings.append(Rating(evidence="s-o", scenario="s-b", rating=AchRating.NA))
    rows = {r["evidence_id"]: r for r in _rows(doc)}
    e1, e2, o = rows["s-e1"], rows["s-e2"], rows["s-o"]
    assert (e1["type"], e1["date"], e2["date"]) == ("evidence", "2025-11-10", "")
    assert (e1["statement credibility"], e1["credibility"], e1["credibility set"]) == (
        "0.9",
        "high",
        "default",
    )
    assert (e2["relevance"], e2["relevance set"], e2["weight"]) == ("low", "explicit", "0.707107")
    assert e1[f"{A} (weight)"] == "1.41421"
    assert (o[B], o[f"{B} (rated)"], o["connected"]) == ("NA", "explicit", "yes")


def test_header_and_formula_like_text() -> None:
    doc = ArgMap(
        statements=[
            Statement(id="s1", kind=StatementKind.SCENARIO, text="=HYPERLINK(x)"),
            Statement(id="s2", kind=StatementKind.SCENARIO, text="=HYPERLINK(x)"),
            Statement(id="e", kind=StatementKind.EVIDENCE, text='-1 % growth, "flat"\nyear'),
        ],
        ratings=[Rating(evidence="e", scenario="s1", rating=AchRating.I)],
    )
    text = dumps_ach_csv(doc)
    header = next(csv.reader(io.StringIO(text)))
    assert header[11:19] == [
        "'=HYPERLINK(x)", "'=HYPERLINK(x) (rated)", "'=HYPERLINK(x) (map)",
        "'=HYPERLINK(x) (weight)", "'=HYPERLINK(x) [s2]", "'=HYPERLINK(x) [s2] (rated)",
        "'=HYPERLINK(x) [s2] (map)", "'=HYPERLINK(x) [s2] (weight)",
    ]  # fmt: skip
    assert _rows(doc)[0]["evidence"] == '\'-1 % growth, "flat" year'
    assert _rows(doc)[0]["connected"] == "no"  # rated in ACH only


FORMULAS = ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\uff1d1+1",
            "\uff0bcmd", "\uff0d1", "\uff20SUM(A1)", "\t=1", "\r=1"]  # fmt: skip


@pytest.mark.parametrize("formula", FORMULAS)
def test_no_cell_starts_a_formula_in_any_column(formula: str) -> None:
    doc = ArgMap(
        statements=[
            Statement(id=formula, kind=StatementKind.SCENARIO, text=formula),
            Statement(id=formula + "e", kind=StatementKind.EVIDENCE, text=formula),
        ],
    )
    doc.ratings.append(Rating(evidence=formula + "e", scenario=formula, rating=AchRating.I))
    for row in csv.reader(io.StringIO(dumps_ach_csv(doc), newline="")):
        for cell in row:
            assert cell[:1] not in set("=+-@\t\r\uff1d\uff0b\uff0d\uff20"), (cell, row)


def test_rows_end_with_crlf_as_csv_files_do(sample_map: ArgMap) -> None:
    text = dumps_ach_csv(sample_map)
    lines = text.split("\r\n")
    assert lines[-1] == "" and len(lines) == 1 + len(_rows(sample_map)) + 1
    assert "\n" not in "".join(lines)
