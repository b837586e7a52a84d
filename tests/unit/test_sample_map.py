"""The bundled sample map: a complete, anchored, rebuildable analyst's map."""

from __future__ import annotations

import importlib.util
import json
import math
import re
import subprocess
import sys
from collections import Counter, deque
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from argmap.analysis.evidence_network import CATCH_ALL_TAG
from argmap.model import (
    AchRating,
    ArgMap,
    InferenceKind,
    SignpostStatus,
    Statement,
    StatementKind,
)
from argmap.model.source import text_sha256
from argmap.resources import resource

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "scripts" / "build_sample_map.py"
CARD_TEXT_LIMIT = 110
MAX_DEPTH = 5
TEXT_TAGS = ("reported-fact", "opinion", "forecast")  # what a quoted statement's text is
OPINION_PUBLISHERS = {"Espreso", "Valdai Discussion Club"}  # opinion columns, Kremlin-aligned
HEDGE = re.compile(r"\b(may|might|could|likely|unlikely|seem\w*|appear\w*|perhaps|risks?)\b", re.I)


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


def _scenarios(doc: ArgMap) -> list[Statement]:
    return [s for s in doc.statements if s.kind is StatementKind.SCENARIO]


def test_loads_with_a_sharpened_dated_focal_question(sample: ArgMap) -> None:
    assert sample.title
    assert sample.question is not None
    question = sample.statement(sample.question)
    assert question.kind is StatementKind.QUESTION
    assert sample.analyst and sample.as_of is not None
    assert date.fromisoformat(sample.as_of)
    # the sharpening (the horizon, what counts) is written down, and the question is dated
    assert "sharpened" in sample.description
    horizon = re.search(r"\d{1,2} \w+ 20\d\d", question.text)
    assert horizon is not None and horizon.group(0) in sample.description


def test_has_competing_scenarios_with_priors_answering_the_question(sample: ArgMap) -> None:
    scenarios = _scenarios(sample)
    assert len(scenarios) >= 4
    assert all(s.prior is not None and s.prior > 0 for s in scenarios)
    assert math.isclose(sum(s.prior or 0.0 for s in scenarios), 1.0)
    answers = {
        inf.premises[0]
        for inf in sample.inferences
        if inf.kind is InferenceKind.SUPPORT and inf.conclusion == sample.question
    }
    assert answers == {s.id for s in scenarios}


def test_scenarios_are_exhaustive_with_one_catch_all(sample: ArgMap) -> None:
    catch_all = [s for s in _scenarios(sample) if CATCH_ALL_TAG in s.tags]
    assert len(catch_all) == 1
    # each scenario is defined, by its title, in the description's partition of outcomes
    for scenario in _scenarios(sample):
        assert f"'{scenario.text}'" in sample.description, scenario.id


def test_every_prior_carries_its_rationale_and_reference_class(sample: ArgMap) -> None:
    for scenario in _scenarios(sample):
        assert scenario.prior is not None
        stated = f"Prior {round(scenario.prior * 100)}%"
        assert stated in scenario.notes, scenario.id
        assert "Reference class" in scenario.notes, scenario.id


def test_every_scenario_has_signposts_to_watch(sample: ArgMap) -> None:
    by_scenario = Counter(s.scenario for s in sample.signposts)
    assert {s.id: by_scenario[s.id] >= 2 for s in _scenarios(sample)} == {
        s.id: True for s in _scenarios(sample)
    }
    assert len({s.id for s in sample.signposts}) == len(sample.signposts)
    assert sample.as_of is not None
    for signpost in sample.signposts:
        if signpost.status is not SignpostStatus.NOT_SEEN:
            # a status other than "not seen" says when it changed and why
            assert signpost.changed is not None and signpost.notes, signpost.id
            assert signpost.changed <= sample.as_of, signpost.id


def test_sources_are_dated_no_later_than_the_estimate(sample: ArgMap) -> None:
    assert sample.as_of is not None
    for source in sample.sources:
        assert source.published is not None, source.id
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", source.published), source.id
        assert source.published <= sample.as_of, source.id


def test_credibility_follows_the_written_source_policy(sample: ArgMap) -> None:
    assert "Kremlin-aligned" in sample.source_policy
    assert "0.35-0.55" in sample.source_policy
    published = {s.id: s.published or "" for s in sample.sources}
    opinion_sources = {s.id for s in sample.sources if s.publisher in OPINION_PUBLISHERS}
    assert len(opinion_sources) == 3
    best: dict[str, float] = {}
    for statement in sample.statements:
        sources = {sample.quote(q).source for q in statement.quotes}
        if statement.credibility is None or not sources <= opinion_sources:
            continue
        assert 0.35 <= statement.credibility <= 0.55, statement.id
        for source in sources:
            best[source] = max(best.get(source, 0.0), statement.credibility)
    # the older of two columns by one author is weighted down, not up
    columns = sorted((published[s], best[s]) for s in opinion_sources if "espreso" in s)
    assert [c for _, c in columns] == sorted(c for _, c in columns)


