"""Long fuzz run of every file reader, outside CI: thousands of hostile inputs, crashes counted.

    python benchmarks/fuzz_long.py                      # 20,000 mutated inputs, all readers
    python benchmarks/fuzz_long.py --inputs 100000 --seed 7
    python benchmarks/fuzz_long.py --atheris loads_map -- -runs=50000 -timeout=10

The default engine mutates real files (maps, AIF, articles) at random, exactly like
``tests/unit/io/test_fuzz_loaders.py`` but by the thousand; ``--atheris TARGET`` hands one
reader to atheris (coverage-guided libFuzzer; ``pip install atheris``). Every input that
makes a reader raise anything but its documented error, or run past the time limit, is a
crash: it is saved under ``--out`` (default ``$TMPDIR/argmap-fuzz/crashes``) and the run
ends with a non-zero status.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = Path(tempfile.gettempdir()) / "argmap-fuzz"  # crashes and the atheris corpus
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fuzz_inputs import Target, mutate, run_bounded, targets  # noqa: E402


def _save(out: Path, target: Target, data: bytes, problem: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    name = f"{target.name}-{hashlib.sha256(data).hexdigest()[:12]}"
    (out / f"{name}.txt").write_text(problem + "\n", encoding="utf-8")
    path = out / f"{name}.bin"
    path.write_bytes(data)
    return path


def run_random(inputs: int, seed: int, out: Path, limit: float) -> int:
    """The mutation engine: ``inputs`` inputs spread over all readers; the crash count."""
    rnd = random.Random(seed)
    readers = targets()
    tried: Counter[str] = Counter()
    crashes: Counter[str] = Counter()
    slowest: dict[str, float] = {}
    started = time.monotonic()
    for n in range(1, inputs + 1):
        target = rnd.choice(readers)
        seed_file = rnd.choice(target.seeds)
        data = (
            mutate(seed_file, rnd, rnd.randint(1, 5))
            if rnd.random() < 0.95
            else rnd.randbytes(rnd.randrange(2000))
        )
        began = time.perf_counter()
        problem = run_bounded(target, data, limit)
        slowest[target.name] = max(slowest.get(target.name, 0.0), time.perf_counter() - began)
        tried[target.name] += 1
        if problem is not None:
            crashes[target.name] += 1
            saved = _save(out, target, data, problem)
            print(f"CRASH {target.name}: {problem[:200]} -> {saved}", flush=True)
        if n % 2000 == 0:
            print(f"... {n} inputs, {sum(crashes.values())} crashes", flush=True)
    elapsed = time.monotonic() - started
    print(f"\n{sum(tried.values())} inputs in {elapsed:.0f} s (seed {seed})")
    print(f"{'reader':<14}{'inputs':>8}{'crashes':>9}{'slowest':>10}")
    for target in readers:
        name = target.name
        print(f"{name:<14}{tried[name]:>8}{crashes[name]:>9}{slowest.get(name, 0):>9.2f}s")
    return sum(crashes.values())


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
    """Parse the command line and fuzz; exit status 1 if any reader crashed or hung."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=20_000, help="inputs to try in all")
    parser.add_argument("--seed", type=int, default=1, help="random seed (runs repeat)")
    parser.add_argument("--limit", type=float, default=10.0, help="seconds allowed per call")
    parser.add_argument("--out", type=Path, default=WORK / "crashes")
    parser.add_argument("--atheris", metavar="TARGET", help="fuzz one reader with atheris")
    parser.add_argument("libfuzzer", nargs="*", help="arguments for libFuzzer (after --)")
    args = parser.parse_args()
    if args.atheris:
        run_atheris(args.atheris, args.libfuzzer)
        return 0
    return 1 if run_random(args.inputs, args.seed, args.out, args.limit) else 0


if __name__ == "__main__":
    sys.exit(main())
