"""Long fuzz run of every way into argmap, outside CI: thousands of hostile inputs, findings
counted.

    python benchmarks/fuzz_long.py                      # 20,000 inputs, every entry point
    python benchmarks/fuzz_long.py --inputs 100000 --seed 7 --scale 5000 --budget-mb 600
    python benchmarks/fuzz_long.py --atheris loads_map -- -runs=50000 -timeout=10

The default engine spreads inputs over the file readers (maps, AIF, HTML, Markdown and
text articles: ``tests/fuzz_inputs.py``) and every entry point (``tests/fuzz_entry_points.py``:
each ``argmap`` command in process, ``open`` and ``present`` included, the layout, saving
and loading again, the recovery reader). Inputs are real files mutated at random, and valid
maps of pathological shape up to ``--scale`` statements (deep chains, undercut chains,
wide fans, layered DAGs, very long lines, odd Unicode, numbers beyond float range).

A finding is a crash (an exception or a traceback, a failure without a message, an export
that reports success over a broken file, a written map that does not read back), a hang
(a call past ``--limit`` seconds) or a budget breach (a call whose peak resident memory
rises more than ``--budget-mb`` above the process's). Each is saved under ``--out``
(default ``$TMPDIR/argmap-fuzz/crashes``) and the run ends with a non-zero status.
``--atheris TARGET`` hands one reader to atheris (coverage-guided; ``pip install atheris``).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.gettempdir()) / "argmap-fuzz"  # findings and the atheris corpus
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fuzz_entry_points import (  # noqa: E402
    BUDGET_MB,
    ENTRY_POINTS,
    Outcome,
    aif_seeds,
    make_input,
    prepare_process,
    run_entry,
    run_reader,
    seed_maps,
)
from fuzz_inputs import mutate, targets  # noqa: E402

KINDS = ("crash", "hang", "budget")
HARD_LIMIT_BYTES = 6 * 2**30  # past this the process gets MemoryError, not the machine's RAM


def _save(out: Path, name: str, data: bytes, problem: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{name}-{hashlib.sha256(data).hexdigest()[:12]}"
    (out / f"{stem}.txt").write_text(problem + "\n", encoding="utf-8")
    path = out / f"{stem}.bin"
    path.write_bytes(data)
    return path


def run_random(args: argparse.Namespace) -> int:
    """Spread ``args.inputs`` inputs over every reader and entry point; the finding count."""
    rnd = random.Random(args.seed)
    readers = targets()
    maps, aifs = seed_maps(), aif_seeds()
    names = [t.name for t in readers] + [e.name for e in ENTRY_POINTS]
    tried: Counter[str] = Counter()
    found: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    slowest: dict[str, float] = {}
    peak: dict[str, float] = {}
    started = time.monotonic()
    for n in range(1, args.inputs + 1):
        k = rnd.randrange(len(names))
        if k < len(readers):
            target = readers[k]
            data = (
                mutate(rnd.choice(target.seeds), rnd, rnd.randint(1, 5))
                if rnd.random() < 0.95
                else rnd.randbytes(rnd.randrange(2000))
            )
            outcome: Outcome = run_reader(target, data, limit=args.limit, budget_mb=args.budget_mb)
        else:
            entry = ENTRY_POINTS[k - len(readers)]
            data = make_input(entry, rnd, maps, aifs, args.scale)
            outcome = run_entry(entry, data, limit=args.limit, budget_mb=args.budget_mb)
        name = names[k]
        tried[name] += 1
        slowest[name] = max(slowest.get(name, 0.0), outcome.seconds)
        peak[name] = max(peak.get(name, 0.0), outcome.peak_mb)
        if outcome.problem is not None:
            found[outcome.kind][name] += 1
            saved = _save(args.out, name, data, outcome.problem)
            print(f"{outcome.kind.upper()} {name}: {outcome.problem[:200]} -> {saved}", flush=True)
        if n % 1000 == 0:
            total = sum(sum(c.values()) for c in found.values())
            print(
                f"... {n} inputs, {total} findings, {time.monotonic() - started:.0f} s", flush=True
            )
    elapsed = time.monotonic() - started
    print(f"\n{sum(tried.values())} inputs in {elapsed:.0f} s (seed {args.seed}, scale "
          f"{args.scale}, limit {args.limit:g} s, budget {args.budget_mb:,.0f} MB)")  # fmt: skip
    print(f"{'entry point':<14}{'inputs':>8}{'crashes':>9}{'hangs':>7}{'budget':>8}"
          f"{'slowest':>10}{'peak MB':>9}")  # fmt: skip
    for name in names:
        print(
            f"{name:<14}{tried[name]:>8}{found['crash'][name]:>9}{found['hang'][name]:>7}"
            f"{found['budget'][name]:>8}{slowest.get(name, 0):>9.2f}s{peak.get(name, 0):>9.0f}"
        )
    totals = [sum(found[kind].values()) for kind in KINDS]
    print(f"\n{totals[0]} crashes, {totals[1]} hangs, {totals[2]} budget breaches")
    return sum(totals)


def run_atheris(name: str, libfuzzer_args: list[str]) -> None:
    """Coverage-guided fuzzing of one reader with atheris (runs until libFuzzer stops)."""
    import atheris  # noqa: PLC0415

    target = {t.name: t for t in targets()}[name]
    count = Counter[str]()

    def one_input(data: bytes) -> None:
        count["inputs"] += 1
        try:
            target.call(data)
        except target.allowed:
            pass  # refused with the documented error: fine

    corpus = WORK / "corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(target.seeds):
        (corpus / f"seed-{i}").write_bytes(seed)
    atheris.instrument_all()
    atheris.Setup([sys.argv[0], *libfuzzer_args, str(corpus)], one_input)
    atheris.Fuzz()


def main() -> int:
    """Parse the command line and fuzz; exit status 1 if anything was found."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=20_000, help="inputs to try in all")
    parser.add_argument("--seed", type=int, default=1, help="random seed (runs repeat)")
    parser.add_argument("--limit", type=float, default=30.0, help="seconds allowed per call")
    parser.add_argument("--budget-mb", type=float, default=BUDGET_MB, help="MB per call")
    parser.add_argument("--scale", type=int, default=3000, help="largest pathological map")
    parser.add_argument("--out", type=Path, default=WORK / "crashes")
    parser.add_argument("--atheris", metavar="TARGET", help="fuzz one reader with atheris")
    parser.add_argument("libfuzzer", nargs="*", help="arguments for libFuzzer (after --)")
    args = parser.parse_args()
    if args.atheris:
        run_atheris(args.atheris, args.libfuzzer)
        return 0
    resource.setrlimit(resource.RLIMIT_DATA, (HARD_LIMIT_BYTES, resource.RLIM_INFINITY))
    prepare_process(Path(tempfile.mkdtemp(prefix="argmap-fuzz-home-")))
    return 1 if run_random(args) else 0


if __name__ == "__main__":
    sys.exit(main())
