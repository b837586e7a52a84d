"""Time the team view and the disagreement view: ``python benchmarks/bench_team.py``.

Each map gets N analyst layers that each set about half of its credibilities and
strengths and every prior to their own random values (a Delphi round where nobody
agrees: the worst case, every judgement disagrees). Prints medians of ``team_view`` (one
weighing per analyst: what the team pane shows first) and of ``disagreements`` (one
weighing per analyst and distinct value, for every judgement with a spread), for bushy
maps and for the shapes of bench_analysis (a deep chain, a wide fan, a DAG).
The disagreement view runs on a worker thread in the app.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analysis import chain, dag, fan, median_ms
from synthetic_maps import make_map

from argmap.analysis.disagreement import disagreements
from argmap.analysis.team_view import team_view
from argmap.model import ArgMap, Layer, StatementKind


def with_analysts(doc: ArgMap, n: int, seed: int = 0) -> ArgMap:
    """``doc`` with ``n`` layers that disagree on about half of every judgement."""
    rng = random.Random(seed)
    for k in range(n):
        layer = Layer(name=f"analyst {k + 1}")
        for s in doc.statements:
            if s.kind is StatementKind.SCENARIO:
                layer.prior[s.id] = rng.uniform(0.5, 5.0)
            elif rng.random() < 0.5:
                layer.credibility[s.id] = round(rng.random(), 2)
        for i in doc.inferences:
            if rng.random() < 0.5:
                layer.strength[i.id] = round(rng.random(), 2)
        doc.layers.append(layer)
    return doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[66, 300, 1000])
    parser.add_argument("--analysts", type=int, nargs="+", default=[3, 6])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sample = Path(__file__).resolve().parent.parent / "resources" / "sample.argmap.json"
    from argmap.io.map_file import load_map  # noqa: PLC0415

    cases: list[tuple[str, ArgMap]] = [("sample map (66)", load_map(sample))]
    cases += [(f"bushy {n}", make_map(n)) for n in args.sizes if n != 66]
    cases += [("chain 300", chain(300)), ("fan 300", fan(300)), ("dag 300", dag(300))]
    print(f"{'map':<18} {'analysts':>8} {'team view':>12} {'disagreements':>15} {'rows':>6}")
    for name, base in cases:
        for n in args.analysts:
            doc = with_analysts(base.model_copy(deep=True), n)
            team_ms = median_ms(lambda d=doc: team_view(d), args.repeat)
            rows = len(disagreements(doc))
            dis_ms = median_ms(lambda d=doc: disagreements(d), args.repeat)
            print(f"{name:<18} {n:>8} {team_ms:>9.1f} ms {dis_ms:>12.0f} ms {rows:>6}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
