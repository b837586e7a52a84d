"""Interactive canvas timings (medians): ``python benchmarks/bench_scene.py [--quick]``.

Opening a map end to end (read, validate, layout, build the scene, first paint), repainting
at fit-to-view and at 100 %, one edit on a 5,000-statement map, memory per statement and
start-up to a painted window. ``run_all.py`` shows the same figures as rows of its table.
Everything runs on Qt's offscreen platform in a 1600 x 1000 view (a laptop's map area).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from synthetic_maps import make_map  # noqa: E402

VIEW_SIZE = (1600, 1000)
_FILES: dict[int, Path] = {}
_SCRATCH = Path(tempfile.mkdtemp(prefix="argmap-bench-scene-"))


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def map_file(n: int) -> Path:
    """A synthetic map of ``n`` statements saved as a map file (once per process)."""
    from argmap.io.map_file import save_map  # noqa: PLC0415

    if n not in _FILES:
        path = _SCRATCH / f"synthetic-{n}.argmap.json"
        save_map(make_map(n), path, backup=False)
        _FILES[n] = path
    return _FILES[n]


def app() -> Any:
    from argmap.ui.app import application  # noqa: PLC0415

    return application()


def open_canvas(path: Path) -> tuple[Any, Any, Any]:
    """Read ``path`` and show it fitted in a view, painted once: (controller, scene, view)."""
    from argmap.io.map_file import load_map  # noqa: PLC0415
    from argmap.ui.canvas.scene import MapScene  # noqa: PLC0415
    from argmap.ui.canvas.view import MapView  # noqa: PLC0415
    from argmap.ui.editing.controller import DocumentController  # noqa: PLC0415

    controller = DocumentController(load_map(path))
    scene = MapScene(controller)
    view = MapView(scene)
    view.resize(*VIEW_SIZE)
    view.show()  # lays the viewport out (a hidden view keeps a default size)
    view.fit_all()
    view.viewport().grab()  # the first paint
    return controller, scene, view


def open_ms(n: int, repeat: int) -> float:
    """Open a map of ``n`` statements end to end, first paint included."""
    app()
    path = map_file(n)
    kept: list[object] = []

    def run() -> None:
        kept.append(open_canvas(path))

    times = []
    for _ in range(repeat):
        kept.clear()  # the previous canvas is freed outside the timing...
        gc.collect()  # ...with its cycles, as in a fresh app
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def repaint_ms(n: int, zoom: float | None, repeat: int) -> float:
    """Repaint the whole viewport at fit-to-view (``zoom`` None) or at ``zoom``."""
    app()
    _, scene, view = open_canvas(map_file(n))
    if zoom is not None:
        view.resetTransform()
        view.scale(zoom, zoom)
        view.centerOn(scene.itemsBoundingRect().center())
    port = view.viewport()
    port.grab()
    return median_ms(port.grab, repeat)


def first_view_ms(n: int, repeat: int) -> float:
    """The first view of an unfolded map of ``n`` statements in a 1280 x 800 window's canvas
    (640 x 711): its scenarios are folded (one step) and framed with the question."""
    from argmap.io.map_file import load_map  # noqa: PLC0415
    from argmap.ui.canvas.scene import MapScene  # noqa: PLC0415
    from argmap.ui.canvas.view import MapView  # noqa: PLC0415
    from argmap.ui.editing.controller import DocumentController  # noqa: PLC0415
    from argmap.ui.window.first_view import show_first_view  # noqa: PLC0415

    app()
    path = map_file(n)
    times = []
    for _ in range(repeat):
        scene = MapScene(DocumentController(load_map(path)))
        view = MapView(scene)
        view.resize(640, 711)
        view.show()
        start = time.perf_counter()
        folded = show_first_view(view)
        times.append((time.perf_counter() - start) * 1000.0)
        assert folded, "the map's scenarios fitted unfolded: not the case measured"
        view.close()
    return statistics.median(times)


def settle(scene: Any) -> None:
    """Run the event loop until deferred item updates are done (idle time)."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    while scene.layouter.pending or scene.backlog.card_ids or scene.backlog.edge_ids:
        QApplication.processEvents()


