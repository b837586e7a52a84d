"""Interchange timings (medians): python benchmarks/bench_interop.py [--quick].

Argdown and AIF/OVA, written and read back, for trees of 1,000 and 5,000 statements (the
shape of a real map: claims with 1-4 reasons, some linked, some attacks) and for a chain
of 2,000 (each statement supports the one before: the deepest shape), plus reading the
bundled sample map's Argdown.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from layout_maps import synthetic_map  # noqa: E402

from argmap.interop.aif_reader import loads_aif  # noqa: E402
from argmap.interop.aif_writer import dumps_aif  # noqa: E402
from argmap.interop.argdown_reader import read_argdown  # noqa: E402
from argmap.interop.argdown_writer import dumps_argdown  # noqa: E402
from argmap.model import ArgMap, Inference, Statement, StatementKind  # noqa: E402
from argmap.resources import resource  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def chain(n: int) -> ArgMap:
    statements = [
        Statement(id=f"s{k}", kind=StatementKind.CLAIM, text=f"Step {k} of a long chain.")
        for k in range(n)
    ]
    inferences = [
        Inference(id=f"i{k}", premises=[f"s{k}"], conclusion=f"s{k - 1}") for k in range(1, n)
    ]
    return ArgMap(statements=statements, inferences=inferences)


def row(name: str, ms: float) -> None:
    print(f"{name:<52}{ms:>9.1f} ms")


def main() -> None:
    runs = 3 if "--quick" in sys.argv else 5
    print(f"{'measure':<52}{'median':>12}")
    sample = ArgMap.model_validate_json(resource("sample.argmap.json").read_bytes())
    text = dumps_argdown(sample)
    row(
        "Argdown: read the sample's export (66 statements)",
        median_ms(lambda: read_argdown(text), runs),
    )
    for label, doc in (
        ("tree 1000", synthetic_map(1000)),
        ("tree 5000", synthetic_map(5000)),
        ("chain 2000", chain(2000)),
    ):
        argdown = dumps_argdown(doc)
        row(f"Argdown: write {label}", median_ms(lambda d=doc: dumps_argdown(d), runs))
        row(f"Argdown: read {label}", median_ms(lambda t=argdown: read_argdown(t), runs))
        for form in ("aifdb", "ova"):
            aif = dumps_aif(doc, form)  # type: ignore[arg-type]
            row(f"{form}: write {label}", median_ms(lambda d=doc, f=form: dumps_aif(d, f), runs))
            row(f"{form}: read {label}", median_ms(lambda a=aif: loads_aif(a), runs))


if __name__ == "__main__":
    main()
