"""Support loops are found once per knot, as readable steps, and attacks never loop."""

from __future__ import annotations

from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind
from argmap.model.support_cycles import support_cycles
from argmap.model.validation import validate

SUPPORT = InferenceKind.SUPPORT


def chain_map(links: list[tuple[str, str, str]], kind: InferenceKind) -> ArgMap:
    names = sorted({a for a, _, _ in links} | {b for _, b, _ in links})
    return ArgMap(
        statements=[Statement(id=n, kind=StatementKind.CLAIM, text=n) for n in names],
        inferences=[Inference(id=i, premises=[a], conclusion=b, kind=kind) for a, b, i in links],
    )


def test_loop_steps_follow_the_support() -> None:
    doc = chain_map(
        [("a", "b", "i0"), ("b", "c", "i1"), ("c", "a", "i2"), ("c", "d", "i3")],
        InferenceKind.SUPPORT,
    )
    (loop,) = support_cycles(doc)
    assert len(loop) == 3
    for (statement, via), (following, _) in zip(loop, loop[1:] + loop[:1], strict=True):
        inference = doc.inferences[via]
        assert statement in inference.premises
        assert inference.conclusion == following


def test_one_loop_per_knot_even_with_many_cycles_inside() -> None:
    doc = chain_map(
        [("a", "b", "1"), ("b", "a", "2"), ("b", "c", "3"), ("c", "a", "4"), ("c", "b", "5")],
        InferenceKind.SUPPORT,
    )
    assert len(support_cycles(doc)) == 1


def test_attack_loops_and_acyclic_support_are_not_cycles() -> None:
    assert support_cycles(chain_map([("a", "b", "1"), ("b", "a", "2")], InferenceKind.ATTACK)) == []
    assert (
        support_cycles(
            chain_map([("a", "b", "1"), ("a", "c", "2"), ("b", "c", "3")], InferenceKind.SUPPORT)
        )
        == []
    )


def test_deep_chain_does_not_hit_the_recursion_limit() -> None:
    n = 5000
    links = [(f"s{k}", f"s{k + 1}", f"i{k}") for k in range(n)] + [(f"s{n}", "s0", "back")]
    (loop,) = support_cycles(chain_map(links, InferenceKind.SUPPORT))
    assert len(loop) == n + 1


def test_a_statement_supporting_itself_is_not_taken_for_the_loop_it_sits_in() -> None:
    # "a" supports itself (i-self, listed first) and also loops with "b". The loop
    # reported is a -> b -> a through the real inferences; the self-support is left to
    # validation, which reports it as its own problem.
    doc = chain_map([("a", "a", "i-self"), ("a", "b", "i1"), ("b", "a", "i2")], SUPPORT)
    (loop,) = support_cycles(doc)
    assert sorted(doc.inferences[via].id for _, via in loop) == ["i1", "i2"]
    assert {statement for statement, _ in loop} == {"a", "b"}
    problems = [(p.code, p.path) for p in validate(doc)]
    assert ("self-premise", "inferences[0].premises[0]") in problems
    assert [code for code, _ in problems].count("support-cycle") == 1


def test_self_support_alone_is_not_a_loop() -> None:
    doc = chain_map([("a", "a", "i-self"), ("a", "b", "i1")], SUPPORT)
    assert support_cycles(doc) == []
    assert [p.code for p in validate(doc)] == ["self-premise"]


def test_only_the_statements_named_are_considered() -> None:
    doc = chain_map([("a", "b", "i1"), ("b", "a", "i2")], SUPPORT)
    assert len(support_cycles(doc, {"a", "b"})) == 1
    assert support_cycles(doc, {"a"}) == []


def test_a_knot_is_shown_as_its_shortest_loop_from_its_first_statement() -> None:
    # d -> a closes the long way round (a b c d); c -> a the short one (a b c).
    doc = chain_map(
        [("a", "b", "1"), ("b", "c", "2"), ("c", "d", "3"), ("d", "a", "4"), ("c", "a", "5")],
        InferenceKind.SUPPORT,
    )
    (loop,) = support_cycles(doc)
    assert [(s, doc.inferences[k].id) for s, k in loop] == [("a", "1"), ("b", "2"), ("c", "5")]


def test_knots_come_in_document_order() -> None:
    doc = chain_map(
        [("x", "y", "1"), ("y", "x", "2"), ("a", "b", "3"), ("b", "a", "4")],
        InferenceKind.SUPPORT,
    )
    assert [loop[0][0] for loop in support_cycles(doc)] == ["a", "x"]
