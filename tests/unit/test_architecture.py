"""Repository rules that keep the core headless."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "argmap"
HEADLESS = ["model", "analysis", "io", "layout"]
ALLOWED_INSIDE = {
    "model": set(),
    "analysis": {"model"},
    "io": {"model"},
    "layout": {"model"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", HEADLESS)
def test_headless_packages_import_no_qt_and_only_the_model(package: str) -> None:
    offenders = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for name in _imports(path):
            top = name.split(".")[0]
            if top in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
            if top == "argmap":
                parts = name.split(".")
                sub = parts[1] if len(parts) > 1 else ""
                if sub in {"model", "analysis", "io", "layout", "ui", "export", "cli", "interop"}:
                    if sub != package and sub not in ALLOWED_INSIDE[package]:
                        offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []
