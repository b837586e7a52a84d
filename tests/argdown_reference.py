"""The reference Argdown parser (``@argdown/cli`` 1.7) for differential tests.

``packaging/install-argdown-cli.sh`` installs it into ``.tools/`` (CI does that); tests
find it there, or through ``ARGDOWN_CLI``, or on PATH. :func:`comparable` turns the
reference's JSON and argmap's own Argdown model into the same plain structure, so a test
can compare statements (with every member's role, text, tags and data), arguments (with
their premise-conclusion structures and inference lines), relations and sections.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from argmap.interop.argdown_reader_model import (
    Argument,
    EquivalenceClass,
    Inference,
    Member,
    Model,
    Section,
)

ROOT = Path(__file__).resolve().parents[1]
LOCAL_CLI = ROOT / ".tools" / "node_modules" / ".bin" / "argdown"


def argdown_cli() -> str | None:
    """The reference CLI: ``ARGDOWN_CLI``, the project's ``.tools`` copy, or PATH."""
    named = os.environ.get("ARGDOWN_CLI")
    if named:
        return named
    if LOCAL_CLI.exists():
        return str(LOCAL_CLI)
    return shutil.which("argdown")


def run_reference(
    cli: str, folder: Path, pattern: str, out: Path
) -> subprocess.CompletedProcess[str]:
    """``argdown json`` over the files matching ``pattern`` in ``folder`` (JSON in ``out``).

    Runs in ``folder`` so no ``argdown.config.js`` from elsewhere is picked up.
    """
    return subprocess.run(
        [cli, "json", pattern, str(out)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _member(m: dict[str, Any]) -> list[Any]:
    return [m.get("role"), m.get("text"), bool(m.get("isReference")), m.get("tags"), m.get("data")]


def _pcs(statement: dict[str, Any]) -> list[Any]:
    inference = statement.get("inference")
    step = None
    if inference is not None:
        step = [
            inference.get("inferenceRules"),
            inference.get("data"),
            inference["conclusionIndex"],
        ]
    return [statement.get("title"), statement.get("role"), statement.get("text"), step]


def _flatten_sections(sections: list[dict[str, Any]]) -> list[list[Any]]:
    out: list[list[Any]] = []
    stack = list(reversed(sections))
    while stack:
        s = stack.pop()
        out.append([s["id"], s["level"], s["title"], s.get("parent")])
        stack.extend(reversed(s.get("children", [])))
    return out


def comparable_reference(data: dict[str, Any]) -> dict[str, Any]:
    """The reference's JSON export as plain, comparable data."""
    return {
        "statements": {
            title: {
                "members": [_member(m) for m in ec["members"]],
                "tags": ec.get("tags"),
                "data": ec.get("data"),
                "section": ec.get("section"),
            }
            for title, ec in data["statements"].items()
        },
        "arguments": {
            title: {
                "members": [_member(m) for m in a["members"]],
                "pcs": [_pcs(s) for s in a.get("pcs", [])],
                "tags": a.get("tags"),
                "data": a.get("data"),
                "section": a.get("section"),
            }
            for title, a in data["arguments"].items()
        },
        "relations": [
            [
                r["relationType"],
                r["from"],
                r["fromType"],
                r["to"],
                r["toType"],
                r.get("conclusionIndex"),
            ]
            for r in data["relations"]
        ],
        "sections": _flatten_sections(data.get("sections", [])),
    }


def _my_member(m: Member) -> list[Any]:
    return [m.role, m.text, m.is_reference, m.tags, m.data]


def _my_pcs(m: Member) -> list[Any]:
    step = None
    if m.inference is not None:
        i = m.inference
        step = [i.rules, i.data, i.conclusion_index]
    return [m.title, m.role, m.text, step]


def _section_id(section: Section | None) -> str | None:
    return section.id if section is not None else None


def _node(node: EquivalenceClass | Argument | Inference | None) -> tuple[str, str]:
    if isinstance(node, EquivalenceClass):
        return node.title, "equivalence-class"
    if isinstance(node, Argument):
        return node.title, "argument"
    assert node is not None
    return node.argument_title, "inference"


def _flatten_my_sections(sections: list[Section]) -> list[list[Any]]:
    out: list[list[Any]] = []
    stack = list(reversed(sections))
    while stack:
        s = stack.pop()
        out.append([s.id, s.level, s.title, _section_id(s.parent)])
        stack.extend(reversed(s.children))
    return out


def comparable_model(model: Model) -> dict[str, Any]:
    """argmap's Argdown model in the same shape as :func:`comparable_reference`."""
    relations = []
    for r in model.relations:
        source, source_type = _node(r.source)
        target, target_type = _node(r.target)
        index = r.target.conclusion_index if isinstance(r.target, Inference) else None
        relations.append([r.type, source, source_type, target, target_type, index])
    return {
        "statements": {
            title: {
                "members": [_my_member(m) for m in ec.members],
                "tags": ec.tags,
                "data": ec.data,
                "section": _section_id(ec.section),
            }
            for title, ec in model.statements.items()
        },
        "arguments": {
            title: {
                "members": [_my_member(m) for m in a.members],
                "pcs": [_my_pcs(s) for s in a.pcs],
                "tags": a.tags,
                "data": a.data,
                "section": _section_id(a.section),
            }
            for title, a in model.arguments.items()
        },
        "relations": relations,
        "sections": _flatten_my_sections(model.sections),
    }


def load_reference_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
