"""Time the scenario analysis on synthetic maps: ``python benchmarks/bench_analysis.py``.

Prints medians of ``analyze()`` (weights, lines of evidence and ACH: the scenario panel's
live update) and of the full explanation (``analyze(with_sensitivity=True)``: Shapley
shares, what would flip the lead, confidence; it runs off the GUI thread), with the
explanation's peak memory, for bushy maps of 100 to 20,000 statements and for shapes that
stress other paths: a deep chain of supports, a deep chain of undercuts, a wide fan of
evidence into one claim, and a DAG whose statements feed several claims.

Goals: ``analyze()`` of a 5,000-statement map under 200 ms; its explanation under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_maps import make_map

from argmap.analysis.report import analyze
from argmap.model import (
    ArgMap,
    Inference,
    InferenceKind,
    Statement,
    StatementKind,
)

GOAL_SIZE, GOAL_MS, GOAL_EXPLAIN_MS = 5000, 200.0, 1000.0


def median_ms(func: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``func`` over ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def peak_mb(func: Callable[[], object]) -> float:
    """Peak memory traced while ``func`` runs, in MB."""
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def _two_scenarios() -> list[Statement]:
    return [
        Statement(id="A", kind=StatementKind.SCENARIO, text="A", prior=1.0),
        Statement(id="B", kind=StatementKind.SCENARIO, text="B", prior=1.0),
    ]


def chain(n: int) -> ArgMap:
    """Evidence at the bottom of a chain of n claims into scenario A."""
    st = _two_scenarios() + [
        Statement(id=f"c{k}", kind=StatementKind.CLAIM, text=f"claim {k}") for k in range(n)
    ]
    st.append(Statement(id="e", kind=StatementKind.EVIDENCE, text="e", credibility=0.9))
    inf = [Inference(id="top", premises=["c0"], conclusion="A", strength=0.9)]
    inf += [
        Inference(id=f"i{k}", premises=[f"c{k + 1}"], conclusion=f"c{k}", strength=0.999)
        for k in range(n - 1)
    ]
    inf.append(Inference(id="ie", premises=["e"], conclusion=f"c{n - 1}", strength=0.999))
    return ArgMap(statements=st, inferences=inf)


def undercut_chain(n: int) -> ArgMap:
    """An attack on A, undercut by an undercut, undercut by ... n deep."""
    st = _two_scenarios() + [
        Statement(id=f"u{k}", kind=StatementKind.EVIDENCE, text=f"u{k}", credibility=0.8)
        for k in range(n + 1)
    ]
    inf = [Inference(id="x0", premises=["u0"], conclusion="A", kind=InferenceKind.ATTACK,
                     strength=0.9)]  # fmt: skip
    inf += [
        Inference(
            id=f"x{k + 1}",
            premises=[f"u{k + 1}"],
            conclusion=f"x{k}",
            kind=InferenceKind.UNDERCUT,
            strength=0.9,
        )  # fmt: skip
        for k in range(n)
    ]
    return ArgMap(statements=st, inferences=inf)


def fan(n: int) -> ArgMap:
    """n items of evidence into one claim that supports A."""
    st = _two_scenarios() + [Statement(id="c", kind=StatementKind.CLAIM, text="c")]
    st += [
        Statement(id=f"e{k}", kind=StatementKind.EVIDENCE, text=f"e{k}", credibility=0.3)
        for k in range(n)
    ]
    inf = [Inference(id="top", premises=["c"], conclusion="A", strength=0.9)]
    inf += [
        Inference(id=f"i{k}", premises=[f"e{k}"], conclusion="c", strength=0.2) for k in range(n)
    ]
    return ArgMap(statements=st, inferences=inf)


def dag(n: int) -> ArgMap:
    """n items of evidence, each feeding two of n/10 claims; claims split between A and B."""
    claims = max(2, n // 10)
    st = _two_scenarios() + [
        Statement(id=f"c{k}", kind=StatementKind.CLAIM, text=f"c{k}") for k in range(claims)
    ]
    st += [
        Statement(id=f"e{k}", kind=StatementKind.EVIDENCE, text=f"e{k}", credibility=0.6)
        for k in range(n)
    ]
    inf = [
        Inference(id=f"t{k}", premises=[f"c{k}"], conclusion="A" if k % 2 else "B", strength=0.8)
        for k in range(claims)
    ]
    for k in range(n):
        for j in (k % claims, (k * 7 + 3) % claims):
            inf.append(Inference(id=f"i{k}-{j}", premises=[f"e{k}"], conclusion=f"c{j}",
                                 strength=0.5))  # fmt: skip
    unique = {i.id: i for i in inf}
    return ArgMap(statements=st, inferences=list(unique.values()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000, 20000])
    parser.add_argument("--shapes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--explain-repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'map':>16} {'statements':>10} {'analyze ms':>11} {'explain ms':>11} {'explain MB':>11}"
    )
    ok = True
    cases: list[tuple[str, ArgMap]] = [(f"bushy {n}", make_map(n)) for n in args.sizes]
    for n in args.shapes:
        cases += [
            (f"chain {n}", chain(n)),
            (f"undercuts {n}", undercut_chain(n)),
            (f"fan {n}", fan(n)),
            (f"dag {n}", dag(n)),
        ]
    for name, doc in cases:
        analyze_ms = median_ms(lambda d=doc: analyze(d), args.repeat)
        explain_ms = median_ms(lambda d=doc: analyze(d, with_sensitivity=True), args.explain_repeat)
        mb = peak_mb(lambda d=doc: analyze(d, with_sensitivity=True))
        print(
            f"{name:>16} {len(doc.statements):>10} {analyze_ms:>11.1f} {explain_ms:>11.1f} "
            f"{mb:>11.1f}"
        )
        if name == f"bushy {GOAL_SIZE}" and (
            analyze_ms >= GOAL_MS or explain_ms >= GOAL_EXPLAIN_MS
        ):
            ok = False
    print(
        f"goals: analyze() of {GOAL_SIZE} statements < {GOAL_MS:.0f} ms and its explanation "
        f"< {GOAL_EXPLAIN_MS:.0f} ms (medians): {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
