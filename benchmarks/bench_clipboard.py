"""Copy and paste of whole subtrees on deep chains, wide fans and layered DAGs: copying the
root's subtree, planning its paste under the root, applying and undoing it, the three
clipboard forms (argmap JSON, Argdown, outline) and finding the focal question. A second
table times applying and undoing the paste of 10,000 statements with their links (what
``MapIndex.apply`` does when Ctrl+V lands).

Prints medians of 5 runs in ms. Run: ``python benchmarks/bench_clipboard.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from map_shapes import chain_map, dag_map, fan_map

from argmap.interop.clipboard_text import fragment_argdown, fragment_json, fragment_outline
from argmap.model import ArgMap
from argmap.model.focal_question import focal_question
from argmap.model.map_fragment import copy_fragment, plan_paste
from argmap.model.map_index import MapIndex

RUNS = 5


def median_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(doc: ArgMap) -> list[float]:
    """The figures of one map, in the order of the table's columns."""
    root = doc.statements[0].id
    frag = copy_fragment(doc, [root])
    ix = MapIndex(doc)
    edit = plan_paste(ix, frag, parent=root).edit

    def apply_and_undo() -> None:
        ix.apply(edit)
        ix.apply(edit.inverse())

    return [
        median_ms(lambda: copy_fragment(doc, [root])),
        median_ms(lambda: plan_paste(ix, frag, parent=root)),
        median_ms(apply_and_undo),
        median_ms(lambda: fragment_json(frag)),
        median_ms(lambda: fragment_argdown(frag)),
        median_ms(lambda: fragment_outline(frag)),
        median_ms(lambda: focal_question(doc)),
    ]


def measure_paste(doc: ArgMap) -> list[float]:
    """Applying the planned paste of the whole map under its root, and undoing it."""
    root = doc.statements[0].id
    ix = MapIndex(doc)
    edit = plan_paste(ix, copy_fragment(doc, [root]), parent=root).edit
    undo = edit.inverse()
    applied, undone = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        ix.apply(edit)
        applied.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        ix.apply(undo)
        undone.append((time.perf_counter() - start) * 1000)
    return [len(edit.steps), statistics.median(applied), statistics.median(undone)]


def main() -> None:
    heads = ("copy", "plan", "do+undo", "json", "argdown", "outline", "focal")
    print(f"{'shape':<16}" + "".join(f"{h:>9}" for h in heads))
    shapes = (("chain 2000", chain_map(2000)), ("fan 5000", fan_map(5000)),
              ("dag 5000", dag_map(5000)))  # fmt: skip
    for name, doc in shapes:
        print(f"{name:<16}" + "".join(f"{v:>9.1f}" for v in measure(doc)))
    print()
    print(f"{'paste 10,000':<16}{'records':>9}{'apply':>9}{'undo':>9}")
    shapes = (("chain", chain_map(10_000)), ("fan", fan_map(10_000)),
              ("dag", dag_map(10_000)))  # fmt: skip
    for name, doc in shapes:
        records, apply_ms, undo_ms = measure_paste(doc)
        print(f"{name:<16}{records:>9.0f}{apply_ms:>9.1f}{undo_ms:>9.1f}")


if __name__ == "__main__":
    main()