def test_every_quoted_statement_says_what_its_text_is(sample: ArgMap) -> None:
    for statement in sample.statements:
        if not statement.quotes:
            continue
        said = [t for t in statement.tags if t in TEXT_TAGS]
        assert len(said) == 1, statement.id
        if statement.kind is StatementKind.EVIDENCE:
            assert said == ["reported-fact"], statement.id


def test_hedged_quotes_stay_hedged(sample: ArgMap) -> None:
    for statement in sample.statements:
        quotes = [sample.quote(q).exact for q in statement.quotes]
        if quotes and all(HEDGE.search(q) for q in quotes):
            assert HEDGE.search(statement.text), statement.id


def test_the_map_validates_without_any_problem() -> None:
    sample_file = str(resource("sample.argmap.json"))
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", "--strict", sample_file],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stdout


def test_every_judged_item_is_rated_against_every_scenario(sample: ArgMap) -> None:
    scenarios = [s.id for s in _scenarios(sample)]
    judged = [s.id for s in sample.statements if s.credibility is not None]
    rated = Counter(r.evidence for r in sample.ratings)
    assert {e: rated[e] for e in judged} == {e: len(scenarios) for e in judged}
    assert {r.rating for r in sample.ratings} >= {AchRating.NA, AchRating.I, AchRating.C}
    assert {r.evidence for r in sample.ach_rows} <= set(judged)


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


def test_every_statement_is_judged_once(sample: ArgMap) -> None:
    # A statement is judged directly (credibility) or by the arguments beneath it, never
    # both: the weights take a credibility as final and ignore what argues for or against
    # it. An unjudged statement with no support beneath it would count for nothing.
    supported = {i.conclusion for i in sample.inferences if i.kind is InferenceKind.SUPPORT}
    argued = {i.conclusion for i in sample.inferences}
    for statement in sample.statements:
        if statement.kind in (StatementKind.QUESTION, StatementKind.SCENARIO):
            continue
        if statement.kind in (StatementKind.EVIDENCE, StatementKind.PREMISE):
            assert statement.quotes, statement.id
        if statement.credibility is not None:
            assert statement.id not in argued, statement.id
        else:
            assert statement.id in supported, statement.id


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


def _readme_sample_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## The sample map\n")
    end = text.index("\n## ", start + 1)
    return " ".join(text[start:end].split())  # line breaks anywhere in a figure's sentence


def _percent(value: float) -> str:
    return f"{round(value * 100)} %"


def test_readme_tells_the_story_the_analysis_prints(sample: ArgMap) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "analyze", "--json", str(resource("sample.argmap.json"))],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(run.stdout)
    readme = _readme_sample_section()
    scenarios = {s["id"]: s for s in report["scenarios"]}
    for s in scenarios.values():
        figures = f"{_percent(s['prior'])} | {_percent(s['weight'])} | {s['ach_rank']}"
        assert f"| {s['title']} | {figures} |" in readme
    # the question's "yes": the scenarios with a ceasefire in force on the date
    yes = [s.id for s in _scenarios(sample) if s.text.startswith(("Ceasefire", "Bare ceasefire"))]
    assert len(yes) == 3
    weight = sum(scenarios[s]["weight"] for s in yes)
    prior = sum(scenarios[s]["prior"] for s in yes)
    assert f"comes to {_percent(weight)} (prior {_percent(prior)})" in readme
    leader = scenarios[report["leader"]]
    assert f"from {_percent(leader['prior'])} to {_percent(leader['weight'])}" in readme
    for line in sorted(leader["lines"], key=lambda x: -abs(x["log_odds"]))[:3]:
        text = sample.statement(line["premises"][0]).text
        sign = "×" if line["log_odds"] > 0 else "÷"
        assert f"“{text}”, {sign}{math.exp(abs(line['log_odds'])):.1f}" in readme
    assert f"ranks *{scenarios[report['ach_leader']]['title']}* first" in readme
    # Heuer's step 6: the first single item whose removal hands ACH's lead to another
    flip = next(f for f in report["ach"]["sensitivity"]["flips"] if f["change"] == "removed")
    item = sample.statement(flip["rows"][0]).text
    assert f"with “{item}” removed, *{scenarios[flip['leader']]['title']}* would lead" in readme
    confidence = report["confidence"]
    assert f"Confidence in the weights is **{confidence['level']}**" in readme
    assert f"{confidence['independent_sources']} independent sources" in readme
    assert f"*{report['flips']['sentence']}*" in readme
    assert f"Its {len(sample.statements)} statements rest on {len(sample.quotes)}" in readme
    assert f"{len(sample.signposts)} in all" in readme
    rows = {r.evidence for r in sample.ratings}
    assert f"{len(sample.ratings)} ratings, each of the {len(rows)} directly judged" in readme
