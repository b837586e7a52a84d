"""The bundled sample map: a complete, anchored, rebuildable analyst's map."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import deque
from pathlib import Path
from types import ModuleType

import pytest

from argmap.model import ArgMap, InferenceKind, StatementKind
from argmap.model.source import text_sha256
from argmap.resources import resource

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "scripts" / "build_sample_map.py"
CARD_TEXT_LIMIT = 110
MAX_DEPTH = 5


@pytest.fixture(scope="module")
def sample() -> ArgMap:
    return ArgMap.model_validate_json(resource("sample.argmap.json").read_text(encoding="utf-8"))


def _depths(doc: ArgMap) -> dict[str, int]:
    """Distance of each statement and inference from the question (premises one level down)."""
    assert doc.question is not None
    depth = {doc.question: 0}
    todo = deque([doc.question])
    while todo:
        target = todo.popleft()
        for inf in doc.inferences:
            if inf.conclusion != target or inf.id in depth:
                continue
            # an inference sits at its conclusion's level; its premises one below
            depth[inf.id] = depth[target]
            todo.append(inf.id)
            for premise in inf.premises:
                if premise not in depth:
                    depth[premise] = depth[target] + 1
                    todo.append(premise)
    return depth


def test_loads_with_its_focal_question(sample: ArgMap) -> None:
    assert sample.title
    assert sample.question is not None
    question = sample.statement(sample.question)
    assert question.kind is StatementKind.QUESTION
    assert question.text == "Will the Kremlin accept a ceasefire deal in the coming year?"


def test_has_competing_scenarios_with_priors_answering_the_question(sample: ArgMap) -> None:
    scenarios = [s for s in sample.statements if s.kind is StatementKind.SCENARIO]
    assert len(scenarios) >= 4
    assert all(s.prior is not None and s.prior > 0 for s in scenarios)
    answers = {
        inf.premises[0]
        for inf in sample.inferences
        if inf.kind is InferenceKind.SUPPORT and inf.conclusion == sample.question
    }
    assert answers == {s.id for s in scenarios}


def test_is_large_enough_and_cites_every_article(sample: ArgMap) -> None:
    assert len(sample.statements) >= 30
    assert len(sample.quotes) >= 25
    assert len(sample.sources) == 5
    cited_quotes = {q for s in sample.statements for q in s.quotes}
    assert cited_quotes == {q.id for q in sample.quotes}
    cited_sources = {sample.quote(q).source for q in cited_quotes}
    assert cited_sources == {s.id for s in sample.sources}


def test_every_quote_matches_its_article_exactly(sample: ArgMap) -> None:
    for source in sample.sources:
        assert source.sha256 == text_sha256(source.text), source.id
    for quote in sample.quotes:
        text = sample.source(quote.source).text
        assert quote.exact, quote.id
        assert text[quote.start : quote.end] == quote.exact, quote.id
        assert text[: quote.start].endswith(quote.prefix), quote.id
        assert text[quote.end :].startswith(quote.suffix), quote.id


def test_evidence_and_premises_rest_on_quotes_and_are_judged_once(sample: ArgMap) -> None:
    # A statement is judged directly (credibility) or by the arguments beneath it, never
    # both: the weights would otherwise count its evidence twice.
    grounded = (StatementKind.EVIDENCE, StatementKind.PREMISE)
    argued = {i.conclusion for i in sample.inferences}
    for statement in sample.statements:
        if statement.kind in grounded:
            assert statement.quotes, statement.id
            assert (statement.credibility is not None) != (statement.id in argued), statement.id


def test_argues_with_linked_premises_attacks_and_undercuts(sample: ArgMap) -> None:
    inference_ids = {i.id for i in sample.inferences}
    statement_ids = {s.id for s in sample.statements}
    linked = [
        i for i in sample.inferences if i.kind is InferenceKind.SUPPORT and len(i.premises) >= 2
    ]
    attacks = [i for i in sample.inferences if i.kind is InferenceKind.ATTACK]
    undercuts = [i for i in sample.inferences if i.kind is InferenceKind.UNDERCUT]
    assert linked and attacks and undercuts
    assert all(u.conclusion in inference_ids for u in undercuts)
    for inf in sample.inferences:
        assert set(inf.premises) <= statement_ids, inf.id
        if inf.kind is not InferenceKind.UNDERCUT:
            assert inf.conclusion in statement_ids, inf.id


def test_evidential_inferences_have_a_strength(sample: ArgMap) -> None:
    for inf in sample.inferences:
        if inf.conclusion != sample.question:
            assert inf.strength is not None, inf.id


def test_ratings_pair_known_evidence_with_scenarios(sample: ArgMap) -> None:
    assert sample.ratings
    scenarios = {s.id for s in sample.statements if s.kind is StatementKind.SCENARIO}
    statements = {s.id for s in sample.statements}
    for rating in sample.ratings:
        assert rating.scenario in scenarios
        assert rating.evidence in statements - scenarios - {sample.question}


def test_every_statement_hangs_from_the_question_within_five_levels(sample: ArgMap) -> None:
    depth = _depths(sample)
    unreachable = [s.id for s in sample.statements if s.id not in depth]
    assert unreachable == []
    assert [i.id for i in sample.inferences if i.id not in depth] == []
    assert max(depth.values()) <= MAX_DEPTH


def test_statement_texts_fit_on_cards(sample: ArgMap) -> None:
    too_long = [s.id for s in sample.statements if len(s.text) > CARD_TEXT_LIMIT]
    assert too_long == []


def test_builder_reproduces_the_bundled_file_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "sample.argmap.json"
    result = subprocess.run(
        [sys.executable, str(BUILDER), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == resource("sample.argmap.json").read_bytes()


def _load_builder(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.setattr(sys, "path", list(sys.path))  # the builder extends sys.path
    spec = importlib.util.spec_from_file_location("build_sample_map_under_test", BUILDER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_builder_names_a_quote_missing_from_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    builder = _load_builder(monkeypatch)
    bogus = "Putin signed the ceasefire on the spot"
    quotes = dict(builder.QUOTES) | {"q-bogus": ("src-jamestown", bogus)}
    monkeypatch.setattr(builder, "QUOTES", quotes)
    with pytest.raises(builder.SampleMapError, match="q-bogus") as raised:
        builder.locate_quotes(builder.build_sources())
    assert bogus in str(raised.value)
