"""Each writer's whole output for a fixed map, byte for byte (a changed output is a
changed file for the user: review the diff, then refresh the expected files with
``ARGMAP_UPDATE_GOLDEN=1 pytest tests/unit/interop/test_golden_outputs.py``).

The fixed map (the ``sample_map`` fixture) has every kind of statement and inference, a
scheme, a quote and a linked argument; the AIF/OVA files are also written back from an
imported OVA save, whose ids, dialogue and layout must come back as they were read.
The Markdown report is written for a map without scenarios, and the ACH CSV not at all:
their weights and scores come from the scenario analysis, which its own tests check.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from argmap.interop.aif_reader import read_aif
from argmap.interop.aif_writer import dumps_aif
from argmap.interop.argdown_writer import dumps_argdown
from argmap.interop.dot_writer import dumps_dot
from argmap.interop.markdown_report import dumps_markdown
from argmap.model import (
    ArgMap,
    Inference,
    InferenceKind,
    Quote,
    Source,
    Statement,
    StatementKind,
)

GOLDEN = Path(__file__).resolve().parents[2] / "fixtures" / "golden"
NOW = datetime(2026, 1, 2, 3, 4, 5)


def _with_notes_and_tags(doc: ArgMap) -> ArgMap:
    doc.title = "Ceasefire talks\r\nround two"
    doc.statements.append(
        Statement(
            id="s-n",
            kind=StatementKind.ASSUMPTION,
            text="Line one\r\nline two\rline three",
            notes="A note\nover two lines",
            tags=["economy", "war"],
        )
    )
    doc.statements.append(Statement(id="s-p", kind=StatementKind.PREMISE, text="?!"))
    doc.statements.append(  # the same words as s-e2: Argdown titles must differ
        Statement(id="s-d", kind=StatementKind.PREMISE, text="Russia claims big gains")
    )
    doc.inferences[0].strength = 0.75
    doc.inferences[0].notes = "Strong link"
    return doc


def _report_map() -> ArgMap:
    """A map without scenarios (their weights belong to the analysis): a question found
    by its kind, roots out of order, a source known only by its address, a quote over
    two lines."""
    text = "First line of the quote\nsecond line of it.\n\nUnquoted rest."
    source = Source.from_text("src-1", text, url="https://example.org/talks")
    return ArgMap(
        sources=[source],
        quotes=[Quote.from_range("q-1", "src-1", text, 0, text.index("\n\n"))],
        statements=[
            Statement(id="s-c", kind=StatementKind.CLAIM, text="Talks resume [soon]"),
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Will talks resume?"),
            Statement(id="s-e", kind=StatementKind.EVIDENCE, text="Envoys met", quotes=["q-1"]),
            Statement(id="s-o", kind=StatementKind.OBJECTION, text="Envoys meet often"),
            Statement(id="s-u", kind=StatementKind.ASSUMPTION, text="Meetings mean intent"),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-e"], conclusion="s-c"),
            Inference(id="i-2", premises=["s-o"], conclusion="s-c", kind=InferenceKind.ATTACK),
            Inference(id="i-3", premises=["s-u"], conclusion="i-1", kind=InferenceKind.UNDERCUT),
            Inference(id="i-4", premises=["s-c"], conclusion="s-q"),
        ],
    )


# file name -> what writes it, from (the sample map, the imported OVA save)
CASES: dict[str, Callable[[ArgMap, ArgMap], str]] = {
    "sample.dot": lambda sample, _ova: dumps_dot(sample),
    "sample.argdown": lambda sample, _ova: dumps_argdown(sample),
    "sample.aif.json": lambda sample, _ova: dumps_aif(sample, now=NOW),
    "sample.ova.json": lambda sample, _ova: dumps_aif(sample, "ova", now=NOW),
    "ova3-resaved.ova.json": lambda _sample, ova: dumps_aif(ova, "ova", now=NOW),
    "ova3-resaved.aif.json": lambda _sample, ova: dumps_aif(ova, "aifdb", now=NOW),
    "report.md": lambda _sample, _ova: dumps_markdown(_report_map()),
    "empty-report.md": lambda _sample, _ova: dumps_markdown(ArgMap()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_writer_output_is_exactly_the_expected_file(
    name: str, sample_map: ArgMap, fixtures_dir: Path
) -> None:
    ova = read_aif(fixtures_dir / "ova3_save.json").doc
    text = CASES[name](_with_notes_and_tags(sample_map), ova)
    path = GOLDEN / name
    if os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1":
        path.write_bytes(text.encode("utf-8"))
    assert text == path.read_bytes().decode("utf-8")
