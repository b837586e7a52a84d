"""Every validation message: one broken map per problem, checked for path and wording."""

from __future__ import annotations

from hypothesis import given, settings
from map_strategies import arg_maps
from work_count import lines_executed

from argmap.model import (
    AchRating,
    ArgMap,
    Inference,
    InferenceKind,
    Quote,
    Rating,
    Source,
    Statement,
    StatementKind,
    ViewState,
)
from argmap.model.validation import Problem, clip, errors, validate

TEXT = "Moscow says talks may resume. Kyiv insists on guarantees before any ceasefire."


def good_map() -> ArgMap:
    source = Source.from_text("src-1", TEXT, title="Talks")
    return ArgMap(
        title="Ceasefire",
        question="s-0",
        sources=[source],
        quotes=[
            Quote.from_range("q-1", "src-1", TEXT, 0, 29),
            Quote.from_range("q-2", "src-1", TEXT, 30, 78),
        ],
        statements=[
            Statement(id="s-0", kind=StatementKind.QUESTION, text="Ceasefire this year?"),
            Statement(id="s-1", kind=StatementKind.SCENARIO, text="Deal", prior=0.4),
            Statement(id="s-2", kind=StatementKind.CLAIM, text="Talks resume"),
            Statement(id="s-3", kind=StatementKind.EVIDENCE, text="Moscow", quotes=["q-1"]),
            Statement(id="s-4", kind=StatementKind.EVIDENCE, text="Kyiv", quotes=["q-2"]),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-3", "s-4"], conclusion="s-2"),
            Inference(id="i-2", premises=["s-2"], conclusion="s-1"),
            Inference(id="i-3", premises=["s-4"], conclusion="s-1", kind=InferenceKind.ATTACK),
            Inference(id="i-4", premises=["s-4"], conclusion="i-2", kind=InferenceKind.UNDERCUT),
        ],
        ratings=[Rating(evidence="s-3", scenario="s-1", rating=AchRating.C)],
        view=ViewState(pinned={"s-1": (10.0, 20.0), "i-1": (0.0, 0.0)}, collapsed=["s-2"]),
    )


def only(doc: ArgMap) -> Problem:
    problems = validate(doc)
    assert len(problems) == 1, problems
    return problems[0]


def test_the_reference_map_is_valid() -> None:
    assert validate(good_map()) == []


@settings(max_examples=60, deadline=None)
@given(arg_maps())
def test_generated_maps_are_valid(doc: ArgMap) -> None:
    assert validate(doc) == []


def test_duplicate_source_id() -> None:
    doc = good_map()
    doc.sources.append(Source.from_text("src-1", "other"))
    problem = only(doc)
    assert problem.path == "sources[1].id"
    assert problem.message == "source id 'src-1' is used twice (first by sources[0])"
    assert problem.severity == "error"


def test_duplicate_quote_id() -> None:
    doc = good_map()
    doc.quotes.append(Quote.from_range("q-1", "src-1", TEXT, 0, 6))
    problem = only(doc)
    assert (problem.path, problem.code) == ("quotes[2].id", "duplicate-id")
    assert "quote id 'q-1' is used twice (first by quotes[0])" in problem.message


def test_statement_and_inference_share_one_id_space() -> None:
    doc = good_map()
    doc.inferences.append(Inference(id="s-2", premises=["s-3"], conclusion="s-1"))
    problem = only(doc)
    assert problem.path == "inferences[4].id"
    assert "'s-2' is already used by statements[2]" in problem.message


def test_duplicate_statement_id() -> None:
    doc = good_map()
    doc.statements.append(Statement(id="s-3", kind=StatementKind.CLAIM, text="again"))
    problem = only(doc)
    assert problem.path == "statements[5].id"
    assert problem.message == "statement id 's-3' is used twice (first by statements[3])"


