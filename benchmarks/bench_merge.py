"""Cost of a three-way merge of maps (medians of 5): ``python benchmarks/bench_merge.py``.

For each shape (a deep chain, a wide fan, a layered DAG; ``tests/map_shapes.py``) and
size, two sides change the same base as two analysts would in a day: each edits the text
of 1 % of the statements and the credibility of another 1 %, adds 20 statements hung
under existing ones and deletes 5; "clash" makes both sides edit the same 1 % of texts
(every edit a conflict). Times are in process: ``merge_maps`` alone, and with the
notes written (what ``argmap merge`` does before saving).

    python benchmarks/bench_merge.py [--sizes 2000,10000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from map_shapes import chain_map, dag_map, fan_map  # noqa: E402

from argmap.model import ArgMap, StatementKind  # noqa: E402
from argmap.model.edits import MapIndex, add_statement, remove_statement  # noqa: E402
from argmap.model.three_way import annotate, merge_maps  # noqa: E402

SHAPES = {"chain": chain_map, "fan": fan_map, "dag": dag_map}
RUNS = 5


def _side(base: ArgMap, tag: str, offset: int, clash: bool) -> ArgMap:
    doc = base.model_copy(deep=True)
    ix = MapIndex(doc)
    n = len(doc.statements)
    step = 100
    for k in range(0 if clash else offset, n, step):
        doc.statements[k].text = f"{tag} wording {k}"
    for k in range(offset + 50, n, step):
        doc.statements[k].credibility = 0.5 + offset / 10
    for k in range(20):
        parent = doc.statements[(k * 37 + offset) % n].id
        ix.apply(add_statement(ix, f"{tag} new {k}", StatementKind.EVIDENCE, parent=parent,
                               statement_id=f"s-{tag}-{k}"))  # fmt: skip
    for k in range(5):
        victim = doc.statements[(k * 53 + offset * 7 + 11) % (n - 30) + 1].id
        if victim in ix.statements:
            ix.apply(remove_statement(ix, victim))
    return doc


def _median_ms(run: object) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2000,10000")
    args = parser.parse_args()
    print(f"{'shape':7} {'size':>6} {'case':6} {'merge ms':>9} {'+notes ms':>9} {'conflicts':>9}")
    for name, make in SHAPES.items():
        for size in (int(s) for s in args.sizes.split(",")):
            base = make(size)
            for clash in (False, True):
                ours, theirs = _side(base, "o", 1, clash), _side(base, "t", 2, clash)
                result = merge_maps(base, ours, theirs)
                merge = _median_ms(lambda b=base, o=ours, t=theirs: merge_maps(b, o, t))

                def with_notes(b: ArgMap = base, o: ArgMap = ours, t: ArgMap = theirs) -> None:
                    r = merge_maps(b, o, t)
                    annotate(r.doc, r.conflicts)

                notes = _median_ms(with_notes)
                case = "clash" if clash else "apart"
                conflicts = len(result.conflicts)
                print(f"{name:7} {size:6d} {case:6} {merge:9.0f} {notes:9.0f} {conflicts:9d}")


if __name__ == "__main__":
    main()
