"""Cost of pathological shapes (medians, peak memory): ``python benchmarks/bench_shapes.py``.

Deep chains, an undercut chain, a wide fan and a layered DAG (``tests/map_shapes.py``),
each through layout, export to SVG, PNG and PDF (the ``argmap export`` command, in
process), analysis (``argmap analyze``) and opening in the canvas (offscreen, read to
first paint). Every (shape, size, step) runs in a fresh process, so its peak RSS is its
own: the table shows the median time, the peak RSS of the first run and how much of it the
step added to a process that had only imported what the step needs. A process that passes its memory
budget (``--budget-mb``, default 3,000) or time limit is killed and shows as over budget.

    python benchmarks/bench_shapes.py                    # every shape at its sizes
    python benchmarks/bench_shapes.py --only chain --steps layout,svg --sizes 1000,2000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

STEPS = ("layout", "svg", "png", "pdf", "analyze", "canvas")
SIZES = {
    "chain": (10_000, 50_000),
    "undercut-chain": (10_000,),
    "fan": (10_000, 50_000),
    "dag": (10_000, 50_000),
}
_SCRATCH = Path(tempfile.mkdtemp(prefix="argmap-bench-shapes-"))


@dataclass(frozen=True)
class Result:
    """One step on one map: median ms, peak RSS and what the step added (MB), or why not."""

    median_ms: float = float("nan")
    peak_mb: float = float("nan")
    added_mb: float = float("nan")
    failure: str = ""


def map_path(shape: str, n: int) -> Path:
    """The map of ``shape`` with ``n`` statements, saved once per run."""
    from map_shapes import SHAPES  # noqa: PLC0415

    from argmap.io.map_file import save_map  # noqa: PLC0415

    path = _SCRATCH / f"{shape}-{n}.argmap.json"
    if not path.exists():
        save_map(SHAPES[shape](n), path, backup=False)
    return path


def measure(
    shape: str, n: int, step: str, repeat: int, *, budget_mb: float = 3000, limit_s: float = 600
) -> Result:
    """Run ``step`` on the map ``repeat`` times in a fresh process (killed past the budget)."""
    path = map_path(shape, n)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    cmd = [sys.executable, __file__, "--child", step, str(path), str(repeat)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    over: list[str] = []
    watcher = threading.Thread(target=_watch, args=(proc, budget_mb, limit_s, over), daemon=True)
    watcher.start()
    out, err = proc.communicate()
    watcher.join()
    if over:
        return Result(failure=over[0])
    if proc.returncode != 0:
        return Result(failure=f"exit {proc.returncode}: {err.strip()[-300:]}")
    return Result(**json.loads(out.splitlines()[-1]))


def _watch(proc: subprocess.Popen[str], budget_mb: float, limit_s: float, over: list[str]) -> None:
    """Kill ``proc`` once its RSS passes ``budget_mb`` or it runs past ``limit_s``."""
    started = time.monotonic()
    while proc.poll() is None:
        rss = _rss_mb(proc.pid)
        if rss > budget_mb:
            over.append(f"over budget: RSS {rss:,.0f} MB > {budget_mb:,.0f} MB")
        elif time.monotonic() - started > limit_s:
            over.append(f"over time: no answer after {limit_s:.0f} s")
        if over:
            proc.kill()
            return
        time.sleep(0.05)


def _rss_mb(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _child(step: str, path: str, repeat: int) -> None:
    """In the child process: import what ``step`` needs, then time it ``repeat`` times."""
    import gc  # noqa: PLC0415
    import statistics  # noqa: PLC0415

    from argmap.cli import main  # noqa: PLC0415
    from argmap.io.map_file import load_map  # noqa: PLC0415

    out = _SCRATCH / f"out.{step}"
    kept: list[object] = []
    if step == "layout":
        from argmap.layout.tidy_tree import TreeLayouter  # noqa: PLC0415

        def run() -> None:
            layouter = TreeLayouter()
            layouter.layout(load_map(path))
            kept.append(layouter)  # the app keeps its layout: freeing it is not timed

    elif step in ("svg", "png", "pdf"):
        import argmap.cli.export_cmd  # noqa: PLC0415
        import argmap.export.map_scene  # noqa: PLC0415

        if step != "svg":
            import argmap.export.raster  # noqa: PLC0415

        def run() -> None:
            with open(os.devnull, "w", encoding="utf-8") as quiet:
                stdout, sys.stdout = sys.stdout, quiet
                try:
                    code = main(["export", path, "-o", str(out)])
                finally:
                    sys.stdout = stdout
            if code != 0:
                raise SystemExit(f"export exited {code}")

    elif step == "analyze":
        import argmap.cli.analyze_cmd  # noqa: F401, PLC0415

        def run() -> None:
            with open(os.devnull, "w", encoding="utf-8") as quiet:
                stdout, sys.stdout = sys.stdout, quiet
                try:
                    main(["analyze", path])
                finally:
                    sys.stdout = stdout

    elif step == "canvas":
        import bench_scene  # noqa: PLC0415

        bench_scene.app()

        def run() -> None:
            kept.append(bench_scene.open_canvas(Path(path)))

    else:
        raise SystemExit(f"unknown step {step!r}")
    gc.collect()
    start_mb = _rss_mb()
    times = []
    peak = 0.0
    for _ in range(repeat):
        kept.clear()
        gc.collect()
        began = time.perf_counter()
        run()
        times.append((time.perf_counter() - began) * 1000.0)
        # The first run's peak is a user's: a closed canvas leaves Qt memory behind that
        # later runs would add to.
        peak = peak or _peak_mb()
    result = {"median_ms": statistics.median(times), "peak_mb": peak, "added_mb": peak - start_mb}
    print(json.dumps(result), flush=True)
    os._exit(0)  # (no teardown of a big scene: its time is not the figure's)


def _cell(result: Result) -> str:
    if result.failure:
        return f"| {result.failure} | | |"
    return f"| {result.median_ms:,.0f} ms | {result.peak_mb:,.0f} MB | {result.added_mb:,.0f} MB |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one timed run per step")
    parser.add_argument("--only", metavar="SHAPE", help="one shape: " + ", ".join(SIZES))
    parser.add_argument("--sizes", help="comma-separated sizes instead of the shape's own")
    parser.add_argument("--steps", default=",".join(STEPS), help="comma-separated steps")
    parser.add_argument("--budget-mb", type=float, default=3000.0, help="RSS budget per process")
    parser.add_argument("--limit-s", type=float, default=600.0, help="time limit per process")
    parser.add_argument(
        "--child", nargs=3, metavar=("STEP", "MAP", "REPEAT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        step, path, repeat = args.child
        _child(step, path, int(repeat))
        return 0
    repeat = 1 if args.quick else 3
    print("| Shape | Statements | Step | Median | Peak RSS | Added by the step |")
    print("|---|---|---|---|---|---|")
    for shape, sizes in SIZES.items():
        if args.only and args.only != shape:
            continue
        for n in [int(s) for s in args.sizes.split(",")] if args.sizes else sizes:
            for step in args.steps.split(","):
                result = measure(
                    shape, n, step, repeat, budget_mb=args.budget_mb, limit_s=args.limit_s
                )
                print(f"| {shape} | {n:,} | {step} {_cell(result)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
