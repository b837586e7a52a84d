"""A Delphi round's judgement sheet, in process: the blank sheet lists every judgement of the
map once (never the question's credibility nor a scenario's link to the question), and a
filled sheet comes back as a layer with every value read as typed and every unusable row
named with its line and why."""

from __future__ import annotations

import pytest
from layer_maps import two_scenarios

from argmap.interop.judgement_sheet import SheetError, dumps_sheet, read_sheet, sheet_rows
from argmap.model import AchRating, ArgMap, Inference, InferenceKind, Statement, StatementKind

PRIOR = "relative weight: any number >= 0 or a percentage"
CREDIBILITY = '"0-1, 0-100 % or words: almost no chance ... almost certain"'
STRENGTH = '"0-1 or 0-100 %: how strongly the premises, if true, bear on the conclusion"'
RATING = '"CC, C, N, I, II (consistent ... inconsistent) or NA (not applicable)"'
HEADER = "judgement,id,scenario,value\n"


def test_the_blank_sheet_lists_every_judgement_with_its_scale_and_an_empty_value() -> None:
    assert dumps_sheet(two_scenarios()).split("\r\n") == [
        "judgement,id,scenario,text,scale,value",
        f"prior,a,,Scenario A,{PRIOR},",
        f"prior,b,,Scenario B,{PRIOR},",
        f"credibility,e1,,Report one,{CREDIBILITY},",
        f"credibility,e2,,Report two,{CREDIBILITY},",
        f"strength,i1,,Report one → Scenario A,{STRENGTH},",
        f"strength,i2,,Report two → Scenario B,{STRENGTH},",
        f"rating,e1,a,Report one / Scenario A,{RATING},",
        f"rating,e1,b,Report one / Scenario B,{RATING},",
        f"rating,e2,a,Report two / Scenario A,{RATING},",
        f"rating,e2,b,Report two / Scenario B,{RATING},",
        "",
    ]


def test_a_sheet_of_some_kinds_lists_only_those() -> None:
    doc = two_scenarios()
    assert [r[:3] for r in sheet_rows(doc, ("prior", "strength"))] == [
        ("prior", "a", ""),
        ("prior", "b", ""),
        ("strength", "i1", ""),
        ("strength", "i2", ""),
    ]
    assert [r[:3] for r in sheet_rows(doc, ("rating",))] == [
        ("rating", "e1", "a"),
        ("rating", "e1", "b"),
        ("rating", "e2", "a"),
        ("rating", "e2", "b"),
    ]
    assert dumps_sheet(doc, ("credibility",)).split("\r\n")[1:] == [
        f"credibility,e1,,Report one,{CREDIBILITY},",
        f"credibility,e2,,Report two,{CREDIBILITY},",
        "",
    ]


def test_each_kind_of_inference_reads_as_a_sentence_and_missing_texts_show_their_ids() -> None:
    doc = two_scenarios()
    doc.statements.append(
        Statement(id="o", kind=StatementKind.OBJECTION, text="  Report\n one   is\told ")
    )
    doc.inferences += [
        Inference(id="u", premises=["o"], conclusion="i1", kind=InferenceKind.UNDERCUT),
        Inference(id="x", premises=["e2", "e1"], conclusion="a", kind=InferenceKind.ATTACK),
        Inference(id="g", premises=["gone"], conclusion="lost"),
    ]
    assert sheet_rows(doc, ("credibility", "strength"))[2:] == [
        ("credibility", "o", "", "Report one is old"),
        ("strength", "i1", "", "Report one → Scenario A"),
        ("strength", "i2", "", "Report two → Scenario B"),
        ("strength", "u", "", "Report one is old undercuts i1"),
        ("strength", "x", "", "Report two + Report one ⊣ (against) Scenario A"),
        ("strength", "g", "", "gone → lost"),
    ]


def test_a_map_without_scenarios_has_no_prior_or_rating_rows() -> None:
    doc = ArgMap(
        title="No scenarios",
        statements=[
            Statement(id="q", kind=StatementKind.QUESTION, text="Why?"),
            Statement(id="e", kind=StatementKind.EVIDENCE, text="A report"),
            Statement(id="c", kind=StatementKind.CLAIM, text="A claim"),
        ],
        inferences=[Inference(id="i", premises=["e"], conclusion="c")],
    )
    assert sheet_rows(doc) == [
        ("credibility", "e", "", "A report"),
        ("credibility", "c", "", "A claim"),
        ("strength", "i", "", "A report → A claim"),
    ]


