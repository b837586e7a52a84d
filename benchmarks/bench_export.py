"""Layout and export timings (medians): python benchmarks/bench_export.py [--quick]."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from layout_maps import synthetic_map  # noqa: E402

from argmap.layout.tidy_tree import TreeLayouter, layout_map  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    quick = "--quick" in sys.argv
    runs = 3 if quick else 7
    print(f"{'measure':<48}{'median':>12}")
    for n in (1000, 5000, 20000):
        doc = synthetic_map(n)
        first = median_ms(lambda d=doc: layout_map(d), runs)
        print(f"{f'layout {n} statements, first':<48}{first:>9.1f} ms")
        layouter = TreeLayouter()
        layouter.layout(doc)
        cached = median_ms(lambda d=doc, lay=layouter: lay.layout(d), runs)
        print(f"{f'layout {n} statements, re-layout (cached sizes)':<48}{cached:>9.1f} ms")

    from argmap.export.svg_writer import map_svg  # noqa: PLC0415

    doc = synthetic_map(1000)
    svg = map_svg(doc)
    print(
        f"{'SVG 1000 statements, in process':<48}{median_ms(lambda: map_svg(doc), runs):>9.1f} ms"
    )
    print(f"{'SVG 1000 statements, bytes per statement':<48}{len(svg.encode()) / 1000:>9.0f} B")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.argmap.json"
        path.write_text(doc.model_dump_json(), encoding="utf-8")
        cmd = [sys.executable, "-m", "argmap", "export", str(path), "-o", str(Path(tmp) / "m.svg")]
        cli = median_ms(lambda: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True), 3)
        print(f"{'argmap export 1000 statements to SVG (process)':<48}{cli:>9.1f} ms")

        from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

        from argmap.export import raster  # noqa: PLC0415
        from argmap.export.map_scene import prepare  # noqa: PLC0415
        from argmap.io.map_file import load_map  # noqa: PLC0415

        _app = QGuiApplication([])
        scene = prepare(load_map(ROOT / "resources" / "sample.argmap.json"), direction="LR")
        image = raster.render_image(scene, 1.0)
        print(
            f"{'PNG render sample map (LR, 1x)':<48}"
            f"{median_ms(lambda: raster.render_image(scene, 1.0), runs):>9.1f} ms"
        )
        out = str(Path(tmp) / "p.png")
        from PySide6.QtGui import QImageWriter  # noqa: PLC0415

        def qt_default() -> None:
            QImageWriter(out, b"png").write(image)

        for level in (0, 1, 4, 6, 9, -1):
            fn = qt_default if level == -1 else (lambda lv=level: raster._save_png(image, out, lv))
            ms = median_ms(fn, runs)
            size = Path(out).stat().st_size / 1024
            label = "Qt default" if level == -1 else f"zlib {level}"
            print(f"{f'PNG encode, compression {label}':<48}{ms:>9.1f} ms {size:>8.0f} KB")


if __name__ == "__main__":
    main()
