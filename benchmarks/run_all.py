"""Every performance figure of issue 7 in one table of medians: ``python benchmarks/run_all.py``.

Prints the machine (cores, CPU model, load), the date, then a markdown table: figure,
target, measured median, pass/fail. ``--quick`` takes fewer repeats; ``--only WORD`` runs
the figures whose name contains WORD. Process timings run with argmap's bytecode compiled
first (as an installed package has it); the interpreter's own start-up is a reference row.

Adding a figure: write a function returning the measured number and decorate it with
``@figure(name, target_text, limit, unit)``; ``limit`` is the pass threshold (lower is
better, or pass ``higher_is_better=True``).
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from synthetic_maps import make_map  # noqa: E402

from argmap.model import ArgMap  # noqa: E402


@dataclass(frozen=True)
class Figure:
    """One row of the table."""

    name: str
    target: str
    limit: float | None
    unit: str
    measure: Callable[[Options], float]
    higher_is_better: bool = False


@dataclass(frozen=True)
class Options:
    """How hard to measure."""

    repeat: int
    process_repeat: int
    scratch: Path
    env: dict[str, str]


FIGURES: list[Figure] = []


def figure(
    name: str, target: str, limit: float | None, unit: str = "ms", *, higher_is_better: bool = False
) -> Callable[[Callable[[Options], float]], Callable[[Options], float]]:
    """Register a measurement as a row of the table."""

    def add(fn: Callable[[Options], float]) -> Callable[[Options], float]:
        FIGURES.append(Figure(name, target, limit, unit, fn, higher_is_better))
        return fn

    return add


def median_ms(
    fn: Callable[[], object], repeat: int, setup: Callable[[], object] | None = None
) -> float:
    """Median wall time of ``fn`` in ms (``setup`` runs untimed before each call)."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def process_ms(args: list[str], opts: Options) -> float:
    """Median wall time of a whole ``python ...`` process, in ms."""
    cmd = [sys.executable, *args]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=opts.env)  # warm caches

    def run() -> None:
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, env=opts.env)

    return median_ms(run, opts.process_repeat)


_MAPS: dict[int, ArgMap] = {}


def synthetic(n: int) -> ArgMap:
    """The synthetic map of ``n`` statements (built once per run)."""
    if n not in _MAPS:
        _MAPS[n] = make_map(n)
    return _MAPS[n]


def map_file(n: int, opts: Options) -> Path:
    """The synthetic map of ``n`` statements saved as a map file."""
    from argmap.io.map_file import save_map  # noqa: PLC0415

    path = opts.scratch / f"synthetic-{n}.argmap.json"
    if not path.exists():
        save_map(synthetic(n), path, backup=False)
    return path


# --- layout --------------------------------------------------------------------------------


def _first_layout(n: int, opts: Options) -> float:
    from argmap.layout.tidy_tree import TreeLayouter  # noqa: PLC0415

    doc = synthetic(n)
    kept: list[TreeLayouter] = []  # freed untimed: the app keeps its layout, it does not free it

    def run() -> None:
        layouter = TreeLayouter()
        layouter.layout(doc)
        kept.append(layouter)

    return median_ms(run, opts.repeat, setup=kept.clear)


@figure("Layout, 1,000 statements (first layout)", "< 25 ms", 25)
def layout_1k(opts: Options) -> float:
    return _first_layout(1000, opts)


@figure("Layout, 5,000 statements (first layout)", "< 100 ms", 100)
def layout_5k(opts: Options) -> float:
    return _first_layout(5000, opts)


@figure("Layout, 20,000 statements (first layout)", "< 400 ms (4 x 5,000)", 400)
def layout_20k(opts: Options) -> float:
    return _first_layout(20000, opts)


def _edit_ms(opts: Options, kind: str) -> float:
    """Median re-layout time after one edit of a 5,000-statement map."""
    from argmap.layout.tidy_tree import TreeLayouter  # noqa: PLC0415
    from argmap.model.edits import (  # noqa: PLC0415
        MapIndex,
        add_statement,
        remove_statement,
        set_pinned,
        set_statement_field,
    )

    doc = make_map(5000, seed=1)
    ix = MapIndex(doc)
    layouter = TreeLayouter()
    layout = layouter.layout(doc)
    leaves = [s for s, c in layout.cards.items() if s not in layout.children and c.parent]
    times = []
    for k in range(opts.repeat):
        sid = leaves[(k * 37) % len(leaves)]
        if kind == "text":
            edit = set_statement_field(ix, sid, "text", f"Edited statement number {k}, longer now")
        elif kind == "add":
            edit = add_statement(ix, f"A new premise {k}", parent=sid)
        elif kind == "delete":
            edit = remove_statement(ix, sid)
            leaves.remove(sid)
        else:
            edit = set_pinned(ix, {sid: (float(k * 10), -500.0)})
        ids = [c.id for c in ix.apply(edit) if c.id]
        start = time.perf_counter()
        layouter.relayout(doc, ids)
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


