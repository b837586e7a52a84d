"""The confidence level of the lead (ICD 203) and the facts it names: the independent
sources behind the lead, the strengths left at their default and the lines nobody
rated, and whether the lead survives its judgements moved against it."""

from __future__ import annotations

import pytest

from argmap.analysis.confidence import Confidence
from argmap.analysis.report import analyze
from argmap.model import ArgMap, Inference, Quote, Source, Statement, StatementKind

TEXT = "One. Two."


def scenario(sid: str, prior: float = 1.0) -> Statement:
    return Statement(id=sid, kind=StatementKind.SCENARIO, text=sid, prior=prior)


def evidence(sid: str) -> Statement:
    return Statement(id=sid, kind=StatementKind.EVIDENCE, text=sid, credibility=0.9)


def line(iid: str, premise: str, conclusion: str, strength: float | None = None) -> Inference:
    return Inference(id=iid, premises=[premise], conclusion=conclusion, strength=strength)


def a_map(statements: list[Statement], inferences: list[Inference]) -> ArgMap:
    cited = {q: s for s in statements for q in s.quotes}
    sources = sorted({f"src-{q.split('-')[-1]}" for q in cited})
    return ArgMap(
        question="q",
        sources=[Source.from_text(s, TEXT) for s in sources],
        quotes=[
            Quote.from_range(q, src, TEXT, 0, 4)
            for q, src in ((q, f"src-{q.split('-')[-1]}") for q in cited)
        ],
        statements=[Statement(id="q", kind=StatementKind.QUESTION, text="Q?"), *statements],
        inferences=inferences,
    )


def confidence_of(doc: ArgMap) -> Confidence:
    found = analyze(doc, with_sensitivity=True).confidence
    assert found is not None
    return found


def three_lines_into_h1(sources: list[str | None]) -> ArgMap:
    # evidence e0..e2 quotes (or not) the given source letter and supports h1
    ev = [
        Statement(
            id=f"e{k}",
            kind=StatementKind.EVIDENCE,
            text=f"e{k}",
            credibility=0.9,
            quotes=[f"q-e{k}-{src}"] if src else [],
        )
        for k, src in enumerate(sources)
    ]
    return a_map(
        [scenario("h1"), scenario("h2"), *ev],
        [line(f"l{k}", f"e{k}", "h1", 0.9) for k in range(3)],
    )


@pytest.mark.parametrize(
    ("sources", "count", "level", "named"),
    [
        (["a", "b", "c"], 3, "high", "3 independent sources behind the lead"),
        (["a", "b", "b"], 2, "moderate", "2 independent sources behind the lead"),
        (["a", "a", "a"], 1, "low", "1 independent source behind the lead"),
        ([None, None, None], 3, "high", "3 independent sources behind the lead"),  # own sources
    ],
)
def test_independent_sources_behind_the_lead_set_the_basis(
    sources: list[str | None], count: int, level: str, named: str
) -> None:
    found = confidence_of(three_lines_into_h1(sources))
    assert (found.level, found.sources, found.defaults, found.strengths) == (level, count, 0, 0)
    assert found.in_range_flip is False
    assert found.reason == (
        f"the lead survives every judgement moved against it at once; {named}; "
        "0 default strengths and 0 unrated lines behind it"
    )


def test_evidence_that_favours_both_scenarios_alike_is_no_source_behind_the_lead() -> None:
    doc = three_lines_into_h1(["a", "b", "c"])
    doc.inferences.append(line("k0", "e0", "h2", 0.9))  # e0 now backs h2 as much as h1
    found = confidence_of(doc)
    assert (found.level, found.sources) == ("moderate", 2)


def test_evidence_that_backs_only_the_runner_up_is_no_source_behind_the_lead() -> None:
    doc = three_lines_into_h1(["a", "b", "c"])
    doc.statements.append(evidence("r"))
    doc.inferences.append(line("k", "r", "h2", 0.3))
    assert confidence_of(doc).sources == 3


def test_a_statement_quoting_two_sources_rests_on_both() -> None:
    doc = three_lines_into_h1(["a", None, None])
    doc.sources.append(Source.from_text("src-b", TEXT))
    doc.quotes.append(Quote.from_range("q-x-b", "src-b", TEXT, 0, 4))
    doc.statements[-3].quotes.append("q-x-b")  # e0 quotes src-a and src-b
    found = confidence_of(doc)
    assert found.sources == 4  # src-a, src-b, and e1 and e2 on their own


