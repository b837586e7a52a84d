"""Map edits apply, report what changed, and invert exactly (order included)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from work_count import lines_executed

from argmap.model import (
    ArgMap,
    Inference,
    InferenceKind,
    Quote,
    Rating,
    Source,
    Statement,
    StatementKind,
    edits,
)
from argmap.model.edits import Change, EditError, MapIndex
from argmap.model.validation import validate

TEXT = "Talks may start in spring. Both sides deny it. Observers doubt any ceasefire."


def _map() -> ArgMap:
    """Q <- C1 (support, linked with C2) ; Q <- C3 (attack); C1 <- E1; undercut of i-1."""
    src = Source.from_text("src-1", TEXT, title="Article")
    q1 = Quote.from_range("q-1", "src-1", TEXT, 0, 26)
    q2 = Quote.from_range("q-2", "src-1", TEXT, 27, 45)
    return ArgMap(
        title="Talks",
        question="s-q",
        sources=[src],
        quotes=[q1, q2],
        statements=[
            Statement(id="s-q", kind=StatementKind.QUESTION, text="Will talks start?"),
            Statement(id="s-c1", kind=StatementKind.CLAIM, text="Yes", quotes=["q-1"]),
            Statement(id="s-c2", kind=StatementKind.PREMISE, text="Spring", quotes=["q-1"]),
            Statement(id="s-c3", kind=StatementKind.OBJECTION, text="Denied", quotes=["q-2"]),
            Statement(id="s-e1", kind=StatementKind.EVIDENCE, text="Report"),
            Statement(id="s-sc", kind=StatementKind.SCENARIO, text="Talks", prior=1.0),
        ],
        inferences=[
            Inference(id="i-1", premises=["s-c1", "s-c2"], conclusion="s-q"),
            Inference(id="i-2", premises=["s-c3"], conclusion="s-q", kind=InferenceKind.ATTACK),
            Inference(id="i-3", premises=["s-e1"], conclusion="s-c1"),
            Inference(id="i-4", premises=["s-e1"], conclusion="i-1", kind=InferenceKind.UNDERCUT),
        ],
        ratings=[Rating(evidence="s-e1", scenario="s-sc", rating="C")],
    )


def _roundtrip(ix: MapIndex, edit: edits.Edit) -> list[Change]:
    """Apply, check undo restores the exact document and redo the edited one."""
    before = ix.doc.model_dump()
    changes = ix.apply(edit)
    after = ix.doc.model_dump()
    ix.apply(edit.inverse())
    assert ix.doc.model_dump() == before
    ix.apply(edit)
    assert ix.doc.model_dump() == after
    _assert_index_consistent(ix)
    return changes


def _assert_index_consistent(ix: MapIndex) -> None:
    fresh = MapIndex(ix.doc)
    assert set(ix.statements) == set(fresh.statements)
    assert set(ix.inferences) == set(fresh.inferences)
    for sid in ix.statements:
        assert sorted(ix.with_premise(sid)) == sorted(fresh.with_premise(sid))
        assert sorted(ix.concluding_in(sid)) == sorted(fresh.concluding_in(sid))
    for qid in ix.quotes:
        assert sorted(ix.quoting(qid)) == sorted(fresh.quoting(qid))


def test_add_child_statement_creates_support_and_reports_both() -> None:
    ix = MapIndex(_map())
    edit = edits.add_statement(ix, "New reason", parent="s-c3", statement_id="s-new")
    changes = _roundtrip(ix, edit)
    assert ix.children("s-c3") == ["s-new"]
    assert [c.topic for c in changes] == ["statement", "inference"]
    assert changes[0] == Change("statement", "added", "s-new")


def test_add_attacking_child_uses_attack() -> None:
    ix = MapIndex(_map())
    ix.apply(edits.add_statement(ix, "But", parent="s-c1", relation=InferenceKind.ATTACK))
    attacks = [ix.inferences[i] for i in ix.concluding_in("s-c1")]
    assert InferenceKind.ATTACK in {i.kind for i in attacks}


def test_remove_linked_premise_keeps_partner_and_undo_restores_order() -> None:
    ix = MapIndex(_map())
    changes = _roundtrip(ix, edits.remove_statement(ix, "s-c2"))
    assert "s-c2" not in ix.statements
    assert ix.inferences["i-1"].premises == ["s-c1"]
    assert Change("inference", "changed", "i-1", "premises") in changes


def test_remove_statement_takes_its_inferences_undercuts_ratings_and_question() -> None:
    ix = MapIndex(_map())
    ix.apply(edits.set_pinned(ix, {"s-q": (10.0, 20.0)}))
    ix.apply(edits.set_collapsed(ix, "s-q", True))
    _roundtrip(ix, edits.remove_statement(ix, "s-q"))
    assert set(ix.inferences) == {"i-3"}  # i-1, i-2 concluded in s-q; i-4 undercut i-1
    assert ix.doc.question is None
    assert "s-q" not in ix.doc.view.pinned and "s-q" not in ix.doc.view.collapsed
    _roundtrip(ix, edits.remove_statement(ix, "s-e1"))
    assert ix.doc.ratings == []


def test_removing_a_statement_or_link_drops_the_pins_of_the_links_that_go() -> None:
    # An OVA import pins inferences too; their pins were left naming deleted links (a
    # validation warning on every later load).
    doc = _map()
    doc.view.pinned = {"i-1": (1.0, 2.0), "i-4": (3.0, 4.0), "i-3": (5.0, 6.0)}
    ix = MapIndex(doc)
    _roundtrip(ix, edits.remove_statement(ix, "s-q"))
    assert set(ix.doc.view.pinned) == {"i-3"}
    assert validate(ix.doc) == []
    _roundtrip(ix, edits.remove_inference(ix, "i-3"))
    assert ix.doc.view.pinned == {}


def test_remove_statements_removes_many_in_one_edit() -> None:
    ix = MapIndex(_map())
    before = ix.doc.model_dump()
    edit = edits.remove_statements(ix, ["s-c1", "s-q", "s-e1"])
    ix.apply(edit)
    assert set(ix.statements) == {"s-c2", "s-c3", "s-sc"}
    assert ix.doc.inferences == []
    ix.apply(edit.inverse())
    assert ix.doc.model_dump() == before


def test_set_field_validates_and_reports_the_field() -> None:
    ix = MapIndex(_map())
    changes = _roundtrip(ix, edits.set_statement_field(ix, "s-c1", "credibility", 0.8))
    assert changes == [Change("statement", "changed", "s-c1", "credibility")]
    _roundtrip(ix, edits.set_statement_field(ix, "s-c1", "tags", ["east", "west"]))
    assert ix.statements["s-c1"].tags == ["east", "west"]
    with pytest.raises(ValueError):
        edits.set_statement_field(ix, "s-c1", "credibility", 1.5)
    with pytest.raises(EditError):
        edits.set_statement_field(ix, "s-c1", "id", "x")
    assert not edits.set_statement_field(ix, "s-c1", "text", "Yes")  # unchanged: empty edit


def test_inference_fields_and_removal_with_undercut() -> None:
    ix = MapIndex(_map())
    _roundtrip(ix, edits.set_inference_field(ix, "i-2", "strength", 0.3))
    _roundtrip(ix, edits.remove_inference(ix, "i-1"))
    assert "i-4" not in ix.inferences
    with pytest.raises(EditError):
        edits.set_inference_field(ix, "i-2", "kind", InferenceKind.UNDERCUT)


def test_links_that_would_make_a_cycle_are_refused() -> None:
    ix = MapIndex(_map())
    with pytest.raises(EditError):
        edits.add_inference(ix, ["s-q"], "s-e1")
    with pytest.raises(EditError):
        edits.reparent(ix, "s-q", "s-e1")
    _roundtrip(ix, edits.add_inference(ix, ["s-c3"], "s-c1"))  # a DAG is fine
    assert set(ix.parents("s-c3")) == {"s-q", "s-c1"}


def test_reparent_sole_linked_and_root() -> None:
    ix = MapIndex(_map())
    _roundtrip(ix, edits.reparent(ix, "s-e1", "s-c3"))
    assert ix.parents("s-e1") == ["s-c3"]
    _roundtrip(ix, edits.reparent(ix, "s-c2", "s-c3"))
    assert ix.inferences["i-1"].premises == ["s-c1"]
    assert ix.parents("s-c2") == ["s-c3"]
    _roundtrip(ix, edits.reparent(ix, "s-sc", "s-q"))
    assert ix.parents("s-sc") == ["s-q"]


def test_make_convergent_then_linked_round_trips() -> None:
    ix = MapIndex(_map())
    _roundtrip(ix, edits.make_convergent(ix, "i-1"))
    into_q = [ix.inferences[i] for i in ix.concluding_in("s-q")]
    supports = [i for i in into_q if i.kind is InferenceKind.SUPPORT]
    assert sorted(len(i.premises) for i in supports) == [1, 1]
    new = next(i.id for i in supports if i.id != "i-1")
    assert ix.inference_position(new) == ix.inference_position("i-1") + 1
    _roundtrip(ix, edits.make_linked(ix, ["i-1", new]))
    assert ix.inferences["i-1"].premises == ["s-c1", "s-c2"]
    with pytest.raises(EditError):
        edits.make_linked(ix, ["i-1", "i-2"])  # support and attack


def test_quotes_add_link_unlink_remove() -> None:
    ix = MapIndex(_map())
    quote = Quote.from_range("q-3", "src-1", TEXT, 46, 60)
    _roundtrip(ix, edits.add_quote(ix, quote, link_to="s-e1"))
    assert ix.quoting("q-3") == ["s-e1"]
    _roundtrip(ix, edits.link_quote(ix, "s-c3", "q-3"))
    _roundtrip(ix, edits.unlink_quote(ix, "s-e1", "q-3"))
    assert ix.quoting("q-3") == ["s-c3"]
    _roundtrip(ix, edits.remove_quote(ix, "q-1"))
    assert ix.statements["s-c1"].quotes == [] and "q-1" not in ix.quotes
    with pytest.raises(EditError):
        edits.add_quote(ix, Quote.from_range("q-9", "nope", TEXT, 0, 3))


def test_view_edits() -> None:
    ix = MapIndex(_map())
    changes = _roundtrip(ix, edits.set_pinned(ix, {"s-q": (1.0, 2.0), "s-c1": (3.0, 4.0)}))
    assert {c.id for c in changes} == {"s-q", "s-c1"}
    _roundtrip(ix, edits.set_pinned(ix, {"s-q": None}))
    _roundtrip(ix, edits.set_collapsed(ix, "s-c1", True))
    assert ix.doc.view.collapsed == ["s-c1"]
    _roundtrip(ix, edits.set_direction(ix, "LR"))
    assert ix.doc.view.direction == "LR"


OPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "remove", "text", "reparent", "split", "link"]), st.integers(0, 99)
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(OPS)
def test_random_edit_sequences_undo_to_the_start(ops: list[tuple[str, int]]) -> None:
    ix = MapIndex(_map())
    start = ix.doc.model_dump()
    done: list[edits.Edit] = []
    for op, n in ops:
        ids = list(ix.statements)
        if not ids:
            break
        sid = ids[n % len(ids)]
        other = ids[(n // 7) % len(ids)]
        try:
            if op == "add":
                edit = edits.add_statement(ix, f"t{n}", parent=sid, index=n)
            elif op == "remove":
                edit = edits.remove_statement(ix, sid)
            elif op == "text":
                edit = edits.set_statement_field(ix, sid, "text", f"x{n}")
            elif op == "reparent":
                edit = edits.reparent(ix, sid, other)
            elif op == "split":
                infs = list(ix.inferences)
                if not infs:
                    continue
                edit = edits.make_convergent(ix, infs[n % len(infs)])
            else:
                edit = edits.add_inference(ix, [sid], other)
        except EditError:
            continue
        ix.apply(edit)
        done.append(edit)
    _assert_index_consistent(ix)
    for edit in reversed(done):
        ix.apply(edit.inverse())
    assert ix.doc.model_dump() == start


def _chain_index(n: int) -> MapIndex:
    statements = [Statement(id="s-0", kind=StatementKind.QUESTION, text="Root")]
    inferences = []
    for k in range(1, n):
        statements.append(Statement(id=f"s-{k}", kind=StatementKind.PREMISE, text=f"P {k}"))
        inferences.append(
            Inference(id=f"i-{k}", premises=[f"s-{k}"], conclusion=f"s-{(k - 1) // 3}")
        )
    return MapIndex(ArgMap(statements=statements, inferences=inferences))


def _three_hundred_edits(n: int) -> int:
    """Python lines executed by 100 text edits, 100 additions and 100 removals."""
    ix = _chain_index(n)

    def edit() -> None:
        for k in range(100):
            ix.apply(edits.set_statement_field(ix, f"s-{k + 10}", "text", "changed"))
            ix.apply(edits.add_statement(ix, "new", parent=f"s-{k}"))
            ix.apply(edits.remove_statement(ix, f"s-{n - 1000 + k}"))

    return lines_executed(edit)


def test_an_edit_reads_each_record_of_a_big_map_at_most_once() -> None:
    # An addition or removal rebuilds the lazy position table (one line per record);
    # a second pass over the map, or a quadratic one, would double the growth. The time
    # is a benchmark row ("Model edits, 5,000 statements").
    growth = _three_hundred_edits(5_000) - _three_hundred_edits(1_500)
    assert growth <= 300 * 3_500


def test_adding_articles_is_one_edit_that_undoes_exactly() -> None:
    from argmap.model import ArgMap, Source  # noqa: PLC0415
    from argmap.model.edit_steps import EditError  # noqa: PLC0415
    from argmap.model.edits import add_sources, index_of  # noqa: PLC0415

    doc = ArgMap(sources=[Source.from_text("src-a", "First article.")])
    before = doc.model_dump()
    ix = index_of(doc)
    edit = add_sources(
        ix, [Source.from_text("src-b", "Second."), Source.from_text("src-c", "Third.")]
    )
    ix.apply(edit)
    assert [s.id for s in doc.sources] == ["src-a", "src-b", "src-c"]
    assert "src-c" in ix.sources
    ix.apply(edit.inverse())
    assert doc.model_dump() == before
    assert "src-b" not in ix.sources
    with pytest.raises(EditError):
        add_sources(ix, [Source.from_text("src-a", "clash")])


def test_a_premise_from_a_quote_cites_the_words_selected_and_undoes_as_one() -> None:
    ix = MapIndex(_map())
    start = TEXT.index("Both") + 2  # inside a word: widened to whole words
    end = TEXT.index("deny") + 2
    edit, sid, qid = edits.add_premise_from_quote(
        ix, "src-1", end, start, parent="s-c1", relation=InferenceKind.ATTACK
    )  # a backwards selection is the same selection
    changes = _roundtrip(ix, edit)
    assert edit.label == "New premise from quote"
    quote = ix.quote(qid)
    assert (quote.exact, quote.source) == ("Both sides deny", "src-1")
    assert TEXT[quote.start : quote.end] == quote.exact
    statement = ix.statement(sid)
    assert (statement.text, statement.kind, statement.quotes) == (
        "Both sides deny",
        StatementKind.EVIDENCE,
        [qid],
    )
    (inference_id,) = ix.with_premise(sid)
    inference = ix.inference(inference_id)
    assert (inference.conclusion, inference.kind) == ("s-c1", InferenceKind.ATTACK)
    assert [(c.topic, c.action, c.id) for c in changes][:2] == [
        ("quote", "added", qid),
        ("statement", "added", sid),
    ]
    assert sid not in ("s-q", qid) and qid not in ("q-1", "q-2")


@pytest.mark.parametrize(
    ("source", "start", "end", "message"),
    [
        ("src-gone", 0, 4, "no source 'src-gone'"),
        ("src-1", 0, len(TEXT) + 1, f"0..{len(TEXT) + 1} is outside the article's text"),
        ("src-1", -1, 3, "-1..3 is outside the article's text"),
        ("src-1", 25, 26, "select some text of the article first"),  # the full stop
    ],
)
def test_a_premise_from_a_quote_is_refused_with_a_reason(
    source: str, start: int, end: int, message: str
) -> None:
    ix = MapIndex(_map())
    before = ix.doc.model_dump()
    with pytest.raises(EditError) as refused:
        edits.add_premise_from_quote(ix, source, start, end)
    assert str(refused.value) == message
    assert ix.doc.model_dump() == before
