"""Valid maps of pathological shape, for memory tests, the fuzz harness and benchmarks.

A chain (each statement supports the one before it), an undercut chain (each objection
undercuts the inference of the one before it), a wide fan (one claim, every other
statement a direct reason for it) and a layered DAG (each statement supports two
statements of the level above, so every card but the first row's has two parents).
"""

from __future__ import annotations

from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind

_TEXT = "Premise number {} of a long chain of reasons, each resting on the next one"


def _map(title: str, statements: list[Statement], inferences: list[Inference]) -> ArgMap:
    return ArgMap(title=title, statements=statements, inferences=inferences)


def _root() -> Statement:
    return Statement(id="s-0", kind=StatementKind.CLAIM, text="The claim at the top of it all")


def chain_map(n: int) -> ArgMap:
    """``n`` statements, each supporting the one before it (depth ``n``)."""
    statements = [_root()]
    inferences = []
    for k in range(1, n):
        statements.append(Statement(id=f"s-{k}", kind=StatementKind.PREMISE, text=_TEXT.format(k)))
        inferences.append(Inference(id=f"i-{k}", premises=[f"s-{k}"], conclusion=f"s-{k - 1}"))
    return _map(f"Chain of {n}", statements, inferences)


def undercut_chain_map(n: int) -> ArgMap:
    """A premise supporting the claim, then ``n - 2`` objections, each undercutting the
    inference of the one before it."""
    statements = [
        _root(),
        Statement(id="s-1", kind=StatementKind.PREMISE, text=_TEXT.format(1)),
    ]
    inferences = [Inference(id="i-1", premises=["s-1"], conclusion="s-0")]
    for k in range(2, n):
        statements.append(
            Statement(id=f"s-{k}", kind=StatementKind.OBJECTION, text=_TEXT.format(k))
        )
        inferences.append(
            Inference(
                id=f"i-{k}",
                premises=[f"s-{k}"],
                conclusion=f"i-{k - 1}",
                kind=InferenceKind.UNDERCUT,
            )
        )
    return _map(f"Undercut chain of {n}", statements, inferences)


def fan_map(n: int) -> ArgMap:
    """One claim and ``n - 1`` premises, each a separate reason for it (every third an
    objection, so supports and attacks alternate along the row)."""
    statements = [_root()]
    inferences = []
    for k in range(1, n):
        attack = k % 3 == 0
        kind = StatementKind.OBJECTION if attack else StatementKind.PREMISE
        statements.append(Statement(id=f"s-{k}", kind=kind, text=_TEXT.format(k)))
        inferences.append(
            Inference(
                id=f"i-{k}",
                premises=[f"s-{k}"],
                conclusion="s-0",
                kind=InferenceKind.ATTACK if attack else InferenceKind.SUPPORT,
            )
        )
    return _map(f"Fan of {n}", statements, inferences)


def dag_map(n: int, width: int = 50) -> ArgMap:
    """``n`` statements in rows of ``width`` (the first row: one claim); each statement
    supports the statement above it and the one above and to the right of it."""
    statements = [_root()]
    inferences = []
    previous = ["s-0"]
    k = 1
    while k < n:
        row = []
        for j in range(min(width, n - k)):
            sid = f"s-{k}"
            statements.append(Statement(id=sid, kind=StatementKind.PREMISE, text=_TEXT.format(k)))
            for target in dict.fromkeys(
                (previous[j % len(previous)], previous[(j + 1) % len(previous)])
            ):
                inferences.append(
                    Inference(id=f"i-{len(inferences) + 1}", premises=[sid], conclusion=target)
                )
            row.append(sid)
            k += 1
        previous = row
    return _map(f"DAG of {n} in rows of {width}", statements, inferences)


SHAPES = {
    "chain": chain_map,
    "undercut-chain": undercut_chain_map,
    "fan": fan_map,
    "dag": dag_map,
}