@figure("Re-layout after changing a text, 5,000 statements", "< 10 ms", 10)
def edit_text(opts: Options) -> float:
    return _edit_ms(opts, "text")


@figure("Re-layout after adding a premise, 5,000 statements", "< 10 ms", 10)
def edit_add(opts: Options) -> float:
    return _edit_ms(opts, "add")


@figure("Re-layout after deleting a leaf, 5,000 statements", "< 30 ms", 30)
def edit_delete(opts: Options) -> float:
    return _edit_ms(opts, "delete")


@figure("Re-layout after moving (pinning) a card, 5,000 statements", "< 5 ms", 5)
def edit_move(opts: Options) -> float:
    return _edit_ms(opts, "move")


@figure("Sample map top-down, every claim unfolded: width / height", "<= 3.0", 3.0, ":1")
def sample_aspect(_opts: Options) -> float:
    from argmap.io.map_file import load_map  # noqa: PLC0415
    from argmap.layout.tidy_tree import layout_map  # noqa: PLC0415

    doc = load_map(ROOT / "resources" / "sample.argmap.json")
    doc.view.collapsed = []  # the sample opens folded; the figure is about the whole tree
    bounds = layout_map(doc, "TB").bounds
    return bounds.w / bounds.h


# --- opening a map -----------------------------------------------------------------------


def _open_ms(n: int, opts: Options, *, with_layout: bool) -> float:
    from argmap.io.map_file import load_map  # noqa: PLC0415
    from argmap.layout.tidy_tree import TreeLayouter  # noqa: PLC0415

    path = map_file(n, opts)

    def run() -> None:
        doc = load_map(path)
        if with_layout:
            TreeLayouter().layout(doc)

    return median_ms(run, opts.repeat)


@figure("Read + validate, 5,000 statements", "< 100 ms", 100)
def read_5k(opts: Options) -> float:
    return _open_ms(5000, opts, with_layout=False)


@figure("Read + validate + layout, 5,000 statements", "< 250 ms", 250)
def open_5k(opts: Options) -> float:
    return _open_ms(5000, opts, with_layout=True)


@figure("Read + validate, 20,000 statements", "< 400 ms", 400)
def read_20k(opts: Options) -> float:
    return _open_ms(20000, opts, with_layout=False)


@figure("Read + validate + layout, 20,000 statements", "< 1,000 ms", 1000)
def open_20k(opts: Options) -> float:
    return _open_ms(20000, opts, with_layout=True)


# --- validating a map whose supports loop (networkx finds the knots) ----------------------


def _looped_text(shape: str, n: int) -> bytes:
    """A map file whose supports loop: ``knots`` closes every 20th support of the synthetic
    map back onto its premise; ``chain`` is one loop through ``n`` statements in a row."""
    from argmap.io.map_file import dumps_map  # noqa: PLC0415
    from argmap.model import Inference, InferenceKind, Statement, StatementKind  # noqa: PLC0415

    support = InferenceKind.SUPPORT
    if shape == "knots":
        doc = make_map(n).model_copy(deep=True)
        backs = [i for i in doc.inferences if i.kind is support][::20]
        doc.inferences += [
            Inference(id=f"back{k}", premises=[i.conclusion], conclusion=i.premises[0])
            for k, i in enumerate(backs)
        ]
    else:
        doc = ArgMap(
            statements=[
                Statement(id=f"s{k}", kind=StatementKind.CLAIM, text=f"Step {k}") for k in range(n)
            ],
            inferences=[
                Inference(id=f"i{k}", premises=[f"s{k}"], conclusion=f"s{(k + 1) % n}")
                for k in range(n)
            ],
        )
    return dumps_map(doc).encode()


def _validate_loops_ms(shape: str, n: int, opts: Options) -> float:
    from argmap.io.map_file import loads_map_with_report  # noqa: PLC0415

    text = _looped_text(shape, n)
    loaded = loads_map_with_report(text, allow_errors=True)  # also imports networkx, untimed
    assert any(p.code == "support-cycle" for p in loaded.problems)
    return median_ms(lambda: loads_map_with_report(text, allow_errors=True), opts.repeat)


