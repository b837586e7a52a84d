"""No code runs from a map: a scan of argmap/ for the constructs that would let it.

Checked on the syntax tree of every module, so comments and strings do not count:
eval/exec/compile/__import__, pickle-like and YAML loaders, shells, network clients
(imports never follow paths or URLs found in files), format strings whose template is
not a literal (``text.format(...)`` / ``text % args`` on user text), and Qt widgets told
to open links.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "argmap"

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "input"}
FORBIDDEN_MODULES = {
    "pickle", "cPickle", "_pickle", "dill", "shelve", "marshal", "yaml", "jsonpickle",
    "subprocess", "pty", "urllib.request", "http.client", "requests", "httpx", "ftplib",
    "smtplib", "telnetlib", "xmlrpc.client", "ctypes",
}  # fmt: skip
FORBIDDEN_ATTRIBUTES = {
    ("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execvp"), ("os", "spawnv"),
    ("importlib", "import_module"), ("string", "Template"), ("socket", "create_connection"),
}  # fmt: skip
QT_NETWORK = {"QNetworkAccessManager", "QNetworkRequest", "QTcpSocket", "QWebEngineView"}
# Reviewed exceptions: (file relative to argmap/, what) -> why it is safe. A call whose
# arguments are all string literals (e.g. import_module("argmap.analysis")) is fine anyway.
ALLOWED = {
    ("cli/__init__.py", "importlib.import_module"): "module names from the COMMANDS table",
    ("io/heap.py", "import ctypes"): "only glibc's malloc_trim(0); nothing from a map",
    ("io/heap.py", "import ctypes.util"): "finds the C library for malloc_trim",
    ("cli/git_setup_cmd.py", "import subprocess"): (
        "`argmap git-setup` runs git rev-parse and git config with a list of arguments (no "
        "shell); nothing from a map reaches it"
    ),
    ("interop/argdown_reader_yaml.py", "import yaml"): (
        "Argdown's YAML: a SafeLoader subclass (plain types only), alias expansion bounded"
    ),
}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _is_literal_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str | bytes)


def findings(path: Path) -> list[str]:
    """What in one module could run or format code from data: ``"line: what"`` entries."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    rel = path.relative_to(PACKAGE).as_posix()
    found: list[str] = []

    def report(node: ast.AST, what: str) -> None:
        if (rel, what) not in ALLOWED:
            found.append(f"{rel}:{getattr(node, 'lineno', 0)}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names]
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{n}" for n in names]
            for name in names:
                if name in FORBIDDEN_MODULES or name.split(".")[0] in FORBIDDEN_MODULES:
                    report(node, f"import {name}")
                if name.split(".")[-1] in QT_NETWORK or name.endswith("QtNetwork"):
                    report(node, f"import {name}")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                report(node, f"{func.id}()")
            elif isinstance(func, ast.Attribute):
                owner = func.value.id if isinstance(func.value, ast.Name) else ""
                literal_args = bool(node.args) and all(map(_is_literal_text, node.args))
                if (owner, func.attr) in FORBIDDEN_ATTRIBUTES and not literal_args:
                    report(node, f"{owner}.{func.attr}")
                if func.attr in {"format", "format_map"} and not _is_literal_text(func.value):
                    report(node, f".{func.attr}() on a template that is not a literal")
                if func.attr == "setOpenExternalLinks" and not (
                    node.args
                    and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value is False
                ):
                    report(node, "setOpenExternalLinks(not False)")
                if func.attr in {"loads", "load"} and owner in {"pickle", "marshal", "yaml"}:
                    report(node, f"{owner}.{func.attr}")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            # ``x % 2`` is arithmetic; ``template % (a, b)`` or ``% {...}`` is formatting.
            if _is_literal_text(node.left):
                continue
            formatting = isinstance(node.right, ast.Tuple | ast.Dict | ast.JoinedStr)
            if isinstance(node.left, ast.JoinedStr) or formatting:
                report(node, "% formatting on a template that is not a literal")
    return found


def test_no_module_can_run_code_from_a_map() -> None:
    assert len(_modules()) > 50  # the scan sees the whole package
    problems = [f for path in _modules() for f in findings(path)]
    assert problems == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = eval(text)", "eval()"),
        ("import pickle", "import pickle"),
        ("from yaml import load", "import yaml"),
        ("import subprocess", "import subprocess"),
        ("from urllib.request import urlopen", "import urllib.request"),
        ("import os\nos.system(cmd)", "os.system"),
        ("importlib.import_module(name_from_file)", "importlib.import_module"),
        ("msg = template % (a, b)", "% formatting"),
        ("msg = template.format(name=title)", ".format() on a template"),
        ("label.setOpenExternalLinks(True)", "setOpenExternalLinks(not False)"),
        ("from PySide6.QtNetwork import QNetworkAccessManager", "import PySide6.QtNetwork"),
    ],
)
def test_the_scan_catches_each_construct(tmp_path: Path, source: str, expected: str) -> None:
    module = PACKAGE / "_scan_probe.py"
    try:
        module.write_text(source + "\n", encoding="utf-8")
        assert any(expected in f for f in findings(module))
    finally:
        module.unlink()


def test_literal_templates_and_qt_exec_are_fine(tmp_path: Path) -> None:
    module = PACKAGE / "_scan_probe.py"
    try:
        module.write_text(
            'a = "{} of {}".format(1, 2)\nb = "%d items" % 3\ndialog.exec()\n'
            'label.setOpenExternalLinks(False)\nodd = text.count("x") % 2\n'
            'm = importlib.import_module("argmap.analysis")\n',
            encoding="utf-8",
        )
        assert findings(module) == []
    finally:
        module.unlink()
