"""The command line starts light: parsing arguments loads no heavy library."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pydantic", "PySide6", "networkx", "lxml", "trafilatura", "pysbd", "rapidfuzz")


def test_building_the_parser_imports_no_heavy_library() -> None:
    script = (
        "import sys\n"
        "from argmap.cli import build_parser\n"
        "build_parser()\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_opening_the_window_module_defers_graph_html_and_text_matching_libraries() -> None:
    # Each is loaded on first use (analysis, article import, snapping and re-anchoring
    # quotes): the window starts faster and smaller without them.
    deferred = ("networkx", "lxml", "trafilatura", "markdown_it", "pysbd", "rapidfuzz")
    script = (
        "import os, sys\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "import argmap.ui.app, argmap.ui.window.main_window\n"
        f"print(sorted(m for m in {deferred!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
