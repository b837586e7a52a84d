"""Markdown report: question, scenarios, and the argument outline with quotes and citations."""

from __future__ import annotations

import pytest

from argmap.interop import analysis_view
from argmap.interop.markdown_report import dumps_markdown, md
from argmap.model import ArgMap, Inference, Statement, StatementKind


@pytest.fixture
def without_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis_view, "_analyzer", lambda: None)


@pytest.mark.usefixtures("without_analysis")
def test_question_and_scenarios_with_normalised_priors(sample_map: ArgMap) -> None:
    out = dumps_markdown(sample_map)
    assert out.startswith("# Ceasefire talks\n\n**Question:** Will a ceasefire hold by June?\n")
    assert "| Ceasefire agreed by spring | 75 % |" in out
    assert "| War of attrition continues | 25 % |" in out
    assert "Priors only" in out


def test_weights_come_from_the_analysis_when_the_build_has_it(sample_map: ArgMap) -> None:
    if analysis_view._analyzer() is None:
        pytest.skip("argmap.analysis has no analyze() in this build")
    out = dumps_markdown(sample_map)
    assert "| Scenario | Prior | Weight |" in out
    assert "Priors only" not in out


@pytest.mark.usefixtures("without_analysis")
def test_outline_nests_premises_under_conclusions_with_quotes(sample_map: ArgMap) -> None:
    lines = dumps_markdown(sample_map).split("## Arguments\n\n")[1].splitlines()
    assert lines[0] == "- **Question:** Will a ceasefire hold by June?"
    start = lines.index("- **Scenario:** Ceasefire agreed by spring")
    assert lines[start + 1] == "  - *Supported by* (Cause to effect):"
    assert lines[start + 2] == (
        "    - **Evidence:** Oil & gas revenue fell 26.7 % in October _(credibility 90 %)_"
    )
    assert lines[start + 3] == (
        "      > Budget revenues from oil and gas shrank by 26.7 percent in October."
    )
    assert lines[start + 4] == "      >"
    assert lines[start + 5] == (
        "      > — *Talks On Peace Deal Can Still Rebound*, Eurasia Daily Monitor, 2025-11-10"
    )
    undercut = lines.index("    - *Undercut by*:")
    assert lines[undercut + 1].startswith("      - **Objection:** The figure counts")
    assert "  - *Attacked by*:" in lines
    # Evidence used twice is written out once; the second time it points back.
    repeated = [line for line in lines if "Oil & gas revenue fell" in line]
    assert len(repeated) == 2 and repeated[1].endswith("*(see above)*")


@pytest.mark.usefixtures("without_analysis")
def test_cycles_end_and_every_statement_appears() -> None:
    doc = ArgMap(
        statements=[Statement(id=x, kind=StatementKind.CLAIM, text=x) for x in "abc"],
        inferences=[
            Inference(id="i1", premises=["a"], conclusion="b"),
            Inference(id="i2", premises=["b"], conclusion="a"),
        ],
    )
    out = dumps_markdown(doc)
    for x in "abc":
        assert f"**Claim:** {x}" in out
    assert "_No focal question set._" in out and "_The map has no scenarios._" in out


@pytest.mark.usefixtures("without_analysis")
def test_a_deep_chain_does_not_hit_the_recursion_limit() -> None:
    n = 3000
    doc = ArgMap(
        statements=[
            Statement(id=f"s{k}", kind=StatementKind.CLAIM, text=f"t{k}") for k in range(n)
        ],
        inferences=[
            Inference(id=f"i{k}", premises=[f"s{k}"], conclusion=f"s{k - 1}") for k in range(1, n)
        ],
    )
    out = dumps_markdown(doc)
    assert f"- **Claim:** t{n - 1}" in out


def test_markdown_specials_are_escaped() -> None:
    assert md("a *b* _c_ [d](e) <f> # |g|") == r"a \*b\* \_c\_ \[d\](e) \<f\> \# \|g\|"
