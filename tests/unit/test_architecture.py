"""Repository rules that keep the core headless."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "argmap"
QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
LAYERS = {"model", "analysis", "io", "layout", "interop", "ui", "export", "cli"}
# The Qt-free core and what each part may import of argmap besides itself.
ALLOWED_INSIDE = {
    "model": set(),
    "analysis": {"model"},
    "io": {"model"},
    "layout": {"model"},
    "interop": {"model", "io", "analysis", "layout"},  # layout: OVA positions
}
HEADLESS = list(ALLOWED_INSIDE)


def _imports(path: Path) -> set[str]:
    """Modules a file imports, including ``import_module("...")`` with a literal name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
    return names


def _offenders(package: str) -> list[str]:
    offenders = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] in QT:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if parts[0] == "argmap" and len(parts) > 1 and parts[1] in LAYERS:
                if parts[1] != package and parts[1] not in ALLOWED_INSIDE[package]:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return offenders


@pytest.mark.parametrize("package", HEADLESS)
def test_headless_packages_import_no_qt_and_only_the_layers_below(package: str) -> None:
    assert _offenders(package) == []


def test_an_import_by_name_counts_as_an_import(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text('import importlib\nm = importlib.import_module("argmap.ui.app")\n')
    assert "argmap.ui.app" in _imports(source)


def test_importing_every_module_of_the_core_loads_no_qt() -> None:
    # A fresh process: the static check above cannot see Qt pulled in by a dependency.
    script = (
        "import importlib, pkgutil, sys\n"
        f"for package in {HEADLESS!r}:\n"
        "    root = importlib.import_module('argmap.' + package)\n"
        "    for info in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "core = sorted(m for m in sys.modules if m.startswith('argmap.'))\n"
        f"print(len(core), sorted(m for m in sys.modules if m.split('.')[0] in {sorted(QT)!r}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split(" ", 1)
    assert int(out[0]) > 50  # the walk really imported the core's modules
    assert out[1].strip() == "[]"


GENERATED = {"layout/font_widths.py"}  # tables written by scripts/gen_font_widths.py


def test_no_module_is_over_600_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert {p: n for p, n in long.items() if p not in GENERATED} == {}