def test_quote_citing_a_missing_source() -> None:
    doc = good_map()
    doc.quotes[1].source = "src-9"
    problem = only(doc)
    assert problem.path == "quotes[1].source"
    assert problem.message == "quote 'q-2' cites source 'src-9', which does not exist"
    assert problem.severity == "error"


def test_statement_citing_a_missing_quote() -> None:
    doc = good_map()
    doc.statements[3].quotes = ["q-1", "q-9"]
    problem = only(doc)
    assert problem.path == "statements[3].quotes[1]"
    assert problem.message == "statement 's-3' cites quote 'q-9', which does not exist"


def test_statement_citing_a_quote_twice_is_a_warning() -> None:
    doc = good_map()
    doc.statements[3].quotes = ["q-1", "q-1"]
    problem = only(doc)
    assert (problem.path, problem.severity) == ("statements[3].quotes[1]", "warning")
    assert "cites quote 'q-1' twice" in problem.message


def test_quote_that_no_longer_matches_names_source_and_shows_both_texts() -> None:
    doc = good_map()
    doc.quotes[0].exact = "Moscow says talks will never resume"
    problem = only(doc)
    assert problem.path == "quotes[0].exact"
    assert problem.severity == "warning"
    assert problem.code == "quote-mismatch"
    assert "source 'src-1'" in problem.message
    assert '"Moscow says talks will never resume"' in problem.message
    assert '"Moscow says talks may resume."' in problem.message


def test_long_mismatching_texts_are_truncated() -> None:
    long_text = "word " * 200
    source = Source.from_text("src-2", long_text)
    doc = good_map()
    doc.sources.append(source)
    quote = Quote.from_range("q-3", "src-2", long_text, 0, 900)
    quote.exact = "x" * 900
    doc.quotes.append(quote)
    problem = only(doc)
    assert len(problem.message) < 300
    assert "…" in problem.message


def test_quote_ending_past_its_source() -> None:
    doc = good_map()
    doc.quotes[1].end = 500
    problem = only(doc)
    assert problem.path == "quotes[1].end"
    assert problem.message == (
        f"quote 'q-2' ends at character 500, but source 'src-1' has only {len(TEXT)} characters"
    )
    assert problem.severity == "warning"


def test_quote_starting_after_its_end() -> None:
    doc = good_map()
    doc.quotes[0].start = 40
    doc.quotes[0].end = 10
    problem = only(doc)
    assert problem.path == "quotes[0].start"
    assert "starts at character 40, after its end (10)" in problem.message


def test_source_checksum_mismatch() -> None:
    doc = good_map()
    doc.sources[0].sha256 = "0" * 64
    problem = only(doc)
    assert (problem.path, problem.severity, problem.code) == (
        "sources[0].sha256",
        "warning",
        "source-checksum",
    )
    assert "source 'src-1' has checksum" in problem.message


def test_dangling_premise_and_conclusion() -> None:
    doc = good_map()
    doc.inferences[0].premises = ["s-3", "s-99"]
    doc.inferences[1].conclusion = "s-77"
    problems = validate(doc)
    assert [(p.path, p.message) for p in problems] == [
        ("inferences[0].premises[1]", "inference 'i-1' has premise 's-99', which does not exist"),
        ("inferences[1].conclusion", "inference 'i-2' concludes 's-77', which does not exist"),
    ]


def test_premise_that_is_an_inference() -> None:
    doc = good_map()
    doc.inferences[1].premises = ["i-1"]
    problem = only(doc)
    assert problem.path == "inferences[1].premises[0]"
    assert "premise 'i-1', which is an inference; premises must be statements" in problem.message


def test_repeated_premise_is_a_warning() -> None:
    doc = good_map()
    doc.inferences[0].premises = ["s-3", "s-4", "s-3"]
    problem = only(doc)
    assert (problem.path, problem.severity) == ("inferences[0].premises[2]", "warning")