def edit_ms(
    kind: str,
    repeat: int,
    *,
    paint: bool = False,
    catch_up: bool = False,
    layout_only: bool = False,
) -> float:
    """One edit through the controller on a 5,000-statement map (layout + scene update);
    with ``paint`` also the repaint of a 100 % view on the edited card; with ``catch_up``
    instead the idle time off-screen items then take to follow; with ``layout_only`` the
    layouter's share of the edit."""
    app()
    controller, scene, view = open_canvas(map_file(5000))
    spent: list[float] = []
    relayout = scene.layouter.relayout

    def timed_relayout(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        result = relayout(*args, **kwargs)
        spent.append((time.perf_counter() - start) * 1000.0)
        return result

    scene.layouter.relayout = timed_relayout
    view.resetTransform()
    layout = scene.layout
    leaves = [s for s, c in layout.cards.items() if s not in layout.children and c.parent]
    times = []
    for k in range(repeat):
        sid = leaves[(k * 37) % len(leaves)]
        settle(scene)  # the idle time between two edits: off-screen items catch up
        view.centerOn(scene.cards[sid].sceneBoundingRect().center())
        view.viewport().grab()
        start = time.perf_counter()
        if kind == "text":  # a typo fixed: two letters swapped, so the card keeps its size
            text = controller.index.statement(sid).text
            at = text.index(" ") - 2
            fixed = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
            controller.set_statement_field(sid, "text", fixed)
        elif kind == "rewrite":  # a short new text: the card narrows, its row closes up
            controller.set_statement_field(sid, "text", f"Talks stall ({k}).")
        elif kind == "add":
            controller.add_statement(f"A new premise {k}", parent=sid)
        elif kind == "delete":
            controller.remove_statements([sid])
            leaves.remove(sid)
        else:
            controller.move({sid: (float(k * 10), -500.0)})
        if paint:
            view.viewport().grab()
        times.append((time.perf_counter() - start) * 1000.0)
        if catch_up:
            start = time.perf_counter()
            settle(scene)
            times[-1] = (time.perf_counter() - start) * 1000.0
        if layout_only:
            times[-1] = spent[-1]
    return statistics.median(times)


_MEMORY_CHILD = """
import gc, os, sys, tracemalloc
sys.path[:0] = [{root!r}]
from argmap.ui.app import application
from argmap.io.map_file import load_map
from argmap.layout.tidy_tree import TreeLayouter
from argmap.ui.editing.controller import DocumentController
from argmap.ui.canvas.scene import MapScene
from argmap.ui.canvas.view import MapView

def rss():
    gc.collect()
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
app = application()
controller = DocumentController(load_map({path!r}))
trace = {trace!r}
before = rss()
if trace:
    tracemalloc.start()
scene = MapScene(controller)
view = MapView(scene)
view.resize({w}, {h})
view.show()
view.fit_all()
view.viewport().grab()
view.resetTransform()  # 100 %: the scene index gets built
view.viewport().grab()
if trace:
    print(tracemalloc.get_traced_memory()[0] / len(controller.doc.statements))
    sys.exit(0)
after = rss()
layouter = TreeLayouter(scene.theme.metrics)
layouter.layout(controller.doc)  # what the scene's own layouter holds
layout = rss() - after
n = len(controller.doc.statements)
del layouter
from argmap.io.map_file import save_map
save_map(controller.doc, {saved!r}, backup=False)  # what Ctrl+S does
print((after - before) / n, (after - before - layout) / n, after, rss())
"""


def memory(n: int) -> tuple[float, float, float, float, float]:
    """Bytes per statement of the open scene (RSS: with its layout, without it; Python
    objects alone), and the process's RSS with a map of ``n`` statements open, before and
    after saving it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = []
    for trace in (False, True):
        code = _MEMORY_CHILD.format(
            root=str(ROOT),
            path=str(map_file(n)),
            saved=str(_SCRATCH / f"saved-{n}.argmap.json"),
            w=VIEW_SIZE[0],
            h=VIEW_SIZE[1],
            trace=trace,
        )
        run = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
        )
        out.append([float(v) for v in run.stdout.split()])
    (total, items, rss, saved), (python,) = out
    return total, items, python, rss, saved


_STARTUP_CHILD = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    seen = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, self.done)
        return False
    def done(self):
        print(time.time(), flush=True)
        QApplication.instance().exit(0)

_exec = QApplication.exec
def exec_after_first_paint(*_args):
    app = QApplication.instance()
    watcher = FirstPaint(app)
    from argmap.ui.canvas.view import MapView
    for w in app.topLevelWidgets():
        for view in w.findChildren(MapView):
            view.viewport().installEventFilter(watcher)
    return _exec()
QApplication.exec = staticmethod(exec_after_first_paint)
sys.argv = ["argmap"]
from argmap.cli import main
sys.exit(main([]))
"""


def startup_ms(repeat: int, platform: str = "offscreen") -> float:
    """``python -m argmap`` on the sample map until the map view has painted, in ms."""
    env = dict(os.environ, QT_QPA_PLATFORM=platform, PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "argmap")],
        check=True,
        capture_output=True,
    )
    times = []
    for k in range(repeat + 1):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", _STARTUP_CHILD],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        ).stdout.split()
        if k:  # the first run warms the disk cache
            times.append((float(out[-1]) - start) * 1000.0)
    return statistics.median(times)