def test_a_text_a_spreadsheet_would_run_is_written_as_text() -> None:
    doc = two_scenarios()
    doc.statements[3].text = "=SUM(A1)"
    doc.statements[4].id = "-e2"
    doc.inferences[1].premises = ["-e2"]
    lines = dumps_sheet(doc, ("credibility",)).split("\r\n")
    assert lines[1] == f"credibility,e1,,'=SUM(A1),{CREDIBILITY},"
    assert lines[2] == f"credibility,'-e2,,Report two,{CREDIBILITY},"


def test_filled_values_are_read_as_typed_into_the_named_layer() -> None:
    sheet = (
        HEADER
        + "prior,a,,3\n"
        + "prior,b,,25 %\n"
        + "credibility,e1,,20 %\n"
        + "credibility,e2,,likely\n"
        + "strength,i1,,0.5\n"
        + "strength,i2,,\n"
        + "rating,e1,a,cc\n"
        + "rating,e1,b,ii\n"
        + "rating,e2,a,\n"
        + "rating,e2,b,na\n"
    )
    got = read_sheet(two_scenarios(), sheet, "Alice")
    assert got.problems == []
    assert (got.filled, got.blank) == (8, 2)
    layer = got.layer
    assert layer.name == "Alice"
    assert layer.prior == {"a": 3.0, "b": 0.25}
    assert layer.credibility == {"e1": 0.2, "e2": 0.675}
    assert layer.strength == {"i1": 0.5}
    assert [(r.evidence, r.scenario, r.rating) for r in layer.ratings] == [
        ("e1", "a", AchRating.CC),
        ("e1", "b", AchRating.II),
        ("e2", "b", AchRating.NA),
    ]
    assert got.summary() == (
        "layer 'Alice': 8 judgements (2 credibility, 1 strength, 2 prior, 3 ACH rating); "
        "2 rows left blank keep the map's own values"
    )


def test_a_sheet_with_nothing_blank_says_nothing_of_blank_rows() -> None:
    got = read_sheet(two_scenarios(), HEADER + "prior,a,,0\n", "Bob")
    assert got.layer.prior == {"a": 0.0}  # no weight at all is a prior too
    assert (
        got.summary()
        == "layer 'Bob': 1 judgements (0 credibility, 0 strength, 1 prior, 0 ACH rating)"
    )


def test_none_sets_a_judgement_to_not_judged_in_any_of_its_spellings() -> None:
    sheet = (
        HEADER
        + "prior,a,,None\n"
        + "credibility,e1,,not judged\n"
        + "strength,i1,,NO PRIOR\n"
        + "rating,e1,a,no rating\n"
    )
    got = read_sheet(two_scenarios(), sheet, "Carol")
    assert got.problems == [] and got.filled == 4
    assert got.layer.prior == {"a": None}
    assert got.layer.credibility == {"e1": None}
    assert got.layer.strength == {"i1": None}
    assert [(r.evidence, r.scenario, r.rating) for r in got.layer.ratings] == [("e1", "a", None)]


def test_spreadsheet_habits_are_met() -> None:
    # A byte-order mark, ';' as the separator, headers in capitals behind a "'", cells
    # behind the "'" the writer put before them, padding, and a line of empty cells.
    sheet = (
        "\ufeff'Judgement; ID ;Scenario;Text;Value\r\n"
        "'credibility;'e1;;'=x; 0.4 \r\n"
        ";;;;\r\n"
        " STRENGTH ;i1;;;1\r\n"
    )
    got = read_sheet(two_scenarios(), sheet, "Dan")
    assert got.problems == [] and (got.filled, got.blank) == (2, 0)
    assert got.layer.credibility == {"e1": 0.4}
    assert got.layer.strength == {"i1": 1.0}


def test_a_tab_separated_sheet_is_read() -> None:
    sheet = "judgement\tid\tscenario\tvalue\nrating\te2\tb\tC\n"
    got = read_sheet(two_scenarios(), sheet, "Eve")
    assert got.problems == []
    assert [(r.evidence, r.scenario, r.rating) for r in got.layer.ratings] == [
        ("e2", "b", AchRating.C)
    ]