def test_support_of_an_inference_is_refused() -> None:
    doc = good_map()
    doc.inferences[2].conclusion = "i-1"
    problem = only(doc)
    assert problem.path == "inferences[2].conclusion"
    assert problem.message.startswith(
        "inference 'i-3' is an attack, so its conclusion must be a statement, but 'i-1' is an"
    )


def test_undercut_of_a_statement_is_refused() -> None:
    doc = good_map()
    doc.inferences[3].conclusion = "s-2"
    problem = only(doc)
    assert problem.code == "wrong-target"
    assert "is an undercut, so its conclusion must be an inference" in problem.message


def test_undercut_of_itself() -> None:
    doc = good_map()
    doc.inferences[3].conclusion = "i-4"
    assert only(doc).message == "inference 'i-4' undercuts itself"


def test_inference_whose_premises_include_its_conclusion() -> None:
    doc = good_map()
    doc.inferences[0].premises = ["s-3", "s-2"]
    problem = only(doc)
    assert problem.path == "inferences[0].premises[1]"
    assert problem.message == "inference 'i-1' has its own conclusion 's-2' among its premises"


def test_support_cycle_is_named() -> None:
    doc = good_map()
    # s-2 supports s-1 (i-2); now s-1 supports s-3 and s-3 supports s-2 (i-1): a loop.
    doc.inferences.append(Inference(id="i-5", premises=["s-1"], conclusion="s-3"))
    problem = only(doc)
    assert problem.code == "support-cycle"
    assert problem.severity == "error"
    message = problem.message
    assert message.startswith("support cycle: ")
    chain = message.removeprefix("support cycle: ").split(" (")[0].split(" → ")
    assert chain[0] == chain[-1]
    assert sorted(chain[:-1]) == ["'s-1'", "'s-2'", "'s-3'"]
    for inference_id in ("'i-1'", "'i-2'", "'i-5'"):
        assert inference_id in message


def test_attacks_do_not_make_support_cycles() -> None:
    doc = good_map()
    doc.inferences.append(
        Inference(id="i-5", premises=["s-1"], conclusion="s-4", kind=InferenceKind.ATTACK)
    )
    assert validate(doc) == []


def test_two_separate_cycles_are_both_reported() -> None:
    doc = ArgMap(
        statements=[Statement(id=f"s-{k}", kind=StatementKind.CLAIM, text="") for k in range(4)],
        inferences=[
            Inference(id="a", premises=["s-0"], conclusion="s-1"),
            Inference(id="b", premises=["s-1"], conclusion="s-0"),
            Inference(id="c", premises=["s-2"], conclusion="s-3"),
            Inference(id="d", premises=["s-3"], conclusion="s-2"),
        ],
    )
    assert [p.code for p in validate(doc)] == ["support-cycle", "support-cycle"]


def test_long_cycle_message_is_shortened() -> None:
    n = 50
    doc = ArgMap(
        statements=[Statement(id=f"s-{k}", kind=StatementKind.CLAIM, text="") for k in range(n)],
        inferences=[
            Inference(id=f"i-{k}", premises=[f"s-{k}"], conclusion=f"s-{(k + 1) % n}")
            for k in range(n)
        ],
    )
    problem = only(doc)
    assert f"({n} statements in all)" in problem.message
    assert len(problem.message) < 400


def test_rating_with_missing_evidence_and_scenario() -> None:
    doc = good_map()
    doc.ratings.append(Rating(evidence="s-50", scenario="s-51", rating=AchRating.I))
    problems = validate(doc)
    assert [(p.path, p.message) for p in problems] == [
        (
            "ratings[1].evidence",
            "a rating refers to evidence 's-50', which is not a statement of this map",
        ),
        (
            "ratings[1].scenario",
            "a rating refers to scenario 's-51', which is not a statement of this map",
        ),
    ]


