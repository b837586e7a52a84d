"""The sample map with a history: four estimates over a month, a new source on the way
and a signpost seen, for the timeline's tests and screenshots."""

from __future__ import annotations

from argmap.analysis.estimate_history import take_snapshot
from argmap.io.map_file import load_map
from argmap.model import ArgMap, Inference, Quote, SignpostStatus, Source, Statement, StatementKind
from argmap.model.signpost import Signpost
from argmap.resources import resource

REPORT = "Diplomats say Moscow floated a freeze of the front line in exchange for sanctions relief."
STEPS = (
    ("2026-11-03", "first look", {}),
    ("2026-11-12", "Central Bank revises growth to zero", {"s-ev-zero-growth": 0.95}),
    ("2026-11-24", "report of a freeze offer", {"s-sc-frozen": 0.3}),
    ("2026-12-03", "sanctions relief on the table", {"s-sc-frozen": 0.4, "s-sc-attrition": 0.3}),
)


def _new_source(doc: ArgMap) -> None:
    doc.sources.append(Source.from_text("src-wire", REPORT, title="Wire report"))
    doc.quotes.append(Quote.from_range("q-wire", "src-wire", REPORT, 0, len(REPORT)))
    doc.statements.append(
        Statement(id="s-ev-freeze-offer", kind=StatementKind.EVIDENCE, quotes=["q-wire"],
                  text="Moscow floated a freeze for sanctions relief", credibility=0.7)
    )  # fmt: skip
    doc.inferences.append(
        Inference(id="i-freeze-offer", premises=["s-ev-freeze-offer"],
                  conclusion="s-sc-frozen", strength=0.8)
    )  # fmt: skip


def sample_with_history() -> ArgMap:
    """The sample map after four snapshots; a wire report arrives before the third."""
    doc = load_map(str(resource("sample.argmap.json")))
    for as_of, note, changes in STEPS:
        for statement_id, value in changes.items():
            statement = doc.statement(statement_id)
            if statement.kind == StatementKind.SCENARIO:
                statement.prior = value
            else:
                statement.credibility = value
        if as_of == "2026-11-24":
            _new_source(doc)
        doc.snapshots.append(take_snapshot(doc, as_of=as_of, note=note))
    doc.signposts.append(
        Signpost(
            id="sp-quiet",
            scenario="s-sc-frozen",
            text="Line of contact quiet for a week",
            status=SignpostStatus.OBSERVED,
            changed="2026-11-20",
        )  # fmt: skip
    )
    return doc
