"""Wide, unfolded maps for the first-view tests: a question, several scenarios, and
premises with evidence under every scenario, nothing collapsed (issue #15)."""

from __future__ import annotations

from pathlib import Path

from argmap.io.map_file import load_map
from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample.argmap.json"

_SCENARIOS = [
    "A negotiated ceasefire holds along the current line",
    "A comprehensive peace deal with security guarantees",
    "A frozen conflict without any formal agreement",
    "A war of attrition continues through next year",
    "A truce breaks down within months of signing",
    "Escalation draws in neighbouring states",
    "Regime change in one capital ends the war",
    "Something else entirely",
]
_PREMISE = "Premise {k} under scenario {n}: the talks' pace and the front line suggest it"
_EVIDENCE = "Evidence {k}.{j}: a report from the wire service says so in plain words"


def wide_map(scenarios: int = 7, premises: int = 3, evidence: int = 2) -> ArgMap:
    """A focal question, ``scenarios`` scenarios, ``premises`` premises under each (one
    of them an objection) and ``evidence`` pieces of evidence under every premise."""
    statements = [
        Statement(
            id="s-q",
            kind=StatementKind.QUESTION,
            text="How will the war in the east end, and when will the fighting stop?",
        )
    ]
    inferences: list[Inference] = []
    for n in range(scenarios):
        sc = f"s-sc{n}"
        statements.append(
            Statement(id=sc, kind=StatementKind.SCENARIO, text=_SCENARIOS[n % 8], prior=1.0)
        )
        inferences.append(Inference(id=f"i-sc{n}", premises=[sc], conclusion="s-q"))
        for k in range(premises):
            pid = f"s-p{n}-{k}"
            attack = k == premises - 1 and premises > 1
            kind = StatementKind.OBJECTION if attack else StatementKind.PREMISE
            statements.append(Statement(id=pid, kind=kind, text=_PREMISE.format(k=k, n=n)))
            relation = InferenceKind.ATTACK if attack else InferenceKind.SUPPORT
            inferences.append(
                Inference(id=f"i-p{n}-{k}", premises=[pid], conclusion=sc, kind=relation)
            )
            for j in range(evidence):
                eid = f"s-e{n}-{k}-{j}"
                statements.append(
                    Statement(
                        id=eid,
                        kind=StatementKind.EVIDENCE,
                        text=_EVIDENCE.format(k=k, j=j),
                        credibility=0.7,
                    )
                )
                inferences.append(Inference(id=f"i-e{n}-{k}-{j}", premises=[eid], conclusion=pid))
    return ArgMap(title="Wide map", question="s-q", statements=statements, inferences=inferences)


def unfolded_sample() -> ArgMap:
    """The bundled sample with every card unfolded."""
    doc = load_map(SAMPLE)
    return doc.model_copy(update={"view": doc.view.model_copy(update={"collapsed": []})})