def test_rating_against_a_non_scenario_is_a_warning() -> None:
    doc = good_map()
    doc.ratings[0].scenario = "s-2"
    problem = only(doc)
    assert (problem.severity, problem.path) == ("warning", "ratings[0].scenario")
    assert "which is a claim, not a scenario" in problem.message


def test_repeated_rating_is_a_warning() -> None:
    doc = good_map()
    doc.ratings.append(Rating(evidence="s-3", scenario="s-1", rating=AchRating.II))
    problem = only(doc)
    assert problem.path == "ratings[1]"
    assert "twice (first by ratings[0])" in problem.message


def test_question_must_be_a_statement() -> None:
    doc = good_map()
    doc.question = "i-1"
    problem = only(doc)
    assert problem.path == "question"
    assert problem.message == "the map's question 'i-1' is not a statement of this map"


def test_view_entries_for_missing_boxes_are_warnings() -> None:
    doc = good_map()
    doc.view.pinned["gone"] = (1.0, 2.0)
    doc.view.collapsed.append("also-gone")
    problems = validate(doc)
    assert [(p.path, p.severity) for p in problems] == [
        ('view.pinned["gone"]', "warning"),
        ("view.collapsed[1]", "warning"),
    ]
    assert errors(problems) == []


def test_non_finite_pinned_position_is_an_error() -> None:
    doc = good_map()
    doc.view.pinned["s-2"] = (float("inf"), 0.0)
    problem = only(doc)
    assert (problem.path, problem.code) == ('view.pinned["s-2"]', "non-finite-number")


def test_prior_on_a_non_scenario_is_a_warning() -> None:
    doc = good_map()
    doc.statements[2].prior = 0.3
    problem = only(doc)
    assert (problem.path, problem.severity) == ("statements[2].prior", "warning")
    assert problem.message == (
        "statement 's-2' is a claim but has a prior (0.3); only scenarios take a prior"
    )


def test_infinite_prior_is_an_error() -> None:
    doc = good_map()
    doc.statements[1].prior = float("inf")
    assert only(doc).code == "non-finite-number"


def test_every_problem_is_reported_not_just_the_first() -> None:
    doc = good_map()
    doc.quotes[0].source = "nope"
    doc.statements[3].quotes = ["q-404"]
    doc.inferences[0].conclusion = "s-404"
    doc.question = "s-404"
    assert len(validate(doc)) == 4


def test_problem_str_and_clip() -> None:
    assert str(Problem("quotes[0]", "bad")) == "quotes[0]: bad"
    assert str(Problem("", "unreadable")) == "unreadable"
    assert clip("a" * 100, 10) == '"' + "a" * 9 + '…"'
    assert clip('say "hi"\n') == '"say \\"hi\\"\\n"'


def big_map(n: int) -> ArgMap:
    text = "Evidence sentence number one. " * 50
    sources = [Source.from_text(f"src-{k}", text + str(k)) for k in range(20)]
    quotes = [
        Quote.from_range(f"q-{k}", f"src-{k % 20}", text, k % 100, k % 100 + 30) for k in range(n)
    ]
    statements = [
        Statement(id=f"s-{k}", kind=StatementKind.EVIDENCE, text=f"s {k}", quotes=[f"q-{k}"])
        for k in range(n)
    ]
    inferences = [
        Inference(id=f"i-{k}", premises=[f"s-{k}", f"s-{k + 1}"], conclusion=f"s-{k // 2}")
        for k in range(1, n - 1)
    ]
    return ArgMap(sources=sources, quotes=quotes, statements=statements, inferences=inferences)


def test_validation_work_grows_linearly_with_the_map() -> None:
    small, large = big_map(1_000), big_map(10_000)
    assert validate(small) == [] and validate(large) == []
    # Ten times the map, ten times the work (n log n would be 13x, n^2 100x). The time
    # (20,000 statements) is a benchmark row: "Read + validate, 20,000 statements".
    assert lines_executed(lambda: validate(large)) <= 10.5 * lines_executed(lambda: validate(small))