@figure("Read + validate, 20,000 statements, 1 support loop in 20 (all reported)", "< 400 ms", 400)
def loops_knots_20k(opts: Options) -> float:
    return _validate_loops_ms("knots", 20000, opts)


@figure("Read + validate, one support loop through 20,000 statements", "< 400 ms", 400)
def loops_chain_20k(opts: Options) -> float:
    return _validate_loops_ms("chain", 20000, opts)


# --- the interactive canvas (benchmarks/bench_scene.py) -------------------------------------


def _scene_bench():  # type: ignore[no-untyped-def]
    import bench_scene  # noqa: PLC0415 (Qt only for these rows)

    return bench_scene


@figure("Open 5,000 statements in the canvas (read to first paint)", "< 500 ms", 500)
def canvas_open_5k(opts: Options) -> float:
    return float(_scene_bench().open_ms(5000, opts.repeat))


@figure("Open 20,000 statements in the canvas (read to first paint)", "< 2,000 ms", 2000)
def canvas_open_20k(opts: Options) -> float:
    return float(_scene_bench().open_ms(20000, max(3, opts.repeat // 2)))


@figure("Canvas repaint at fit-to-view, 5,000 statements", "<= 16 ms", 16)
def canvas_fit_5k(opts: Options) -> float:
    return float(_scene_bench().repaint_ms(5000, None, opts.repeat))


@figure("Canvas repaint at fit-to-view, 20,000 statements", "<= 33 ms", 33)
def canvas_fit_20k(opts: Options) -> float:
    return float(_scene_bench().repaint_ms(20000, None, opts.repeat))


@figure("Canvas repaint at 100 %, 5,000 statements (map centre)", "<= 16 ms", 16)
def canvas_100_5k(opts: Options) -> float:
    return float(_scene_bench().repaint_ms(5000, 1.0, opts.repeat))


@figure("Canvas edit: fix a typo, 5,000 statements (layout + items)", "<= 30 ms", 30)
def canvas_edit_text(opts: Options) -> float:
    return float(_scene_bench().edit_ms("text", opts.repeat))


@figure("Canvas edit: rewrite a text shorter (its row closes up), 5,000", "<= 30 ms", 30)
def canvas_edit_rewrite(opts: Options) -> float:
    return float(_scene_bench().edit_ms("rewrite", opts.repeat))


@figure("Canvas edit: add a premise, 5,000 statements", "<= 30 ms", 30)
def canvas_edit_add(opts: Options) -> float:
    return float(_scene_bench().edit_ms("add", opts.repeat))


@figure("Canvas edit: delete a leaf, 5,000 statements", "<= 30 ms", 30)
def canvas_edit_delete(opts: Options) -> float:
    return float(_scene_bench().edit_ms("delete", opts.repeat))


@figure("Canvas edit: move (pin) a card, 5,000 statements", "<= 30 ms", 30)
def canvas_edit_move(opts: Options) -> float:
    return float(_scene_bench().edit_ms("move", opts.repeat))


@figure("Canvas memory per statement, 20,000 (items, RSS)", "<= 3 KB", 3, "KB")
def canvas_memory(_opts: Options) -> float:
    return float(_scene_bench().memory(20000)[1] / 1024)


@figure("RSS with 20,000 statements open in the canvas", "<= 250 MB", 250, "MB")
def canvas_rss(_opts: Options) -> float:
    return float(_scene_bench().memory(20000)[3] / 2**20)


@figure("RSS with 20,000 statements open in the canvas, after saving", "<= 250 MB", 250, "MB")
def canvas_rss_saved(_opts: Options) -> float:
    return float(_scene_bench().memory(20000)[4] / 2**20)


@figure("Start-up to a painted window on the sample map (process)", "< 600 ms", 600)
def canvas_startup(opts: Options) -> float:
    return float(_scene_bench().startup_ms(opts.process_repeat))


# --- model edits and quotes ------------------------------------------------------------------


@figure("Model edits, 5,000 statements (text, add, remove; per edit)", "< 5 ms", 5)
def model_edits_5k(opts: Options) -> float:
    from argmap.model import edits  # noqa: PLC0415
    from argmap.model.map_index import MapIndex  # noqa: PLC0415

    doc = synthetic(5000)
    ids = [s.id for s in doc.statements]
    index: list[MapIndex] = []

    def fresh() -> None:
        index[:] = [MapIndex(doc.model_copy(deep=True))]

    def run() -> None:
        ix = index[0]
        for k in range(20):
            ix.apply(edits.set_statement_field(ix, ids[k + 10], "text", "changed"))
            ix.apply(edits.add_statement(ix, "new", parent=ids[k]))
            ix.apply(edits.remove_statement(ix, ids[-1 - k]))

    return median_ms(run, opts.repeat, setup=fresh) / 60


@figure("Re-anchor 100 quotes in a revised 20-page article (50 changed)", "< 1,000 ms", 1000)
def reanchor_100(opts: Options) -> float:
    import random  # noqa: PLC0415

    from argmap.io.article_import import import_article  # noqa: PLC0415
    from argmap.model.quote_anchor import (  # noqa: PLC0415
        make_quote,
        reanchor_source,
        sentence_spans,
    )
    from argmap.model.source import Source  # noqa: PLC0415

    paragraphs = "\n\n".join(
        import_article(p).text for p in sorted((ROOT / "seeds").glob("*.txt"))
    ).split("\n\n")
    reworded = [" ".join(reversed(p.split(" "))) for p in paragraphs]
    rotated = [" ".join(p.split(" ")[3:] + p.split(" ")[:3]) for p in paragraphs]
    article = "\n\n".join(paragraphs + reworded + rotated)
    source = Source.from_text("src-big", article)
    spans = [
        (s, e)
        for s, e in sentence_spans(article)
        if len(article[s:e].split(" ")) >= 10 and article.count(article[s:e]) == 1
    ]
    quotes = [
        make_quote(source, s, e, snap=None, quote_id=f"q{n}")
        for n, (s, e) in enumerate(sorted(random.Random(7).sample(spans, 100)))
    ]
    revised = article
    for quote in reversed(quotes[::2]):  # one word changed in every second quote
        words = quote.exact.split(" ")
        words[len(words) // 2] = "CHANGED"
        revised = revised[: quote.start] + " ".join(words) + revised[quote.end :]
    doc = ArgMap(sources=[source], quotes=quotes)
    return median_ms(lambda: reanchor_source(doc, "src-big", "Note.\n\n" + revised), opts.repeat)


# --- analysis ------------------------------------------------------------------------------


@figure("Scenario analysis (analyze), 5,000 statements", "< 200 ms", 200)
def analysis_5k(opts: Options) -> float:
    from argmap.analysis.report import analyze  # noqa: PLC0415

    doc = synthetic(5000)
    return median_ms(lambda: analyze(doc), opts.repeat)


# --- pathological shapes: deep chains (benchmarks/bench_shapes.py, a process per step) ----------

_SHAPES: dict[tuple[str, int, str], object] = {}


def _shape(shape: str, n: int, step: str, opts: Options) -> object:
    """One step on one shape, measured once for its time and its peak memory rows."""
    import bench_shapes  # noqa: PLC0415 (each measurement runs in its own process)

    key = (shape, n, step)
    if key not in _SHAPES:
        _SHAPES[key] = bench_shapes.measure(shape, n, step, max(1, opts.repeat // 3))
    return _SHAPES[key]


def _value(result: object, field: str) -> float:
    """A measured figure; infinite (a failed row) if the step ran past its budget."""
    return math.inf if getattr(result, "failure", "") else float(getattr(result, field))


def _shape_rows(n: int, ms: dict[str, float], mb: float) -> None:
    """Rows for a chain of ``n``: each step's median time (under ``ms[step]``) and peak RSS."""
    words = {"layout": "layout", "svg": "export SVG", "png": "export PNG", "pdf": "export PDF",
             "analyze": "analyze", "canvas": "open in the canvas"}  # fmt: skip
    for step, limit in ms.items():
        name = f"Chain of {n:,} statements: {words[step]}"

        def timed(opts: Options, step: str = step) -> float:
            return _value(_shape("chain", n, step, opts), "median_ms")

        def peak(opts: Options, step: str = step) -> float:
            return _value(_shape("chain", n, step, opts), "peak_mb")

        figure(name, f"< {limit:,.0f} ms", limit)(timed)
        figure(f"{name} (peak RSS)", f"< {mb:,.0f} MB", mb, "MB")(peak)


_shape_rows(10_000, {"layout": 1000, "svg": 2000, "png": 3000, "pdf": 3000, "analyze": 1000,
                     "canvas": 2500}, 300)  # fmt: skip
_shape_rows(50_000, {"layout": 5000, "svg": 10000, "png": 15000, "pdf": 15000, "analyze": 5000,
                     "canvas": 12500}, 1000)  # fmt: skip


# --- export and start-up (whole processes) ---------------------------------------------------


@figure("python -c pass (interpreter start-up, reference)", "-", None)
def python_start(opts: Options) -> float:
    return process_ms(["-c", "pass"], opts)


@figure("argmap --version (process)", "< 200 ms", 200)
def version_process(opts: Options) -> float:
    return process_ms(["-m", "argmap", "--version"], opts)


@figure("import argmap.cli (in process)", "< 10 ms", 10)
def cli_import(opts: Options) -> float:
    code = (
        "import time; t = time.perf_counter(); import argmap.cli; "
        "print((time.perf_counter() - t) * 1000)"
    )
    return _python_number(code, opts)


@figure("import the GUI launch path, no window (argmap.cli.open_cmd)", "< 400 ms", 400)
def gui_import(opts: Options) -> float:
    code = (
        "import importlib.util, time; t = time.perf_counter()\n"
        "if importlib.util.find_spec('argmap.cli.open_cmd') is None: print('nan')\n"
        "else:\n"
        "    import argmap.cli.open_cmd, argmap.ui.window.main_window\n"
        "    print((time.perf_counter() - t) * 1000)"
    )
    return _python_number(code, opts)


@figure("argmap export 1,000 statements to SVG (process)", "< 300 ms (Argdown: ~5 s)", 300)
def export_process(opts: Options) -> float:
    src = map_file(1000, opts)
    return process_ms(["-m", "argmap", "export", str(src), "-o", str(opts.scratch / "m.svg")], opts)


@figure("SVG size per statement, 1,000 statements", "< 1,000 B", 1000, "B")
def svg_bytes(_opts: Options) -> float:
    from argmap.export.svg_writer import map_svg  # noqa: PLC0415

    return len(map_svg(synthetic(1000)).encode("utf-8")) / 1000


@figure("Modules export to SVG never imports (PySide6, networkx)", "0", 0, "")
def export_imports(opts: Options) -> float:
    src = map_file(1000, opts)
    code = (
        "import sys; from argmap.cli import main; "
        f"main(['export', {str(src)!r}, '-o', {str(opts.scratch / 'n.svg')!r}]); "
        "print(sum(m.split('.')[0] in ('PySide6', 'networkx') for m in sys.modules))"
    )
    return _python_number(code, opts)


def _python_number(code: str, opts: Options) -> float:
    values = []
    for _ in range(opts.process_repeat):
        out = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            env=opts.env,
        ).stdout
        values.append(float(out.split()[-1]))
    return statistics.median(values)


# --- the table -------------------------------------------------------------------------------


def machine() -> str:
    """Cores, CPU model, load average, Python, date."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    today = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        f"{os.cpu_count()} cores, {model}; load average {load}; "
        f"Python {platform.python_version()}; {today}"
    )


def _format(value: float, unit: str) -> str:
    if unit == ":1":
        return f"{value:.2f}:1"
    if unit in ("", "B"):
        return f"{value:,.0f}{' ' + unit if unit else ''}"
    return f"{value:,.1f} {unit}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--only", metavar="WORD", help="only figures whose name has WORD")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as tmp:
        scratch = Path(tmp)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        # An installed package has its bytecode compiled; a checkout run with
        # PYTHONDONTWRITEBYTECODE would compile every module in every process.
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "argmap")],
            check=True,
            capture_output=True,
        )
        opts = Options(
            repeat=5 if args.quick else 9,
            process_repeat=3 if args.quick else 7,
            scratch=scratch,
            env=env,
        )
        print(f"Machine: {machine()}\n")
        print("| Figure | Target | Measured (median) | |")
        print("|---|---|---|---|")
        failed = 0
        for fig in FIGURES:
            if args.only and args.only.lower() not in fig.name.lower():
                continue
            value = fig.measure(opts)
            if math.isnan(value):  # not built in this checkout
                print(f"| {fig.name} | {fig.target} | n/a (not in this checkout) | |")
                continue
            if fig.limit is None:
                verdict = ""
            else:
                ok = value >= fig.limit if fig.higher_is_better else value <= fig.limit
                verdict = "pass" if ok else "**FAIL**"
                failed += not ok
            print(f"| {fig.name} | {fig.target} | {_format(value, fig.unit)} | {verdict} |")
            sys.stdout.flush()
        print(f"\nLoad average after the run: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
