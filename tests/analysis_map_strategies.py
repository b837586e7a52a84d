"""Hypothesis strategies for small maps with scenarios, for the analysis tests.

``scenario_maps(acyclic=True)`` gives maps whose inferences always run from a later
statement to an earlier one (so there is no cycle); ``acyclic=False`` lets premises and
conclusions fall anywhere, cycles and self-attacks included, as in a hand-edited file.
"""

from __future__ import annotations

from hypothesis import strategies as st

from argmap.model import ArgMap, Inference, InferenceKind, Statement, StatementKind

UNIT = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
MAYBE_UNIT = st.none() | UNIT
ARGUING_KINDS = [k for k in StatementKind if k is not StatementKind.SCENARIO]


@st.composite
def scenario_maps(
    draw: st.DrawFn, *, acyclic: bool = True, min_scenarios: int = 0, max_statements: int = 14
) -> ArgMap:
    """A map with 0-4 scenarios first, then other statements, then inferences."""
    n_scenarios = draw(st.integers(min_scenarios, 4))
    n_other = draw(st.integers(0, max_statements - n_scenarios))
    statements = [
        Statement(
            id=f"h{k}",
            kind=StatementKind.SCENARIO,
            text=f"Scenario {k}",
            prior=draw(st.none() | st.floats(0.0, 10.0)),
        )
        for k in range(n_scenarios)
    ]
    statements += [
        Statement(
            id=f"s{k}",
            kind=draw(st.sampled_from(ARGUING_KINDS)),
            text=f"Statement {k}",
            credibility=draw(MAYBE_UNIT),
        )
        for k in range(n_other)
    ]
    n = len(statements)
    inferences: list[Inference] = []
    if n >= 2 or (n == 1 and not acyclic):
        for k in range(draw(st.integers(0, 2 * n))):
            kind = draw(st.sampled_from(list(InferenceKind)))
            targets = [i for i in inferences if i.kind is not InferenceKind.UNDERCUT]
            if kind is InferenceKind.UNDERCUT and not targets:
                kind = InferenceKind.SUPPORT
            if kind is InferenceKind.UNDERCUT:
                target = draw(st.sampled_from(targets))
                conclusion = target.id
                floor_index = next(j for j, s in enumerate(statements) if s.id == target.conclusion)
            else:
                floor_index = draw(st.integers(0, n - 2 if acyclic else n - 1))
                conclusion = statements[floor_index].id
            low = floor_index + 1 if acyclic else 0
            if low >= n:
                continue
            premises = draw(st.lists(st.integers(low, n - 1), min_size=1, max_size=3, unique=True))
            inferences.append(
                Inference(
                    id=f"i{k}",
                    premises=[statements[p].id for p in premises],
                    conclusion=conclusion,
                    kind=kind,
                    strength=draw(MAYBE_UNIT),
                )
            )
    return ArgMap(title="generated", statements=statements, inferences=inferences)
