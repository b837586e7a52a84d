"""How a tie reads in the Scenarios panel, the CLI and the summary slide: a tie of two or
three names them; a tie of many counts them instead of filling the panel with titles."""

from __future__ import annotations

from argmap.analysis.report import analyze
from argmap.analysis.weights_text import lead_sentence, methods_sentence
from argmap.model import ArgMap, Statement, StatementKind


def _tied_map(n: int, *, leader_prior: float = 1.0) -> ArgMap:
    scenarios = [
        Statement(id=f"s{i}", kind=StatementKind.SCENARIO, text=f"Scenario number {i}", prior=1.0)
        for i in range(n)
    ]
    scenarios[0].prior = leader_prior
    return ArgMap(
        title="t",
        question="q",
        statements=[Statement(id="q", kind=StatementKind.QUESTION, text="What next?"), *scenarios],
    )


def test_a_tie_of_every_one_of_seven_scenarios_is_counted_not_listed() -> None:
    result = analyze(_tied_map(7))
    text = lead_sentence(result)
    assert text == "No scenario leads: all 7 scenarios are tied at 14%."
    assert methods_sentence(result).startswith("The weights are tied;")


def test_a_tie_of_four_at_the_top_of_five_says_how_many() -> None:
    result = analyze(_tied_map(5, leader_prior=0.5))  # s0 trails; s1..s4 share the lead
    assert [s.id for s in result.tied] == ["s1", "s2", "s3", "s4"]
    assert lead_sentence(result) == "No scenario leads: 4 scenarios are tied at 22%."


def test_a_tie_of_two_names_both() -> None:
    text = lead_sentence(analyze(_tied_map(2)))
    assert text == "No scenario leads: 'Scenario number 0' and 'Scenario number 1' are tied at 50%."
