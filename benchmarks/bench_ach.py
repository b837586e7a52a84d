"""Time the ACH matrix, its step-6 sensitivity and the Key Assumptions Check:
``python benchmarks/bench_ach.py``.

Prints CPU-time medians (less disturbed by other processes than wall time) of
``ach_matrix`` (part of every live analysis), ``ach_sensitivity`` (worked out while the
matrix pane is shown) and ``key_assumptions`` (while its pane is shown, and in
``analyze --json``), on bushy maps (a few assumptions among them) and on shapes: a wide
fan of evidence, a DAG whose evidence feeds several claims, a deep chain.

Goals at 5,000 statements: the matrix under 100 ms, the sensitivity under 50 ms, the
Key Assumptions Check under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analysis import chain, dag, fan
from synthetic_maps import make_map

from argmap.analysis.ach import ach_matrix
from argmap.analysis.ach_sensitivity import ach_sensitivity
from argmap.analysis.evidence_network import compile_network
from argmap.analysis.key_assumptions import is_key_assumption, key_assumptions
from argmap.model import ArgMap

GOALS_MS = {"matrix": 100.0, "sensitivity": 50.0, "assumptions": 1000.0}
GOAL_SIZE = 5000


def cpu_ms(func: Callable[[], object], repeat: int) -> float:
    """Median CPU time of ``func`` over ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        func()
        times.append((time.process_time() - start) * 1000.0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--shapes", type=int, nargs="+", default=[10000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cases: list[tuple[str, ArgMap]] = [(f"bushy {n}", make_map(n)) for n in args.sizes]
    for n in args.shapes:
        cases += [(f"fan {n}", fan(n)), (f"dag {n}", dag(n)), (f"chain {n}", chain(n))]
    print(
        f"{'map':>12} {'rows':>6} {'assumptions':>11} {'matrix ms':>10} "
        f"{'step 6 ms':>10} {'KAC ms':>8}"
    )
    ok = True
    for name, doc in cases:
        net = compile_network(doc)
        matrix = ach_matrix(doc, net)
        n_assumptions = sum(is_key_assumption(s) for s in doc.statements)
        times = {
            "matrix": cpu_ms(lambda d=doc, nt=net: ach_matrix(d, nt), args.repeat),
            "sensitivity": cpu_ms(lambda m=matrix: ach_sensitivity(m), args.repeat),
            "assumptions": cpu_ms(lambda d=doc: key_assumptions(d), max(1, args.repeat // 2)),
        }
        print(
            f"{name:>12} {len(matrix.evidence):>6} {n_assumptions:>11} "
            f"{times['matrix']:>10.1f} {times['sensitivity']:>10.1f} "
            f"{times['assumptions']:>8.0f}"
        )
        if name == f"bushy {GOAL_SIZE}":
            ok = all(times[k] < goal for k, goal in GOALS_MS.items())
    goals = ", ".join(f"{k} < {v:.0f} ms" for k, v in GOALS_MS.items())
    print(f"goals at {GOAL_SIZE} statements ({goals}, CPU medians): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
