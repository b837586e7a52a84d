"""Map repair: damaged maps come back without errors, healthy maps come back unchanged."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from map_strategies import arg_maps

from argmap.model import ArgMap, Inference, InferenceKind, Quote, Rating, Source, Statement
from argmap.model import StatementKind as K
from argmap.model.rating import AchRating
from argmap.model.repair import drifted_quotes, repair_map
from argmap.model.validation import errors, validate

TEXT = "Talks may resume in Istanbul next month. Both sides are exhausted after three years."


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=arg_maps(max_statements=6))
def test_a_healthy_map_is_left_exactly_as_it_was(doc: ArgMap) -> None:
    result = repair_map(doc)
    assert result.repairs == []
    assert result.doc.model_dump() == doc.model_dump()


@st.composite
def damaged_maps(draw: st.DrawFn) -> ArgMap:
    """A valid map with a few kinds of damage applied at random."""
    doc = draw(arg_maps(max_statements=6)).model_copy(deep=True)
    damage = draw(st.sets(st.sampled_from(range(8)), min_size=1))
    if 0 in damage and doc.statements:
        doc.statements[0].quotes.append("q-missing")
    if 1 in damage and doc.statements:
        doc.inferences.append(
            Inference(id="i-dangling", premises=[doc.statements[0].id, "s-missing"],
                      conclusion=doc.statements[-1].id, kind=InferenceKind.ATTACK)
        )  # fmt: skip
    if 2 in damage and doc.sources:
        doc.sources[0].text = "Prefixed. " + doc.sources[0].text
    if 3 in damage and doc.sources:
        doc.sources[0].sha256 = "0" * 64
    if 4 in damage and doc.statements:
        doc.statements.append(doc.statements[0].model_copy(update={"text": "clone"}))
    if 5 in damage:
        doc.ratings.append(Rating(evidence="s-gone", scenario="s-gone", rating=AchRating.C))
        doc.question = "s-gone"
    if 6 in damage:
        doc.view.pinned["s-gone"] = (1.0, 2.0)
        doc.view.collapsed.append("i-gone")
    if 7 in damage:
        doc.quotes.append(Quote(id="q-orphan", source="src-gone", start=0, end=1, exact="x"))
        if doc.inferences:
            doc.inferences.append(
                Inference(id="i-u", premises=[doc.statements[0].id], conclusion="i-gone",
                          kind=InferenceKind.UNDERCUT)
            )  # fmt: skip
    return doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=damaged_maps())
def test_repair_leaves_no_errors_and_keeps_every_statement(doc: ArgMap) -> None:
    assume(validate(doc))  # the damage landed (an empty map has nothing to damage)
    before = [s.text for s in doc.statements]

    result = repair_map(doc)

    assert result.repairs
    assert errors(result.remaining) == []
    assert result.remaining == validate(result.doc)
    assert [s.text for s in result.doc.statements] == before
    assert len({s.id for s in result.doc.statements}) == len(before)
    assert [s.text for s in doc.statements] == before  # the input is untouched


def _map_with_drift() -> ArgMap:
    source = Source.from_text("src-1", TEXT)
    quotes = [
        Quote.from_range("q-1", "src-1", TEXT, 41, 83),  # "Both sides are exhausted..."
        Quote.from_range("q-2", "src-1", TEXT, 0, 39),
    ]
    new_text = "Update: Talks could resume in Istanbul next month. Both sides are exhausted."
    drifted = source.model_copy(update={"text": new_text})
    return ArgMap(
        sources=[drifted],
        quotes=quotes,
        statements=[Statement(id="s-1", kind=K.EVIDENCE, text="e", quotes=["q-1", "q-2"])],
    )


def test_drifted_quotes_are_found_again_or_kept_and_reported() -> None:
    doc = _map_with_drift()

    drift = {doc.quotes[i].id: a for i, a in drifted_quotes(doc)}
    result = repair_map(doc)

    assert drift["q-2"].status == "fuzzy"
    repaired = {q.id: q for q in result.doc.quotes}
    text = result.doc.sources[0].text
    assert text[repaired["q-2"].start : repaired["q-2"].end] == repaired["q-2"].exact
    assert "Istanbul next month" in repaired["q-2"].exact
    # "after three years" is gone from the text: the quote is kept unchanged, and said so.
    assert drift["q-1"].status == "lost"
    assert repaired["q-1"] == doc.quotes[0]
    assert any("q-1" in r.action and "by hand" in r.action for r in result.repairs)
    left = [p for p in result.remaining if p.path.startswith("quotes")]
    assert [p.code for p in left] == ["quote-out-of-range"]  # still a warning, not hidden


def test_wrong_targets_become_the_relation_they_mean() -> None:
    doc = ArgMap(
        statements=[Statement(id=s, kind=K.CLAIM, text=s) for s in ("s-1", "s-2", "s-3")],
        inferences=[
            Inference(id="i-1", premises=["s-2"], conclusion="s-1"),
            Inference(id="i-2", premises=["s-3"], conclusion="i-1", kind=InferenceKind.ATTACK),
            Inference(id="i-3", premises=["s-3"], conclusion="s-2", kind=InferenceKind.UNDERCUT),
            Inference(id="i-4", premises=["s-1"], conclusion="i-1"),
        ],
    )

    result = repair_map(doc)

    kinds = {i.id: i.kind for i in result.doc.inferences}
    assert kinds == {"i-1": InferenceKind.SUPPORT, "i-2": InferenceKind.UNDERCUT,
                     "i-3": InferenceKind.ATTACK}  # fmt: skip
    assert result.remaining == []


def test_duplicate_ids_are_renamed_not_dropped() -> None:
    doc = ArgMap(
        statements=[
            Statement(id="s-1", kind=K.CLAIM, text="first"),
            Statement(id="s-1", kind=K.CLAIM, text="second"),
        ],
        inferences=[Inference(id="s-1", premises=["s-1"], conclusion="s-1")],
    )

    result = repair_map(doc)

    ids = [s.id for s in result.doc.statements] + [i.id for i in result.doc.inferences]
    assert ids[0] == "s-1" and len(set(ids)) == 2
    assert [s.text for s in result.doc.statements] == ["first", "second"]
    assert result.doc.inferences == []  # it named its own conclusion as its only premise