_MEMORY: list[tuple[float, float, float, float, float]] = []


def _mem(k: int) -> float:
    if not _MEMORY:
        _MEMORY.append(memory(20000))
    return _MEMORY[0][k]


FIGURES: list[tuple[str, str, Callable[[int], float]]] = [
    ("Open 5,000 statements (read to first paint)", "< 500 ms", lambda r: open_ms(5000, r)),
    ("Open 20,000 statements (read to first paint)", "< 2,000 ms", lambda r: open_ms(20000, r)),
    ("Repaint at fit-to-view, 5,000", "<= 16 ms", lambda r: repaint_ms(5000, None, r)),
    ("Repaint at fit-to-view, 20,000", "<= 33 ms", lambda r: repaint_ms(20000, None, r)),
    ("Repaint at 100 %, 5,000", "<= 16 ms", lambda r: repaint_ms(5000, 1.0, r)),
    ("Repaint at 100 %, 20,000", "<= 16 ms", lambda r: repaint_ms(20000, 1.0, r)),
    ("Edit: fix a typo in a text, 5,000", "<= 30 ms", lambda r: edit_ms("text", r)),
    (
        "Edit: rewrite a text shorter (its row closes up), 5,000",
        "<= 30 ms",
        lambda r: edit_ms("rewrite", r),
    ),
    (
        "Edit: rewrite a text shorter, 5,000: of which layout (argmap.layout)",
        "-",
        lambda r: edit_ms("rewrite", r, layout_only=True),
    ),
    ("Edit: add a premise, 5,000", "<= 30 ms", lambda r: edit_ms("add", r)),
    ("Edit: delete a leaf, 5,000", "<= 30 ms", lambda r: edit_ms("delete", r)),
    ("Edit: move (pin) a card, 5,000", "<= 30 ms", lambda r: edit_ms("move", r)),
    (
        "Edit: fix a typo + repaint at 100 %, 5,000",
        "<= 30 ms",
        lambda r: edit_ms("text", r, paint=True),
    ),
    (
        "Edit: delete a leaf, 5,000: of which layout (argmap.layout)",
        "-",
        lambda r: edit_ms("delete", r, layout_only=True),
    ),
    (
        "Edit: delete a leaf, 5,000, then off-screen items catch up (idle time)",
        "-",
        lambda r: edit_ms("delete", r, catch_up=True),
    ),
    (
        "First view, 5,000 unfolded: fold the scenarios, frame them (640 x 711)",
        "-",
        lambda r: first_view_ms(5000, r),
    ),
    ("Scene memory per statement, 20,000 (RSS, with layout)", "-", lambda _r: _mem(0) / 1024),
    ("Scene memory per statement, 20,000 (RSS, items)", "<= 3 KB", lambda _r: _mem(1) / 1024),
    ("Scene Python objects per statement, 20,000", "-", lambda _r: _mem(2) / 1024),
    ("RSS with 20,000 statements open", "<= 250 MB", lambda _r: _mem(3) / 2**20),
    ("RSS with 20,000 statements open, after saving", "<= 250 MB", lambda _r: _mem(4) / 2**20),
    ("Start-up to a painted window, sample map", "< 600 ms", lambda r: startup_ms(max(3, r))),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--only", metavar="WORD", help="only figures whose name has WORD")
    args = parser.parse_args()
    repeat = 5 if args.quick else 11
    print("| Figure | Target | Measured (median) |\n|---|---|---|")
    for name, target, measure in FIGURES:
        if args.only and args.only.lower() not in name.lower():
            continue
        value = measure(repeat)
        unit = "KB" if "per statement" in name else "MB" if "RSS with" in name else "ms"
        print(f"| {name} | {target} | {value:,.1f} {unit} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
