"""ACH matrix CSV: evidence rows, scenario columns, credibility and diagnosticity; explicit
ratings marked apart from derived ones, analyst credibility apart from computed; no cell
can start a spreadsheet formula."""

from __future__ import annotations

import csv
import io

import pytest

from argmap.interop import analysis_view
from argmap.interop.ach_csv import dumps_ach_csv
from argmap.model import AchRating, ArgMap, Rating, Statement, StatementKind


def _rows(doc: ArgMap) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(dumps_ach_csv(doc), newline="")))


@pytest.fixture
def without_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis_view, "_analyzer", lambda: None)


@pytest.mark.usefixtures("without_analysis")
def test_explicit_ratings_fill_the_matrix(sample_map: ArgMap) -> None:
    rows = _rows(sample_map)
    assert [r["evidence_id"] for r in rows] == ["s-e1", "s-e2"]
    first, second = rows
    assert first["Ceasefire agreed by spring"] == "CC"
    assert first["Ceasefire agreed by spring (rated)"] == "explicit"
    assert first["War of attrition continues"] == "I"
    assert first["analyst credibility"] == "0.9"
    assert first["computed credibility"] == ""  # no analysis in this build
    assert first["diagnosticity"] == "3"  # CC (+2) to I (-1)
    assert second["Ceasefire agreed by spring"] == ""  # not rated
    assert second["Ceasefire agreed by spring (rated)"] == ""
    assert second["diagnosticity"] == ""  # one rating cannot discriminate
    assert second["evidence"] == "Russia claims *big* gains"


@pytest.mark.usefixtures("without_analysis")
def test_header_and_formula_like_text() -> None:
    doc = ArgMap(
        statements=[
            Statement(id="s1", kind=StatementKind.SCENARIO, text="=HYPERLINK(x)"),
            Statement(id="s2", kind=StatementKind.SCENARIO, text="=HYPERLINK(x)"),
            Statement(id="e", kind=StatementKind.EVIDENCE, text='-1 % growth, "flat"\nyear'),
        ]
    )
    text = dumps_ach_csv(doc)
    header = next(csv.reader(io.StringIO(text)))
    assert header == [
        "evidence_id", "evidence", "analyst credibility", "computed credibility",
        "'=HYPERLINK(x)", "'=HYPERLINK(x) (rated)",
        "'=HYPERLINK(x) [s2]", "'=HYPERLINK(x) [s2] (rated)", "diagnosticity",
    ]  # fmt: skip
    assert _rows(doc)[0]["evidence"] == '\'-1 % growth, "flat" year'


def test_analysis_ratings_are_used_when_the_build_has_them(sample_map: ArgMap) -> None:
    if analysis_view._analyzer() is None:
        pytest.skip("argmap.analysis has no analyze() in this build")
    rows = _rows(sample_map)
    assert {r["Ceasefire agreed by spring"] for r in rows} <= {"CC", "C", "N", "I", "II"}
    assert all(r["diagnosticity"] != "" for r in rows)
    by_id = {r["evidence_id"]: r for r in rows}
    # The analyst rated s-e1 for both scenarios; everything else the map implies.
    assert by_id["s-e1"]["Ceasefire agreed by spring (rated)"] == "explicit"
    assert by_id["s-e1"]["War of attrition continues (rated)"] == "explicit"
    assert by_id["s-e2"]["Ceasefire agreed by spring (rated)"] == "derived"
    assert by_id["s-e2"]["War of attrition continues (rated)"] == "explicit"
    # s-e1's analyst value is 0.9; the analysis computes its own (here after no attack).
    assert by_id["s-e1"]["analyst credibility"] == "0.9"
    assert by_id["s-e1"]["computed credibility"] != ""
    assert by_id["s-e2"]["analyst credibility"] == ""  # not judged by the analyst
    assert by_id["s-e2"]["computed credibility"] != ""  # the analysis still uses a value


FORMULAS = ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\uff1d1+1",
            "\uff0bcmd", "\uff0d1", "\uff20SUM(A1)", "\t=1", "\r=1"]  # fmt: skip


@pytest.mark.usefixtures("without_analysis")
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
