"""DOT export: every statement and inference, with strings quoted safely."""

from __future__ import annotations

import re

from argmap.interop.dot_writer import dumps_dot, quote
from argmap.model import ArgMap, Statement, StatementKind

_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _unquote(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), body)


def test_quote_round_trips_hostile_text() -> None:
    hostile = 'say "hi"\\n; } digraph x { a -> b\nnext\\'
    literal = quote(hostile)
    assert _STRING.fullmatch(literal)
    assert _unquote(literal[1:-1]) == hostile


def test_every_statement_and_inference_is_drawn(sample_map: ArgMap) -> None:
    out = dumps_dot(sample_map)
    assert out.startswith("digraph argmap {") and out.rstrip().endswith("}")
    nodes = set(re.findall(r'^  "([^"]+)" \[', out, flags=re.MULTILINE))
    assert nodes == {s.id for s in sample_map.statements} | {i.id for i in sample_map.inferences}
    edges = set(re.findall(r'^  "([^"]+)" -> "([^"]+)"', out, flags=re.MULTILINE))
    assert ("s-e2", "i-4") in edges and ("s-e1", "i-4") in edges and ("i-4", "s-b") in edges
    assert ("i-3", "i-1") in edges  # the undercut points at the inference
    assert "rankdir=BT" in out


def test_labels_hold_the_kind_and_wrapped_text() -> None:
    text = 'The "ceasefire" would\\ freeze ' + "the front line " * 5
    doc = ArgMap(statements=[Statement(id="a", kind=StatementKind.SCENARIO, text=text)])
    out = dumps_dot(doc)
    label = next(m for m in _STRING.findall(out) if m.startswith("SCENARIO"))
    assert " ".join(_unquote(label).split("\n")[1:]) == " ".join(text.split())
    assert all(len(line) <= 36 for line in _unquote(label).split("\n"))
    # Outside strings, braces balance: no text escaped into the graph syntax.
    bare = _STRING.sub('""', out)
    assert bare.count("{") == bare.count("}") == 1


def test_left_to_right_maps_keep_conclusions_on_the_left(sample_map: ArgMap) -> None:
    sample_map.view.direction = "LR"
    assert "rankdir=RL" in dumps_dot(sample_map)
