"""ACH matrix CSV: evidence rows, scenario columns, credibility and diagnosticity."""

from __future__ import annotations

import csv
import io

import pytest

from argmap.interop import analysis_view
from argmap.interop.ach_csv import dumps_ach_csv
from argmap.model import ArgMap, Statement, StatementKind


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
    assert first["War of attrition continues"] == "I"
    assert first["credibility"] == "0.9"
    assert first["diagnosticity"] == "3"  # CC (+2) to I (-1)
    assert second["Ceasefire agreed by spring"] == ""  # not rated
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
        "evidence_id", "evidence", "credibility",
        "'=HYPERLINK(x)", "'=HYPERLINK(x) [s2]", "diagnosticity",
    ]  # fmt: skip
    assert _rows(doc)[0]["evidence"] == '\'-1 % growth, "flat" year'


def test_analysis_ratings_are_used_when_the_build_has_them(sample_map: ArgMap) -> None:
    if analysis_view._analyzer() is None:
        pytest.skip("argmap.analysis has no analyze() in this build")
    rows = _rows(sample_map)
    assert {r["Ceasefire agreed by spring"] for r in rows} <= {"CC", "C", "N", "I", "II"}
    assert all(r["diagnosticity"] != "" for r in rows)


def test_rows_end_with_crlf_as_csv_files_do(sample_map: ArgMap) -> None:
    text = dumps_ach_csv(sample_map)
    lines = text.split("\r\n")
    assert lines[-1] == "" and len(lines) == 1 + len(_rows(sample_map)) + 1
    assert "\n" not in "".join(lines)
