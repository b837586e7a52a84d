"""The development tools are pinned in one place, and the hooks use the same versions."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _pins() -> dict[str, str]:
    text = (ROOT / "packaging" / "dev-constraints.txt").read_text(encoding="utf-8")
    pins = {}
    for line in text.splitlines():
        requirement = line.split("#")[0].strip()
        if requirement:
            name, _, version = requirement.partition("==")
            assert version, f"not an exact pin: {requirement!r}"
            pins[name.lower()] = version
    return pins


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[ ;]", r, maxsplit=1)[0].lower() for r in requirements}


def test_every_test_and_dev_tool_has_an_exact_pin() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    tools = _requirement_names(extras["test"] + extras["dev"]) - {"argmap"}
    assert tools - _pins().keys() == set()


def test_the_pre_commit_hooks_run_the_pinned_ruff() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    hook_pins = set(re.findall(r'"ruff==([^"]+)"', config))
    assert hook_pins == {_pins()["ruff"]}


def test_setup_installs_the_test_tools_with_the_constraints() -> None:
    setup = (ROOT / "packaging" / "setup.sh").read_text(encoding="utf-8")
    assert "-c packaging/dev-constraints.txt -e '.[test]'" in setup
