"""What each validation finding tells the tools that act on it: where it is, whether it
stops the map loading (error) or can be repaired (warning), and the code repair answers.

One small, valid map is broken one way per case; every case must produce exactly one
finding, at the right path, with the right severity and code.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from unit.model.damage_sample import TEXT, sample

from argmap.model import (
    AchRating,
    ArgMap,
    Inference,
    Quote,
    Rating,
    Source,
    Statement,
    StatementKind,
)
from argmap.model.signpost import Signpost
from argmap.model.validation import clip, errors, validate


def test_the_sample_is_valid() -> None:
    assert validate(sample()) == []


Breakage = Callable[[ArgMap], object]


def _setattr(obj: object, name: str, value: object) -> None:
    setattr(obj, name, value)


CASES: list[tuple[str, Breakage, tuple[str, str, str]]] = [
    (
        "duplicate source",
        lambda d: d.sources.append(Source.from_text("src-1", "other")),
        ("sources[1].id", "error", "duplicate-id"),
    ),
    (
        "quote of a missing source",
        lambda d: _setattr(d.quotes[1], "source", "src-9"),
        ("quotes[1].source", "error", "dangling-reference"),
    ),
    (
        "quote starting after its end",
        lambda d: (_setattr(d.quotes[0], "start", 20), _setattr(d.quotes[0], "end", 5)),
        ("quotes[0].start", "warning", "quote-out-of-range"),
    ),
    (
        "quote ending past its source",
        lambda d: _setattr(d.quotes[1], "end", 500),
        ("quotes[1].end", "warning", "quote-out-of-range"),
    ),
    (
        # a quote reaching exactly to the end of its source is in range: a changed text
        # there is a mismatch, not an overrun
        "changed quote at the very end of its source",
        lambda d: _setattr(d.quotes[1], "exact", "Kyiv refuses guarantees before any ceasefire."),
        ("quotes[1].exact", "warning", "quote-mismatch"),
    ),
    (
        "duplicate statement",
        lambda d: d.statements.append(Statement(id="s-3", kind=StatementKind.CLAIM, text="x")),
        ("statements[5].id", "error", "duplicate-id"),
    ),
    (
        "inference with a statement's id",
        lambda d: d.inferences.append(Inference(id="s-2", premises=["s-3"], conclusion="s-1")),
        ("inferences[4].id", "error", "duplicate-id"),
    ),
    (
        "statement citing a missing quote",
        lambda d: _setattr(d.statements[3], "quotes", ["q-9"]),
        ("statements[3].quotes[0]", "error", "dangling-reference"),
    ),
    (
        "statement citing a quote twice",
        lambda d: _setattr(d.statements[4], "quotes", ["q-2", "q-2"]),
        ("statements[4].quotes[1]", "warning", "repeated-reference"),
    ),
    (
        "prior on a claim",
        lambda d: _setattr(d.statements[2], "prior", 0.3),
        ("statements[2].prior", "warning", "prior-not-scenario"),
    ),
    (
        "infinite prior",
        lambda d: _setattr(d.statements[1], "prior", float("inf")),
        ("statements[1].prior", "error", "non-finite-number"),
    ),
    (
        "premise that is the conclusion",
        lambda d: _setattr(d.inferences[1], "premises", ["s-2", "s-1"]),
        ("inferences[1].premises[1]", "error", "self-premise"),
    ),
    (
        "premise that is an inference",
        lambda d: _setattr(d.inferences[1], "premises", ["i-1"]),
        ("inferences[1].premises[0]", "error", "wrong-target"),
    ),
    (
        "missing premise",
        lambda d: _setattr(d.inferences[0], "premises", ["s-3", "s-99"]),
        ("inferences[0].premises[1]", "error", "dangling-reference"),
    ),
    (
        "repeated premise",
        lambda d: _setattr(d.inferences[0], "premises", ["s-3", "s-3"]),
        ("inferences[0].premises[1]", "warning", "repeated-reference"),
    ),
    (
        "missing conclusion",
        lambda d: _setattr(d.inferences[1], "conclusion", "s-77"),
        ("inferences[1].conclusion", "error", "dangling-reference"),
    ),
    (
        "undercut of itself",
        lambda d: _setattr(d.inferences[3], "conclusion", "i-4"),
        ("inferences[3].conclusion", "error", "self-premise"),
    ),
    (
        "undercut of a statement",
        lambda d: _setattr(d.inferences[3], "conclusion", "s-1"),
        ("inferences[3].conclusion", "error", "wrong-target"),
    ),
    (
        "support of an inference",
        lambda d: _setattr(d.inferences[1], "conclusion", "i-1"),
        ("inferences[1].conclusion", "error", "wrong-target"),
    ),
    (
        "rating of missing evidence",
        lambda d: _setattr(d.ratings[0], "evidence", "s-50"),
        ("ratings[0].evidence", "error", "dangling-reference"),
    ),
    (
        "rating against a missing scenario",
        lambda d: _setattr(d.ratings[0], "scenario", "s-51"),
        ("ratings[0].scenario", "error", "dangling-reference"),
    ),
    (
        "rating against a claim",
        lambda d: _setattr(d.ratings[0], "scenario", "s-2"),
        ("ratings[0].scenario", "warning", "wrong-target"),
    ),
    (
        "the same pair rated twice",
        lambda d: d.ratings.append(Rating(evidence="s-3", scenario="s-1", rating=AchRating.I)),
        ("ratings[1]", "warning", "repeated-reference"),
    ),
    (
        "duplicate signpost",
        lambda d: d.signposts.append(Signpost(id="sp-1", scenario="s-1", text="again")),
        ("signposts[1].id", "error", "duplicate-id"),
    ),
    (
        "signpost of a missing scenario",
        lambda d: _setattr(d.signposts[0], "scenario", "s-60"),
        ("signposts[0].scenario", "error", "dangling-reference"),
    ),
    (
        "signpost of a claim",
        lambda d: _setattr(d.signposts[0], "scenario", "s-2"),
        ("signposts[0].scenario", "warning", "wrong-target"),
    ),
    (
        "missing question",
        lambda d: _setattr(d, "question", "s-404"),
        ("question", "error", "dangling-reference"),
    ),
    (
        "position off the canvas",
        lambda d: d.view.pinned.update({"s-2": (3e8, 5.0)}),
        ('view.pinned["s-2"]', "error", "out-of-range"),
    ),
    (
        "position that is not a number",
        lambda d: d.view.pinned.update({"s-2": (0.0, float("nan"))}),
        ('view.pinned["s-2"]', "error", "non-finite-number"),
    ),
    (
        "position of a deleted box",
        lambda d: d.view.pinned.update({"s-é": (1.0, 2.0)}),
        ('view.pinned["s-é"]', "warning", "dangling-reference"),
    ),
    (
        "deleted box marked collapsed",
        lambda d: d.view.collapsed.append("gone"),
        ("view.collapsed[1]", "warning", "dangling-reference"),
    ),
    (
        "support cycle",
        lambda d: d.inferences.append(Inference(id="i-5", premises=["s-1"], conclusion="s-3")),
        ("inferences[4]", "error", "support-cycle"),
    ),
]


@pytest.mark.parametrize(
    ("breakage", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_finding_has_its_path_severity_and_code(
    breakage: Breakage, expected: tuple[str, str, str]
) -> None:
    doc = sample()
    breakage(doc)
    found = validate(doc)
    assert [(p.path, p.severity, p.code) for p in found] == [expected]
    assert all(isinstance(p.message, str) and p.message for p in found)
    assert errors(found) == (found if expected[1] == "error" else [])


def test_a_reused_inference_id_names_the_inference_that_has_it() -> None:
    doc = sample()
    doc.inferences.append(Inference(id="i-2", premises=["s-4"], conclusion="s-1"))
    (problem,) = validate(doc)
    assert problem.path == "inferences[4].id"
    assert "'i-2' is already used by inferences[1]" in problem.message


def test_a_position_off_the_canvas_is_shown_as_given() -> None:
    doc = sample()
    doc.view.pinned["s-2"] = (7.0, -2e9)
    (problem,) = validate(doc)
    assert "is (7, -2e+09), off the canvas" in problem.message


def test_a_support_cycle_starts_at_its_first_statement_in_file_order() -> None:
    doc = sample()
    doc.inferences.append(Inference(id="i-5", premises=["s-1"], conclusion="s-3"))
    (problem,) = validate(doc)
    assert problem.message.startswith(
        "support cycle: 's-1' → 's-3' → 's-2' → 's-1' (through inferences 'i-5', 'i-1', 'i-2')"
    )


def test_records_after_a_duplicate_id_are_still_checked() -> None:
    doc = sample()
    doc.sources.append(Source.from_text("src-1", "copy"))
    doc.sources.append(Source(id="src-2", text="later", sha256="0" * 64))
    doc.quotes.append(Quote.from_range("q-1", "src-1", TEXT, 0, 6))
    doc.quotes.append(Quote(id="q-3", source="src-404", start=0, end=1, exact="M"))
    doc.statements.append(Statement(id="s-0", kind=StatementKind.CLAIM, text="copy"))
    doc.statements.append(Statement(id="s-5", kind=StatementKind.CLAIM, text="x", quotes=["q-9"]))
    doc.inferences.append(Inference(id="i-1", premises=["s-2"], conclusion="s-1"))
    doc.inferences.append(Inference(id="i-6", premises=["s-2"], conclusion="s-404"))
    doc.inferences.append(Inference(id="i-7", premises=["s-5"], conclusion="s-1"))  # fine
    assert [(p.path, p.code) for p in validate(doc)] == [
        ("sources[1].id", "duplicate-id"),
        ("sources[2].sha256", "source-checksum"),
        ("quotes[2].id", "duplicate-id"),
        ("quotes[3].source", "dangling-reference"),
        ("statements[5].id", "duplicate-id"),
        ("inferences[4].id", "duplicate-id"),
        ("statements[6].quotes[0]", "dangling-reference"),
        ("inferences[5].conclusion", "dangling-reference"),
    ]


def test_a_text_of_exactly_the_limit_is_quoted_whole() -> None:
    assert clip("x" * 60) == '"' + "x" * 60 + '"'
    assert clip("x" * 61) == '"' + "x" * 59 + '…"'


def test_a_number_out_of_range_is_found_in_a_map_without_sources_or_quotes() -> None:
    statement = Statement(id="s-1", kind=StatementKind.EVIDENCE, text="Leak")
    statement.__dict__["credibility"] = 1.7  # as read past its type errors
    (problem,) = validate(ArgMap(statements=[statement]))
    assert (problem.path, problem.code) == ("statements[0].credibility", "out-of-range")
