"""Cost of the outline view (medians): ``python benchmarks/bench_outline.py``.

For each shape (deep chain, wide fan, layered DAG, undercut chain) and size: building the
outline's rows from a map (``rebuild``, what a structural edit costs while the outline is
open), laying them out wrapped at a dock's width (what the first paint costs), and one
text edit (rows updated in place). Offscreen, in this process.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from map_shapes import chain_map, dag_map, fan_map, undercut_chain_map  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from argmap.model import ArgMap  # noqa: E402
from argmap.ui.editing.controller import DocumentController  # noqa: E402
from argmap.ui.outline.outline_view import OutlineView  # noqa: E402

SHAPES: dict[str, Callable[[int], ArgMap]] = {
    "chain": chain_map,
    "fan": fan_map,
    "dag": dag_map,
    "undercut-chain": undercut_chain_map,
}


def _median_ms(step: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _text_edit(controller: DocumentController) -> Callable[[], None]:
    """One new text for the last statement per call (rows updated in place)."""
    sid = controller.doc.statements[-1].id
    texts = iter(f"Edited text {k}" for k in range(1_000_000))

    def edit() -> None:
        controller.set_statement_field(sid, "text", next(texts))

    return edit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    print(f"{'shape':<15} {'size':>7} {'rebuild ms':>11} {'layout ms':>10} {'edit ms':>8}")
    for name, make in SHAPES.items():
        for size in (int(s) for s in args.sizes.split(",")):
            controller = DocumentController(make(size))
            view = OutlineView(controller)
            view.resize(320, 900)
            view.show()
            app.processEvents()
            rebuild = _median_ms(view._rebuild, args.runs)  # what a structural edit runs
            layout = _median_ms(view.doItemsLayout, args.runs)
            edit = _median_ms(_text_edit(controller), args.runs)
            print(f"{name:<15} {size:>7} {rebuild:>11.0f} {layout:>10.0f} {edit:>8.1f}")
            view.close()
            view.deleteLater()
            app.processEvents()


if __name__ == "__main__":
    main()
