"""Argdown export: statements, premise-conclusion structures, relations, escaping.

When the Argdown CLI is installed (``argdown`` on PATH, or ``ARGDOWN_CLI`` naming it,
e.g. after ``npm install --prefix /tmp/argdown @argdown/cli``), its parser checks the
output too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.interop.argdown_writer import dumps_argdown, escape
from argmap.model import ArgMap, Statement, StatementKind

TRICKY = "A #tag, http://x.org/a_b // not a comment <Arg> [St] *bold* 50% +> -> {a: 1} \\ end"


def _argdown_cli() -> str | None:
    return os.environ.get("ARGDOWN_CLI") or shutil.which("argdown")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_each_statement_is_declared_once_with_its_text(sample_map: ArgMap) -> None:
    out = dumps_argdown(sample_map)
    declared = re.findall(r"^\[([^\]]+)\]: (.*)$", out, flags=re.MULTILINE)
    texts = [_unescape(text) for _title, text in declared]
    for s in sample_map.statements:
        assert texts.count(s.text) == 1
    assert out.startswith('===\ntitle: "Ceasefire talks"\n===\n')
    # The question and scenarios come first.
    assert texts[:3] == [s.text for s in sample_map.statements[:3]]


def test_arguments_have_premise_conclusion_structure(sample_map: ArgMap) -> None:
    out = dumps_argdown(sample_map)
    blocks = [b for b in out.split("\n\n") if b.startswith("<")]
    heads = [b.split("\n")[0] for b in blocks]
    assert len(heads) == len(sample_map.inferences)
    assert heads[0].endswith(": Cause to effect")  # the scheme describes the argument
    linked = out.split("<Because Russia claims big gains>")[1]
    assert re.match(r"\n\n\(1\) \[.*\]\n\(2\) \[.*\]\n----\n\(3\) \[War of attrition", linked)


def test_attack_and_undercut_relations(sample_map: ArgMap) -> None:
    out = dumps_argdown(sample_map)
    assert "(2) [Not Ceasefire agreed by spring]: Not: Ceasefire agreed by spring" in out
    assert "\n  -> [Ceasefire agreed by spring]" in out
    assert (
        "(2) [Because Oil gas revenue fell 26.7 in October fails]: The inference of Because "
        "Oil gas revenue fell 26.7 in October does not hold.\n"
        "  _> <Because Oil gas revenue fell 26.7 in October>"
    ) in out


def test_special_characters_are_escaped_and_titles_unique() -> None:
    doc = ArgMap(
        statements=[
            Statement(id="a", kind=StatementKind.CLAIM, text=TRICKY),
            Statement(id="b", kind=StatementKind.CLAIM, text=TRICKY + "\nsecond line"),
            Statement(id="c", kind=StatementKind.CLAIM, text="<>[]#*"),
        ]
    )
    out = dumps_argdown(doc)
    titles = re.findall(r"^\[((?:[^\]\\]|\\.)+)\]:", out, flags=re.MULTILINE)
    assert len(titles) == len(set(titles)) == 3
    assert escape(TRICKY).count("\\") > 10
    assert _unescape(escape(TRICKY)) == TRICKY
    assert "second line" in out and "\nsecond line" not in out


def test_empty_map_gives_an_empty_document() -> None:
    assert dumps_argdown(ArgMap()) == "\n"


@pytest.mark.skipif(_argdown_cli() is None, reason="Argdown CLI not installed")
def test_the_argdown_cli_parses_the_export(sample_map: ArgMap, tmp_path: Path) -> None:
    sample_map.statements.append(Statement(id="t", kind=StatementKind.CLAIM, text=TRICKY))
    (tmp_path / "map.argdown").write_text(dumps_argdown(sample_map), encoding="utf-8")
    cli = _argdown_cli()
    assert cli is not None
    run = subprocess.run(
        [cli, "json", "map.argdown", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower(), run.stdout
    data = json.loads((tmp_path / "out" / "map.json").read_text(encoding="utf-8"))
    texts = {m["text"] for s in data["statements"].values() for m in s["members"] if m.get("text")}
    assert {s.text for s in sample_map.statements} <= texts
    assert len(data["arguments"]) == len(sample_map.inferences)
    kinds = sorted(r["relationType"] for r in data["relations"])
    assert kinds == ["attack", "undercut"]  # supports are implied by the structures
