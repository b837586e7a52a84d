"""A whole Markdown report, word for word, for a small map: the question first whatever the
order of the statements, every scenario with its prior and weight and its signposts (one
not yet seen, one without words), the note on where the weights come from, a control
character dropped, and the last line kept whole."""

from __future__ import annotations

from argmap.interop.markdown_report import dumps_markdown
from argmap.model import ArgMap, Inference, Signpost, Statement, StatementKind


def test_a_small_maps_report_word_for_word() -> None:
    doc = ArgMap(
        title="Talks",
        question="q",
        statements=[
            Statement(id="a", kind=StatementKind.SCENARIO, text="Deal", prior=3),
            Statement(id="b", kind=StatementKind.SCENARIO, text="No deal", prior=1),
            Statement(id="e", kind=StatementKind.EVIDENCE, text="Plan X"),
            Statement(id="q", kind=StatementKind.QUESTION, text="Will\x07 they agree?"),
        ],
        inferences=[
            Inference(id="qa", premises=["a"], conclusion="q"),
            Inference(id="qb", premises=["b"], conclusion="q"),
        ],
        signposts=[
            Signpost(id="sp1", scenario="a", text="Envoys named"),
            Signpost(id="sp2", scenario="b", text=""),
        ],
    )
    assert dumps_markdown(doc) == (
        "# Talks\n\n**Question:** Will they agree?\n\n## Scenarios\n\n"
        "- **Deal** — prior 75 %, weight 75 %\n\n"
        "    - Signpost (not seen): Envoys named\n\n"
        "- **No deal** — prior 25 %, weight 25 %\n\n"
        "    - Signpost (not seen): —\n\n"
        "_Weights: argmap's scenario analysis of the evidence in this map._\n\n"
        "## Arguments\n\n"
        "- **Question:** Will they agree?\n\n"
        "    - *Supported by*:\n\n        - **Scenario:** Deal\n\n"
        "    - *Supported by*:\n\n        - **Scenario:** No deal\n\n"
        "- **Evidence:** Plan X\n"
    )
