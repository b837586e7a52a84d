"""Argdown export: declarations with data fields, premise-conclusion structures, attacks and
undercuts argmap reads back, escaping, and (when installed) the reference parser's verdict."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from argdown_reference import argdown_cli, run_reference

from argmap.interop.argdown_reader import read_argdown
from argmap.interop.argdown_writer import dumps_argdown
from argmap.model import ArgMap, InferenceKind, Statement, StatementKind

TRICKY = "A #tag, http://x.org/a_b // not a comment <Arg> [St] *bold* 50% +> -> {a: 1} \\ end"


def test_each_statement_is_declared_once_with_its_kind_and_judgements(sample_map: ArgMap) -> None:
    out = dumps_argdown(sample_map)
    declared = re.findall(r"^\[([^\]]+)\]: (.*)$", out, flags=re.MULTILINE)
    assert len(declared) == len(sample_map.statements)
    assert out.startswith('===\ntitle: "Ceasefire talks"\n')
    lines = dict(declared)
    assert (
        lines["Will a ceasefire hold by June"] == "Will a ceasefire hold by June? {kind: question}"
    )
    assert lines["Ceasefire agreed by spring"].endswith("{kind: scenario, prior: 3.0}")
    assert lines["Oil gas revenue fell 26.7 in October"].endswith(
        "{kind: evidence, credibility: 0.9, quotes: [q-1]}"
    )
    # The question and scenarios come first.
    titles = [title for title, _text in declared]
    assert titles[:3] == [
        "Will a ceasefire hold by June",
        "Ceasefire agreed by spring",
        "War of attrition continues",
    ]


def test_supports_are_arguments_with_premise_conclusion_structure(sample_map: ArgMap) -> None:
    out = dumps_argdown(sample_map)
    assert (
        "<Because Oil gas revenue fell 26.7 in October>\n\n"
        "(1) [Oil gas revenue fell 26.7 in October]\n"
        "-- Cause to effect --\n"
    ) in out
    linked = out.split("<Because Russia claims big gains>")[1]
    assert re.match(r"\n\n\(1\) \[.*\]\n\(2\) \[.*\]\n----\n\(3\) \[War of attrition", linked)


def test_attacks_and_undercuts_read_back_as_one_inference_each(sample_map: ArgMap) -> None:
    out = dumps_argdown(sample_map)
    assert "{argmap: attack}\n  -> [Ceasefire agreed by spring]" in out
    assert "  <_ [Because Oil gas revenue fell 26.7 in October fails]" in out
    back, report = read_argdown(out)
    assert report.warnings == []
    kinds = [i.kind for i in back.inferences]
    assert kinds == [i.kind for i in sample_map.inferences]
    undercut = back.inferences[2]
    assert undercut.kind is InferenceKind.UNDERCUT
    assert undercut.conclusion == back.inferences[0].id
    assert [s.text for s in back.statements] == [s.text for s in sample_map.statements]


def test_special_characters_read_back_exactly_and_titles_are_unique() -> None:
    doc = ArgMap(
        statements=[
            Statement(id="a", kind=StatementKind.CLAIM, text=TRICKY),
            Statement(id="b", kind=StatementKind.CLAIM, text=TRICKY + "\nsecond line"),
            Statement(id="c", kind=StatementKind.CLAIM, text="<>[]#*"),
            Statement(id="d", kind=StatementKind.CLAIM, text="-1 % growth .A. ===x"),
        ]
    )
    out = dumps_argdown(doc)
    titles = re.findall(r"^\[((?:[^\]\\]|\\.)+)\]:", out, flags=re.MULTILINE)
    assert len(titles) == len(set(titles)) == 4
    assert "\nsecond line" not in out  # one line; the exact text rides in a data field
    back, _report = read_argdown(out)
    assert [s.text for s in back.statements] == [s.text for s in doc.statements]


def test_empty_map_gives_a_document_argdown_accepts() -> None:
    out = dumps_argdown(ArgMap())
    assert out == "# Empty map\n"
    back, _report = read_argdown(out)
    assert back.statements == []


@pytest.mark.skipif(argdown_cli() is None, reason="Argdown CLI not installed")
def test_the_argdown_cli_parses_the_export(sample_map: ArgMap, tmp_path: Path) -> None:
    sample_map.statements.append(Statement(id="t", kind=StatementKind.CLAIM, text=TRICKY))
    (tmp_path / "map.argdown").write_text(dumps_argdown(sample_map), encoding="utf-8")
    cli = argdown_cli()
    assert cli is not None
    run = run_reference(cli, tmp_path, "map.argdown", tmp_path / "out")
    assert run.returncode == 0 and "error" not in (run.stdout + run.stderr).lower(), run.stdout
    data = json.loads((tmp_path / "out" / "map.json").read_text(encoding="utf-8"))
    texts = {
        m["text"].strip()
        for s in data["statements"].values()
        for m in s["members"]
        if m.get("text")
    }
    assert {s.text for s in sample_map.statements} <= texts
    assert len(data["arguments"]) == len(sample_map.inferences)
    kinds = sorted(r["relationType"] for r in data["relations"])
    assert kinds == ["attack", "undercut"]  # supports are the structures themselves
