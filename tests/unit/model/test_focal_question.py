"""One focal question for every reader: the chosen one, else the first question card."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.analysis.report import analyze
from argmap.interop.markdown_report import dumps_markdown
from argmap.io.map_file import save_map
from argmap.model import ArgMap, Inference, Statement, StatementKind
from argmap.model.edit_steps import EditError
from argmap.model.focal_question import focal_question, question_choices, with_focal_question
from argmap.model.map_index import MapIndex
from argmap.model.map_properties import set_map_properties, with_focus_claimed
from argmap.model.map_template import question_and_scenarios
from argmap.model.validation import validate


def _unset_question_map() -> ArgMap:
    """The issue's map: a claim, then a question card with two scenarios, no question set."""
    return ArgMap(
        statements=[
            Statement(id="s-c", kind=StatementKind.CLAIM, text="Talks began"),
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Will talks succeed?"),
            Statement(id="s-a", kind=StatementKind.SCENARIO, text="Deal", prior=1.0),
            Statement(id="s-b", kind=StatementKind.SCENARIO, text="No deal", prior=1.0),
        ],
        inferences=[
            Inference(id="i-a", premises=["s-a"], conclusion="s-q"),
            Inference(id="i-b", premises=["s-b"], conclusion="s-q"),
        ],
    )


def test_the_chosen_question_wins_else_the_first_question_card() -> None:
    doc = _unset_question_map()
    assert focal_question(doc) == "s-q"
    doc.question = "s-c"  # a question chosen among other kinds is still the choice
    assert focal_question(doc) == "s-c"
    assert [s.id for s in question_choices(doc)] == ["s-c", "s-q"]
    assert focal_question(ArgMap()) is None


def test_report_markdown_and_file_agree_on_an_unset_question(tmp_path: Path) -> None:
    doc = _unset_question_map()
    assert analyze(doc).question_text == "Will talks succeed?"
    assert "**Question:** Will talks succeed?" in dumps_markdown(doc)
    assert with_focal_question(doc).question == "s-q"
    assert doc.question is None  # a copy: the map itself is not changed
    path = tmp_path / "m.argmap.json"
    save_map(doc, path)
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "analyze", "--json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(run.stdout)["question"] == {"id": "s-q", "text": "Will talks succeed?"}


def test_map_properties_edit_is_exactly_undone() -> None:
    ix = MapIndex(_unset_question_map())
    before = ix.doc.model_dump()
    edit = set_map_properties(
        ix, title="T", question="s-q", analyst="A", as_of=" 2025-06-01 ", description="D"
    )
    ix.apply(edit)
    assert (ix.doc.title, ix.doc.question, ix.doc.as_of) == ("T", "s-q", "2025-06-01")
    ix.apply(edit.inverse())
    assert ix.doc.model_dump() == before
    assert not set_map_properties(ix, title="", source_policy="")  # nothing changes


@pytest.mark.parametrize(
    ("values", "words"),
    [({"question": "s-gone"}, "no statement"), ({"as_of": "June"}, "YYYY-MM-DD"),
     ({"sources": []}, "cannot be set")],
)  # fmt: skip
def test_bad_map_properties_are_refused(values: dict[str, object], words: str) -> None:
    with pytest.raises(EditError, match=words):
        set_map_properties(MapIndex(_unset_question_map()), **values)


def test_a_first_question_card_claims_the_focus_only_when_none_exists() -> None:
    from argmap.model import edits  # noqa: PLC0415

    ix = MapIndex(ArgMap())
    edit = edits.add_statement(ix, "Q?", StatementKind.QUESTION, statement_id="s-1")
    ix.apply(with_focus_claimed(ix, edit, "s-1", StatementKind.QUESTION))
    assert ix.doc.question == "s-1"
    edit = edits.add_statement(ix, "Q2?", StatementKind.QUESTION, statement_id="s-2")
    claimed = with_focus_claimed(ix, edit, "s-2", StatementKind.QUESTION)
    assert claimed == edit  # the map has its question already


def test_the_new_map_template_is_valid_and_has_its_question() -> None:
    doc = question_and_scenarios()
    assert validate(doc) == []
    assert focal_question(doc) == doc.statements[0].id
    assert [s.kind for s in doc.statements[1:]] == [StatementKind.SCENARIO] * 2