def test_every_unusable_row_is_named_with_its_line_and_why() -> None:
    sheet = (
        HEADER  # line 1
        + "guess,e1,,0.5\n"  # 2
        + "strength,e1,,0.5\n"  # 3
        + "credibility,e404,,0.3\n"  # 4
        + "prior,e1,,2\n"  # 5
        + "prior,zz,,2\n"  # 6
        + "rating,e1,,C\n"  # 7
        + "rating,e1,e2,C\n"  # 8
        + "rating,e1,nope,C\n"  # 9
        + "rating,b,a,C\n"  # 10
        + "rating,q,a,C\n"  # 11
        + "rating,e1,a,X\n"  # 12
        + "prior,a,,-1\n"  # 13
        + "prior,b,,lots\n"  # 14
        + "credibility,e2,,maybe\n"  # 15
        + "credibility,e1,,0.3\n"  # 16
        + "credibility,e1,a,0.4\n"  # 17: the scenario column does not make it another row
        + "rating,e2,a,C\n"  # 18
        + "rating,e2,b,C\n"  # 19: another scenario, another cell
        + "rating,e2,a,I\n"  # 20
    )
    got = read_sheet(two_scenarios(), sheet, "Fay")
    assert got.problems == [
        "line 2: 'guess' is not a judgement (prior, credibility, strength, rating)",
        "line 3: the map has no inference 'e1'",
        "line 4: the map has no statement 'e404'",
        "line 5: 'e1' is not a scenario of the map",
        "line 6: the map has no statement 'zz'",
        "line 7: a rating row needs the scenario's id in the scenario column",
        "line 8: 'e2' is not a scenario of the map",
        "line 9: 'nope' is not a scenario of the map",
        "line 10: 'b' is a scenario, not evidence",
        "line 11: 'q' is a question, not evidence",
        "line 12: 'X' is not an ACH rating (CC, C, N, I, II)",
        "line 13: '-1' is not a prior (a number >= 0 or a percentage)",
        "line 14: 'lots' is not a prior (a number >= 0 or a percentage)",
        "line 15: unknown likelihood 'maybe'; expected one of: almost no chance, very "
        "unlikely, unlikely, roughly even chance, likely, very likely, almost certain",
        "line 17: judged again (first on line 16); the first value is kept",
        "line 20: judged again (first on line 18); the first value is kept",
    ]
    assert got.filled == 3
    assert got.layer.credibility == {"e1": 0.3}
    assert [(r.evidence, r.scenario, r.rating) for r in got.layer.ratings] == [
        ("e2", "a", AchRating.C),
        ("e2", "b", AchRating.C),
    ]


@pytest.mark.parametrize("value", ["inf", "nan", "-0.5 %"])
def test_a_prior_must_be_a_finite_number_not_below_zero(value: str) -> None:
    got = read_sheet(two_scenarios(), HEADER + f"prior,a,,{value}\n", "Gus")
    assert got.problems == [f"line 2: {value!r} is not a prior (a number >= 0 or a percentage)"]
    assert got.layer.prior == {}


@pytest.mark.parametrize("text", ["", "  \n\n", "\ufeff"])
def test_an_empty_sheet_is_refused(text: str) -> None:
    with pytest.raises(SheetError, match=r"^the sheet is empty$"):
        read_sheet(two_scenarios(), text, "Hal")


def test_a_sheet_without_the_needed_columns_names_them() -> None:
    with pytest.raises(SheetError) as caught:
        read_sheet(two_scenarios(), "name,id,score\nAlice,e1,3\n", "Ida")
    assert str(caught.value) == (
        "the sheet has no judgement, value column; its first line must name the columns "
        "judgement, id, scenario, text, scale, value (as `argmap layers sheet` writes them)"
    )
    with pytest.raises(SheetError, match="^the sheet has no id column;"):
        read_sheet(two_scenarios(), "judgement;value\ncredibility;0.1\n", "Ida")


def test_a_row_that_corrects_an_unusable_one_below_it_is_read() -> None:
    # A value that cannot be used is not a first value kept: the row after it that judges
    # the same thing again is the analyst's judgement (it was refused as "judged again",
    # and with --skip-bad the judgement was lost).
    sheet = HEADER + "credibility,e1,,maybe\n" + "credibility,e1,,likely\n" + "prior,a,,-1\n"
    sheet += "prior,a,,2\n"
    got = read_sheet(two_scenarios(), sheet, "Jo")
    assert [p.split(":")[0] for p in got.problems] == ["line 2", "line 4"]
    assert got.layer.credibility == {"e1": 0.675}
    assert got.layer.prior == {"a": 2.0}


def test_a_sheet_of_headers_only_is_an_empty_layer() -> None:
    got = read_sheet(two_scenarios(), "judgement;id;scenario;text;scale;value", "Kim")
    assert (got.filled, got.blank, got.problems) == (0, 0, [])
    assert got.layer.size() == 0


def test_a_row_half_cleared_is_blank_or_named_never_skipped() -> None:
    # Only an id, or only a judgement, and no value: left blank. A value whose row lost
    # its judgement and id is named, not taken for an empty line.
    sheet = HEADER + ",e1,,\n" + "credibility,,,\n" + ",,,0.4\n" + ",,,\n"
    got = read_sheet(two_scenarios(), sheet, "Lee")
    assert got.blank == 2
    assert got.problems == ["line 4: '' is not a judgement (prior, credibility, strength, rating)"]
