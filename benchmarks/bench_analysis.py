"""Time the scenario analysis on synthetic maps: ``python benchmarks/bench_analysis.py``.

Prints the median wall time of ``analyze()`` (weights + ACH, the scenario panel's live
update) and, separately, of the full sensitivity ranking, for maps of 100 to 20,000
statements. The goal: ``analyze()`` of a 5,000-statement map under 200 ms.
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

from synthetic_maps import make_map

from argmap.analysis.acceptability import compile_network, evaluate
from argmap.analysis.report import analyze
from argmap.analysis.sensitivity import sensitivity

GOAL_SIZE, GOAL_MS = 5000, 200.0


def median_ms(func: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``func`` over ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000, 20000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--sensitivity-repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'statements':>10} {'inferences':>10} {'analyze ms':>11} {'evaluate ms':>12} "
        f"{'sensitivity ms':>15} {'moving pairs':>13}"
    )
    ok = True
    for size in args.sizes:
        doc = make_map(size)
        analyze_ms = median_ms(lambda d=doc: analyze(d), args.repeat)

        def evaluate_only(d: object = doc) -> None:
            evaluate(compile_network(d))  # type: ignore[arg-type]

        eval_ms = median_ms(evaluate_only, args.repeat)
        sens_ms = median_ms(lambda d=doc: sensitivity(d), args.sensitivity_repeat)
        pairs = len(sensitivity(doc).items)
        print(
            f"{size:>10} {len(doc.inferences):>10} {analyze_ms:>11.1f} {eval_ms:>12.1f} "
            f"{sens_ms:>15.1f} {pairs:>13}"
        )
        if size == GOAL_SIZE and analyze_ms >= GOAL_MS:
            ok = False
    print(
        f"goal: analyze() of {GOAL_SIZE} statements < {GOAL_MS:.0f} ms median: "
        f"{'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
