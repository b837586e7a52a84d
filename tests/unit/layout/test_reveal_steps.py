"""The presentation's reveal sequence: everything appears, argument by argument, undoably."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.layout.reveal_steps import RevealStep, reveal_steps, visible_map
from argmap.model import ArgMap, Inference, InferenceKind, Statement
from argmap.resources import resource
from tests.layout_maps import ceasefire_map, synthetic_map


@pytest.fixture(scope="module")
def sample() -> ArgMap:
    return ArgMap.model_validate_json(resource("sample.argmap.json").read_text(encoding="utf-8"))


def _reasons(doc: ArgMap, sid: str) -> tuple[set[str], set[str]]:
    """Premises and inferences bearing on ``sid``: into it, and undercutting those."""
    arrows = {i.id for i in doc.inferences if i.conclusion == sid}
    grew = True
    while grew:
        more = {i.id for i in doc.inferences if i.conclusion in arrows} - arrows
        arrows |= more
        grew = bool(more)
    ids = {s.id for s in doc.statements}
    premises = {p for i in doc.inferences if i.id in arrows for p in i.premises if p in ids}
    return premises, arrows


def _check_sequence(doc: ArgMap, steps: Sequence[RevealStep]) -> None:
    assert steps[0].index == 0
    assert steps[0].statements == {steps[0].current}
    assert steps[-1].statements == {s.id for s in doc.statements}
    by_id = {i.id: i for i in doc.inferences}
    statement_ids = {s.id for s in doc.statements}
    for before, after in zip(steps, steps[1:], strict=False):
        assert after.index == before.index + 1
        # Back undoes exactly: the previous step is this one minus what it revealed.
        assert after.statements - set(after.revealed) == before.statements
        assert after.inferences - set(after.new_inferences) == before.inferences
        assert not set(after.revealed) & before.statements
    for step in steps:
        for iid in step.inferences:  # no arrow from or to a hidden card
            inf = by_id[iid]
            assert all(p in step.statements for p in inf.premises if p in statement_ids)
            target = inf.conclusion
            assert target in step.statements or target in step.inferences


def test_first_step_shows_only_the_question(sample: ArgMap) -> None:
    steps = reveal_steps(sample)
    assert steps[0].current == sample.question
    assert steps[0].statements == {sample.question}
    assert steps[0].path == (sample.question,)


def test_every_statement_is_revealed_once_and_back_undoes_exactly(sample: ArgMap) -> None:
    steps = reveal_steps(sample)
    _check_sequence(sample, steps)
    revealed = [sid for s in steps for sid in s.revealed]
    assert sorted(revealed) == sorted(s.id for s in sample.statements)
    assert {i.id for i in sample.inferences} == steps[-1].inferences


def test_each_step_adds_the_current_statements_reasons(sample: ArgMap) -> None:
    steps = reveal_steps(sample)
    for step in steps[1:]:
        premises, arrows = _reasons(sample, step.current)
        assert set(step.revealed) <= premises
        assert set(step.new_inferences) <= arrows
        # After its step, all of the current statement's reasons are on screen.
        assert premises <= step.statements
        assert arrows <= step.inferences


def test_linked_premises_appear_together(sample: ArgMap) -> None:
    steps = reveal_steps(sample)
    linked = [i for i in sample.inferences if len(i.premises) > 1]
    assert linked
    for inf in linked:
        first = next(s for s in steps if set(inf.premises) & set(s.revealed))
        assert set(inf.premises) <= first.statements


def test_depth_first_in_document_order(sample: ArgMap) -> None:
    steps = reveal_steps(sample)
    currents = [s.current for s in steps[1:]]
    # The deal scenario's whole argument comes before attrition is opened.
    deal, attrition = currents.index("s-sc-deal"), currents.index("s-sc-attrition")
    assert deal < currents.index("s-economy-degrading") < attrition
    # Statements open in the order their conclusions list them.
    answers = [i.premises[0] for i in sample.inferences if i.conclusion == sample.question]
    opened = [s for s in currents if s in answers]
    assert len(opened) >= 4 and opened == [s for s in answers if s in opened]


def test_path_to_root_follows_the_arguments(sample: ArgMap) -> None:
    steps = reveal_steps(sample)
    step = next(s for s in steps if s.current == "s-economy-degrading")
    assert step.path == ("s-economy-degrading", "s-putin-flexibility", "s-sc-deal", "s-question")
    by_id = {i.id: i for i in sample.inferences}
    for (child, parent), iid in zip(
        zip(step.path, step.path[1:], strict=False), step.path_inferences, strict=True
    ):
        assert child in by_id[iid].premises
        assert by_id[iid].conclusion == parent
    for s in steps:
        assert s.path[0] == s.current and s.path[-1] == sample.question
        assert set(s.path) <= s.statements


def test_undercut_is_revealed_with_the_statement_it_argues_about(sample: ArgMap) -> None:
    steps = reveal_steps(sample)
    step = next(s for s in steps if "s-fears-weakness" in s.revealed)
    assert step.current == "s-sc-deal"
    assert "i-fear-undercut" in step.new_inferences
    # Its path runs through the undercut arrow.
    own = next(s for s in steps if s.current == "s-fears-weakness")
    assert own.path_inferences[0] == "i-fear-undercut"


def test_split_steps_keep_groups_and_number_their_parts(sample: ArgMap) -> None:
    def at_most_three(_current: str, groups: Sequence[Sequence[str]]) -> bool:
        return sum(len(g) for g in groups) <= 3

    steps = reveal_steps(sample, at_most_three)
    _check_sequence(sample, steps)
    assert len(steps) > len(reveal_steps(sample))
    for step in steps:
        assert len(step.revealed) <= 3 or step.parts == 1
    flex = [s for s in steps if s.current == "s-putin-flexibility"]
    assert [s.part for s in flex] == list(range(1, len(flex) + 1))
    assert all(s.parts == len(flex) for s in flex) and len(flex) > 1
    # The two linked premises never land on different pages.
    for s in flex:
        assert ("s-economy-degrading" in s.revealed) == ("s-elites-discontented" in s.revealed)


def test_pages_are_evenly_filled(sample: ArgMap) -> None:
    def at_most_five(_current: str, groups: Sequence[Sequence[str]]) -> bool:
        return sum(len(g) for g in groups) <= 5

    steps = reveal_steps(sample, at_most_five)
    attrition = [len(s.revealed) for s in steps if s.current == "s-sc-attrition"]
    reasons = sum(attrition)
    assert reasons > 5  # more than one page
    # the fewest pages, as even as they can be: eight reasons make 4 + 4, not 5 + 3
    pages = -(-reasons // 5)
    assert len(attrition) == pages and max(attrition) - min(attrition) <= 1


def test_visible_map_holds_exactly_the_step(sample: ArgMap) -> None:
    step = reveal_steps(sample)[5]
    part = visible_map(sample, step)
    assert {s.id for s in part.statements} == step.statements
    assert {i.id for i in part.inferences} == step.inferences
    assert [s.id for s in part.statements] == [
        s.id for s in sample.statements if s.id in step.statements
    ]


def test_empty_map_has_no_steps() -> None:
    assert reveal_steps(ArgMap()) == []


def test_map_without_question_and_several_roots() -> None:
    doc = ceasefire_map().model_copy(update={"question": None})
    extra = Statement(id="s-lone", kind="claim", text="An unrelated note")
    doc = doc.model_copy(update={"statements": [*doc.statements, extra]})
    steps = reveal_steps(doc)
    _check_sequence(doc, steps)
    assert steps[-1].current == "s-lone" and steps[-1].revealed == ("s-lone",)


@st.composite
def _dags(draw: st.DrawFn) -> ArgMap:
    """Small maps with shared premises, attacks, undercuts and the odd cycle."""
    n = draw(st.integers(1, 12))
    statements = [Statement(id=f"s-{k}", kind="claim", text=f"claim {k}") for k in range(n)]
    inferences: list[Inference] = []
    for k in range(draw(st.integers(0, 14))):
        prem = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3, unique=True))
        if inferences and draw(st.booleans()) and k % 3 == 0:
            target = draw(st.sampled_from(inferences)).id
            kind = InferenceKind.UNDERCUT
        else:
            target = f"s-{draw(st.integers(0, n - 1))}"
            kind = draw(st.sampled_from([InferenceKind.SUPPORT, InferenceKind.ATTACK]))
        premises = [f"s-{p}" for p in prem if f"s-{p}" != target]
        if premises:
            inferences.append(
                Inference(id=f"i-{k}", premises=premises, conclusion=target, kind=kind)
            )
    return ArgMap(statements=statements, inferences=inferences, question="s-0")


@settings(max_examples=60, deadline=None)
@given(_dags(), st.integers(1, 4))
def test_any_map_reveals_everything_step_by_step(doc: ArgMap, page: int) -> None:
    steps = reveal_steps(doc, lambda _c, groups: sum(len(g) for g in groups) <= page)
    _check_sequence(doc, steps)
    for s in steps:
        assert s.path[0] == s.current
        assert len(s.path_inferences) == len(s.path) - 1


def test_synthetic_map_reveals_everything() -> None:
    doc = synthetic_map(150, seed=4)
    steps = reveal_steps(doc)
    _check_sequence(doc, steps)