def chain(strengths: list[float | None], unrated_into_h2: bool) -> ArgMap:
    claim = Statement(id="c", kind=StatementKind.CLAIM, text="c")
    links = [line(f"a{k}", f"e{k}", "c", s) for k, s in enumerate(strengths)]
    links.append(line("l", "c", "h1", 0.9))
    if unrated_into_h2:
        links.append(line("u", "e0", "h2"))
    ev = [evidence(f"e{k}") for k in range(len(strengths))]
    return a_map([scenario("h1"), scenario("h2"), *ev, claim], links)


@pytest.mark.parametrize(
    ("strengths", "unrated", "level", "defaults", "named"),
    [
        # 3 defaults + 1 unrated line of 3 strengths, 1 unrated and 1 rated line: 4/5
        ([None, None, None], True, "low", 3, "3 default strengths and 1 unrated line"),
        # 2 of 3 strengths and 1 rated line: 2/4, at most a half
        ([None, None, 0.8], False, "moderate", 2, "2 default strengths and 0 unrated lines"),
        # 1 of 4: a quarter is still complete enough
        ([None, 0.8, 0.8], False, "high", 1, "1 default strength and 0 unrated lines"),
        # 1 unrated line of 3 strengths, 1 unrated and 1 rated line: 1/5
        ([0.8, 0.8, 0.8], True, "high", 0, "0 default strengths and 1 unrated line"),
    ],
)
def test_strengths_left_at_their_default_and_unrated_lines_lower_the_level(
    strengths: list[float | None], unrated: bool, level: str, defaults: int, named: str
) -> None:
    found = confidence_of(chain(strengths, unrated))
    assert (found.level, found.defaults, found.strengths) == (level, defaults, 3)
    assert found.reason.endswith(f"; {named} behind it")


def test_unrated_lines_into_a_third_scenario_do_not_count() -> None:
    doc = three_lines_into_h1(["a", "b", "c"])
    doc.statements.append(scenario("h3", 0.1))
    doc.inferences += [line("u0", "e0", "h3"), line("u1", "e1", "h3")]
    found = confidence_of(doc)
    assert found.level == "high"
    assert found.reason.endswith("0 default strengths and 0 unrated lines behind it")


def test_a_lead_that_its_judgements_can_overturn_is_low() -> None:
    doc = a_map(
        [scenario("h1", 1.0), scenario("h2", 1.3), evidence("e0")], [line("l", "e0", "h1", 0.5)]
    )
    found = confidence_of(doc)
    assert (found.level, found.in_range_flip) == ("low", True)
    assert found.reason.startswith(
        "no clear leader: moved within their plausible ranges, the judgements hand the lead "
        "to another scenario; "
    )


def test_a_lead_that_can_be_overturned_is_low_whatever_its_sources() -> None:
    doc = a_map(
        [scenario("h1", 1.0), scenario("h2", 1.3), evidence("e0"), evidence("e1")],
        [line("l", "e0", "h1", 0.3), line("m", "e1", "h1", 0.3)],
    )
    found = confidence_of(doc)
    assert (found.level, found.sources) == ("low", 2)


def test_completeness_is_judged_on_the_leader_and_its_runner_up() -> None:
    # h3 leads on three rated lines, h2 runs up on its prior; h1, last, has two unrated
    # lines that do not bear on the lead
    doc = three_lines_into_h1(["a", "b", "c"])
    doc.statements[1] = scenario("h1", 0.1)
    doc.statements.append(scenario("h3"))
    doc.inferences = [line(f"l{k}", f"e{k}", "h3", 0.9) for k in range(3)]
    doc.inferences += [line("u0", "e0", "h1"), line("u1", "e1", "h1")]
    found = confidence_of(doc)
    assert found.level == "high"
    assert found.reason.endswith("0 default strengths and 0 unrated lines behind it")


def test_a_tie_has_no_confidence_to_give() -> None:
    found = confidence_of(a_map([scenario("h1"), scenario("h2")], []))
    assert found == Confidence("low", 0, 0, 0, False, None, "no scenario leads (a tie)")


def test_the_distance_named_is_that_of_the_nearest_break_even() -> None:
    doc = chain([None, None, None], True)
    result = analyze(doc, with_sensitivity=True)
    assert result.flips is not None and result.confidence is not None
    nearest = result.flips.nearest()
    assert nearest is not None and nearest.break_even is not None
    assert result.confidence.nearest_distance == pytest.approx(
        abs(nearest.break_even - nearest.judgement.used)
    )
    assert result.confidence.nearest_distance > 0.0
